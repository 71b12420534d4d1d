/** The HTTP client must load no server code (it ships to processes that only drive a mock). */
import type * as ClientModule from '../../src/client';

jest.mock('express', () => {
  throw new Error('the control client loaded express');
});

it('src/client.ts loads without express or the server', () => {
  const client = jest.requireActual<typeof ClientModule>('../../src/client');
  expect(typeof client.createControlClient).toBe('function');
  expect(new client.ControlError(404, 'x', 'y')).toBeInstanceOf(Error);
  expect(() => jest.requireActual('../../src/server')).toThrow(/loaded express/);
});
