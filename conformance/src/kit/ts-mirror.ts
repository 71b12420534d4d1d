/**
 * TypeScript mini-programs without a build step. A root that holds `.ts` sources is mirrored
 * into `node_modules/.cache/genauth-wxapp-conformance/<hash>/`: every `.ts` compiled to a `.js`
 * next to where it was (with an inline source map naming the original `.ts`), every other file
 * copied. The kit then loads the mirror, so simulate's plain `require` finds JavaScript under any
 * runner and any transform config (Jest leaves `node_modules` untransformed). The hash covers the
 * contents, so an unchanged root is reused across runs and a changed one gets a new mirror.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

import { underJest } from './registry';
import { mapStacksOf } from './stack-map';
import { compilerVersion, compileTypeScript } from './typescript';

/** Bump when the mirror layout or compile options change. */
const LAYOUT = '1';
const CACHE_NAME = 'genauth-wxapp-conformance';
const DONE = '.complete';

const isTs = (file: string) => file.endsWith('.ts') && !file.endsWith('.d.ts');

/** The root's files (relative paths, sorted), without `node_modules` and dot-folders. */
function listFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = dir ? join(dir, entry.name) : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.'))
        out.push(...listFiles(root, rel));
    } else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/** `<nearest node_modules at or above root>/.cache/…`, else the OS temp folder. */
function cacheBase(root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules')))
      return join(dir, 'node_modules', '.cache', CACHE_NAME);
    if (dirname(dir) === dir) return join(tmpdir(), CACHE_NAME);
  }
}

/** Writes the mirror of `files` into `target`. */
function build(root: string, files: string[], target: string): void {
  const skip = new Set(files.filter(isTs).map((f) => f.replace(/\.ts$/, '.js')));
  for (const file of files) {
    if (file.endsWith('.d.ts') || skip.has(file)) continue;
    const to = join(target, isTs(file) ? file.replace(/\.ts$/, '.js') : file);
    mkdirSync(dirname(to), { recursive: true });
    const from = join(root, file);
    if (isTs(file)) writeFileSync(to, compileTypeScript(readFileSync(from, 'utf8'), from));
    else copyFileSync(from, to);
  }
  // Packages installed in the root itself resolve from the mirror as they do from the root.
  if (existsSync(join(root, 'node_modules')))
    symlinkSync(join(root, 'node_modules'), join(target, 'node_modules'), 'junction');
  writeFileSync(join(target, DONE), root);
}

/** Where the mirror of `root` lives, or undefined when `root` has no `.ts` sources. */
export function mirrorPath(root: string, files = listFiles(root)): string | undefined {
  if (!files.some(isTs)) return undefined;
  const hash = createHash('sha256').update(`${LAYOUT}\0${compilerVersion()}\0${root}\0`);
  for (const file of files)
    hash.update(`${file.split(sep).join('/')}\0`).update(readFileSync(join(root, file)));
  return join(cacheBase(root), hash.digest('hex').slice(0, 20));
}

/**
 * The folder the kit loads `root` from: `root` itself when it has no `.ts` sources, else its
 * compiled mirror (built on first use, reused while the contents are unchanged). A `.ts` wins
 * over a `.js` of the same name. A syntax error throws naming the file and line.
 */
export function loadRootFor(root: string): string {
  const files = listFiles(root);
  const target = mirrorPath(root, files);
  if (target === undefined) return root;
  // Jest maps the inline source maps itself; under Node's require the kit does.
  if (!underJest()) mapStacksOf(target);
  if (existsSync(join(target, DONE))) return target;
  // Built aside and renamed into place, so parallel workers never see half a mirror.
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    build(root, files, temp);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    // Another worker may have renamed the same mirror into place first.
    if (!existsSync(join(target, DONE))) throw error;
  }
  return target;
}

/** The source file behind `file` of a load root (`…/app.js` → `<root>/app.ts` when mirrored). */
export function sourceOf(root: string, loadRoot: string, file: string): string {
  if (loadRoot === root) return file;
  const original = join(root, relative(loadRoot, file));
  const ts = original.replace(/\.js$/, '.ts');
  return existsSync(ts) ? ts : original;
}
