/** One message of a `text/event-stream` body (the fields GraphQL over SSE uses). */
export interface EventStreamMessage {
  event: string;
  data: string;
}

/**
 * Parses a `text/event-stream` body as the HTML spec defines it: lines end with CRLF, LF or CR, a blank line
 * dispatches the message, `data:` lines join with newlines, lines starting with `:` are comments (keep-alive
 * pings), and a message the stream ends in the middle of is dropped. Chunks may split a line, a message or a
 * multi-byte character anywhere.
 */
export async function* readEventStream(body: AsyncIterable<Uint8Array>): AsyncGenerator<EventStreamMessage> {
  const decoder = new TextDecoder();
  let buffered = '';
  let event = '';
  let data: string[] = [];

  /** Takes one line; returns the message a blank line completes. */
  const line = (text: string): EventStreamMessage | undefined => {
    if (text === '') {
      const message = data.length > 0 || event !== '' ? { event: event || 'message', data: data.join('\n') } : undefined;
      event = '';
      data = [];
      return message;
    }
    if (text.startsWith(':')) return undefined;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    return undefined;
  };

  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    // A trailing CR may be the first half of a CRLF: keep it until the next chunk says.
    const lines = buffered.split(/\r\n|\r(?!$)|\n/);
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      const message = line(text);
      if (message) yield message;
    }
  }
  // The stream ended: a CR kept back was a line end after all.
  if (buffered.endsWith('\r')) {
    const message = line(buffered.slice(0, -1));
    if (message) yield message;
  }
}
