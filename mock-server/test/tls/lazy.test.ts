/** Without a TLS flag or option, the mock loads none of its TLS code, nor node-forge. */
import { runCli, type CliIo } from '../../src/cli';

jest.mock('node-forge', () => {
  throw new Error('loaded node-forge');
});
jest.mock('node:https', () => {
  throw new Error('loaded node:https');
});
jest.mock('../../src/tls', () => {
  throw new Error('loaded src/tls');
});
jest.mock('../../src/tls/options', () => {
  throw new Error('loaded src/tls/options');
});
jest.mock('../../src/tls/flags', () => {
  throw new Error('loaded src/tls/flags');
});
jest.mock('../../src/tls/banner', () => {
  throw new Error('loaded src/tls/banner');
});

const io: CliIo = { out: () => undefined, err: () => undefined, env: {} };

it('starts, answers and stops over HTTP without loading TLS code', async () => {
  const { code, server } = await runCli(['--port', '0'], io);
  try {
    expect(code).toBe(0);
    expect(server!.certificate).toBeUndefined();
    expect(server!.httpsUrl).toBe('');
    expect((await fetch(`${server!.url}/__mock/v1/clock`)).status).toBe(200);
  } finally {
    await server?.stop();
  }
});

it('loads it for --https (here refused, so the start fails)', async () => {
  await expect(runCli(['--port', '0', '--https'], io)).rejects.toThrow(/loaded src\/tls\/flags/);
});
