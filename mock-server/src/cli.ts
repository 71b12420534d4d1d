#!/usr/bin/env node
import { parseArgs } from 'node:util';

import { demoBanner } from './genauth/demo';
import { DEFAULTS, type SessionKeyPolicy } from './options';
import { createMockServer, type MockServer } from './server';
import { wechatBanner } from './wechat/banner';

/** Where the CLI writes, so it can run in-process under test. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
}

/** What {@link runCli} ends with: an exit code, and the running server when it started one. */
export interface CliResult {
  code: number;
  server?: MockServer;
}

export const HELP = `Usage: genauth-mock [options]

In-memory mock of api.weixin.qq.com and GenAuth, with a /__mock/v1 control surface.

Options:
  -p, --port <n>                 port to listen on (env PORT; default 3000; 0 = any free port)
      --host <addr>              interface to bind (default ${DEFAULTS.host})
      --seed <seed>              fixtures and minted-value seed (default "${DEFAULTS.seed}")
      --session-key-policy <p>   "rotate" (new session_key on every login, default) or "never"
  -h, --help                     show this help`;

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  seed: { type: 'string' },
  'session-key-policy': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parsePort(raw: string): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined;
  const port = Number(raw);
  return port <= 65535 ? port : undefined;
}

/** Every line the CLI prints once listening. */
export function bannerLines(server: MockServer, url: string): string[] {
  const { options } = server.context;
  return [
    `genauth-mock listening at ${url} (seed "${options.seed}", session keys: ${options.sessionKeyPolicy})`,
    '',
    ...wechatBanner(server.store.fixtures, url),
    '',
    `Control surface: ${url}/__mock/v1 (see mock-server/README.md)`,
    `  try: curl -s -X POST ${url}/__mock/v1/wechat/login -d '{"appid":"${server.store.fixtures.wechat.apps[0]?.appid ?? ''}"}'`,
    '',
    ...demoBanner(server.store.fixtures, url),
    '',
    'Ctrl+C to stop.',
  ];
}

/**
 * Parses `argv`, starts the mock and prints the endpoints and demo credentials. Exit code 2 for a
 * usage error (unknown flag, bad value), 1 when the server cannot listen, 0 otherwise (with the
 * running server, which the caller stops).
 */
export async function runCli(argv: string[], io: CliIo): Promise<CliResult> {
  let values: {
    [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.err(`genauth-mock: ${(err as Error).message}`);
    io.err('Run "genauth-mock --help" for usage.');
    return { code: 2 };
  }
  if (values.help) {
    io.out(HELP);
    return { code: 0 };
  }
  const rawPort = values.port ?? io.env['PORT'] ?? '3000';
  const port = parsePort(rawPort);
  if (port === undefined) {
    io.err(`genauth-mock: invalid port "${rawPort}" (expected 0-65535)`);
    return { code: 2 };
  }
  let server: MockServer;
  try {
    server = createMockServer({
      ...(values.host !== undefined && { host: values.host }),
      ...(values.seed !== undefined && { seed: values.seed }),
      ...(values['session-key-policy'] !== undefined && {
        sessionKeyPolicy: values['session-key-policy'] as SessionKeyPolicy,
      }),
      log: (line) => io.err(line),
    });
  } catch (err) {
    io.err(`genauth-mock: ${(err as Error).message}`);
    return { code: 2 };
  }
  let url: string;
  try {
    url = await server.start(port);
  } catch (err) {
    io.err(
      `genauth-mock: cannot listen on ${server.context.options.host}:${port}: ${(err as Error).message}`,
    );
    return { code: 1 };
  }
  for (const line of bannerLines(server, url)) io.out(line);
  return { code: 0, server };
}

/** What {@link stopOnSignals} needs from `process`. */
export interface SignalSource {
  once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

/**
 * Stops `server` on the first SIGINT or SIGTERM, then calls `exit(0)`. Resolves with the signal
 * once the server is closed.
 */
export function stopOnSignals(
  server: MockServer,
  source: SignalSource,
  io: Pick<CliIo, 'err'>,
  exit: (code: number) => void,
): Promise<string> {
  return new Promise((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      io.err(`genauth-mock: ${signal}, stopping`);
      void server.stop().then(() => {
        resolve(signal);
        exit(0);
      });
    };
    source.once('SIGINT', () => shutdown('SIGINT'));
    source.once('SIGTERM', () => shutdown('SIGTERM'));
  });
}

/** The `genauth-mock` binary: runs until SIGINT/SIGTERM, then closes the server and exits 0. */
async function main(): Promise<void> {
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  };
  const { code, server } = await runCli(process.argv.slice(2), io);
  if (!server) {
    process.exitCode = code;
    return;
  }
  void stopOnSignals(server, process, io, (exitCode) => process.exit(exitCode));
}

if (require.main === module) void main();
