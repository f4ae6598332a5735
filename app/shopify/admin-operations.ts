// The Admin operations the compiler knows. `npm run graphql-codegen` turns every #graphql document in
// app/shopify/ into an entry of AdminQueries / AdminMutations (app/types/admin.generated.d.ts), keyed by the
// document's exact text and carrying its variables and result types. The typed client takes the query
// string itself as the type argument (like @shopify/admin-api-client's `request<Operation>`), so the
// constant passed in selects what `variables` must be and what `data` is:
//   - a document codegen has not seen (or whose text changed since) is not an AdminOperation: no compile;
//   - a variable renamed in the document and not at the call (or the reverse) does not compile;
//   - the result is the generated *Query / *Mutation type, never a shape written by hand.
// The library's own interfaces also accept any string (`[key: string]: { variables: any; return: any }`),
// which is what let untyped calls through; the keys below are the generated ones only.
import type {
  AdminMutations,
  AdminOperations as LibraryAdminOperations,
  AdminQueries,
  ApiClientRequestOptions,
} from "@shopify/admin-api-client";

/** The generated entries of an operations interface, without its catch-all index signature. */
type GeneratedEntries<T> = {
  [K in keyof T as string extends K ? never : number extends K ? never : symbol extends K ? never : K]: T[K];
};

type GeneratedOperations = GeneratedEntries<AdminQueries> & GeneratedEntries<AdminMutations>;

/** The text of a #graphql document codegen generated types for. */
export type AdminOperation = keyof GeneratedOperations & string;

/** What the operation returns in `data` (the generated *Query / *Mutation type). */
export type OperationData<Op extends AdminOperation> = GeneratedOperations[Op]["return"];

/** The operation's `variables`, as `admin.graphql` takes them (the generated *Variables type). */
export type OperationVariables<Op extends AdminOperation> = NonNullable<
  ApiClientRequestOptions<Op, LibraryAdminOperations>["variables"]
>;

/** True when the operation declares no required variable (then `variables` and the options may be left out). */
type VariablesOptional<Op extends AdminOperation> = Record<never, never> extends GeneratedOperations[Op]["variables"]
  ? true
  : false;

/** `{ variables }`: required when the operation declares a required variable. */
export type VariablesOption<Op extends AdminOperation> = VariablesOptional<Op> extends true
  ? { variables?: OperationVariables<Op> }
  : { variables: OperationVariables<Op> };

/** The options argument of a typed request (plus `Extra` fields); it may be omitted only when `variables` may. */
export type OperationOptionsArg<Op extends AdminOperation, Extra = unknown> = VariablesOptional<Op> extends true
  ? [options?: VariablesOption<Op> & Extra]
  : [options: VariablesOption<Op> & Extra];
