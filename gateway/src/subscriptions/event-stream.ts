/** One message of a `text/event-stream` body (the fields GraphQL over SSE uses). */
export interface EventStreamMessage {
  event: string;
  data: string;
}

/**
 * Parses a `text/event-stream` body as the HTML spec defines it: lines end with CRLF, LF or CR, a blank line
 * dispatches the message, `data:` lines join with newlines, lines starting with `:` are comments (keep-alive
 * pings). Chunks may split a line, a message or a multi-byte character anywhere.
 */
export async function* readEventStream(body: AsyncIterable<Uint8Array>): AsyncGenerator<EventStreamMessage> {
  const decoder = new TextDecoder();
  let buffered = '';
  let event = '';
  let data: string[] = [];
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    // A trailing CR may be the first half of a CRLF: keep it until the next chunk says.
    const lines = buffered.split(/\r\n|\r(?!$)|\n/);
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0 || event !== '') yield { event: event || 'message', data: data.join('\n') };
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
  }
}
