// The size check: the mini-program entry as one minified bundle, against the official SDK and
// the budget. Exits non-zero past the budget.
const zlib = require('node:zlib');
const esbuild = require('esbuild');
const { miniprogram } = require('./build');

const BUDGET = 25_000;
const OFFICIAL = 342_109;

async function main() {
  const result = await esbuild.build({
    ...miniprogram,
    minify: true,
    write: false,
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  const gzip = zlib.gzipSync(code, { level: 9 }).length;
  const builtins = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('node:'));
  const pct = ((code.length / OFFICIAL) * 100).toFixed(1);
  console.log(`@genauth-wxapp/sdk (miniprogram entry, minified): ${code.length} B, gzip ${gzip} B`);
  console.log(
    `authing-wxapp-sdk 4.3.22-alpha.7 (same measure):   ${OFFICIAL} B (ours is ${pct} %)`,
  );
  console.log(`budget: ${BUDGET} B`);
  if (builtins.length > 0) {
    console.error(`FAIL: the bundle imports Node built-ins: ${builtins.join(', ')}`);
    process.exit(1);
  }
  if (code.length > BUDGET) {
    console.error(`FAIL: ${code.length} B is over the ${BUDGET} B budget`);
    process.exit(1);
  }
  console.log('OK: within budget');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
