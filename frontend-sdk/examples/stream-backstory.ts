// Streaming: a backstory written as you watch, over SSE (or WebSocket: TRANSPORT=ws).
import WebSocket from 'ws';
import { createDndClient, StreamBackstoryDocument } from '../src/index.js';

const client = createDndClient({
  url: process.env.DND_GRAPHQL_URL ?? 'http://localhost:4000/graphql',
  token: process.env.TOKEN,
  webSocketImpl: WebSocket, // Node 20 has no WebSocket of its own; browsers leave this out
  rateLimit: { onRetry: (wait) => console.error(`rate limited: retrying in ${wait.waitMs} ms`) },
});

const input = { kind: 'BACKSTORY' as const, context: { characterName: 'Wren Hollowell', race: 'halfling', characterClass: 'ranger' } };
for await (const event of client.subscribe(StreamBackstoryDocument, { input }, { transport: process.env.TRANSPORT === 'ws' ? 'ws' : 'sse' })) {
  if (!event.ok) {
    console.error(`\n${event.error.code}: ${event.error.message}`); // UNAUTHENTICATED, RATE_LIMITED, STREAM_CLOSED...
    process.exitCode = 1;
    break;
  }
  const { type, delta, generation } = event.data.textGeneration;
  if (type === 'DELTA') process.stdout.write(delta ?? '');
  else if (type !== 'STARTED') console.log(`\n[${type}: ${generation?.usage.totalTokens} tokens from ${generation?.provider}]`);
}
await client.dispose();
