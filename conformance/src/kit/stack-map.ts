/**
 * Stack traces that point at the `.ts` line for compiled mirror files loaded by Node's own
 * `require` (Vitest). Jest maps inline source maps itself; Vitest maps only the modules it
 * transformed, so the kit chains `Error.prepareStackTrace` and rewrites the frames of the files it
 * compiled, before handing them to whatever formatter was installed (Vitest's, or Node's format).
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

type Prepare = (error: Error, frames: NodeJS.CallSite[]) => unknown;

const mirrors = new Set<string>();
const maps = new Map<string, SourceMap | null>();
let installed = false;

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    const match = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(
      readFileSync(file, 'utf8'),
    );
    map = match?.[1]
      ? new SourceMap(JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')))
      : null;
    maps.set(file, map);
  }
  return map;
}

/** `frame` at its `.ts` position, or `frame` itself when it is not in a compiled mirror. */
function mapFrame(frame: NodeJS.CallSite): NodeJS.CallSite {
  const file = frame.getFileName();
  const line = frame.getLineNumber();
  const column = frame.getColumnNumber();
  if (!file || !line || !column || ![...mirrors].some((dir) => file.startsWith(dir))) return frame;
  let entry: Partial<{ originalSource: string; originalLine: number; originalColumn: number }>;
  try {
    entry = mapOf(file)?.findEntry(line - 1, column - 1) ?? {};
  } catch {
    return frame;
  }
  if (entry.originalSource === undefined || entry.originalLine === undefined) return frame;
  const source = entry.originalSource.startsWith('file:')
    ? fileURLToPath(entry.originalSource)
    : entry.originalSource;
  const at = { line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
  // The same methods as a CallSite (formatters copy them from the prototype), with the position
  // and the text swapped.
  const methods: Record<string, unknown> = Object.create(null);
  const proto = Object.getPrototypeOf(frame) as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const fn = proto[name];
    if (name !== 'constructor' && typeof fn === 'function')
      methods[name] = (...args: unknown[]) =>
        (fn as (...a: unknown[]) => unknown).apply(frame, args);
  }
  Object.assign(methods, {
    getFileName: () => source,
    getScriptNameOrSourceURL: () => source,
    getLineNumber: () => at.line,
    getColumnNumber: () => at.column,
    toString: () =>
      frame.toString().replace(`${file}:${line}:${column}`, `${source}:${at.line}:${at.column}`),
  });
  return Object.create(methods) as NodeJS.CallSite;
}

/** Maps the frames of files under `dir` (a compiled mirror) in every stack trace from now on. */
export function mapStacksOf(dir: string): void {
  mirrors.add(dir);
  if (installed) return;
  installed = true;
  const previous = Error.prepareStackTrace as Prepare | undefined;
  Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => {
    const mapped = frames.map(mapFrame);
    if (previous) return previous(error, mapped);
    return [Error.prototype.toString.call(error), ...mapped.map(String)].join('\n    at ');
  };
}
