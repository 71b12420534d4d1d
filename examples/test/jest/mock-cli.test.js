/**
 * The mock as a CI step for a backend: `npx genauth-mock` from the installed package, stopped by
 * SIGTERM to npx (as a CI runner stops a step), after which its port is free.
 */
const { spawn } = require('node:child_process');
const { connect } = require('node:net');

const { createControlClient } = require('@genauth-wxapp/mock-server/client');

jest.setTimeout(30_000);

/** Resolves once nothing listens on `url` any more (checked every 50 ms, for at most 5 s). */
async function refused(url) {
  const { hostname, port } = new URL(url);
  for (let tries = 0; tries < 100; tries++) {
    const open = await new Promise((resolve) => {
      const socket = connect(Number(port), hostname);
      socket.once('connect', () => resolve(socket.destroy() || true));
      socket.once('error', () => resolve(false));
    });
    if (!open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} still accepts connections`);
}

test('npx genauth-mock serves the control API, GraphQL and the console, and stops with SIGTERM', async () => {
  const child = spawn('npx', ['--no-install', 'genauth-mock', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /listening at (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`npx exited (${code}) before listening`)));
    });
    const control = createControlClient(url);
    const demo = await control.demo();
    const wechatAppid = demo.apps.find((app) => app.wechatAppid).wechatAppid;
    expect((await control.wechat.login({ appid: wechatAppid })).code).toMatch(/^\w{32}$/);
    // Parts that load on first use, from this repository's node_modules: GraphQL and the console.
    const graphql = await fetch(`${url}/graphql/v2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authing-userpool-id': demo.userPoolId },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    const consolePage = await fetch(`${url}/`);
    expect(consolePage.status).toBe(200);
    expect(consolePage.headers.get('content-type')).toMatch(/^text\/html/);
    child.kill('SIGTERM');
    await refused(url);
  } finally {
    child.kill('SIGKILL');
  }
});
