import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

/** One file of the built console, held in memory (the whole bundle is some tens of KiB). */
export interface ConsoleFile {
  body: Buffer;
  type: string;
}

/** The built console: its page and its hashed assets by file name. */
export interface ConsoleBundle {
  index: ConsoleFile;
  assets: ReadonlyMap<string, ConsoleFile>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The mock-server package's root: the nearest directory up with its package.json. */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (name === '@genauth-wxapp/mock-server') return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no mock-server package.json above ${from}`);
  }
}

/** Where the build writes the console (`npm run build`): `dist/console` of the package. */
export function consoleDir(): string {
  return join(packageRoot(__dirname), 'dist', 'console');
}

/** The bundle in `dir`, or undefined when it has not been built. */
export function readBundle(dir: string): ConsoleBundle | undefined {
  const indexPath = join(dir, 'index.html');
  if (!existsSync(indexPath) || !existsSync(join(dir, 'assets'))) return undefined;
  const assets = new Map<string, ConsoleFile>();
  for (const name of readdirSync(join(dir, 'assets'))) {
    const type = TYPES[extname(name)];
    if (type === undefined || name.includes('.tmp-')) continue;
    assets.set(name, { body: readFileSync(join(dir, 'assets', name)), type });
  }
  return { index: { body: readFileSync(indexPath), type: TYPES['.html'] as string }, assets };
}
