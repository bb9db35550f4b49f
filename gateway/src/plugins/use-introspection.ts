import { GraphQLError, visit, BREAK, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context/gateway-context.js';
import { beforeOperation } from '../demand-control/before-operation.js';
import { callerOf, isOperator } from '../demand-control/caller.js';
import { introspectionDisabled } from '../demand-control/refusal.js';

export interface IntrospectionOptions {
  /** true: anyone may introspect (hub.yaml message_hub.introspection on, or auto outside production). */
  open: boolean;
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);
// graphql-js's suggestion, appended to "Cannot query field ..." and similar: ' Did you mean "name" or "level"?'
const SUGGESTION = / Did you mean .+\?$/;

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!INTROSPECTION_FIELDS.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Introspection closed to everyone but operators when `open` is false (production by default): `__schema` and
 * `__type` anywhere in the operation (fragments included; `__typename` stays, clients need it) are refused with
 * FORBIDDEN, reason INTROSPECTION_DISABLED, HTTP 403, before anything runs. Checked at execute time, where use-auth's
 * identity is known; the document is parsed and validated by then, within the operation limits.
 * Closed, it also drops validation's "Did you mean ...?" suggestions, which would otherwise spell the schema out one
 * guess at a time. Written here rather than with graphql-armor's block-field-suggestions, which replaces the whole
 * hint with a mask text; this cuts the suggestion and keeps the rest of the message.
 */
export function useIntrospection({ open }: IntrospectionOptions): Plugin<GatewayContext> {
  if (open) return {};
  const verdicts = new WeakMap<DocumentNode, boolean>();
  return {
    ...beforeOperation((args) => {
      if (isOperator(callerOf(args))) return undefined;
      let verdict = verdicts.get(args.document);
      if (verdict === undefined) verdicts.set(args.document, (verdict = introspects(args.document)));
      return verdict ? introspectionDisabled() : undefined;
    }),
    onValidate() {
      return ({ result, setResult }) => {
        // envelop types validation's result `any[]`; yoga's validate (graphql-js) answers GraphQLErrors.
        const errors = result as readonly GraphQLError[];
        if (!errors.some((error) => SUGGESTION.test(error.message))) return;
        setResult(
          errors.map((error) =>
            SUGGESTION.test(error.message)
              ? new GraphQLError(error.message.replace(SUGGESTION, ''), {
                  nodes: error.nodes,
                  source: error.source,
                  positions: error.positions,
                  path: error.path,
                  extensions: error.extensions,
                })
              : error,
          ),
        );
      };
    },
  };
}
