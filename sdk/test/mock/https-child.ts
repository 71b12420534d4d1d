/**
 * A Node script as users run one against a mock serving HTTPS: the SDK's Node runtime with the
 * global `fetch`, the mock's certificate trusted through `NODE_EXTRA_CA_CERTS`. Bundled and run
 * by `https.test.ts`; prints one JSON line with what it got.
 */
import { createControlClient } from '@genauth-wxapp/mock-server/client';

import { demoCodeClient } from '../helpers/demo-login';

async function main(url: string): Promise<void> {
  const client = await demoCodeClient(createControlClient(url), url);
  const user = await client.loginByCode();
  const status = await client.checkLoginStatus();
  process.stdout.write(`${JSON.stringify({ openid: user.openid, token: user.token, status })}\n`);
}

main(process.argv[2]!).catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
