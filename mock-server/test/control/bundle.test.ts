/**
 * The `genauth-mock` bin as the package ships it: one esbuild bundle of the mock and Express
 * (`scripts/bundle-cli.js`). It may `require` only Node's modules and the package's declared
 * dependencies, and it serves every part of the mock, the lazily loaded ones included.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { builtinModules } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_APPID, createFixtures } from '@genauth-wxapp/fixtures';

const pkgDir = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};
const bin = join(pkgDir, pkg.bin['genauth-mock']!);
const children: ChildProcess[] = [];

beforeAll(() => {
  for (const script of ['build-console.js', 'bundle-cli.js'])
    execFileSync(process.execPath, [join(pkgDir, 'scripts', script)], { stdio: 'inherit' });
}, 60_000);
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the bin on a free port; resolves with the banner's URL and the process. */
function start(args: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /genauth-mock listening at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`exited (${code}) before listening:\n${out}`)));
  });
}

describe('the bundled genauth-mock bin', () => {
  it('requires nothing but Node modules and the declared dependencies, and bundles Express', () => {
    const text = readFileSync(bin, 'utf8');
    const required = new Set(
      [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map(([, name]) => name!),
    );
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const declared = Object.keys(pkg.dependencies);
    const packageOf = (name: string) =>
      name
        .split('/')
        .slice(0, name.startsWith('@') ? 2 : 1)
        .join('/');
    const foreign = [...required].filter(
      (n) => !builtins.has(n) && !declared.includes(packageOf(n)),
    );
    expect(foreign).toEqual([]);
    expect(required.has('express')).toBe(false);
    // A require of a computed name is not bundled: only Express's view-engine loader (unused).
    const computed = [...text.matchAll(/\brequire\((?!")[^)]{0,60}\)/g)].map(([call]) => call);
    expect(computed).toEqual(['require(mod)']);
    expect(required.has('graphql')).toBe(true);
  });

  it('serves WeChat, GraphQL, the console and the control surface, and stops on SIGTERM', async () => {
    const { child, url } = await start();
    const secret = createFixtures().wechat.apps.find((a) => a.appid === DEMO_APPID)!.secret;
    const login = (await (
      await fetch(`${url}/__mock/v1/wechat/login`, {
        method: 'POST',
        body: JSON.stringify({ appid: DEMO_APPID }),
      })
    ).json()) as { code: string; openid: string };
    const session = await fetch(
      `${url}/sns/jscode2session?appid=${DEMO_APPID}&secret=${secret}&js_code=${login.code}&grant_type=authorization_code`,
    );
    expect(await session.json()).toMatchObject({ openid: login.openid });
    const demo = (await (await fetch(`${url}/__mock/v1/demo`)).json()) as { userPoolId: string };
    const graphql = await fetch(`${url}/graphql/v2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authing-userpool-id': demo.userPoolId },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('keeps serving when the reader of its output goes away (genauth-mock | head)', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [bin, '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    // Like `head` exiting: the pipes close before the banner is written.
    child.stdout!.destroy();
    child.stderr!.destroy();
    let status = 0;
    for (let tries = 0; tries < 100 && status !== 200; tries++) {
      status = await fetch(`http://127.0.0.1:${port}/__mock/v1/clock`).then(
        (res) => res.status,
        () => 0,
      );
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(200);
    expect(child.exitCode).toBeNull();
  });

  it('runs the mcp subcommand', () => {
    const help = execFileSync(process.execPath, [bin, 'mcp', '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/^Usage: genauth-mock mcp/);
  });
});
