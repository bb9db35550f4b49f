import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  Kind,
  parse,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Fragments } from './operation-document.js';
import type { SupergraphJoins } from './supergraph-joins.js';

/** Fields of other subgraphs, fetched through `_entities` for the entities at `path` after each event. */
export interface EntityFetch {
  /** Response keys from the parent object down to the entities; lists on the way are walked. */
  path: string[];
  /** Only objects of this type (their __typename) are sent. */
  typeName: string;
  graph: string;
  /** What to ask `graph` for on each entity (`... on typeName { }`), itself already split by owner. */
  selectionSet: SelectionSetNode;
  /** The representation: __typename, a key of `graph` and its @requires fields, selected from the parent's graph. */
  representation: SelectionSetNode;
  /** Fields of yet other subgraphs under these entities, relative to each entity. */
  children: EntityFetch[];
}

export interface PlannedSelection {
  selectionSet: SelectionSetNode;
  fetches: EntityFetch[];
}

/** A selection the gateway cannot resolve for subscription events (no shared key between the subgraphs). */
export class SubscriptionPlanError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

function fieldSet(fields: string): SelectionSetNode {
  const [definition] = parse(`{ ${fields} }`, { noLocation: true }).definitions;
  if (definition?.kind !== Kind.OPERATION_DEFINITION) throw new Error(`not a field set: ${fields}`);
  return definition.selectionSet;
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/**
 * Splits a subscription's selection by owning subgraph, as @apollo/gateway's planner does for queries: what the
 * owner of the subscription field resolves stays in the operation sent to it (plus __typename and the keys that
 * identify entities); each field of another subgraph becomes an `_entities` fetch run for every event.
 */
export class EntityPlanner {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly joins: SupergraphJoins,
    private readonly fragments: Fragments,
  ) {}

  plan(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, graph: string, path: string[] = []): PlannedSelection {
    // __typename everywhere but on the root, where a subscription may select one field only.
    const kept: SelectionNode[] = parentType === this.schema.getSubscriptionType() ? [] : [TYPENAME];
    const fetches: EntityFetch[] = [];
    const foreign = new Map<string, { selections: SelectionNode[]; requires: string[] }>();

    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) {
        const inline = this.inline(selection);
        const condition = inline.typeCondition ? this.schema.getType(inline.typeCondition.name.value) : parentType;
        if (!isCompositeType(condition)) throw new SubscriptionPlanError(`Unknown type condition in a subscription`);
        const child = this.plan(inline.selectionSet, condition, graph, path);
        kept.push({ ...inline, selectionSet: child.selectionSet });
        fetches.push(...child.fetches);
        continue;
      }
      const name = selection.name.value;
      if (name === '__typename' || this.joins.resolves(graph, parentType.name, name)) {
        // A union has no fields of its own: only __typename, which has no selection.
        const type = 'getFields' in parentType ? getNamedType(parentType.getFields()[name]?.type) : undefined;
        if (selection.selectionSet && type && isCompositeType(type)) {
          const child = this.plan(selection.selectionSet, type, graph, [...path, responseKey(selection)]);
          kept.push({ ...selection, selectionSet: child.selectionSet });
          fetches.push(...child.fetches);
        } else {
          kept.push(selection);
        }
        continue;
      }
      const source = this.joins.sourcesOf(parentType.name, name).find((s) => this.keyFor(parentType.name, s.graph, graph));
      if (!source) {
        throw new SubscriptionPlanError(`${parentType.name}.${name} cannot be selected in this subscription: its service shares no key with ${graph}`);
      }
      const group = foreign.get(source.graph) ?? { selections: [], requires: [] };
      group.selections.push(selection);
      if (source.requires) group.requires.push(source.requires);
      foreign.set(source.graph, group);
    }

    for (const [target, group] of foreign) {
      const key = this.keyFor(parentType.name, target, graph) ?? '';
      const representation = fieldSet(['__typename', key, ...group.requires].join(' '));
      kept.push(...representation.selections);
      const child = this.plan({ kind: Kind.SELECTION_SET, selections: group.selections }, parentType, target);
      fetches.push({ path, typeName: parentType.name, graph: target, selectionSet: child.selectionSet, representation, children: child.fetches });
    }
    return { selectionSet: { kind: Kind.SELECTION_SET, selections: kept }, fetches };
  }

  /** A key by which `target` resolves `typeName` whose fields `from` can provide. */
  private keyFor(typeName: string, target: string, from: string): string | undefined {
    return this.joins
      .keysOf(typeName, target)
      .find((key) => fieldSet(key).selections.every((s) => s.kind === Kind.FIELD && this.joins.resolves(from, typeName, s.name.value)));
  }

  /** A fragment spread as the inline fragment it stands for: the operations sent carry no fragment definitions. */
  private inline(selection: Exclude<SelectionNode, FieldNode>): InlineFragmentNode {
    if (selection.kind === Kind.INLINE_FRAGMENT) return selection;
    const fragment = this.fragments.get(selection.name.value);
    if (!fragment) throw new SubscriptionPlanError(`Unknown fragment "${selection.name.value}"`);
    return { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: selection.directives, selectionSet: fragment.selectionSet };
  }
}
