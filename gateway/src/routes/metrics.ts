import { refuseNonOperator } from '../http/operator-only.js';
import type { GatewayObservability } from '../observability/gateway-observability.js';
import type { RouteHandler } from './route.js';

/** GET /metrics, for operators only: it names every instance URL and operation. */
export function metricsRoute({ secret, observability }: { secret: string; observability: GatewayObservability }): RouteHandler {
  return async (req, res) => {
    if (await refuseNonOperator(req, res, secret)) return;
    return observability.serveMetrics(res);
  };
}
