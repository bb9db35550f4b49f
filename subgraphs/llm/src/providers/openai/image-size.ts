/**
 * The `size` to ask an OpenAI image model for: OpenAI's models accept only a few sizes, so the nearest one of the same
 * shape is asked for (the provider reports the real size read from the PNG); other models (compatible servers)
 * get the exact size asked.
 */
const SIZES: Array<[RegExp, string[]]> = [
  [/^dall-e-2/, ['256x256', '512x512', '1024x1024']],
  [/^dall-e-3/, ['1024x1024', '1792x1024', '1024x1792']],
  [/^gpt-image/, ['1024x1024', '1536x1024', '1024x1536']],
];

export function imageSizeFor(model: string, width: number, height: number): string {
  const sizes = SIZES.find(([pattern]) => pattern.test(model))?.[1];
  if (!sizes) return `${width}x${height}`;
  const wanted = width / height;
  let best = sizes[0] ?? '1024x1024';
  let bestScore = Infinity;
  for (const size of sizes) {
    const [w = 1, h = 1] = size.split('x').map(Number);
    // Shape first (log ratio), then area: a portrait stays a portrait, then the closest size of that shape.
    const score = Math.abs(Math.log(w / h / wanted)) * 10 + Math.abs(Math.log((w * h) / (width * height)));
    if (score < bestScore) [best, bestScore] = [size, score];
  }
  return best;
}
