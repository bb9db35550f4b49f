import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import type { Plugin } from 'graphql-yoga';
import { limitExceeded } from '../demand-control/refusal.js';
import { preValidationPlugin } from '../demand-control/pre-validation.js';

export interface MaxAliasesOptions {
  /** hub.yaml message_hub.limits.max_aliases. */
  maxAliases: number;
}

// graphql-armor says the count it found only in its message ("... exceeded, found 1000.").
const FOUND = /found (\d+)/;

/**
 * Refuses an operation with more than `maxAliases` aliases (BAD_USER_INPUT, limit max_aliases, HTTP 400), before
 * validation: aliases are how one request repeats a field a thousand times, and graphql-js's overlap check is quadratic
 * in them. graphql-armor counts them through fragments; every alias counts, `__typename` ones too (armor exempts
 * those by default), as a thousand of anything is an attack and nothing the platform sends.
 */
export function useMaxAliases({ maxAliases }: MaxAliasesOptions): Plugin {
  return preValidationPlugin(
    maxAliasesRule({
      n: maxAliases,
      allowList: [],
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [
        (context, error) => {
          const actual = Number(FOUND.exec(error.message)?.[1] ?? NaN);
          const found = Number.isFinite(actual) ? actual : undefined;
          context?.reportError(
            limitExceeded('max_aliases', maxAliases, found, `Operation has ${found ?? 'more than ' + maxAliases} aliases; the limit is ${maxAliases}.`),
          );
        },
      ],
    }),
  );
}
