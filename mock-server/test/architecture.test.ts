/**
 * The import graph of `src/`: no cycles, and the layers import one way only. Walks the relative
 * imports (`import … from './x'`, `export … from`, `require('./x')`), type-only ones included.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)['"]([^'"]+)['"]/g;

/** Module path (relative to src, no extension) → what it imports: local modules and packages. */
function importGraph(): Map<string, { local: string[]; packages: string[] }> {
  const graph = new Map<string, { local: string[]; packages: string[] }>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const local: string[] = [];
    const packages: string[] = [];
    for (const [, spec] of text.matchAll(SPECIFIER)) {
      if (!spec) continue;
      if (!spec.startsWith('.')) {
        packages.push(spec);
        continue;
      }
      const target = resolve(dirname(file), spec);
      const asFile = `${target}.ts`;
      const resolved = sourceFiles(SRC).includes(asFile) ? asFile : join(target, 'index.ts');
      local.push(relative(SRC, resolved).replace(/\.ts$/, ''));
    }
    graph.set(relative(SRC, file).replace(/\.ts$/, ''), { local, packages });
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(graph: Map<string, { local: string[] }>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (node: string) => {
    if (onStack.has(node)) {
      found.push([...stack.slice(stack.indexOf(node)), node]);
      return;
    }
    if (done.has(node)) return;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.local ?? []) visit(next);
    stack.pop();
    onStack.delete(node);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node);
  return found;
}

describe('the import graph of mock-server/src', () => {
  const graph = importGraph();
  const edges = [...graph].flatMap(([from, { local, packages }]) =>
    [...local, ...packages].map((to) => ({ from, to })),
  );
  /** Edges from modules under `from` to modules matching `to`, as "a → b" lines. */
  const offending = (from: RegExp, to: RegExp) =>
    edges.filter((e) => from.test(e.from) && to.test(e.to)).map((e) => `${e.from} → ${e.to}`);

  it('finds the modules and their imports', () => {
    expect(graph.get('wechat/model')?.local).toContain('context');
    expect(graph.size).toBeGreaterThan(50);
  });

  it('detects a cycle when there is one', () => {
    const sample = new Map([
      ['a', { local: ['b'] }],
      ['b', { local: ['c'] }],
      ['c', { local: ['a'] }],
    ]);
    expect(cycles(sample).map((c) => c.join(' → '))).toEqual(['a → b → c → a']);
  });

  it('has no import cycle', () => {
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('keeps the WeChat model free of the control surface and of GenAuth', () => {
    expect(offending(/^wechat\//, /^(control|genauth)\//)).toEqual([]);
  });

  it('keeps the GenAuth model free of Express, of HTTP requests and of its wire formats', () => {
    const http = /^(express|genauth\/(rest\/|graphql\/|request$))/;
    expect(offending(/^genauth\/model\//, http)).toEqual([]);
  });

  it('keeps GenAuth REST and GraphQL apart', () => {
    expect(offending(/^genauth\/rest\//, /^genauth\/graphql\//)).toEqual([]);
    expect(offending(/^genauth\/graphql\//, /^genauth\/rest\//)).toEqual([]);
  });
});
