import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Fragments } from './operation-document.js';

/** A non-null field came back null: its parent becomes null instead (GraphQL's null propagation). */
const BUBBLE = Symbol('bubble');

type Variables = Record<string, unknown> | undefined;

/**
 * The client's answer from the merged event data: only the response keys the client selected, in its order
 * (dropping the __typename and key fields the gateway added to find entities), with nulls propagated where a
 * non-null field of another subgraph could not be resolved.
 */
export function shapeResult(
  schema: GraphQLSchema,
  data: Record<string, unknown>,
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  variables: Variables,
): Record<string, unknown> | null {
  const root = schema.getSubscriptionType();
  if (!root) return null;
  const shaper = new Shaper(schema, fragments, variables);
  const shaped = shaper.object(data, root, selectionSet);
  return shaped === BUBBLE ? null : shaped;
}

class Shaper {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Fragments,
    private readonly variables: Variables,
  ) {}

  object(value: Record<string, unknown>, type: GraphQLObjectType, selectionSet: SelectionSetNode): Record<string, unknown> | typeof BUBBLE {
    const result: Record<string, unknown> = {};
    for (const [key, fields] of this.collect(type, selectionSet)) {
      const name = fields[0]?.name.value ?? '__typename';
      const definition = name === '__typename' ? undefined : type.getFields()[name];
      // Validation lets only real fields through; anything else is left out rather than guessed at.
      if (name !== '__typename' && !definition) continue;
      // Same response key selected twice (`a { x } a { y }`): one value, both sub-selections.
      const selections = fields.flatMap((field) => field.selectionSet?.selections ?? []);
      const sub: SelectionSetNode | undefined = selections.length ? { kind: Kind.SELECTION_SET, selections } : undefined;
      const completed = definition ? this.value(value[key], definition.type, sub) : type.name;
      if (completed === BUBBLE) return BUBBLE;
      result[key] = completed;
    }
    return result;
  }

  private value(value: unknown, type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): unknown {
    if (isNonNullType(type)) {
      const inner = this.value(value, type.ofType, selectionSet);
      return inner === null || inner === BUBBLE ? BUBBLE : inner;
    }
    if (value === null || value === undefined) return null;
    if (isListType(type)) {
      if (!Array.isArray(value)) return null;
      const items = value.map((item) => this.value(item, type.ofType, selectionSet));
      return items.includes(BUBBLE) ? null : items;
    }
    if (isLeafType(type) || !selectionSet || typeof value !== 'object') return value;
    const runtime = this.runtimeType(type, value as Record<string, unknown>);
    if (!runtime) return null;
    const shaped = this.object(value as Record<string, unknown>, runtime, selectionSet);
    return shaped === BUBBLE ? null : shaped;
  }

  private runtimeType(type: GraphQLCompositeType, value: Record<string, unknown>): GraphQLObjectType | undefined {
    if (isObjectType(type)) return type;
    const named = typeof value.__typename === 'string' ? this.schema.getType(value.__typename) : undefined;
    return isObjectType(named) && isAbstractType(type) && this.schema.isSubType(type, named) ? named : undefined;
  }

  /** graphql-js's CollectFields: fields by response key, through fragments whose condition matches `type`. */
  private collect(type: GraphQLObjectType, selectionSet: SelectionSetNode, into = new Map<string, FieldNode[]>()): Map<string, FieldNode[]> {
    for (const selection of selectionSet.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        into.set(key, [...(into.get(key) ?? []), selection]);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition ? this.schema.getType(fragment.typeCondition.name.value) : type;
      const applies = condition === type || (isCompositeType(condition) && isAbstractType(condition) && this.schema.isSubType(condition, type));
      if (applies) this.collect(type, fragment.selectionSet, into);
    }
    return into;
  }

  private included(node: SelectionSetNode['selections'][number]): boolean {
    if (getDirectiveValues(GraphQLSkipDirective, node, this.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, this.variables)?.if !== false;
  }
}
