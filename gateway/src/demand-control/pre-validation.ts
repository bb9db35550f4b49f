import { validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// The refusals of every pre-validation plugin so far, per validation (its context object): each plugin answers them
// all, so a document over several limits hears of each, in plugin order, whichever plugin answers last.
const refusalsOfValidation = new WeakMap<object, GraphQLError[]>();

/**
 * A yoga plugin that runs one rule on its own before the standard validation, and answers its errors instead of
 * validating: so a document over a limit never reaches graphql-js's own rules, whose field-overlap check is
 * quadratic in a selection set's fields (the 1,000-alias attack), and is answered in one cheap pass.
 * The outcome depends on the document alone (not on the caller or the schema), so it is kept per parsed document:
 * yoga's parser cache hands the same DocumentNode back for the same text.
 */
export function preValidationPlugin(rule: ValidationRule): Plugin {
  const outcomes = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  return {
    onValidate({ context, params, setResult }) {
      // envelop types the validate parameters `any` (it takes any graphql-js); yoga's are graphql-js 16's.
      const schema = params.schema as GraphQLSchema;
      const documentAST = params.documentAST as DocumentNode;
      let errors = outcomes.get(documentAST);
      if (!errors) outcomes.set(documentAST, (errors = validate(schema, documentAST, [rule])));
      if (errors.length === 0) return;
      const refusals = refusalsOfValidation.get(context) ?? [];
      refusalsOfValidation.set(context, refusals);
      refusals.push(...errors);
      setResult([...refusals]);
    },
  };
}
