/**
 * `GET /__mock/v1/requests/events`: the journal as server-sent events over real HTTP. The
 * backlog after `after`, then new entries as they are recorded; a reconnect resumes from
 * `Last-Event-ID`; refusals in `{error, message}`; at most MAX_SUBSCRIBERS followers, each
 * released when it goes away.
 */
import { ControlError, createControlClient, createMockServer, fixedClock } from '../../src';
import { MAX_SUBSCRIBERS } from '../../src/control/journal-events';

const EVENTS = '/__mock/v1/requests/events';

/** An open event stream: its answer and a reader of its `request` events. */
async function follow(url: string, query = '', headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await fetch(`${url}${EVENTS}${query}`, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  /** The next `request` event: its id and entry. */
  async function next(): Promise<{ id: string; entry: { seq: number; path: string } }> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split('\n')
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
        );
        if (fields['event'] === 'request') {
          return { id: fields['id']!, entry: JSON.parse(fields['data']!) };
        }
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  }
  const close = async () => {
    abort.abort();
    await reader.cancel().catch(() => undefined);
  };
  return { res, next, close };
}

describe('GET /__mock/v1/requests/events', () => {
  const mock = createMockServer({ clock: fixedClock(Date.UTC(2024, 0, 1)) });
  let url: string;
  beforeAll(async () => {
    url = await mock.start(0);
  });
  afterAll(() => mock.stop());
  afterEach(() => mock.reset());

  it('sends the backlog after `after`, then each new entry as it is recorded', async () => {
    await fetch(`${url}/cgi-bin/token`);
    const stream = await follow(url, '?after=0');
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.res.headers.get('cache-control')).toBe('no-store');
    const backlog = await stream.next();
    expect(backlog.entry).toMatchObject({ path: '/cgi-bin/token', status: 200 });
    expect(backlog.id).toBe(`${mock.context.journal.run}:${backlog.entry.seq}`);
    await fetch(`${url}/wxa/checksession`);
    const live = await stream.next();
    expect(live.entry).toMatchObject({ path: '/wxa/checksession', seq: backlog.entry.seq + 1 });
    await stream.close();
  });

  it('starts after the newest entry without `after`, and resumes from Last-Event-ID', async () => {
    await fetch(`${url}/cgi-bin/token`);
    const newest = mock.context.journal.lastSeq;
    const stream = await follow(url);
    await fetch(`${url}/sns/jscode2session`);
    const read = await stream.next();
    expect(read.entry).toMatchObject({ seq: newest + 1 });
    await stream.close();
    const resumed = await follow(url, '?after=0', { 'last-event-id': String(newest) });
    expect((await resumed.next()).entry).toMatchObject({ path: '/sns/jscode2session' });
    await resumed.close();
    // As an EventSource reconnects: with the last id it read, `<run>:<seq>`.
    await fetch(`${url}/wxa/checksession`);
    const reconnected = await follow(url, '?after=0', { 'last-event-id': read.id });
    expect((await reconnected.next()).entry).toMatchObject({ path: '/wxa/checksession' });
    await reconnected.close();
  });

  it('follows from the start when Last-Event-ID is of an earlier run (a restarted mock)', async () => {
    const restarted = createMockServer({ clock: fixedClock(Date.UTC(2024, 0, 1)) });
    const at = await restarted.start(0);
    try {
      await fetch(`${at}/cgi-bin/token`);
      const ahead = String(restarted.context.journal.lastSeq + 500);
      const stream = await follow(at, '', { 'last-event-id': ahead });
      expect((await stream.next()).entry).toMatchObject({ seq: 1, path: '/cgi-bin/token' });
      await stream.close();
      // An id of the run before, however small its seq, is not this run's place.
      await fetch(`${at}/wxa/checksession`);
      const earlierRun = restarted.context.journal.run === '00000000' ? '00000001' : '00000000';
      const again = await follow(at, '', { 'last-event-id': `${earlierRun}:1` });
      expect((await again.next()).entry).toMatchObject({ seq: 1, path: '/cgi-bin/token' });
      await again.close();
    } finally {
      await restarted.stop();
    }
  });

  it('refuses clients that do not take an event stream, and bad ids', async () => {
    const plain = await fetch(`${url}${EVENTS}`);
    expect(plain.status).toBe(406);
    expect(await plain.json()).toEqual({ error: 'not_acceptable', message: expect.any(String) });
    for (const [query, headers] of [
      ['?after=-1', {}],
      ['?after=1&after=2', {}],
      ['', { 'last-event-id': 'abc' }],
    ] as const) {
      const res = await fetch(`${url}${EVENTS}${query}`, {
        headers: { accept: 'text/event-stream', ...headers },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: 'invalid_field',
        message: expect.stringContaining('"after"'),
      });
    }
  });

  it(`takes at most ${MAX_SUBSCRIBERS} followers, and frees a place when one leaves`, async () => {
    const streams = await Promise.all(Array.from({ length: MAX_SUBSCRIBERS }, () => follow(url)));
    expect(streams.every((s) => s.res.status === 200)).toBe(true);
    const extra = await fetch(`${url}${EVENTS}`, { headers: { accept: 'text/event-stream' } });
    expect(extra.status).toBe(503);
    expect(await extra.json()).toEqual({
      error: 'too_many_subscribers',
      message: expect.any(String),
    });
    await streams.pop()!.close();
    // The server sees the close when it next touches the socket: a new entry makes it write.
    let again = await follow(url);
    for (let tries = 0; again.res.status !== 200 && tries < 100; tries++) {
      await fetch(`${url}/wxa/checksession`);
      again = await follow(url);
    }
    expect(again.res.status).toBe(200);
    await again.close();
    await Promise.all(streams.map((s) => s.close()));
  });

  it('is journal.follow of the control client, and of the in-process API', async () => {
    const client = createControlClient(url);
    await fetch(`${url}/cgi-bin/token`);
    const seen: string[] = [];
    for await (const entry of client.journal.follow({ after: 0 })) {
      seen.push(entry.path);
      if (seen.length > 1) break;
      await fetch(`${url}/wxa/checksession`);
    }
    expect(seen).toEqual(['/cgi-bin/token', '/wxa/checksession']);

    const stop = new AbortController();
    const live = mock.control.journal.follow({ signal: stop.signal })[Symbol.asyncIterator]();
    const first = live.next();
    await fetch(`${url}/sns/jscode2session`);
    expect((await first).value).toMatchObject({ path: '/sns/jscode2session', status: 200 });
    const pending = live.next();
    stop.abort();
    expect(await pending).toEqual({ done: true, value: undefined });

    for (const follow of [client.journal.follow, mock.control.journal.follow]) {
      const bad = follow({ after: -1 })[Symbol.asyncIterator]().next();
      await expect(bad).rejects.toBeInstanceOf(ControlError);
      await expect(bad).rejects.toMatchObject({ status: 400, error: 'invalid_field' });
    }
  });
});
