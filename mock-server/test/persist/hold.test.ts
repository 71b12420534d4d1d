/** The answer-holding middleware and the group commit, over real HTTP with a commit in hand. */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

import express, { type Request } from 'express';

import { GroupCommit } from '../../src/persist/group-commit';
import { holdAnswers } from '../../src/persist/hold';
import { isReadOnly } from '../../src/persist/read-only';

/** A commit the test resolves or rejects, counting how often it was asked for. */
function handCommit() {
  const asked: { resolve: () => void; reject: (err: Error) => void }[] = [];
  let notify: (() => void) | undefined;
  return {
    asked,
    commit: () =>
      new Promise<void>((resolve, reject) => {
        asked.push({ resolve, reject });
        notify?.();
      }),
    /** Resolves once the commit has been asked for `n` times in all. */
    whenAsked: (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (asked.length >= n) resolve();
        };
        notify = check;
        check();
      }),
  };
}

async function serve(hand: ReturnType<typeof handCommit>, failed: unknown[], marks: number[]) {
  const app = express();
  app.use(
    holdAnswers({
      readOnly: isReadOnly,
      commit: hand.commit,
      mark: () => marks.push(1),
      failed: (err) => failed.push(err),
    }),
  );
  app.get('/__mock/v1/clock', (_req, res) => {
    res.json({ now: 1 });
  });
  app.get('/sns/jscode2session', (_req, res) => {
    res.json({ openid: 'o' });
  });
  app.post('/stream', (_req, res) => {
    res.type('text/plain');
    res.write('a');
    res.write('b');
    res.end('c');
  });
  app.post('/pump', (_req, res) => {
    // A writer that waits for `drain` whenever a write says the answer is full.
    res.type('text/plain');
    res.flushHeaders();
    const pump = (i: number): void => {
      if (i === 3) {
        res.end();
        return;
      }
      if (res.write(String(i))) pump(i + 1);
      else res.once('drain', () => pump(i + 1));
    };
    pump(0);
  });
  app.get('/events', (_req, res) => {
    res.type('text/event-stream');
    res.write('data: 1\n\n');
    res.end();
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('holdAnswers', () => {
  const failed: unknown[] = [];
  const marks: number[] = [];
  const hand = handCommit();
  let url = '';
  let close: () => void = () => undefined;
  beforeAll(async () => {
    const s = await serve(hand, failed, marks);
    url = s.url;
    close = () => s.server.close();
  });
  afterAll(() => close());

  it('holds the answer of a writing request until its commit is durable', async () => {
    let arrived = false;
    const answer = fetch(`${url}/sns/jscode2session`).then(async (r) => {
      arrived = true;
      return r.json() as Promise<unknown>;
    });
    await hand.whenAsked(1);
    await new Promise(setImmediate);
    expect(arrived).toBe(false);
    const before = marks.length;
    hand.asked[0]!.resolve();
    expect(await answer).toEqual({ openid: 'o' });
    expect(marks.length).toBe(before + 1);
  });

  it('holds a streamed answer from its first byte, then sends it all in order', async () => {
    const answer = fetch(`${url}/stream`, { method: 'POST' }).then((r) => r.text());
    await hand.whenAsked(2);
    hand.asked[1]!.resolve();
    expect(await answer).toBe('abc');
  });

  it('holds flushed headers too, and lets a writer waiting for drain go on', async () => {
    let arrived = false;
    const answer = fetch(`${url}/pump`, { method: 'POST' }).then(async (r) => {
      arrived = true;
      return r.text();
    });
    await hand.whenAsked(3);
    await new Promise(setImmediate);
    expect(arrived).toBe(false);
    hand.asked[2]!.resolve();
    expect(await answer).toBe('012');
  });

  it('lets read-only requests and event streams through without a commit', async () => {
    const asked = hand.asked.length;
    expect(await (await fetch(`${url}/__mock/v1/clock`)).json()).toEqual({ now: 1 });
    expect(await (await fetch(`${url}/events`)).text()).toBe('data: 1\n\n');
    expect(hand.asked.length).toBe(asked);
  });

  it('drops the answer (closes its connection) when the commit fails', async () => {
    const answer = fetch(`${url}/sns/jscode2session`).then(
      () => 'answered',
      () => 'dropped',
    );
    await hand.whenAsked(4);
    hand.asked[3]!.reject(new Error('ENOSPC'));
    expect(await answer).toBe('dropped');
    expect(failed).toEqual([new Error('ENOSPC')]);
  });
});

describe('isReadOnly', () => {
  const req = (method: string, path: string, accept?: string) =>
    ({ method, path, headers: accept ? { accept } : {} }) as unknown as Request;
  it.each([
    ['GET', '/__mock/v1/state', true],
    ['HEAD', '/__MOCK/V1/State/', true],
    ['GET', '/__mock/v1/requests', true],
    ['GET', '/oidc/.well-known/jwks.json', true],
    ['GET', '/', true],
    ['GET', '/__mock/ui/app.js', true],
    ['GET', '/__mock/v1/genauth/users/u1', true],
    ['GET', '/__mock/v1/genauth/users/u1/more', false],
    ['PUT', '/__mock/v1/state', false],
    ['POST', '/__mock/v1/clock', false],
    ['GET', '/sns/jscode2session', false],
    ['GET', '/cgi-bin/token', false],
    ['GET', '/__mock/v1/wechat/quota', false],
    ['GET', '/__mock/v1/state/more', false],
    ['OPTIONS', '/__mock/v1/state', false],
  ])('%s %s: %s', (method, path, expected) => {
    expect(isReadOnly(req(method, path))).toBe(expected);
  });
  it('goes by the path, not by the answer asked for', () => {
    expect(isReadOnly(req('GET', '/__mock/v1/requests/events', 'text/event-stream'))).toBe(true);
    expect(isReadOnly(req('GET', '/sns/jscode2session', 'text/event-stream'))).toBe(false);
  });
});

describe('GroupCommit', () => {
  it('shares one snapshot among the commits asked for together, and one more while it is written', async () => {
    const taken: number[] = [];
    let state = 0;
    const writes: (() => void)[] = [];
    const group = new GroupCommit(
      () => {
        taken.push(state);
        return state;
      },
      () => new Promise<void>((resolve) => writes.push(resolve)),
    );
    state = 1;
    const first = Array.from({ length: 10 }, () => group.commit());
    while (writes.length < 1) await new Promise(setImmediate);
    state = 2;
    const second = Array.from({ length: 10 }, () => group.commit());
    await new Promise(setImmediate);
    // The second batch waits: one snapshot on its way at a time.
    expect(taken).toEqual([1]);
    writes[0]!();
    await Promise.all(first);
    while (writes.length < 2) await new Promise(setImmediate);
    expect(taken).toEqual([1, 2]);
    writes[1]!();
    await Promise.all(second);
    await group.idle();
    expect(group.commits).toBe(2);
  });

  it('rejects the commits of a snapshot that could not be written, and goes on', async () => {
    let fail = true;
    const group = new GroupCommit(
      () => 0,
      () => (fail ? Promise.reject(new Error('EIO')) : Promise.resolve()),
    );
    await expect(Promise.all([group.commit(), group.commit()])).rejects.toThrow('EIO');
    fail = false;
    await expect(group.commit()).resolves.toBeUndefined();
  });
});
