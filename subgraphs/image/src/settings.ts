// 5 MiB: a 2048x2048 PNG portrait or a battle map fits, and bytea rows of that size stay cheap to store,
// back up and read in one query. Anything larger belongs in object storage (a later decision).
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface ImageSettings {
  /** Largest accepted image, in decoded bytes. */
  maxBytes: number;
  /** Prefix of every `Image.url` (e.g. https://dnd.example.com); '' gives gateway-relative URLs. */
  publicBaseUrl: string;
}

/** Reads IMAGE_MAX_BYTES and PUBLIC_BASE_URL; a bad value stops start-up with a message naming the variable. */
export function loadImageSettings(env: NodeJS.ProcessEnv = process.env): ImageSettings {
  let maxBytes = DEFAULT_MAX_BYTES;
  if (env.IMAGE_MAX_BYTES !== undefined && env.IMAGE_MAX_BYTES !== '') {
    maxBytes = Number(env.IMAGE_MAX_BYTES);
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
      throw new Error(`IMAGE_MAX_BYTES must be a positive integer number of bytes, got "${env.IMAGE_MAX_BYTES}"`);
    }
  }
  return { maxBytes, publicBaseUrl: normalizeBaseUrl(env.PUBLIC_BASE_URL) };
}

function normalizeBaseUrl(value: string | undefined): string {
  if (!value) return '';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_BASE_URL must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PUBLIC_BASE_URL must be an absolute http(s) URL, got "${value}"`);
  }
  // A trailing slash would give //images/<id>.
  return value.replace(/\/+$/, '');
}

/** The gateway path that serves an image's bytes. */
export function imageUrl(settings: ImageSettings, id: string): string {
  return `${settings.publicBaseUrl}/images/${id}`;
}
