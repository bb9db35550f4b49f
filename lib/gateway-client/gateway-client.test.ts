import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubTransactionStateDocument } from './__generated__/hub/graphql.js';
import { gatewayRequest } from './gateway-client.js';
import { startFakeGateway, type FakeGateway } from './testing/fake-gateway.js';

let hub: FakeGateway;
beforeAll(async () => {
  hub = await startFakeGateway();
});
afterAll(() => hub?.close());

describe('gatewayRequest with a typed document', () => {
  it('sends the operation with its variables and the caller identity, and answers the typed data', async () => {
    hub.answer('HubTransactionState', () => ({ data: { transaction: { state: 'COMMITTED' } } }));
    const data = await gatewayRequest(
      { caller: { service: 'character', key: Buffer.alloc(32), forRequest: 'req-1', userId: 'alice' }, url: hub.url },
      HubTransactionStateDocument,
      { id: 'tx-1' },
    );
    expect(data.transaction?.state).toBe('COMMITTED');
    expect(hub.calls.at(-1)).toEqual({
      operationName: 'HubTransactionState',
      variables: { id: 'tx-1' },
      caller: { service: 'character', userId: 'alice', forRequest: 'req-1' },
    });
  });

  it('throws the remote error with its code and extensions (RATE_LIMITED keeps retryAfter)', async () => {
    hub.answer('HubTransactionState', () => ({ data: null, errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED', retryAfter: 4 } }] }));
    const failure = gatewayRequest({ caller: { service: 'character', key: Buffer.alloc(32) }, url: hub.url }, HubTransactionStateDocument, { id: 'tx-2' });
    await expect(failure).rejects.toMatchObject({ message: 'slow down', extensions: { code: 'RATE_LIMITED', retryAfter: 4 } });
  });

  it('answers SERVICE_UNAVAILABLE for an error without a code and for an unreachable hub', async () => {
    hub.answer('HubTransactionState', () => ({ errors: [{ message: 'odd' }] }));
    await expect(
      gatewayRequest({ caller: { service: 'character', key: Buffer.alloc(32) }, url: hub.url }, HubTransactionStateDocument, { id: 'tx-3' }),
    ).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
    await expect(
      gatewayRequest({ caller: { service: 'character', key: Buffer.alloc(32) }, url: 'http://127.0.0.1:9/graphql' }, HubTransactionStateDocument, {
        id: 'tx-4',
      }),
    ).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });
});
