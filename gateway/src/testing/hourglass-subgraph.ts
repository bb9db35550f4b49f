import type { IncomingMessage } from 'node:http';
import { parse } from 'graphql';
import { createSubgraphServer, type SubgraphServer } from '#lib/subgraph/index.js';

export const HOURGLASS_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Query {
  """Answers after \`ms\` milliseconds (and after the test's hold is released), naming the instance that answered."""
  slow(ms: Int!): String!
}
`;

export interface Hourglass extends SubgraphServer {
  /**
   * Until the returned function is called, `slow` answers and /health wait: whatever a test sent meanwhile is
   * certainly in flight, however loaded the machine.
   */
  hold(): () => void;
  /** Requests received since start, by kind. */
  received: { queries: number; health: number };
}

/** A subgraph whose answers take as long as the request (or the test) says: for the shutdown tests. */
export function createHourglass(secret: string, instance: string): Hourglass {
  let gate: Promise<void> | undefined;
  const received = { queries: 0, health: 0 };
  const server = createSubgraphServer({
    name: 'hourglass',
    secret,
    typeDefs: parse(HOURGLASS_SDL),
    createContext: () => ({}),
    // /health waits while the test holds its answers.
    health: () => gate,
    resolvers: {
      Query: {
        slow: async (_: unknown, { ms }: { ms: number }) => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          await gate;
          return `${instance} after ${ms} ms`;
        },
      },
    },
  });
  server.server.on('request', (req: IncomingMessage) => {
    if (req.url === '/graphql' && req.method === 'POST') received.queries += 1;
    if (req.url === '/health') received.health += 1;
  });
  // The server object itself (its `draining` is a getter that a copy would lose), with the test's controls added.
  return Object.assign(server, {
    received,
    hold: () => {
      let release = () => {};
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
  });
}
