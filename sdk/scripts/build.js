// Builds the package: CommonJS (Node, `require`), ESM (bundlers, `import`), the mini-program
// bundle (`miniprogram_dist/index.js`, what WeChat devtools "build npm" copies) and the .d.ts files.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');

const common = {
  bundle: true,
  platform: 'neutral',
  target: 'es2020',
  charset: 'utf8',
  logLevel: 'warning',
};

/**
 * The mini-program bundle: the `src/miniprogram.ts` entry (no Node, Taro or uni runtime), minified. Bundled as ESM
 * and its one `export {…}` statement turned into `module.exports = {…}`, which spares esbuild's
 * CommonJS interop helpers. Internal members (never a wire, wx, option or runtime name) are
 * mangled. Shared with the size check, so it measures exactly what ships.
 */
async function buildMiniprogram() {
  const result = await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'src/miniprogram.ts')],
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    mangleProps:
      /^(transport|session|options|runtime|graphqlRoot|graphql|rest|restAt|raw|send|serverError|appHeaders|getUser|setUser)$/,
  });
  const esm = result.outputFiles[0].text;
  const tail = /export\s*\{([^}]*)\};?\s*$/.exec(esm);
  if (!tail || /\bexport\b|\bimport\b/.test(esm.slice(0, tail.index))) {
    throw new Error('the mini-program bundle must end with its only export statement');
  }
  const names = tail[1].split(',').map((item) => {
    const [local, exported = local] = item.trim().split(/\s+as\s+/);
    return `${exported}:${local}`;
  });
  const code = `${esm.slice(0, tail.index)}module.exports={${names.join(',')}};\n`;
  return { code, metafile: result.metafile };
}

/** The CommonJS and ES-module builds of one entry (`index`; `node`: plus the Node runtime). */
function nodeBuilds(name) {
  const entryPoints = [path.join(root, `src/${name}.ts`)];
  return [
    esbuild.build({
      ...common,
      entryPoints,
      format: 'cjs',
      platform: 'node',
      target: 'node18',
      outfile: path.join(root, `dist/cjs/${name}.js`),
    }),
    esbuild.build({
      ...common,
      entryPoints,
      format: 'esm',
      outfile: path.join(root, `dist/esm/${name}.mjs`),
    }),
  ];
}

async function build() {
  const [mini] = await Promise.all([
    buildMiniprogram(),
    ...nodeBuilds('index'),
    ...nodeBuilds('node'),
  ]);
  fs.mkdirSync(path.join(root, 'miniprogram_dist'), { recursive: true });
  fs.writeFileSync(path.join(root, 'miniprogram_dist/index.js'), mini.code);
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-b', path.join(root, 'src')],
    {
      stdio: 'inherit',
    },
  );
  // The `import` condition's types: an ES-module entry over the same declarations, so TypeScript
  // does not read the CommonJS ones as the types of `dist/esm/index.mjs`.
  for (const name of ['index', 'node']) {
    fs.writeFileSync(
      path.join(root, `dist/types/${name}.d.mts`),
      `export * from './${name}.js';\n`,
    );
  }
}

module.exports = { buildMiniprogram };

if (require.main === module) {
  build().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
