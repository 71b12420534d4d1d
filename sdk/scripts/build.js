// Builds the package: CommonJS (Node, `require`), ESM (bundlers, `import`), the mini-program
// bundle (`miniprogram_dist/index.js`, what WeChat devtools "build npm" copies) and the .d.ts files.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'src/index.ts');

/** Options shared with the size check, so it measures exactly what ships. */
const miniprogram = {
  entryPoints: [entry],
  bundle: true,
  format: 'cjs',
  platform: 'neutral',
  target: 'es2020',
  charset: 'utf8',
  minify: true,
  outfile: path.join(root, 'miniprogram_dist/index.js'),
  logLevel: 'warning',
};

async function build() {
  await Promise.all([
    esbuild.build(miniprogram),
    esbuild.build({
      ...miniprogram,
      minify: false,
      platform: 'node',
      target: 'node18',
      outfile: path.join(root, 'dist/cjs/index.js'),
    }),
    esbuild.build({
      ...miniprogram,
      minify: false,
      format: 'esm',
      target: 'es2020',
      outfile: path.join(root, 'dist/esm/index.mjs'),
    }),
  ]);
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-b', path.join(root, 'src')],
    {
      stdio: 'inherit',
    },
  );
  // The `import` condition's types: an ES-module entry over the same declarations, so TypeScript
  // does not read the CommonJS ones as the types of `dist/esm/index.mjs`.
  fs.writeFileSync(path.join(root, 'dist/types/index.d.mts'), "export * from './index.js';\n");
}

module.exports = { miniprogram };

if (require.main === module) {
  build().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
