import { Kind, parse, type ConstDirectiveNode, type DocumentNode, type EnumTypeDefinitionNode } from 'graphql';

/** A subgraph that can resolve a field, and the fields of its parent it needs first (`@requires`). */
export interface FieldSource {
  graph: string;
  requires: string | undefined;
}

function argument(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind === Kind.STRING || value?.kind === Kind.ENUM) return value.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

const directivesNamed = (directives: readonly ConstDirectiveNode[] | undefined, name: string) => (directives ?? []).filter((d) => d.name.value === name);

/**
 * Which subgraph resolves what, read from the supergraph's join directives: `@join__type(graph:, key:)` on
 * types and `@join__field(graph:, requires:, external:)` on fields. The same facts @apollo/gateway plans queries
 * with; the gateway reads them itself for subscriptions, which @apollo/gateway does not execute.
 */
export class SupergraphJoins {
  /** The name of the schema's subscription root type, if it has one. */
  readonly subscriptionType: string | undefined;
  private readonly typeGraphs = new Map<string, Array<{ graph: string; key: string | undefined; resolvable: boolean }>>();
  private readonly fieldSources = new Map<string, FieldSource[]>();

  constructor(supergraphSdl: string | DocumentNode) {
    const document = typeof supergraphSdl === 'string' ? parse(supergraphSdl, { noLocation: true }) : supergraphSdl;
    const graphNames = new Map<string, string>();
    const joinGraph = document.definitions.find((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph');
    for (const value of joinGraph?.values ?? []) {
      const [directive] = directivesNamed(value.directives, 'join__graph');
      const name = directive ? argument(directive, 'name') : undefined;
      if (typeof name === 'string') graphNames.set(value.name.value, name);
    }
    const graphOf = (directive: ConstDirectiveNode) => {
      const value = argument(directive, 'graph');
      return typeof value === 'string' ? graphNames.get(value) : undefined;
    };

    let subscriptionType: string | undefined;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.SCHEMA_DEFINITION) {
        subscriptionType = definition.operationTypes.find((t) => t.operation === 'subscription')?.type.name.value;
      }
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
      const typeName = definition.name.value;
      const graphs = directivesNamed(definition.directives, 'join__type').flatMap((d) => {
        const graph = graphOf(d);
        const key = argument(d, 'key');
        return graph ? [{ graph, key: typeof key === 'string' ? key : undefined, resolvable: argument(d, 'resolvable') !== false }] : [];
      });
      this.typeGraphs.set(typeName, graphs);
      for (const field of definition.fields ?? []) {
        const joins = directivesNamed(field.directives, 'join__field');
        // No @join__field: every subgraph that defines the type resolves the field.
        const sources: FieldSource[] = joins.length
          ? joins.flatMap((d) => {
              const graph = graphOf(d);
              const requires = argument(d, 'requires');
              return graph && argument(d, 'external') !== true ? [{ graph, requires: typeof requires === 'string' ? requires : undefined }] : [];
            })
          : [...new Set(graphs.map((g) => g.graph))].map((graph) => ({ graph, requires: undefined }));
        this.fieldSources.set(`${typeName}.${field.name.value}`, sources);
      }
    }
    this.subscriptionType = subscriptionType;
  }

  /** The subgraphs that resolve `typeName.fieldName` (never the ones where it is only `@external`). */
  sourcesOf(typeName: string, fieldName: string): FieldSource[] {
    return this.fieldSources.get(`${typeName}.${fieldName}`) ?? [];
  }

  /** Whether `graph` can resolve `typeName.fieldName` itself. */
  resolves(graph: string, typeName: string, fieldName: string): boolean {
    if (fieldName === '__typename') return true;
    return this.sourcesOf(typeName, fieldName).some((source) => source.graph === graph);
  }

  /** The keys (field sets) by which `graph` resolves entities of `typeName`; empty when it does not. */
  keysOf(typeName: string, graph: string): string[] {
    return (this.typeGraphs.get(typeName) ?? []).flatMap((g) => (g.graph === graph && g.resolvable && g.key ? [g.key] : []));
  }

  /** The subgraph that owns a root subscription field, or undefined for an unknown field. */
  subscriptionOwner(fieldName: string): string | undefined {
    return this.subscriptionType ? this.sourcesOf(this.subscriptionType, fieldName)[0]?.graph : undefined;
  }
}
