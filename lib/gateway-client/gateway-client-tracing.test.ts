import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithRequestId } from '../telemetry/request-context.js';
import { startTracing } from '../telemetry/tracing.js';
import { HubTransactionStateDocument } from './__generated__/hub/graphql.js';
import { gatewayRequest } from './gateway-client.js';
import { startFakeGateway, type FakeGateway } from './testing/fake-gateway.js';

const tracing = startTracing({ service: 'campaign', config: { enabled: true, sample_ratio: 1, keep_traces: 20 } });
let hub: FakeGateway;
beforeAll(async () => {
  hub = await startFakeGateway();
});
afterAll(async () => {
  await hub?.close();
  await tracing.shutdown();
});

/** Calls the hub as a resolver of request `requestId` would, inside that request's span. */
function callDuringRequest(requestId: string, id: string) {
  return runWithRequestId(requestId, () =>
    tracing.tracer.startActiveSpan('graphql GeneratePlotHooks', async (span) => {
      const outcome = await gatewayRequest({ caller: { service: 'character', key: Buffer.alloc(32) }, url: hub.url }, HubTransactionStateDocument, { id }).then(
        () => 'ok',
        () => 'failed',
      );
      span.end();
      return { outcome, request: span.spanContext() };
    }),
  );
}

describe('gatewayRequest in a trace', () => {
  it("is a CLIENT span of the request, and the hub receives its traceparent and the request's x-request-id", async () => {
    hub.answer('HubTransactionState', () => ({ data: { transaction: { state: 'COMMITTED' } } }));
    const { outcome, request } = await callDuringRequest('req-plot-1', 'tx-1');
    expect(outcome).toBe('ok');
    const client = tracing.recent.spans(request.traceId).find((span) => span.name === 'hub HubTransactionState')!;
    expect(client).toMatchObject({ kind: 'CLIENT', parentSpanId: request.spanId, status: 'UNSET' });
    expect(hub.calls.at(-1)).toMatchObject({ traceparent: `00-${request.traceId}-${client.spanId}-01`, requestId: 'req-plot-1' });
  });

  it('marks the span failed with the remote code', async () => {
    hub.answer('HubTransactionState', () => ({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }));
    const { outcome, request } = await callDuringRequest('req-plot-2', 'tx-2');
    expect(outcome).toBe('failed');
    const client = tracing.recent.spans(request.traceId).find((span) => span.name === 'hub HubTransactionState');
    expect(client).toMatchObject({ status: 'ERROR', statusMessage: 'FORBIDDEN' });
  });
});
