// The size check: the mini-program entry as one minified bundle, against the official SDK and
// the budget. Exits non-zero past the budget.
const { builtinModules } = require('node:module');
const zlib = require('node:zlib');
const esbuild = require('esbuild');
const { buildMiniprogram } = require('./build');

const BUDGET = 24_000;
const GZIP_BUDGET = 8_500;
/** The official SDK's single minified bundle as recorded with esbuild 0.24 (browser resolution). */
const OFFICIAL_RECORDED = 342_109;

/**
 * Bundles `authing-wxapp-sdk` the same way (one minified file, browser resolution, Node built-ins
 * external) when it is installed; null otherwise.
 */
async function measureOfficial() {
  let entry;
  try {
    entry = require.resolve('authing-wxapp-sdk');
  } catch {
    return null;
  }
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    write: false,
    platform: 'browser',
    format: 'cjs',
    external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  return { bytes: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length };
}

async function main() {
  const { code: text, metafile } = await buildMiniprogram();
  const code = Buffer.from(text, 'utf8');
  const gzip = zlib.gzipSync(code, { level: 9 }).length;
  const builtins = Object.keys(metafile.inputs).filter((input) => input.startsWith('node:'));
  const official = await measureOfficial();
  const officialBytes = official ? official.bytes : OFFICIAL_RECORDED;
  const pct = ((code.length / officialBytes) * 100).toFixed(1);
  console.log(`@genauth-wxapp/sdk (miniprogram entry, minified): ${code.length} B, gzip ${gzip} B`);
  console.log(
    official
      ? `authing-wxapp-sdk 4.3.22-alpha.7 (same measure, this run): ${official.bytes} B, gzip ${official.gzip} B (ours is ${pct} %)`
      : `authing-wxapp-sdk 4.3.22-alpha.7 (recorded, not installed): ${OFFICIAL_RECORDED} B (ours is ${pct} %)`,
  );
  console.log(`budget: ${BUDGET} B, gzip ${GZIP_BUDGET} B`);
  if (builtins.length > 0) {
    console.error(`FAIL: the bundle imports Node built-ins: ${builtins.join(', ')}`);
    process.exit(1);
  }
  if (code.length > BUDGET) {
    console.error(`FAIL: ${code.length} B is over the ${BUDGET} B budget`);
    process.exit(1);
  }
  if (gzip > GZIP_BUDGET) {
    console.error(`FAIL: gzip ${gzip} B is over the ${GZIP_BUDGET} B budget`);
    process.exit(1);
  }
  console.log('OK: within budget');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
