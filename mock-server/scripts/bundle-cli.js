#!/usr/bin/env node
'use strict';
/**
 * Bundles the CLI (`dist/src/cli.js`, built by `tsc -b`) with esbuild into `dist/cli.js`, the
 * package's `genauth-mock` bin: the mock's own modules and Express with its dependencies in one
 * file, so a start reads and compiles one file instead of a hundred-odd modules. The package's
 * other dependencies (fixtures, graphql, jose, node-forge, multer, zod, the MCP SDK) stay
 * `require`s: they load on first use, from where npm installed them. Written to a temporary file
 * and renamed into place, so a test building it beside another never runs a partial file.
 */
const { chmodSync, renameSync } = require('node:fs');
const { join } = require('node:path');

const { buildSync } = require('esbuild');

const ROOT = join(__dirname, '..');
const { bin, dependencies } = require('../package.json');

/** Bundled: the mock and Express (its start-up cost); every other dependency loads lazily. */
const BUNDLED = new Set(['express']);

const entry = join(ROOT, 'dist/src/cli.js');
const out = join(ROOT, bin['genauth-mock']);
const tmp = `${out}.tmp-${process.pid}`;
buildSync({
  entryPoints: [entry],
  outfile: tmp,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
  legalComments: 'eof',
  logLevel: 'warning',
});
chmodSync(tmp, 0o755);
renameSync(tmp, out);
// The unbundled entry (it has a shebang) stays runnable too: bin links made when it was the bin
// (an npx cache of an earlier version) still start the mock.
chmodSync(entry, 0o755);
