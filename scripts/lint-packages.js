'use strict';
/**
 * `npm run lint:packages`: checks every workspace as the tarball `npm pack` would make it.
 * Builds first (`tsc -b` and the SDK bundles; both are incremental), then runs publint (strict)
 * on each workspace and checks what publint does not: the package is public, carries the root
 * LICENSE and `engines`, depends on its siblings by caret range, ships no tests, every source map
 * it ships has its sources next to it, and every package its declarations import (with its
 * `@types/*`) is a dependency. Exits non-zero on any problem.
 */
const { execFile, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');
const { promisify } = require('node:util');

const root = path.join(__dirname, '..');
const rootPkg = readJson(path.join(root, 'package.json'));

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function build() {
  const node = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  node([require.resolve('typescript/bin/tsc'), '-b']);
  node([path.join(root, 'sdk/scripts/build.js')]);
}

/** The files `npm pack` would put in the tarball of `dir` (without running its prepack). */
async function packedFiles(dir) {
  const npm = process.env.npm_execpath;
  const [cmd, args] = npm ? [process.execPath, [npm]] : ['npm', []];
  const { stdout } = await promisify(execFile)(
    cmd,
    [...args, 'pack', '--dry-run', '--json', '--ignore-scripts'],
    { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout)[0].files.map((file) => file.path);
}

/** The package name of a bare module specifier (`@scope/name/sub` → `@scope/name`). */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Whether `name` (resolved from `dir`) ships its own declarations. */
function hasOwnTypes(name, dir) {
  let pkgDir = dir;
  for (;;) {
    const candidate = path.join(pkgDir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) {
      const pkg = readJson(path.join(candidate, 'package.json'));
      const exportsTypes = JSON.stringify(pkg.exports ?? {}).includes('"types"');
      return Boolean(
        pkg.types ||
        pkg.typings ||
        exportsTypes ||
        fs.existsSync(path.join(candidate, 'index.d.ts')),
      );
    }
    const parent = path.dirname(pkgDir);
    if (parent === pkgDir) return false;
    pkgDir = parent;
  }
}

/**
 * What the shipped declarations import that the package does not declare: each bare import must
 * be a dependency (or peer), with its `@types/*` package as a dependency when it has no types of
 * its own, and `node:*` / built-in imports need `@types/node`.
 */
function undeclaredTypeImports(dir, pkg, files) {
  const declared = new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
  ]);
  const deps = new Set(Object.keys(pkg.dependencies ?? {}));
  const needs = new Map();
  const pattern = /(?:from\s+|import\(\s*)['"]([^'"]+)['"]|reference types="([^"]+)"/g;
  for (const file of files.filter((f) => /\.d\.[cm]?ts$/.test(f))) {
    for (const match of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(pattern)) {
      const specifier = match[1] ?? match[2];
      if (specifier.startsWith('.')) continue;
      if (!needs.has(specifier)) needs.set(specifier, file);
    }
  }
  const problems = [];
  for (const [specifier, file] of needs) {
    const name = packageOf(specifier.replace(/^node:/, ''));
    if (specifier.startsWith('node:') || builtinModules.includes(name)) {
      if (!deps.has('@types/node')) problems.push(`${file} imports ${specifier}: add @types/node`);
      continue;
    }
    if (name === pkg.name) continue;
    if (!declared.has(name)) {
      problems.push(`${file} imports ${specifier}, which is not a dependency`);
      continue;
    }
    const types = `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
    if (!hasOwnTypes(name, dir) && !deps.has(types)) {
      problems.push(`${file} imports ${specifier}: add ${types} to dependencies`);
    }
  }
  return problems;
}

/**
 * Problems publint does not look for. Outputs of deleted sources (which a clean checkout does not
 * have) are added to `stale` instead.
 */
function ownChecks(dir, pkg, files, siblings, stale) {
  const problems = [];
  if (pkg.private) problems.push('is private');
  const license = path.join(dir, 'LICENSE');
  if (!files.includes('LICENSE') || !fs.existsSync(license)) {
    problems.push('ships no LICENSE');
  } else if (!fs.readFileSync(license).equals(fs.readFileSync(path.join(root, 'LICENSE')))) {
    problems.push('LICENSE differs from the root LICENSE');
  }
  if (pkg.license !== 'MIT') problems.push(`license is ${pkg.license}, not MIT`);
  if (pkg.engines?.node !== rootPkg.engines.node) {
    problems.push(`engines.node is ${pkg.engines?.node}, not ${rootPkg.engines.node}`);
  }
  for (const field of ['dependencies', 'peerDependencies']) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      const sibling = siblings.get(name);
      if (sibling && range !== `^${sibling}`) {
        problems.push(`${field}.${name} is "${range}", not "^${sibling}"`);
      }
    }
  }
  for (const file of files) {
    if (/(^|\/)(test|__tests__)\//.test(file) || /\.test\.[cm]?[jt]s$/.test(file)) {
      problems.push(`ships the test file ${file}`);
    }
    if (!file.endsWith('.map')) continue;
    const { sources } = readJson(path.join(dir, file));
    for (const source of sources) {
      const shipped = path.posix.normalize(path.posix.join(path.posix.dirname(file), source));
      if (files.includes(shipped)) continue;
      if (fs.existsSync(path.join(dir, shipped))) {
        problems.push(`${file} maps to ${shipped}, which is not shipped`);
      } else {
        // A source deleted since the last build: only a dirty tree packs its stale outputs.
        stale.add(path.posix.dirname(file));
      }
    }
  }
  return problems;
}

async function lint(dir, siblings) {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const pkg = readJson(path.join(dir, 'package.json'));
  const [files, result] = await Promise.all([
    packedFiles(dir),
    publint({ pkgDir: dir, pack: 'npm', strict: true, level: 'suggestion' }),
  ]);
  const problems = result.messages.map((m) => `${m.type}: ${formatMessage(m, result.pkg)}`);
  const stale = new Set();
  problems.push(...ownChecks(dir, pkg, files, siblings, stale));
  problems.push(...undeclaredTypeImports(dir, pkg, files));
  return { name: pkg.name, count: files.length, problems, stale: [...stale] };
}

async function main() {
  build();
  const dirs = rootPkg.workspaces.map((ws) => path.join(root, ws));
  const siblings = new Map(
    dirs.map((dir) => readJson(path.join(dir, 'package.json'))).map((p) => [p.name, p.version]),
  );
  const results = await Promise.all(dirs.map((dir) => lint(dir, siblings)));
  let failed = false;
  for (const { name, count, problems, stale } of results) {
    if (stale.length > 0) {
      console.warn(
        `${name}: warning: build outputs of deleted sources in ${stale.join(', ')}; ` +
          'remove dist/ and rebuild before packing',
      );
    }
    if (problems.length === 0) {
      console.log(`${name}: OK (${count} files)`);
      continue;
    }
    failed = true;
    console.error(`${name}:`);
    for (const problem of problems) console.error(`  - ${problem}`);
  }
  if (failed) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
