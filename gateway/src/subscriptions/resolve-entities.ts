import { GraphQLError, Kind, OperationTypeNode, print, visit, type DocumentNode, type SelectionSetNode, type VariableDefinitionNode } from 'graphql';
import type { EntityFetch } from './entity-plan.js';

type Path = Array<string | number>;
export type JsonObject = Record<string, unknown>;

/** Sends one `_entities` query to a subgraph; failures come back as errors, never as a throw. */
export type EntityFetcher = (graph: string, query: string, variables: JsonObject) => Promise<{ data?: JsonObject | null; errors?: readonly GraphQLError[] }>;

export interface EntityRun {
  fetcher: EntityFetcher;
  /** The client's variables and their definitions: entity selections may use them (`generations(first: $n)`). */
  variables: JsonObject | undefined;
  variableDefinitions: readonly VariableDefinitionNode[];
  /** Errors of the entity fetches, with the paths of the fields in the client's result. */
  errors: GraphQLError[];
}

interface Target {
  object: JsonObject;
  path: Path;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Runs `fetches` for the objects under `roots`, merging what each subgraph answers into them (in place). */
export async function resolveEntities(roots: Target[], fetches: EntityFetch[], run: EntityRun): Promise<void> {
  await Promise.all(fetches.map((fetch) => runFetch(roots, fetch, run)));
}

async function runFetch(roots: Target[], fetch: EntityFetch, run: EntityRun): Promise<void> {
  const targets = roots.flatMap((root) => walk(root.object, fetch.path, root.path)).filter((t) => t.object.__typename === fetch.typeName);
  if (targets.length === 0) return;
  const { query, variableNames } = entitiesQuery(fetch, run.variableDefinitions);
  const variables: JsonObject = { representations: targets.map((t) => pick(t.object, fetch.representation)) };
  for (const name of variableNames) variables[name] = run.variables?.[name];
  const result = await run.fetcher(fetch.graph, query, variables);
  const entities = Array.isArray(result.data?._entities) ? result.data._entities : [];
  for (const error of result.errors ?? []) {
    const [root, index, ...rest] = error.path ?? [];
    const target = root === '_entities' && typeof index === 'number' ? targets[index] : targets[0];
    run.errors.push(new GraphQLError(error.message, { path: [...(target?.path ?? []), ...(root === '_entities' ? rest : [])], extensions: error.extensions }));
  }
  const resolved: Target[] = [];
  targets.forEach((target, index) => {
    const entity: unknown = entities[index];
    if (!isObject(entity)) return;
    merge(target.object, entity);
    resolved.push(target);
  });
  await resolveEntities(resolved, fetch.children, run);
}

/** The objects at `path` under `object` (lists walked, nulls skipped), with their paths in the result. */
function walk(object: JsonObject, path: string[], at: Path): Target[] {
  const [key, ...rest] = path;
  if (key === undefined) return [{ object, path: at }];
  const into = (value: unknown, where: Path): Target[] => {
    if (Array.isArray(value)) return value.flatMap((item, index) => into(item, [...where, index]));
    return isObject(value) ? walk(value, rest, where) : [];
  };
  return into(object[key], [...at, key]);
}

/** The representation's fields out of an object (a key and @requires fields: plain field names, no aliases). */
function pick(object: JsonObject, selectionSet: SelectionSetNode): JsonObject {
  const picked: JsonObject = {};
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const value = object[selection.name.value];
    picked[selection.name.value] = selection.selectionSet && isObject(value) ? pick(value, selection.selectionSet) : value;
  }
  return picked;
}

function merge(into: JsonObject, from: JsonObject): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (isObject(existing) && isObject(value)) merge(existing, value);
    else if (Array.isArray(existing) && Array.isArray(value) && existing.length === value.length) {
      value.forEach((item: unknown, index) => {
        const current: unknown = existing[index];
        if (isObject(current) && isObject(item)) merge(current, item);
        else existing[index] = item;
      });
    } else into[key] = value;
  }
}

function entitiesQuery(fetch: EntityFetch, definitions: readonly VariableDefinitionNode[]): { query: string; variableNames: string[] } {
  const used = new Set<string>();
  visit(fetch.selectionSet, { Variable: (node) => void used.add(node.name.value) });
  const variableNames = [...used];
  const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: name('SubscriptionEventEntities'),
        variableDefinitions: [
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: name('representations') },
            type: {
              kind: Kind.NON_NULL_TYPE,
              type: { kind: Kind.LIST_TYPE, type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: name('_Any') } } },
            },
          },
          ...definitions.filter((definition) => used.has(definition.variable.name.value)),
        ],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              kind: Kind.FIELD,
              name: name('_entities'),
              arguments: [{ kind: Kind.ARGUMENT, name: name('representations'), value: { kind: Kind.VARIABLE, name: name('representations') } }],
              selectionSet: {
                kind: Kind.SELECTION_SET,
                selections: [
                  { kind: Kind.INLINE_FRAGMENT, typeCondition: { kind: Kind.NAMED_TYPE, name: name(fetch.typeName) }, selectionSet: fetch.selectionSet },
                ],
              },
            },
          ],
        },
      },
    ],
  };
  return { query: print(document), variableNames };
}
