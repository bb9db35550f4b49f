import type { Fetcher } from '@apollo/utils.fetcher';
import { readAnswer } from './answer.js';
import type { FetchNext } from './policy.js';

/** The bottom of the pipeline: one POST to the attempt's instance over the keep-alive pool, its answer read. */
export function sendTo(fetcher: Fetcher): FetchNext {
  return async (fetch) => {
    const { url } = fetch;
    // Set by loadBalance, which is always in the pipeline.
    if (!url) throw new Error(`no instance of ${fetch.service} picked`);
    const response = await fetcher(url, { method: 'POST', headers: { ...fetch.headers }, body: fetch.body, signal: fetch.signal });
    return readAnswer(response);
  };
}
