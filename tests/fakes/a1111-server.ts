/**
 * A stand-in for the Automatic1111 Stable Diffusion web UI API (started with --api), speaking its exact wire format,
 * so our stable_diffusion provider's real fetch code runs against it.
 *
 * Endpoints: POST /sdapi/v1/txt2img → {"images":["<base64 png>", ...],"parameters":{<the request>},"info":"<json string>"},
 * batch_size images of the requested width x height; GET /sdapi/v1/sd-models → the checkpoint list.
 * Scenarios, chosen by the checkpoint asked for (override_settings.sd_model_checkpoint):
 *   fake-hang       never answers
 *   fake-garbage    200 JSON whose images are base64 of bytes that are not a PNG
 *   fake-not-json   200 with an HTML page
 *   fake-500        500 {"error":"RuntimeError","detail":"...","body":"","errors":"..."} as the web UI sends on a crash
 *   anything else   served
 */
import { gradientPng } from '#lib/images/png.js';
import { bodyOf, sendJson, startFakeServer, type FakeServer } from './fake-http.js';

export type { FakeServer };

export const FAKE_SD_MODEL = 'v1-5-pruned-emaonly';

function checkpointOf(body: Record<string, unknown>): string {
  const overrides = typeof body.override_settings === 'object' && body.override_settings !== null ? (body.override_settings as Record<string, unknown>) : {};
  return typeof overrides.sd_model_checkpoint === 'string' ? overrides.sd_model_checkpoint : FAKE_SD_MODEL;
}

export async function startA1111Server(): Promise<FakeServer> {
  return startFakeServer((request, res) => {
    if (request.method === 'GET' && request.path === '/sdapi/v1/sd-models') {
      return sendJson(res, 200, [
        {
          title: `${FAKE_SD_MODEL}.safetensors [6ce0161689]`,
          model_name: FAKE_SD_MODEL,
          hash: '6ce0161689',
          sha256: '6ce0161689b3853acaa03779ec93eafe75a02f4ced659bee03f50797806fa2fa',
          filename: `/models/Stable-diffusion/${FAKE_SD_MODEL}.safetensors`,
          config: null,
        },
      ]);
    }
    if (request.method !== 'POST' || request.path !== '/sdapi/v1/txt2img') return sendJson(res, 404, { detail: 'Not Found' });
    const body = bodyOf(request);
    const checkpoint = checkpointOf(body);
    if (checkpoint === 'fake-hang') return;
    if (checkpoint === 'fake-not-json') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<html><body>Gradio is loading…</body></html>');
    }
    if (checkpoint === 'fake-500') {
      return sendJson(res, 500, { error: 'RuntimeError', detail: '', body: '', errors: 'CUDA out of memory. Tried to allocate 2.00 GiB' });
    }
    const width = typeof body.width === 'number' ? body.width : 512;
    const height = typeof body.height === 'number' ? body.height : 512;
    const count = typeof body.batch_size === 'number' ? body.batch_size : 1;
    const seed = typeof body.seed === 'number' && body.seed >= 0 ? body.seed : 1234;
    const images = Array.from({ length: count }, (_, i) =>
      checkpoint === 'fake-garbage'
        ? Buffer.from(`not a png ${i}`).toString('base64')
        : gradientPng(width, height, [(seed + i) % 256, 90, 140], [200, 180, (seed * 7 + i) % 256]).toString('base64'),
    );
    const info = {
      prompt: body.prompt,
      all_prompts: Array.from({ length: count }, () => body.prompt),
      negative_prompt: body.negative_prompt ?? '',
      seed,
      all_seeds: Array.from({ length: count }, (_, i) => seed + i),
      width,
      height,
      sampler_name: body.sampler_name ?? 'Euler a',
      cfg_scale: body.cfg_scale ?? 7,
      steps: body.steps ?? 20,
      batch_size: count,
      sd_model_name: checkpoint,
      sd_model_hash: '6ce0161689',
    };
    sendJson(res, 200, { images, parameters: body, info: JSON.stringify(info) });
  });
}
