import { requirePeer } from './peers';

interface EsbuildMessage {
  text: string;
  location: { file: string; line: number; column: number; lineText: string } | null;
}

interface Esbuild {
  version: string;
  transformSync(
    source: string,
    options: Record<string, unknown>,
  ): { code: string; warnings: EsbuildMessage[] };
}

let esbuild: Esbuild | undefined;

function loadEsbuild(): Esbuild {
  esbuild ??= requirePeer(
    'esbuild',
    'Loading TypeScript pages',
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    () => require('esbuild') as Esbuild,
  );
  return esbuild;
}

/** The esbuild version (part of the compile cache key). */
export function compilerVersion(): string {
  return loadEsbuild().version;
}

/**
 * Compiles one TypeScript module to CommonJS (ES2020) with an inline source map whose source is
 * `file`, so stack traces name the `.ts` line. Types are stripped, not checked. A syntax error
 * becomes one `Error` naming `file:line:column`.
 */
export function compileTypeScript(source: string, file: string): string {
  try {
    return loadEsbuild().transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'es2020',
      sourcemap: 'inline',
      sourcefile: file,
      sourcesContent: false,
    }).code;
  } catch (error) {
    const first = (error as { errors?: EsbuildMessage[] }).errors?.[0];
    if (!first) throw error;
    const at = first.location
      ? `${first.location.file}:${first.location.line}:${first.location.column + 1}`
      : file;
    const line = first.location ? `\n    ${first.location.lineText}` : '';
    throw new Error(
      `TypeScript syntax error in ${at}: ${first.text}${line}\n` +
        'Fix the syntax there (the kit strips types with esbuild; it does not type-check).',
      { cause: error },
    );
  }
}
