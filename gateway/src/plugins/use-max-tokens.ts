import { GraphQLError, parse, type DocumentNode, type ParseOptions, type Source } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitExceeded } from '../demand-control/refusal.js';

export interface MaxTokensOptions {
  /** hub.yaml message_hub.limits.max_tokens. */
  maxTokens: number;
}

// graphql-js's own message when it stops: "Syntax Error: Document contains more that 5000 tokens. Parsing aborted."
// (16.x spells it "that"; "than" in case a release fixes it).
const TOO_MANY_TOKENS = /Document contains more th(?:at|an) \d+ tokens/;
const STAND_IN = '{ __typename }';

/**
 * Parses with graphql-js's own `maxTokens`: the lexer stops at the first token past the limit, so a token bomb costs
 * no more than the limit's worth of parsing, and no document past it is ever built. graphql-js itself rather than
 * graphql-armor's max-tokens, which counts through a Proxy around the lexer on every token of every document.
 * Refused with BAD_USER_INPUT, limit max_tokens, HTTP 400; `actual` is where parsing stopped (max + 1), as counting
 * the rest is the work the limit saves.
 *
 * The refusal is answered at validation, not thrown from the parser: yoga marks every parse error as a spec error,
 * which it answers with HTTP 200 to an `application/json` client. The parser hands back a stand-in document
 * (`{ __typename }`) for the refused text (yoga's parser cache keeps it for that text), and validation answers it
 * with the refusal instead of validating it, so the stand-in never runs.
 */
export function useMaxTokens({ maxTokens }: MaxTokensOptions): Plugin {
  const refused = new WeakMap<DocumentNode, GraphQLError>();
  return {
    onParse({ setParseFn }) {
      // envelop types the parse function's arguments `any`; yoga calls it as graphql-js's parse.
      setParseFn((source: string | Source, options?: ParseOptions) => {
        try {
          return parse(source, { ...options, maxTokens });
        } catch (error) {
          if (!(error instanceof GraphQLError && TOO_MANY_TOKENS.test(error.message))) throw error;
          // A fresh one per refused text (the refusal is looked up by it); an operation, as yoga resolves it after parsing.
          const standIn = parse(STAND_IN);
          refused.set(
            standIn,
            limitExceeded('max_tokens', maxTokens, maxTokens + 1, `Operation has more than ${maxTokens} tokens; the limit is ${maxTokens}.`),
          );
          return standIn;
        }
      });
    },
    onValidate({ params, setResult }) {
      const refusal = refused.get(params.documentAST as DocumentNode);
      if (refusal) setResult([refusal]);
    },
  };
}
