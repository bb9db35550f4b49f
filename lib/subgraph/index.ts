export { createSubgraphServer, type SubgraphServer, type RequestInfo, type RouteCaller } from './create-subgraph-server.js';
export { callerContext, requireUser, type CallerContext } from './caller-context.js';
export { runSubgraph } from './run-subgraph.js';
export { startObservability, type SubgraphObservability } from './start-observability.js';
export { domainErrorToGraphQL, maskSubgraphError } from './domain-error-mapping.js';
