#!/usr/bin/env node
import { parseArgs } from 'node:util';

import { guardOptions } from './control/guard-flags';
import { exposureWarning } from './control/guard-notice';
import { demoBanner } from './genauth/demo';
import type * as McpCli from './mcp/cli';
import { DEFAULTS, SESSION_KEY_POLICIES, type SessionKeyPolicy } from './options';
import { createMockServer, type MockServer } from './server';
import { applyStateFlags } from './state-io/cli-flags';
import type * as TlsBanner from './tls/banner';
import type * as TlsFlags from './tls/flags';
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
  /** `--outlive-parent` was given: the caller should not stop the server with its parent. */
  outliveParent?: boolean;
}

export const HELP = `Usage: genauth-mock [options]

Mock of api.weixin.qq.com and GenAuth, with a /__mock/v1 control surface; in memory,
or kept in a directory with --data.

Options:
  -p, --port <n>                 port to listen on (env PORT; default 3000; 0 = any free port)
      --host <addr>              interface to bind (default ${DEFAULTS.host})
      --seed <seed>              fixtures and minted-value seed (default "${DEFAULTS.seed}")
      --session-key-policy <p>   "rotate" (new session_key on every login, default) or "never"
      --outlive-parent           keep running when the process that started the mock exits
                                 (by default the mock stops with it, e.g. a killed npm start)
      --strict                   log every request no route knows (one line: method, path,
                                 wire format) and count it; answered as without the flag (404)
      --admin-token <token>      let clients other than loopback use /__mock/v1 with
                                 "Authorization: Bearer <token>" (env GENAUTH_MOCK_ADMIN_TOKEN;
                                 default: /__mock/v1 answers loopback clients only)
      --allowed-host <name>      a Host name /__mock/v1 accepts besides IP addresses, localhost
                                 and --host (repeatable)
      --allowed-origin <origin>  an origin whose pages may call /__mock/v1 (repeatable)
      --data <dir>               keep the state in <dir> (made when missing): a restart brings
                                 it back exactly, and a writing request is answered only once
                                 its change is on disk; one mock per directory at a time; a
                                 generated certificate is kept in <dir>/tls (default: in memory
                                 only, nothing written anywhere)
      --import <file>            start with the state in <file> (a GET /__mock/v1/state
                                 document); with --data, it replaces the directory's state
      --export-on-exit <file>    write the state to <file> when the mock stops (SIGINT, SIGTERM,
                                 its parent exiting), atomically
      --https                    serve HTTPS on --port, with a self-signed certificate made on
                                 first use (for localhost, 127.0.0.1, ::1, --host and every
                                 --allowed-host), or the one of --cert
      --https-port <n>           serve HTTPS on <n> and HTTP on --port, side by side
      --cert <file>              PEM certificate to serve (with --key)
      --key <file>               PEM private key of --cert
      --tls-dir <dir>            keep the generated certificate (tls-cert.pem) and key
                                 (tls-key.pem) in <dir> and reuse them on the next start
                                 (default: <data>/tls with --data, else a new certificate
                                 per start, in memory)
  -h, --help                     show this help

Commands:
  mcp [--url <url>]              an MCP server over stdio for AI agents, the control API as
                                 its tools (genauth-mock mcp --help)

Stops on SIGINT or SIGTERM.`;

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  seed: { type: 'string' },
  'session-key-policy': { type: 'string' },
  'outlive-parent': { type: 'boolean' },
  strict: { type: 'boolean' },
  'admin-token': { type: 'string' },
  'allowed-host': { type: 'string', multiple: true },
  'allowed-origin': { type: 'string', multiple: true },
  data: { type: 'string' },
  import: { type: 'string' },
  'export-on-exit': { type: 'string' },
  https: { type: 'boolean' },
  'https-port': { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'tls-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The HTTPS flags (`src/tls/flags.ts` reads them), any of which turns HTTPS on. */
const TLS_FLAG_NAMES: ReadonlySet<string> = new Set([
  'https',
  'https-port',
  'cert',
  'key',
  'tls-dir',
]);

function parsePort(raw: string): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined;
  const port = Number(raw);
  return port <= 65535 ? port : undefined;
}

function isPolicy(raw: string): raw is SessionKeyPolicy {
  return (SESSION_KEY_POLICIES as readonly string[]).includes(raw);
}

