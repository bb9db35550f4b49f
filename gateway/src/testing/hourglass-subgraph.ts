import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'graphql';
import { createSubgraphServer, type SubgraphServer } from '../../../lib/subgraph/index.js';

export const HOURGLASS_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Query {
  """Answers after \`ms\` milliseconds, naming the instance that answered."""
  slow(ms: Int!): String!
}
`;

export interface Hourglass extends SubgraphServer {
  /** Delay of its /health answers, so that a readiness probe at the gateway can be caught in flight. */
  healthDelayMs: number;
}

/**
 * A subgraph whose answers take as long as the request asks: the shutdown tests need requests that are certainly in
 * flight when a process starts draining.
 */
export function createHourglass(secret: string, instance: string): Hourglass {
  let hourglass: Hourglass | undefined;
  const route = (req: IncomingMessage, res: ServerResponse): boolean => {
    const delay = hourglass?.healthDelayMs ?? 0;
    if (req.url !== '/health' || delay === 0) return false;
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'), delay);
    return true;
  };
  const server = createSubgraphServer({
    name: 'hourglass',
    secret,
    typeDefs: parse(HOURGLASS_SDL),
    createContext: () => ({}),
    route,
    resolvers: {
      Query: {
        slow: async (_: unknown, { ms }: { ms: number }) => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          return `${instance} after ${ms} ms`;
        },
      },
    },
  });
  // The server object itself (its `draining` is a getter that a copy would lose), with the one knob added.
  hourglass = Object.assign(server, { healthDelayMs: 0 });
  return hourglass;
}
