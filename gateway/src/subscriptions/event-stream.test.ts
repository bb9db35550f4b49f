import { describe, expect, it } from 'vitest';
import { readEventStream } from './event-stream.js';

async function parse(chunks: Array<string | Uint8Array>) {
  const encoder = new TextEncoder();
  async function* body() {
    for (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
  }
  const messages = [];
  for await (const message of readEventStream(body())) messages.push(message);
  return messages;
}

describe('readEventStream', () => {
  it("reads yoga's GraphQL over SSE messages, skipping keep-alive comments", async () => {
    const messages = await parse([':\n\n', 'event: next\ndata: {"data":{"a":1}}\n\n', ':\n\n', 'event: complete\ndata:\n\n']);
    expect(messages).toEqual([
      { event: 'next', data: '{"data":{"a":1}}' },
      { event: 'complete', data: '' },
    ]);
  });

  it('reassembles messages, lines and characters split across chunks, with any line ending', async () => {
    const text = 'event: next\r\ndata: {"name":"Tiamat \u{1F409}"}\r\n\r\nevent: next\rdata: line 1\rdata: line 2\r\r';
    const bytes = new TextEncoder().encode(text);
    // One byte at a time: splits CRLF pairs and the dragon's four UTF-8 bytes.
    const messages = await parse([...bytes].map((byte) => Uint8Array.of(byte)));
    expect(messages).toEqual([
      { event: 'next', data: '{"name":"Tiamat \u{1F409}"}' },
      { event: 'next', data: 'line 1\nline 2' },
    ]);
  });
});
