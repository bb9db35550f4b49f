/** Checks that bytes from a provider are a PNG and reads its size from the IHDR chunk (no decoding needed). */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG's pixel size, or null when the bytes are not a PNG (a provider sending garbage). */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  // 8 signature bytes, then IHDR: 4 length, 4 type, 4 width, 4 height.
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : null;
}
