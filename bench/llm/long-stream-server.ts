/**
 * An OpenAI-compatible server whose streamed chat reply is as long as the bench asks (`chunks` one-word deltas, no
 * pause between them), for relay throughput: the stand-in of tests/fakes replies with a fixed 11 chunks, too short to
 * measure a rate. Same wire format: `data: {chunk}` lines, the usage chunk, `data: [DONE]`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LongStreamServer {
  url: string;
  close(): Promise<void>;
}

export async function startLongStreamServer(chunks: number): Promise<LongStreamServer> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const base = { id: 'chatcmpl-long', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'gpt-4o-mini' };
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      const send = (choices: unknown[], extra: Record<string, unknown> = {}) => `data: ${JSON.stringify({ ...base, choices, ...extra })}\n\n`;
      let body = send([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
      for (let i = 0; i < chunks; i++) body += send([{ index: 0, delta: { content: i === 0 ? 'word' : ' word' }, finish_reason: null }]);
      body += send([{ index: 0, delta: {}, finish_reason: 'stop' }]);
      body += send([], { usage: { prompt_tokens: 10, completion_tokens: chunks, total_tokens: 10 + chunks } });
      res.end(`${body}data: [DONE]\n\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
