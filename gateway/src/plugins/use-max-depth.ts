import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { Plugin } from 'graphql-yoga';
import { limitExceeded } from '../demand-control/refusal.js';
import { preValidationPlugin } from '../demand-control/pre-validation.js';

export interface MaxDepthOptions {
  /** hub.yaml message_hub.limits.max_depth. */
  maxDepth: number;
}

// graphql-armor says the depth it found only in its message ("... exceeded, found 51.").
const FOUND = /found (\d+)/;

/**
 * Refuses an operation nested deeper than `maxDepth` fields (BAD_USER_INPUT, limit max_depth, HTTP 400), before
 * validation. The counting is graphql-armor's (fragments followed once each, cycles cut); fragments are flattened, so
 * a spread adds no level of its own, and introspection is counted too, since a recursive `ofType` is the classic bomb.
 */
export function useMaxDepth({ maxDepth }: MaxDepthOptions): Plugin {
  return preValidationPlugin(
    maxDepthRule({
      n: maxDepth,
      flattenFragments: true,
      ignoreIntrospection: false,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [
        (context, error) => {
          const actual = Number(FOUND.exec(error.message)?.[1] ?? NaN);
          const found = Number.isFinite(actual) ? actual : undefined;
          context?.reportError(
            limitExceeded('max_depth', maxDepth, found, `Operation is nested ${found ?? 'more than ' + maxDepth} levels deep; the limit is ${maxDepth}.`),
          );
        },
      ],
    }),
  );
}
