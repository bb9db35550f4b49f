import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { repoRoot } from './paths.js';
import { authConfig } from './auth-config.js';
import { demandControl } from './demand-control-config.js';
import { llmServiceConfig } from './llm-config.js';
import { observabilityConfig } from './observability-config.js';
import { duration, resilienceDefaults, serviceConfig } from './resilience-config.js';

/**
 * hub.yaml: the hub's configuration. Validated at start-up so that a typo
 * stops the process with the key's name instead of silently using a default.
 */
export const hubConfigSchema = z
  .object({
    message_hub: z
      .object({
        ...resilienceDefaults,
        // 30 s: a cross-service write that has not finished by then is stuck, not slow.
        transaction: z
          .object({ timeout: duration.default(30) })
          .strict()
          .prefault({}),
        // Operation limits, introspection, trusted documents, generation rate limits (demand-control-config.ts).
        ...demandControl,
      })
      .strict()
      .prefault({}),
    services: z.record(z.string(), serviceConfig).default({}),
    llm_service: llmServiceConfig.prefault({}),
    observability: observabilityConfig.prefault({}),
    // Client token verification: HS256 and an identity provider's JWKS (auth-config.ts).
    auth: authConfig.prefault({}),
  })
  .strict();

export type HubConfig = z.infer<typeof hubConfigSchema>;

/** `${NAME}` and `${NAME:-default}`, as in docker-compose files. An unset variable without default becomes "". */
export function interpolateEnv(text: string, env: NodeJS.ProcessEnv = process.env): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (_m, name: string, def?: string) => {
    const value = env[name];
    return value !== undefined && value !== '' ? value : (def ?? '');
  });
}

export class HubConfigError extends Error {}

export function parseHubConfig(text: string, source = 'hub.yaml'): HubConfig {
  let raw: unknown;
  try {
    raw = parse(interpolateEnv(text)) ?? {};
  } catch (err) {
    throw new HubConfigError(`${source}: not valid YAML: ${(err as Error).message}`);
  }
  const result = hubConfigSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(root)';
      const keys =
        'keys' in issue && Array.isArray(issue.keys) ? ` ${issue.keys.map((k) => `${key === '(root)' ? '' : key + '.'}${String(k)}`).join(', ')}` : '';
      return `  ${key}:${keys} ${issue.message}`;
    });
    throw new HubConfigError(`${source} is invalid:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** HUB_CONFIG names the file; default hub.yaml at the repository root. */
export function loadHubConfig(file = process.env.HUB_CONFIG ?? path.join(repoRoot, 'hub.yaml')): HubConfig {
  return parseHubConfig(readFileSync(file, 'utf8'), path.basename(file));
}
