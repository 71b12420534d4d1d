import type { UploadRecord } from './types';

/** Image types the avatar upload accepts, by their magic bytes. */
const IMAGE_TYPES = [
  { type: 'image/png', ext: '.png', test: (b: Buffer) => b.subarray(0, 8).equals(PNG) },
  { type: 'image/jpeg', ext: '.jpg', test: (b: Buffer) => b.subarray(0, 3).equals(JPEG) },
  {
    type: 'image/gif',
    ext: '.gif',
    test: (b: Buffer) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')),
  },
  {
    type: 'image/webp',
    ext: '.webp',
    test: (b: Buffer) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
] as const;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/** The image type of `bytes` from its magic bytes (the declared type is not trusted), or null. */
export function sniffImage(bytes: Buffer): { type: string; ext: string } | null {
  const found = IMAGE_TYPES.find((t) => t.test(bytes));
  return found ? { type: found.type, ext: found.ext } : null;
}

/** What the upload store holds at most; the oldest uploads leave first. */
export const UPLOAD_STORE_LIMITS = { files: 1000, bytes: 32 * 1024 * 1024 } as const;

/** Stores an upload, evicting the oldest ones beyond {@link UPLOAD_STORE_LIMITS}. */
export function storeUpload(uploads: Map<string, UploadRecord>, record: UploadRecord): void {
  uploads.set(record.key, record);
  let bytes = 0;
  for (const u of uploads.values()) bytes += u.bytes.length;
  for (const [key, u] of uploads) {
    if (uploads.size <= UPLOAD_STORE_LIMITS.files && bytes <= UPLOAD_STORE_LIMITS.bytes) break;
    if (key === record.key) break;
    uploads.delete(key);
    bytes -= u.bytes.length;
  }
}
