/** `genauth-mock --strict`: unknown requests logged to stderr, one line each. */
import { HELP, runCli, type CliIo } from '../../src/cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: {} };
  return { io, out, err };
}

it('turns strict on and logs each unknown request once to stderr', async () => {
  const { io, err } = capture();
  const { code, server } = await runCli(['--port', '0', '--strict'], io);
  try {
    expect(code).toBe(0);
    expect(server!.context.options.strict).toBe(true);
    const res = await fetch(`${server!.url}/api/v2/made-up`);
    expect(res.status).toBe(404);
    expect(err.filter((l) => l.includes('UNKNOWN ROUTE'))).toEqual([
      expect.stringContaining('GET /api/v2/made-up (rest)'),
    ]);
  } finally {
    await server?.stop();
  }
});

it('is off by default, documented, and refuses a value, naming the flag', async () => {
  expect(HELP).toContain('--strict');
  const { io, err } = capture();
  const { code } = await runCli(['--port', '0', '--strict=yes'], io);
  expect(code).toBe(2);
  expect(err.join('\n')).toContain('--strict');
  const plain = capture();
  const started = await runCli(['--port', '0'], plain.io);
  try {
    expect(started.server!.context.options.strict).toBe(false);
  } finally {
    await started.server?.stop();
  }
});
