/**
 * `genauth-mock mcp`: an MCP server over stdio whose tools are the control API, for AI coding
 * agents. With `--url` it drives a running mock; without, it starts one in process on a free
 * loopback port and drives that one through the same HTTP client. stdout carries the protocol
 * only: everything for people goes to stderr. Loaded (with the MCP SDK) only for this subcommand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

import { createControlClient } from '../client';
import { ADMIN_TOKEN_ENV } from '../control/guard-flags';
import type * as ServerModule from '../server';
import { registerControlTools, type ToolTarget } from './tools';

/** The usage of `genauth-mock mcp`. */
export const MCP_HELP = `Usage: genauth-mock mcp [options]

An MCP server over stdio (for AI coding agents) whose tools are the mock's control API.

Options:
      --url <url>        drive the mock running at <url> (default: start one in process on a
                         free loopback port and print its URL on stderr)
      --token <token>    the mock's admin token (env GENAUTH_MOCK_ADMIN_TOKEN), for --url
      --seed <seed>      fixtures seed of the mock started in process
      --data <dir>       keep the state of the mock started in process in <dir>, as
                         "genauth-mock --data" does (a restart brings it back)
  -h, --help             show this help

Client config: {"command": "npx", "args": ["genauth-mock", "mcp"]}`;

/** Where `genauth-mock mcp` reads and writes: stdio carries the protocol. */
export interface McpIo {
  stdin: Readable;
  stdout: Writable;
  err(line: string): void;
  env: Record<string, string | undefined>;
}

/** The running MCP server: its target and how to stop it (and the mock it started, if any). */
export interface McpHandle extends ToolTarget {
  server: McpServer;
  close(): Promise<void>;
}

/** This package's name and version, for the MCP handshake. */
function packageInfo(): { name: string; version: string } {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === '@genauth-wxapp/mock-server')
      return { name: 'genauth-mock', version: pkg.version ?? '0.0.0' };
  }
  return { name: 'genauth-mock', version: '0.0.0' };
}

/**
 * Parses `argv` (after `mcp`), reaches or starts the mock and serves MCP on `io`'s stdio.
 * Resolves with the handle, or with an exit code (0 after `--help`, 2 on a usage error, 1 when
 * the in-process mock cannot listen).
 */
export async function startMcp(argv: string[], io: McpIo): Promise<McpHandle | number> {
  let values: { url?: string; token?: string; seed?: string; data?: string; help?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        seed: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    io.err(`genauth-mock mcp: ${(err as Error).message}`);
    io.err('Run "genauth-mock mcp --help" for usage.');
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${MCP_HELP}\n`);
    return 0;
  }
  for (const flag of ['seed', 'data'] as const) {
    if (values.url === undefined || values[flag] === undefined) continue;
    io.err(`genauth-mock mcp: --${flag} applies to the mock started in process, not to --url`);
    return 2;
  }
  if (values.data === '') {
    io.err('genauth-mock mcp: --data must be a directory path, got ""');
    return 2;
  }
  let url = values.url;
  let stopMock = async (): Promise<void> => undefined;
  if (url === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createMockServer } = require('../server') as typeof ServerModule;
    let mock: ServerModule.MockServer;
    try {
      mock = createMockServer({
        host: '127.0.0.1',
        ...(values.seed !== undefined && { seed: values.seed }),
        ...(values.data !== undefined && { data: values.data }),
        log: (line) => io.err(line),
      });
    } catch (err) {
      const { option, detail, kind } = err as {
        option?: unknown;
        detail?: unknown;
        kind?: unknown;
      };
      if (option !== 'data') throw err;
      io.err(`genauth-mock mcp: --data ${values.data ?? ''}: ${String(detail)}`);
      // A directory another mock uses is like a port in use; anything else is a bad value.
      return kind === 'in-use' ? 1 : 2;
    }
    try {
      url = await mock.start(0);
    } catch (err) {
      await mock.stop().catch(() => undefined);
      io.err(`genauth-mock mcp: cannot start the mock: ${(err as Error).message}`);
      return 1;
    }
    stopMock = () => mock.stop();
    io.err(`genauth-mock mcp: mock listening at ${url} (seed "${mock.context.options.seed}")`);
  } else if (!/^https?:\/\/[^/]/.test(url)) {
    io.err(`genauth-mock mcp: --url must be an http(s) URL, got "${url}"`);
    return 2;
  }
  // An empty variable is no token, as the mock itself reads it.
  const token = values.token ?? (io.env[ADMIN_TOKEN_ENV] || undefined);
  const control = createControlClient(url, token === undefined ? {} : { token });
  const server = new McpServer(packageInfo());
  const target: ToolTarget = { control, url };
  registerControlTools(server, target);
  const transport = new StdioServerTransport(io.stdin, io.stdout);
  await server.connect(transport);
  io.err(`genauth-mock mcp: serving MCP on stdio for the mock at ${url}`);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await server.close();
      await stopMock();
    })());
  return { ...target, server, close };
}

/**
 * The `genauth-mock mcp` process: serves until stdin ends (the client went away) or SIGINT /
 * SIGTERM, then stops the mock it started and exits 0.
 */
export async function mcpMain(argv: string[]): Promise<void> {
  const io: McpIo = {
    stdin: process.stdin,
    stdout: process.stdout,
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  };
  const handle = await startMcp(argv, io);
  if (typeof handle === 'number') {
    process.exitCode = handle;
    return;
  }
  const shutdown = () => void handle.close().then(() => process.exit(0));
  process.stdin.once('end', shutdown);
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
