import type OpenAI from 'openai';
import type { Deadline } from '../deadline.js';
import { pngSize } from '../png-info.js';
import { ProviderError, type ImageRequest, type ImageResult } from '../provider.js';
import { imageSizeFor } from './image-size.js';
import { toProviderError, type ErrorScope } from './map-error.js';

/** One images.generate call with one key: b64_json answers decoded and checked to be PNGs, sizes read from them. */
export async function generateImages(client: OpenAI, request: ImageRequest, scope: Omit<ErrorScope, 'streaming'>, deadline: Deadline): Promise<ImageResult> {
  let response: unknown;
  try {
    response = await client.images.generate(
      {
        model: request.model,
        prompt: request.prompt,
        n: request.n,
        size: imageSizeFor(request.model, request.width, request.height),
        response_format: 'b64_json',
      },
      { signal: deadline.signal },
    );
  } catch (err) {
    throw toProviderError(err, { ...scope, streaming: false });
  }
  const where = `openai provider "${scope.provider}"`;
  // A proxy's HTML page comes back from the SDK as a string: not the wire format.
  const data = typeof response === 'object' && response !== null && 'data' in response && Array.isArray(response.data) ? (response.data as unknown[]) : null;
  if (!data || data.length === 0) throw new ProviderError('BAD_RESPONSE', `${where}: the answer has no images`, { keyId: scope.keyId });
  const images = data.map((item) => {
    const fields = typeof item === 'object' && item !== null ? (item as { b64_json?: unknown; revised_prompt?: unknown }) : {};
    const png = Buffer.from(typeof fields.b64_json === 'string' ? fields.b64_json : '', 'base64');
    const size = pngSize(png);
    if (!size) throw new ProviderError('BAD_RESPONSE', `${where}: an image is not a PNG`, { keyId: scope.keyId });
    return { png, ...size, ...(typeof fields.revised_prompt === 'string' ? { revisedPrompt: fields.revised_prompt } : {}) };
  });
  return { model: request.model, images };
}
