import { createMockServer } from '../src';

describe('createMockServer', () => {
  it('does not listen until start() and stops cleanly', async () => {
    const mock = createMockServer();
    expect(mock.url).toBe('');
    const url = await mock.start(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ path: '/nope', message: 'No route for GET /nope' });
    await mock.stop();
    expect(mock.url).toBe('');
    await expect(fetch(`${url}/nope`)).rejects.toThrow();
  });

  it('rejects invalid options with a TypeError naming the option', () => {
    expect(() => createMockServer({ sessionKeyPolicy: 'sometimes' as never })).toThrow(
      /sessionKeyPolicy/,
    );
    expect(() => createMockServer({ bodyLimit: -1 })).toThrow(/bodyLimit/);
  });
});