/** Every line the CLI prints once listening. */
export function bannerLines(server: MockServer, url: string): string[] {
  const { options } = server.context;
  const warning = exposureWarning(options);
  const { certificate } = server;
  return [
    `genauth-mock listening at ${url} (seed "${server.store.fixtures.seed}", session keys: ${options.sessionKeyPolicy})`,
    ...(certificate
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('./tls/banner') as typeof TlsBanner).tlsBanner(certificate, server.httpsUrl, url)
      : []),
    ...(warning.length > 0 ? ['', ...warning] : []),
    '',
    ...wechatBanner(server.store.fixtures, url),
    '',
    `Console: ${url}/ (loopback clients only)`,
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
 * usage error (unknown flag, bad value; the message names the flag as typed), 1 when the server
 * cannot listen, 0 otherwise (with the running server, which the caller stops).
 */
export async function runCli(argv: string[], io: CliIo): Promise<CliResult> {
  let values: {
    [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true }
      ? string[]
      : (typeof OPTIONS)[K]['type'] extends 'boolean'
        ? boolean
        : string;
  };
  /** Option name → the flag as the user typed it. */
  const typed = new Map<string, string>();
  try {
    const parsed = parseArgs({
      args: argv,
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
    values = parsed.values;
    // The last occurrence wins, so it names the flag in messages (`-p` or `--port`).
    for (const token of parsed.tokens)
      if (token.kind === 'option') typed.set(token.name, token.rawName);
  } catch (err) {
    io.err(`genauth-mock: ${(err as Error).message}`);
    io.err('Run "genauth-mock --help" for usage.');
    return { code: 2 };
  }
  if (values.help) {
    io.out(HELP);
    return { code: 0 };
  }
  const portSource = values.port !== undefined ? (typed.get('port') ?? '--port') : 'PORT';
  const rawPort = values.port ?? io.env['PORT'] ?? '3000';
  const port = parsePort(rawPort);
  if (port === undefined) {
    io.err(`genauth-mock: ${portSource} must be an integer from 0 to 65535, got "${rawPort}"`);
    return { code: 2 };
  }
  const policy = values['session-key-policy'];
  if (policy !== undefined && !isPolicy(policy)) {
    io.err(
      `genauth-mock: --session-key-policy must be ${SESSION_KEY_POLICIES.join(' or ')}, got "${policy}"`,
    );
    return { code: 2 };
  }
  const guard = guardOptions(values, io.env);
  if ('error' in guard) {
    io.err(`genauth-mock: ${guard.error}`);
    return { code: 2 };
  }
  // The TLS code loads only when a TLS flag is given.
  const tlsFlag = (flag: keyof TlsFlags.TlsFlags) => typed.get(flag) ?? `--${flag}`;
  const tls = [...typed.keys()].some((name) => TLS_FLAG_NAMES.has(name))
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./tls/flags') as typeof TlsFlags).tlsOptions(
        values,
        { port, source: portSource },
        tlsFlag,
      )
    : { tls: undefined };
  if ('error' in tls) {
    io.err(`genauth-mock: ${tls.error}`);
    return { code: 2 };
  }
  const data = values.data;
  if (data === '') {
    io.err(`genauth-mock: ${typed.get('data') ?? '--data'} must be a directory path, got ""`);
    return { code: 2 };
  }
  let server: MockServer;
  try {
    server = createMockServer({
      ...guard.options,
      ...(values.host !== undefined && { host: values.host }),
      ...(values.seed !== undefined && { seed: values.seed }),
      ...(policy !== undefined && { sessionKeyPolicy: policy }),
      ...(values.strict === true && { strict: true }),
      ...(tls.tls !== undefined && { tls: tls.tls }),
      // With --import, the directory's state is not read: the import replaces it.
      ...(data !== undefined && { data: { dir: data, restore: values.import === undefined } }),
      log: (line) => io.err(line),
    });
  } catch (err) {
    const { option, detail, kind } = err as { option?: unknown; detail?: unknown; kind?: unknown };
    if (option === 'data') {
      io.err(`genauth-mock: ${typed.get('data') ?? '--data'} ${data ?? ''}: ${String(detail)}`);
      // A directory another mock uses is like a port in use; anything else is a bad value.
      return { code: kind === 'in-use' ? 1 : 2 };
    }
    io.err(`genauth-mock: ${(err as Error).message}`);
    return { code: 2 };
  }
  const stateError = applyStateFlags(
    server,
    values,
    (name) => typed.get(name) ?? `--${name}`,
    (line) => io.err(line),
  );
  if (stateError !== undefined) {
    io.err(`genauth-mock: ${stateError}`);
    return { code: 2 };
  }
  if (data !== undefined && values.import !== undefined) {
    try {
      await server.flush();
    } catch (err) {
      io.err(`genauth-mock: ${typed.get('data') ?? '--data'} ${data}: ${(err as Error).message}`);
      return { code: 1 };
    }
  }
  let url: string;
  try {
    url = await server.start(port);
  } catch (err) {
    const option = (err as { option?: unknown }).option;
    if (err instanceof TypeError && typeof option === 'string') {
      // A TLS option only start() can check (a --tls-dir it cannot use): a usage error.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { FLAG_OF_OPTION } = require('./tls/flags') as typeof TlsFlags;
      const flag = FLAG_OF_OPTION[option];
      const detail = (err as { detail?: unknown }).detail;
      io.err(`genauth-mock: ${flag ? tlsFlag(flag) : option} ${String(detail ?? err.message)}`);
      return { code: 2 };
    }
    io.err(
      `genauth-mock: cannot listen on ${server.context.options.host}:${port}: ${(err as Error).message}`,
    );
    return { code: 1 };
  }
  for (const line of bannerLines(server, url)) io.out(line);
  return { code: 0, server, outliveParent: values['outlive-parent'] === true };
}

/** What {@link stopOnSignals} needs from `process`. */
export interface SignalSource {
  once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

/** How {@link stopOnSignals} notices that the parent process exited. */
export interface ParentWatch {
  /** The parent pid, read when the process started (before it listened). */
  readonly pid: number;
  /** The current parent pid, e.g. `() => process.ppid`. */
  current(): number;
  /** Poll interval in ms. @default PARENT_POLL_MS */
  pollMs?: number;
}

/** How often the parent pid is checked, in ms. */
export const PARENT_POLL_MS = 250;

/**
 * Stops `server` on the first SIGINT or SIGTERM, or, when `parent` is given, once the parent
 * process has exited (its pid changes when the orphan is adopted), then calls `exit(0)` (or
 * `exit(1)` when stopping failed: its last state could not be saved).
 * Resolves with the reason (`SIGINT`, `SIGTERM` or `parent exited`) once the server is closed.
 *
 * The parent check matters because shells do not forward signals: when `sh -c "… node cli.js"`
 * (an npm script, `npx`) is killed, the mock would otherwise keep running and hold its port.
 */
export function stopOnSignals(
  server: MockServer,
  source: SignalSource,
  io: Pick<CliIo, 'err'>,
  exit: (code: number) => void,
  parent?: ParentWatch,
): Promise<string> {
  return new Promise((resolve) => {
    let stopping = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const shutdown = (reason: string) => {
      if (stopping) return;
      stopping = true;
      clearInterval(timer);
      io.err(`genauth-mock: ${reason}, stopping`);
      void server.stop().then(
        () => {
          resolve(reason);
          exit(0);
        },
        (err: unknown) => {
          // Closed, but its last state could not be saved (a full disk under --data).
          io.err(`genauth-mock: ${(err as Error).message}`);
          resolve(reason);
          exit(1);
        },
      );
    };
    source.once('SIGINT', () => shutdown('SIGINT'));
    source.once('SIGTERM', () => shutdown('SIGTERM'));
    if (parent) {
      const check = () => {
        if (parent.current() !== parent.pid) shutdown('parent exited');
      };
      timer = setInterval(check, parent.pollMs ?? PARENT_POLL_MS);
      timer.unref();
      check();
    }
  });
}

/**
 * The `genauth-mock` binary: runs until SIGINT/SIGTERM or until its parent process exits (unless
 * `--outlive-parent`), then closes the server and exits 0.
 */
async function main(): Promise<void> {
  if (process.argv[2] === 'mcp') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./mcp/cli') as typeof McpCli).mcpMain(process.argv.slice(3));
  }
  // A reader that goes away (`genauth-mock | head`) does not stop the mock: what it would have
  // printed after that is dropped.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
  const ppid = process.ppid;
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  };
  const { code, server, outliveParent } = await runCli(process.argv.slice(2), io);
  if (!server) {
    process.exitCode = code;
    return;
  }
  const parent = outliveParent ? undefined : { pid: ppid, current: () => process.ppid };
  void stopOnSignals(server, process, io, (exitCode) => process.exit(exitCode), parent);
}

if (require.main === module) void main();
