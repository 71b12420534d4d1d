import { createMemoryStorage, TOKEN_KEY, USER_KEY } from '../../src/node';

import { Session } from '../../src/session';

describe('Session (login state in storage)', () => {
  it('stores the user object and replaces the token with user.token', () => {
    const storage = createMemoryStorage();
    const session = new Session(storage);
    session.setToken('old');
    session.setUser({ id: 'u1', token: 'new' });
    expect(storage.get(USER_KEY)).toEqual({ id: 'u1', token: 'new' });
    expect(storage.get(TOKEN_KEY)).toBe('new');
    session.setUser({ id: 'u2', token: null });
    expect(session.getToken()).toBeNull();
    expect(storage.map.has(TOKEN_KEY)).toBe(false);
  });

  it('reads objects, JSON strings, and treats "", null and garbage as absent', () => {
    const storage = createMemoryStorage();
    const session = new Session(storage);
    expect(session.getUser()).toBeNull();
    expect(session.getToken()).toBeNull();
    storage.set(USER_KEY, '{"id":"u3"}');
    expect(session.getUser()).toEqual({ id: 'u3' });
    storage.set(USER_KEY, '{not json');
    expect(session.getUser()).toBeNull();
    storage.set(TOKEN_KEY, null);
    expect(session.getToken()).toBeNull();
  });

  it('clear removes both keys', () => {
    const storage = createMemoryStorage();
    const session = new Session(storage);
    session.setUser({ id: 'u1', token: 't' });
    storage.set('other', 1);
    session.clear();
    expect([...storage.map.keys()]).toEqual(['other']);
  });
});
