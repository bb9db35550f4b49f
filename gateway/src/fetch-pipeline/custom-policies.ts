import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HubConfigError } from '#lib/config/hub-config.js';
import type { PolicyName } from './pipeline.js';
import type { FetchPolicy } from './policy.js';

/** What a custom policy module exports (default or `createPolicy`): one policy per service, made at start-up. */
export type CustomPolicyFactory = (context: { service: string; options: Record<string, unknown> }) => FetchPolicy;

/** One entry of message_hub.custom_policies, loaded. */
export interface CustomPolicy {
  module: string;
  /** The policy of ours it runs just outside of; absent: innermost, just before the request is sent. */
  before?: PolicyName | undefined;
  create(context: { service: string }): FetchPolicy;
}

/**
 * Loads message_hub.custom_policies: each `module` (a path from the working directory, or a package name) is
 * imported once at start-up, so a missing module or one without a factory stops the gateway with the key's
 * name instead of failing on the first fetch.
 */
export async function loadCustomPolicies(
  entries: ReadonlyArray<{ module: string; before?: PolicyName | undefined; options?: Record<string, unknown> | undefined }>,
  cwd = process.cwd(),
): Promise<CustomPolicy[]> {
  const loaded: CustomPolicy[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `message_hub.custom_policies[${index}].module (${entry.module})`;
    const specifier = entry.module.startsWith('.') || path.isAbsolute(entry.module) ? pathToFileURL(path.resolve(cwd, entry.module)).href : entry.module;
    let exported: { default?: unknown; createPolicy?: unknown };
    try {
      exported = (await import(specifier)) as typeof exported;
    } catch (err) {
      throw new HubConfigError(`hub.yaml is invalid:\n  ${where}: cannot be loaded: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
    const factory = exported.createPolicy ?? exported.default;
    if (typeof factory !== 'function') throw new HubConfigError(`hub.yaml is invalid:\n  ${where}: exports no createPolicy (or default) function`);
    const options = entry.options ?? {};
    loaded.push({ module: entry.module, before: entry.before, create: ({ service }) => (factory as CustomPolicyFactory)({ service, options }) });
  }
  return loaded;
}
