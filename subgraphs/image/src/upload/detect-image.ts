import { imageSize } from 'image-size';
import { invalidInput } from '#lib/domain/index.js';

export type ImageMimeType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface DetectedImage {
  mimeType: ImageMimeType;
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** The real type from the magic bytes; the name or type a client declares is never trusted. */
export function sniffMimeType(bytes: Buffer): ImageMimeType | null {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.subarray(0, 3).equals(JPEG_SIGNATURE)) return 'image/jpeg';
  // RIFF container: 'RIFF', 4-byte little-endian size, then the form type 'WEBP'.
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return 'image/webp';
  }
  return null;
}

// Bytes up to the end of the dimensions: image-size reads past the end of a shorter buffer without complaint.
// PNG: signature (8) + IHDR length, type, data (13) and CRC (4). WebP: RIFF header (12) + chunk header (8) + the
// 10 bytes holding the size. JPEG: image-size bounds-checks its own segment walk.
const MIN_HEADER_BYTES: Record<ImageMimeType, number> = { 'image/png': 33, 'image/jpeg': 4, 'image/webp': 30 };

// What image-size calls each accepted type: its answer must agree with the magic bytes.
const IMAGE_SIZE_TYPE: Record<ImageMimeType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/**
 * Accepts PNG, JPEG and WebP only, and only when their header is readable: a file that starts like a PNG but
 * whose dimensions cannot be read (an HTML page behind a PNG signature, a truncated file) is refused.
 */
export function detectImage(bytes: Buffer, field = 'dataBase64'): DetectedImage {
  const mimeType = sniffMimeType(bytes);
  if (!mimeType) {
    throw invalidInput(`${field} is not a PNG, JPEG or WebP image (the type is read from the bytes, not declared)`, { field });
  }
  if (bytes.length < MIN_HEADER_BYTES[mimeType]) throw unreadable(field, mimeType);
  let size: { width: number; height: number; type?: string | undefined };
  try {
    size = imageSize(bytes);
  } catch {
    throw unreadable(field, mimeType);
  }
  const { width, height } = size;
  if (size.type !== IMAGE_SIZE_TYPE[mimeType] || !isDimension(width) || !isDimension(height)) {
    throw unreadable(field, mimeType);
  }
  return { mimeType, width, height };
}

function isDimension(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function unreadable(field: string, mimeType: ImageMimeType) {
  return invalidInput(`${field} starts like ${mimeType} but its dimensions cannot be read: the file is damaged or not an image`, {
    field,
  });
}
