#!/usr/bin/env node
'use strict';
/**
 * Bundles the web console (`console/src`, Preact) with esbuild into `dist/console/`: hashed
 * `assets/*.js` and `*.css` and an `index.html` naming them, which the mock serves at `/`. The
 * output is a pure function of the sources, and every file is written to a temporary name and
 * renamed into place, so builds running side by side (test files) never expose a partial file.
 */
const { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { basename, join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist', 'console');
const ASSETS = join(OUT, 'assets');

/** The page: no inline script or style, so the CSP can forbid both. */
const page = (js, css) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>genauth-mock console</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/__mock/ui/assets/${css}" />
    <script defer src="/__mock/ui/assets/${js}"></script>
  </head>
  <body>
    <div id="app"></div>
    <noscript>The console needs JavaScript.</noscript>
  </body>
</html>
`;

/** Writes `text` at `path` by renaming a temporary file over it. */
function writeAtomic(path, text) {
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Builds the console; resolves to `{files: [{name, bytes}]}` of what it wrote. */
async function buildConsole() {
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'console', 'src', 'main.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: 'console-[hash]',
    outdir: ASSETS,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
  mkdirSync(ASSETS, { recursive: true });
  const names = [];
  for (const file of result.outputFiles) {
    writeAtomic(file.path, file.contents);
    names.push(basename(file.path));
  }
  const js = names.find((n) => n.endsWith('.js'));
  const css = names.find((n) => n.endsWith('.css'));
  if (!js || !css) throw new Error(`the console bundle lacks a script or a stylesheet: ${names}`);
  writeAtomic(join(OUT, 'index.html'), page(js, css));
  // Bundles of earlier sources go (not the temporary files of a build running alongside).
  for (const name of readdirSync(ASSETS)) {
    if (!names.includes(name) && !name.includes('.tmp-'))
      rmSync(join(ASSETS, name), { force: true });
  }
  return {
    files: [
      ...result.outputFiles.map((f) => ({ name: relative(OUT, f.path), bytes: f.contents.length })),
    ],
  };
}

module.exports = { buildConsole, CONSOLE_DIR: OUT };

if (require.main === module) {
  buildConsole().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
