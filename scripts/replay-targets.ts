import type { ReplayTarget } from '#lib/event-store/replay-target.js';

/** The event-sourced services and where their replay targets live (loaded on demand: each opens its own schema). */
export const REPLAY_TARGETS: Record<string, () => Promise<{ replayTarget: ReplayTarget }>> = {
  character: () => import('../subgraphs/character/src/events/replay-target.js'),
  campaign: () => import('../subgraphs/campaign/src/events/replay-target.js'),
  image: () => import('../subgraphs/image/src/events/replay-target.js'),
};

/** The service named on the command line, or all of them; an unknown name is a usage error (exit 2). */
export function servicesFromArgs(args: string[], command: string): string[] {
  const [name] = args;
  if (name === undefined) return Object.keys(REPLAY_TARGETS);
  if (!(name in REPLAY_TARGETS)) {
    console.error(`usage: npm run ${command} -- <service>   (one of: ${Object.keys(REPLAY_TARGETS).join(', ')}; got "${name}")`);
    process.exit(2);
  }
  return [name];
}
