import { get } from 'node:http';

import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { createControlClient } from '../../src';
import { wechatHarness } from '../wechat/helpers';

describe('GET /__mock/v1/state: the state, streamed', () => {
  const h = wechatHarness();
  const { mock } = h;
  const poolId = () => mock.store.fixtures.genauth.pools[0]!.id;

  /** A state with every collection filled: bulk users, codes, sessions, tokens, messages. */
  async function seed(users: number) {
    mock.control.wechat.bulkCreateUsers({ appid: DEMO_APPID, count: users });
    mock.control.genauth.bulkCreateUsers({
      poolId: poolId(),
      users: Array.from({ length: users }, (_, i) => ({ email: `s${i}@example.com` })),
    });
    mock.control.wechat.login({ appid: DEMO_APPID, openid: DEMO_OPENID, count: 3 });
    mock.control.wechat.phoneNumber({ appid: DEMO_APPID, openid: DEMO_OPENID });
    await h.accessToken();
    await h
      .http()
      .post('/api/v2/sms/send')
      .set('x-authing-userpool-id', poolId())
      .send({ phone: '13912345678' });
  }

  it('streams the document mock.control.state() holds, byte for byte', async () => {
    await seed(3000);
    const res = await h.http().get('/__mock/v1/state').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const state = mock.control.state();
    expect(JSON.parse(res.text)).toEqual(state);
    expect(res.text).toBe(JSON.stringify(state));
    expect(state.wechat.users.length).toBeGreaterThan(3000);
    expect(state.wechat.codes.length).toBe(3);
    expect(state.genauth.messages).toHaveLength(1);
  });

  it('gives the same text in process (stateChunks) and through the client', async () => {
    await seed(200);
    const text = JSON.stringify(mock.control.state());
    expect([...mock.control.stateChunks()].join('')).toBe(text);
    const client = createControlClient(mock.url);
    let streamed = '';
    for await (const chunk of client.stateChunks()) streamed += chunk;
    expect(streamed).toBe(text);
    expect(await client.state()).toEqual(mock.control.state());
  });

  it('stops reading the stores when the client goes away, and serves on', async () => {
    mock.control.wechat.bulkCreateUsers({ appid: DEMO_APPID, count: 60_000 });
    const original = mock.control.stateChunks;
    let finished = false;
    let yielded = 0;
    let closed!: () => void;
    const generatorClosed = new Promise<void>((resolve) => (closed = resolve));
    mock.control.stateChunks = function* () {
      try {
        for (const piece of original()) {
          yielded++;
          yield piece;
        }
        finished = true;
      } finally {
        closed();
      }
    };
    try {
      await new Promise<void>((resolve, reject) => {
        const req = get(`${mock.url}/__mock/v1/state`, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', (err) => ((err as NodeJS.ErrnoException).code ? undefined : reject(err)));
      });
      await generatorClosed;
      expect(finished).toBe(false);
      expect(yielded).toBeGreaterThan(0);
    } finally {
      mock.control.stateChunks = original;
    }
    const clock = await h.http().get('/__mock/v1/clock').expect(200);
    expect(clock.body.now).toBe(mock.clock.now());
    const again = await h.http().get('/__mock/v1/state').expect(200);
    expect(JSON.parse(again.text).wechat.users.length).toBe(mock.store.wechat.users.size);
  });
});
