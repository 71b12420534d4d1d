import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { createControlClient, type PageQuery, type UserPage } from '../../src';
import { wechatHarness } from '../wechat/helpers';

describe('GET /__mock/v1/{wechat,genauth}/users: users a page at a time', () => {
  const h = wechatHarness();
  const { mock } = h;
  const poolId = () => mock.store.fixtures.genauth.pools[0]!.id;

  /** Every page of a listing, following `nextCursor` until it is null. */
  async function walk<T>(
    path: string,
    scope: Record<string, string>,
    limit: number,
    between?: (page: number) => void,
  ): Promise<{ users: T[]; pages: number }> {
    const users: T[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await h
        .http()
        .get(`/__mock/v1${path}`)
        .query({ ...scope, limit, ...(cursor === undefined ? {} : { cursor }) })
        .expect(200);
      const page = res.body as UserPage<T>;
      expect(page.users.length).toBeLessThanOrEqual(limit);
      users.push(...page.users);
      cursor = page.nextCursor ?? undefined;
      pages++;
      between?.(pages);
    } while (cursor !== undefined);
    return { users, pages };
  }

  const openidsOf = (appid: string) =>
    [...mock.store.wechat.users.values()].filter((u) => u.appid === appid).map((u) => u.openid);

  it('visits every WeChat user of the app exactly once, in the table order', async () => {
    mock.control.wechat.bulkCreateUsers({ appid: DEMO_APPID, count: 2500 });
    const other = [...mock.store.wechat.apps.keys()].find((a) => a !== DEMO_APPID)!;
    mock.control.wechat.bulkCreateUsers({ appid: other, count: 50 });
    const expected = openidsOf(DEMO_APPID);
    const { users, pages } = await walk<{ appid: string; openid: string }>(
      '/wechat/users',
      { appid: DEMO_APPID },
      1000,
    );
    expect(pages).toBe(Math.ceil(expected.length / 1000));
    expect(users.map((u) => u.openid)).toEqual(expected);
    expect(users.every((u) => u.appid === DEMO_APPID)).toBe(true);
    expect(users[0]).toEqual(mock.store.wechat.users.find(DEMO_APPID, expected[0]!));
    const odd = await walk<{ openid: string }>('/wechat/users', { appid: DEMO_APPID }, 97);
    expect(odd.users.map((u) => u.openid)).toEqual(expected);
  });

  it('visits every GenAuth user of the pool exactly once, in creation order', async () => {
    mock.control.genauth.bulkCreateUsers({
      poolId: poolId(),
      users: Array.from({ length: 2100 }, (_, i) => ({ username: `page${i}` })),
    });
    const expected = [...mock.store.genauth.pools.get(poolId())!.users.keys()];
    const { users, pages } = await walk<{ id: string }>(
      '/genauth/users',
      { poolId: poolId() },
      1000,
    );
    expect(pages).toBe(Math.ceil(expected.length / 1000));
    expect(users.map((u) => u.id)).toEqual(expected);
    const state = mock.control.state().genauth.pools.find((p) => p.id === poolId())!;
    expect(users).toEqual(state.users);
  });

  it('keeps every user exactly once while users are created and deleted during the walk', async () => {
    mock.control.wechat.bulkCreateUsers({ appid: DEMO_APPID, count: 300 });
    const before = openidsOf(DEMO_APPID);
    const w = await walk<{ openid: string }>('/wechat/users', { appid: DEMO_APPID }, 100, () => {
      mock.control.wechat.bulkCreateUsers({ appid: DEMO_APPID, count: 10 });
    });
    const seen = w.users.map((u) => u.openid);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, before.length)).toEqual(before);

    const pool = mock.store.genauth.pools.get(poolId())!;
    mock.control.genauth.bulkCreateUsers({
      poolId: poolId(),
      users: Array.from({ length: 300 }, (_, i) => ({ username: `walk${i}` })),
    });
    const ids = [...pool.users.keys()];
    const deleted = new Set<string>();
    const g = await walk<{ id: string }>('/genauth/users', { poolId: poolId() }, 100, (page) => {
      // Drop a user not yet visited, and one already visited.
      const ahead = ids[page * 100 + 5]!;
      const behind = ids[page * 100 - 5]!;
      for (const id of [ahead, behind]) if (pool.users.delete(id)) deleted.add(id);
    });
    const visited = g.users.map((u) => u.id);
    expect(new Set(visited).size).toBe(visited.length);
    expect(visited).toEqual(ids.filter((id) => !deleted.has(id) || visited.includes(id)));
  });

  it('answers 400 for a bad limit or cursor and 404 for an unknown app or pool', async () => {
    const bad = async (
      path: string,
      query: Record<string, string>,
      status: number,
      error: string,
    ) => {
      const res = await h.http().get(`/__mock/v1${path}`).query(query).expect(status);
      expect(res.body).toEqual({ error, message: expect.any(String) });
    };
    const other = [...mock.store.wechat.apps.keys()].find((a) => a !== DEMO_APPID)!;
    mock.control.wechat.bulkCreateUsers({ appid: other, count: 2 });
    const first = mock.control.wechat.listUsers({ appid: other, limit: 1 });
    await bad('/wechat/users', {}, 400, 'invalid_field');
    await bad('/wechat/users', { appid: DEMO_APPID, limit: '0' }, 400, 'invalid_field');
    await bad('/wechat/users', { appid: DEMO_APPID, limit: '1001' }, 400, 'invalid_field');
    await bad('/wechat/users', { appid: DEMO_APPID, limit: 'ten' }, 400, 'invalid_field');
    await bad('/wechat/users', { appid: DEMO_APPID, cursor: 'nope' }, 400, 'invalid_field');
    await bad(
      '/wechat/users',
      { appid: DEMO_APPID, cursor: first.nextCursor! },
      400,
      'invalid_field',
    );
    await bad('/wechat/users', { appid: 'wx0000000000000000' }, 404, 'unknown_app');
    await bad('/genauth/users', {}, 400, 'invalid_field');
    await bad(
      '/genauth/users',
      { poolId: poolId(), cursor: first.nextCursor! },
      400,
      'invalid_field',
    );
    await bad('/genauth/users', { poolId: 'nopool' }, 404, 'unknown_pool');
    const total = openidsOf(other).length;
    const gone = mock.control.wechat.listUsers({ appid: other, limit: total - 1 });
    mock.reset();
    await bad('/wechat/users', { appid: other, cursor: gone.nextCursor! }, 410, 'stale_cursor');
  });

  it('is the same in process and through the client', async () => {
    mock.control.wechat.bulkCreateUsers({ appid: DEMO_APPID, count: 30 });
    const client = createControlClient(mock.url);
    const query: PageQuery & { appid: string } = { appid: DEMO_APPID, limit: 10 };
    const local = mock.control.wechat.listUsers(query);
    expect(await client.wechat.listUsers(query)).toEqual(local);
    const next = { ...query, cursor: local.nextCursor! };
    expect(await client.wechat.listUsers(next)).toEqual(mock.control.wechat.listUsers(next));
    const pool = { poolId: poolId() };
    expect(await client.genauth.listUsers(pool)).toEqual(mock.control.genauth.listUsers(pool));
    expect(mock.control.genauth.listUsers(pool).nextCursor).toBeNull();
  });
});
