/**
 * Puts the SDK's mini-program build where WeChat devtools looks for npm packages
 * (`miniprogram/miniprogram_npm/@genauth-wxapp/sdk/index.js`, the layout "Build npm" produces),
 * so the demo opens as-is. Run `npm run demo -w conformance`, which builds the SDK first.
 */
const fs = require('node:fs');
const path = require('node:path');

const prettier = require('prettier');

const source = path.resolve(__dirname, '../../sdk/miniprogram_dist/index.js');
const target = path.resolve(
  __dirname,
  '../miniprogram/miniprogram_npm/@genauth-wxapp/sdk/index.js',
);

if (!fs.existsSync(source)) {
  console.error(`missing ${source}: run "npm run build -w sdk" first`);
  process.exit(1);
}
async function main() {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Formatted and lint-exempt, so the repository's checks pass with the copy in place.
  const code = `/* eslint-disable */\n${fs.readFileSync(source, 'utf8')}`;
  const options = (await prettier.resolveConfig(target)) ?? {};
  fs.writeFileSync(target, await prettier.format(code, { ...options, filepath: target }));
  console.log(`vendored the SDK into ${path.relative(process.cwd(), target)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
