/** CAS 1.0 at `/cas-idp`: login by `login_hint`, single-use service tickets, text answers. */
import request from 'supertest';

import { createMockServer } from '../../src';
import { issueTicket, MAX_TICKETS } from '../../src/genauth/cas/tickets';
import { fixturesOf } from '../oidc/kit';

const logged: string[] = [];
const mock = createMockServer({ log: (line) => logged.push(line) });
const app = () => request(mock.app);
const f = () => fixturesOf(mock);
const SERVICE = 'http://127.0.0.1:8080/cas/callback?next=%2Fhome';

beforeEach(() => {
  mock.reset();
  mock.clock.reset();
});
afterAll(() => expect(logged).toEqual([]));

/** Signs `hint` in at `appId` for `service`; resolves to the ticket of the redirect. */
async function login(hint: string, service = SERVICE, appId = f().hs.id): Promise<string> {
  const res = await app().get(`/cas-idp/${appId}/login`).query({ service, login_hint: hint });
  expect(res.status).toBe(302);
  const location = new URL(res.headers['location'] as string);
  const ticket = location.searchParams.get('ticket');
  expect(ticket).toMatch(/^ST-[A-Za-z0-9]+$/);
  location.searchParams.delete('ticket');
  expect(location.href).toBe(new URL(SERVICE.replace(/\?.*/, '') + '?next=%2Fhome').href);
  return ticket!;
}

const validate = (query: Record<string, string>, appId = f().hs.id) =>
  app().get(`/cas-idp/${appId}/validate`).query(query);

/** The text and status of a validation. */
async function answer(query: Record<string, string>, appId?: string) {
  const res = await validate(query, appId);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return { status: res.status, text: res.text };
}

describe('login and validate', () => {
  it('answers yes and the username for a fresh ticket, then no for the same one', async () => {
    const { user } = f();
    const ticket = await login(user.email!);
    expect(await answer({ service: SERVICE, ticket })).toEqual({
      status: 200,
      text: `yes\n${user.username}\n`,
    });
    expect(await answer({ service: SERVICE, ticket })).toEqual({ status: 200, text: 'no\n\n' });
  });

  it('finds the user by id, phone or username too', async () => {
    const users = mock.store.fixtures.genauth.accounts.filter((a) => a.poolId === f().pool.id);
    const byPhone = users.find((a) => a.phone && !a.username)!;
    for (const hint of [f().user.id, f().user.username!, byPhone.phone!]) {
      const ticket = await login(hint);
      const { text } = await answer({ service: SERVICE, ticket });
      expect(text).toMatch(/^yes\n.+\n$/);
    }
    // A user without a username is named by its e-mail, else its phone.
    const ticket = await login(byPhone.phone!);
    expect((await answer({ service: SERVICE, ticket })).text).toBe(
      `yes\n${byPhone.email ?? byPhone.phone}\n`,
    );
  });

  it('binds the ticket to its service and its app, and spends it on a failed attempt', async () => {
    const ticket = await login(f().user.email!);
    expect((await answer({ service: 'http://127.0.0.1:8080/other', ticket })).text).toBe('no\n\n');
    expect((await answer({ service: SERVICE, ticket })).text).toBe('no\n\n');
    const other = await login(f().user.email!);
    expect((await answer({ service: SERVICE, ticket: other }, f().rs.id)).text).toBe('no\n\n');
  });

  it('expires a ticket after 5 minutes on the mock clock', async () => {
    const fresh = await login(f().user.email!);
    const stale = await login(f().user.email!);
    // The mock clock runs on from where it is moved: a second of margin for the test itself.
    mock.clock.advance(5 * 60_000 - 1000);
    expect((await answer({ service: SERVICE, ticket: fresh })).text).toMatch(/^yes\n/);
    mock.clock.advance(1000);
    expect((await answer({ service: SERVICE, ticket: stale })).text).toBe('no\n\n');
  });

  it('forgets every ticket on reset', async () => {
    const ticket = await login(f().user.email!);
    mock.reset();
    expect((await answer({ service: SERVICE, ticket })).text).toBe('no\n\n');
  });

  it('carries live tickets through the state document, and their expiry with them', async () => {
    const fresh = await login(f().user.email!);
    const kept = await login(f().user.email!);
    const doc = mock.control.exportState();
    mock.reset();
    mock.control.importState(doc);
    expect((await answer({ service: SERVICE, ticket: fresh })).text).toMatch(/^yes\n/);
    mock.clock.advance(5 * 60_000);
    expect((await answer({ service: SERVICE, ticket: kept })).text).toBe('no\n\n');
  });

  it('keeps at most MAX_TICKETS, dropping the oldest', async () => {
    const first = await login(f().user.email!);
    const second = await login(f().user.email!);
    const hs = f().hs.id;
    const user = f().user.id;
    // Issue the rest directly: the bound, not HTTP, is under test.
    for (let i = 0; i < MAX_TICKETS - 1; i++)
      issueTicket(mock.context, { appId: hs, service: SERVICE, userId: user });
    expect((await answer({ service: SERVICE, ticket: first })).text).toBe('no\n\n');
    expect((await answer({ service: SERVICE, ticket: second })).text).toMatch(/^yes\n/);
  });

  it('logs in at /cas-idp/:appId too, the URL buildAuthorizeUrl builds', async () => {
    const res = await app()
      .get(`/cas-idp/${f().hs.id}`)
      .query({ service: SERVICE, login_hint: f().user.email! });
    expect(res.status).toBe(302);
    const ticket = new URL(res.headers['location'] as string).searchParams.get('ticket')!;
    expect((await answer({ service: SERVICE, ticket })).text).toBe(`yes\n${f().user.username}\n`);
  });

  it('counts the login', async () => {
    const before = mock.store.genauth.pools.get(f().pool.id)!.users.get(f().user.id)!.loginsCount;
    await login(f().user.email!);
    const after = mock.store.genauth.pools.get(f().pool.id)!.users.get(f().user.id)!.loginsCount;
    expect(after).toBe(before + 1);
  });
});

