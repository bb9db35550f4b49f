import type { Page } from 'playwright-core';

export interface Transfer {
  url: string;
  /** DevTools' resource type: Document, Script, Stylesheet, Fetch (GraphiQL's GraphQL calls), … */
  type: string;
  /** The HTTP status (a revalidated page: 304); 0 when the request got no response. */
  status: number;
  bytes: number;
}

/**
 * What a page moves over the network as Chromium counts it (DevTools' Network.loadingFinished encodedDataLength:
 * headers and compressed bodies), one entry per finished request. A response served from the browser's cache moves
 * nothing, so a repeat visit's entries are what revisiting really costs.
 */
export async function networkTransfers(page: Page): Promise<Transfer[]> {
  const session = await page.context().newCDPSession(page);
  const sent = new Map<string, { url: string; type: string }>();
  const statuses = new Map<string, number>();
  const transfers: Transfer[] = [];
  session.on('Network.requestWillBeSent', (event) => void sent.set(event.requestId, { url: event.request.url, type: event.type ?? 'Other' }));
  session.on('Network.responseReceived', (event) => void statuses.set(event.requestId, event.response.status));
  session.on('Network.loadingFinished', (event) => {
    const request = sent.get(event.requestId) ?? { url: event.requestId, type: 'Other' };
    transfers.push({ ...request, status: statuses.get(event.requestId) ?? 0, bytes: event.encodedDataLength });
  });
  await session.send('Network.enable');
  return transfers;
}

/**
 * The bytes of the page itself (document, scripts, styles, icon): not its API calls, nor the data: URLs in its styles
 * (fonts), which Chromium reports as loaded with their size but which never touch the network.
 */
export function pageBytes(transfers: Transfer[]): number {
  const page = transfers.filter((t) => t.type !== 'Fetch' && t.type !== 'XHR' && !t.url.startsWith('data:'));
  return page.reduce((sum, t) => sum + t.bytes, 0);
}
