/**
 * A JSON document whose big lists are read from the stores only when they are needed: the
 * state as one object ({@link materialize}) or as text written piece by piece
 * ({@link jsonChunks}), from the same description, so both give the same document.
 */

/** A list of plain JSON values, read from `items()` when the document is built or written. */
export class LazyList {
  constructor(
    readonly items: () => Iterable<unknown>,
    /** Whether the items are themselves {@link LazyTree}s (else plain JSON values). */
    readonly nested: boolean,
  ) {}
}

/** A JSON value in which some lists may be {@link LazyList}s, at any depth of plain objects. */
export type LazyTree = unknown;

/** A list of plain JSON values (each written with one `JSON.stringify`). */
export const lazyList = <T>(items: () => Iterable<T>): LazyList => new LazyList(items, false);

/** A list of {@link LazyTree}s (objects that hold lazy lists themselves). */
export const lazyTrees = <T>(items: () => Iterable<T>): LazyList => new LazyList(items, true);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof LazyList);

/** The tree with every lazy list read into an array: the document as one value. */
export function materialize(tree: LazyTree): unknown {
  if (tree instanceof LazyList) {
    const out: unknown[] = [];
    for (const item of tree.items()) out.push(tree.nested ? materialize(item) : item);
    return out;
  }
  if (!isPlainObject(tree)) return tree;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(tree)) out[key] = materialize(tree[key]);
  return out;
}

/** What `JSON.stringify` leaves out of an object. */
const omitted = (v: unknown): boolean =>
  v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * The JSON text of the tree, in pieces: the text `JSON.stringify(materialize(tree))` gives,
 * produced as it is iterated, one list item at a time.
 */
export function* jsonChunks(tree: LazyTree): Generator<string, void, undefined> {
  if (tree instanceof LazyList) {
    yield '[';
    let first = true;
    for (const item of tree.items()) {
      if (!first) yield ',';
      first = false;
      if (tree.nested) yield* jsonChunks(item);
      else yield omitted(item) ? 'null' : JSON.stringify(item);
    }
    yield ']';
    return;
  }
  if (!isPlainObject(tree)) {
    yield JSON.stringify(tree) ?? 'null';
    return;
  }
  if (typeof tree['toJSON'] === 'function') {
    yield JSON.stringify(tree);
    return;
  }
  let first = true;
  for (const key of Object.keys(tree)) {
    const value = tree[key];
    if (omitted(value)) continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonChunks(value);
  }
  yield first ? '{}' : '}';
}
