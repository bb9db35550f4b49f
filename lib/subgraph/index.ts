export { createSubgraphServer, type SubgraphServer, type RequestInfo } from './create-subgraph-server.js';
export { runSubgraph } from './run-subgraph.js';
export { startObservability, type SubgraphObservability } from './start-observability.js';
