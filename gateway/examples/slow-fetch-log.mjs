// An example custom fetch policy (README "The fetch pipeline"): logs every attempt slower than `options.over_ms`
// with its service, instance and attempt number. Loaded from hub.yaml:
//
//   message_hub:
//     custom_policies:
//       - { module: ./gateway/examples/slow-fetch-log.mjs, before: sign, options: { over_ms: 200 } }
//
// A module exports createPolicy (or a default function): called once per service at start-up, it returns the
// policy, which gets the rest of the pipeline (`next`) and returns what runs instead. It may read the fetch
// (gateway/src/fetch-pipeline/policy.ts), pass on a copy with its own headers, answer itself, or throw.

/** @param {{ service: string, options: { over_ms?: number } }} context */
export function createPolicy({ service, options }) {
  // 200 ms: far above a healthy subgraph fetch (a few ms), so only what a user would notice is logged.
  const overMs = options.over_ms ?? 200;
  return (next) => async (fetch) => {
    const started = performance.now();
    try {
      return await next(fetch);
    } finally {
      const ms = performance.now() - started;
      if (ms > overMs) console.warn(`[slow-fetch] ${service} ${fetch.url ?? ''} attempt ${fetch.attempt ?? 1}: ${Math.round(ms)} ms`);
    }
  };
}
