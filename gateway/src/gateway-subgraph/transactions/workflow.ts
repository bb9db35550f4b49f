/** What earlier steps' prepares answered, by service: later steps build their payloads from it. */
export type Prepared = Readonly<Record<string, unknown>>;

/** One service's part of a workflow. */
export interface WorkflowStep<TInput> {
  service: string;
  /** The participant operation the service knows this work by. */
  operation: string;
  /** The operation's payload; null skips the step (e.g. no experience to award to an empty party). */
  payload(input: TInput, prepared: Prepared): unknown;
}

/**
 * A write across services as a list of steps: each step is one service's branch, prepared in order (a later
 * step may use what an earlier one found) or all at once (`independent`), then all committed, or all aborted if
 * any prepare fails.
 */
export interface Workflow<TInput, TResult> {
  name: string;
  steps: ReadonlyArray<WorkflowStep<TInput>>;
  /**
   * No step's payload reads what another prepared, and no step's commit must land before another's: the prepares
   * go out together, and so do the commits. Without it, both go in step order.
   */
  independent?: boolean;
  /** What the mutation answers, from the input and what the prepares found; stored with the decision. */
  result(input: TInput, prepared: Prepared, transactionId: string): TResult;
}
