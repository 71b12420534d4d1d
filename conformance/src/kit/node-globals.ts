/**
 * Vitest's jsdom environment puts jsdom's own `Uint8Array` and `ArrayBuffer` (another realm) on
 * the global object, so the bytes Node makes (`Buffer`, `TextEncoder`, crypto) fail
 * `instanceof Uint8Array`, and esbuild refuses to load. The in-process mock, the SDKs and the
 * compiler all run on Node's bytes, so the kit puts Node's constructors back, as Vitest's node
 * environment and the kit's Jest environment do. A no-op where they are already Node's.
 */
export function useNodeBinaryGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  const nodeUint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as unknown;
  const nodeArrayBuffer = Buffer.alloc(1).buffer.constructor as unknown;
  if (g['Uint8Array'] !== nodeUint8Array) g['Uint8Array'] = nodeUint8Array;
  if (g['ArrayBuffer'] !== nodeArrayBuffer) g['ArrayBuffer'] = nodeArrayBuffer;
}