describe('bad input: text answers, never a 500', () => {
  it('validate answers no for a missing or repeated parameter, an unknown app or ticket', async () => {
    const ticket = await login(f().user.email!);
    for (const [query, appId] of [
      [{ service: SERVICE }, undefined],
      [{ ticket }, undefined],
      [{}, undefined],
      [{ service: SERVICE, ticket: 'ST-unknown' }, undefined],
      [{ service: SERVICE, ticket }, 'nope'],
    ] as const) {
      expect(await answer(query, appId)).toEqual({ status: 200, text: 'no\n\n' });
    }
    const repeated = await app().get(
      `/cas-idp/${f().hs.id}/validate?service=${encodeURIComponent(SERVICE)}&ticket=${ticket}&ticket=${ticket}`,
    );
    expect(repeated.text).toBe('no\n\n');
  });

  it.each([
    ['an unknown app', 'nope', { service: SERVICE, login_hint: 'x' }, 400],
    ['no service', null, { login_hint: 'x' }, 400],
    ['an unregistered service', null, { service: 'https://evil.example/', login_hint: 'x' }, 400],
    ['a service that is no URL', null, { service: 'not a url', login_hint: 'x' }, 400],
    ['no login_hint', null, { service: SERVICE }, 400],
    ['an unknown user', null, { service: SERVICE, login_hint: 'nobody@example.com' }, 403],
  ])('login refuses %s with a text answer', async (_name, appId, query, status) => {
    const res = await app()
      .get(`/cas-idp/${appId ?? f().hs.id}/login`)
      .query(query);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['location']).toBeUndefined();
    expect(res.text).toMatch(/\n$/);
  });

  it('refuses a blocked user', async () => {
    mock.store.genauth.pools.get(f().pool.id)!.users.get(f().user.id)!.blocked = true;
    const res = await app()
      .get(`/cas-idp/${f().hs.id}/login`)
      .query({ service: SERVICE, login_hint: f().user.email! });
    expect(res.status).toBe(403);
  });

  it('answers 405 for another method and 404 for another path, as text', async () => {
    const post = await app().post(`/cas-idp/${f().hs.id}/validate`).send('x=1');
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
    expect(post.headers['content-type']).toMatch(/^text\/plain/);
    const other = await app().get(`/cas-idp/${f().hs.id}/serviceValidate`);
    expect(other.status).toBe(404);
    expect(other.text).toBe('Not Found\n');
    expect((await app().put(`/cas-idp/${f().hs.id}`)).status).toBe(405);
    expect(other.headers['content-type']).toMatch(/^text\/plain/);
    const head = await app().head(`/cas-idp/${f().hs.id}/validate`);
    expect(head.status).toBe(200);
  });
});
