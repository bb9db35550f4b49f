import { randomUUID } from 'node:crypto';

// 200 characters: room for a UUID, a trace id or a client's own composite id, and the bound subgraphs apply too
// (they record the id as correlationId); printable ASCII only, since the id goes back in a header and into logs.
const MAX_REQUEST_ID_LENGTH = 200;
const PRINTABLE = /^[\x20-\x7e]+$/;

/** The client's x-request-id when usable (1-200 printable characters, trimmed), else a new UUID. */
export function acceptRequestId(header: string | null | undefined): string {
  const id = header?.trim();
  return id && id.length <= MAX_REQUEST_ID_LENGTH && PRINTABLE.test(id) ? id : randomUUID();
}
