import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { GraphQLError, parse } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** supergraph.yaml in rover's format: only the keys composition needs, unknown keys refused so a typo is named. */
const supergraphConfigSchema = z
  .object({
    // Kept for rover compatibility; composition follows each subgraph's own @link(federation/v2.x) version.
    federation_version: z.string().optional(),
    subgraphs: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a subgraph name is letters, digits, _ and -'),
        z
          .object({
            routing_url: z.string().url(),
            schema: z.object({ file: z.string().min(1) }).strict(),
          })
          .strict(),
      )
      .refine((subgraphs) => Object.keys(subgraphs).length > 0, 'at least one subgraph is needed'),
  })
  .strict();

export interface SubgraphSource {
  name: string;
  url: string;
  /** Absolute path of the schema file that was read (or could not be). */
  file: string;
}

export type CompositionOutcome = { supergraphSdl: string; subgraphs: SubgraphSource[]; hints: string[] } | { errors: string[]; subgraphs: SubgraphSource[] };

/** The text written to gateway/supergraph.graphql: the composed SDL with exactly one final newline. */
export function supergraphFileText(supergraphSdl: string): string {
  return supergraphSdl.endsWith('\n') ? supergraphSdl : `${supergraphSdl}\n`;
}

function formatError(error: GraphQLError): string {
  const code = error.extensions?.code;
  return typeof code === 'string' ? `[${code}] ${error.message}` : error.message;
}

/**
 * Reads a rover-format supergraph config and composes its subgraphs' schema files (paths relative to the
 * config file). Never throws for a bad config or schema: every problem comes back as a message that names
 * the subgraph (or the config key) concerned, so the caller can print them all at once.
 */
export function composeFromConfig(configPath: string): CompositionOutcome {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(configPath, 'utf8'));
  } catch (err) {
    return { errors: [`${configPath}: cannot be read as YAML: ${(err as Error).message}`], subgraphs: [] };
  }
  const config = supergraphConfigSchema.safeParse(raw);
  if (!config.success) {
    const errors = config.error.issues.map((issue) => `${configPath}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return { errors, subgraphs: [] };
  }

  const baseDir = path.dirname(path.resolve(configPath));
  const subgraphs: SubgraphSource[] = [];
  const services = [];
  const errors: string[] = [];
  for (const [name, entry] of Object.entries(config.data.subgraphs)) {
    const file = path.resolve(baseDir, entry.schema.file);
    subgraphs.push({ name, url: entry.routing_url, file });
    let sdl: string;
    try {
      sdl = readFileSync(file, 'utf8');
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (err as Error).message;
      errors.push(`subgraph "${name}": schema file ${file} ${reason}`);
      continue;
    }
    try {
      services.push({ name, url: entry.routing_url, typeDefs: parse(sdl) });
    } catch (err) {
      errors.push(`subgraph "${name}": ${file} is not valid GraphQL: ${(err as Error).message}`);
    }
  }
  if (errors.length > 0) return { errors, subgraphs };

  const result = composeServices(services);
  if (result.errors) return { errors: result.errors.map(formatError), subgraphs };
  return { supergraphSdl: result.supergraphSdl, subgraphs, hints: result.hints.map((hint) => hint.toString()) };
}
