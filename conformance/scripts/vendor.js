/**
 * Puts what the demo needs in WeChat devtools where devtools looks for npm packages
 * (`miniprogram/miniprogram_npm/`, the layout "Build npm" produces), so the demo opens as-is:
 * - `@genauth-wxapp/sdk/index.js`: the SDK's mini-program build;
 * - `@genauth-wxapp/mock-server-client/index.js`: the mock's typed control client
 *   (`@genauth-wxapp/mock-server/client`) bundled for the mini-program runtime, which the
 *   devtools-only `utils/dev-wechat.js` mints codes with.
 * `npm run demo -w conformance` builds the SDK first and vendors both; `--client` vendors only
 * the control client (bundled from its source, no build needed).
 */
const fs = require('node:fs');
const path = require('node:path');

const esbuild = require('esbuild');
const prettier = require('prettier');

const npmDir = path.resolve(__dirname, '../miniprogram/miniprogram_npm/@genauth-wxapp');

/** Writes `code` formatted and lint-exempt, so the repository's checks pass with the copy in place. */
async function writeVendored(target, code) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const options = (await prettier.resolveConfig(target)) ?? {};
  const text = await prettier.format(`/* eslint-disable */\n${code}`, {
    ...options,
    filepath: target,
  });
  fs.writeFileSync(target, text);
  console.log(`vendored ${path.relative(process.cwd(), target)}`);
}

async function vendorSdk() {
  const source = path.resolve(__dirname, '../../sdk/miniprogram_dist/index.js');
  if (!fs.existsSync(source))
    throw new Error(`missing ${source}: run "npm run build -w sdk" first`);
  await writeVendored(path.join(npmDir, 'sdk/index.js'), fs.readFileSync(source, 'utf8'));
}

async function vendorControlClient() {
  const { outputFiles } = await esbuild.build({
    entryPoints: [path.resolve(__dirname, '../../mock-server/src/client.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2018',
    write: false,
    logLevel: 'warning',
  });
  await writeVendored(path.join(npmDir, 'mock-server-client/index.js'), outputFiles[0].text);
}

async function main() {
  if (!process.argv.includes('--client')) await vendorSdk();
  await vendorControlClient();
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
