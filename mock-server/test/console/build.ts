/** The console bundle, built once per test file with the package's own build script. */
import { join } from 'node:path';

interface BuildScript {
  buildConsole(): Promise<{ files: { name: string; bytes: number }[] }>;
  CONSOLE_DIR: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require(join(__dirname, '../../scripts/build-console.js')) as BuildScript;

/** Builds `dist/console` (what `npm run build` does); resolves to the files written. */
export const buildConsole = (): ReturnType<BuildScript['buildConsole']> => script.buildConsole();

/** Where the bundle is written. */
export const CONSOLE_DIR = script.CONSOLE_DIR;
