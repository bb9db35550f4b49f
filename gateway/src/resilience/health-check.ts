import { request, type Dispatcher } from 'undici';
import { describeFailure } from './describe-failure.js';

/**
 * GET /health at the origin of a subgraph's GraphQL URL (lib/subgraph answers it). Resolves with null when it
 * answers 2xx within `timeoutMs`, otherwise with a short, client-safe reason.
 */
export async function checkHealth(graphqlUrl: string, dispatcher: Dispatcher, timeoutMs: number): Promise<string | null> {
  try {
    const response = await request(new URL('/health', graphqlUrl), { dispatcher, method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    // Drained so the keep-alive socket goes back to the pool.
    await response.body.dump();
    return response.statusCode >= 200 && response.statusCode < 300 ? null : `HTTP ${response.statusCode}`;
  } catch (err) {
    const reason = describeFailure(err);
    return reason === 'timeout' ? `timeout after ${timeoutMs} ms` : reason;
  }
}
