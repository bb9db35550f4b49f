/**
 * The streams this process is running, by generation id: cancelGeneration aborts one at once when it is here,
 * and the cancel poller aborts those another instance was asked to cancel.
 */
export interface RunningGeneration {
  userId: string;
  controller: AbortController;
  /** Settles once the generation's end state is stored. */
  finished: Promise<void>;
}

export class RunningGenerations {
  private readonly runs = new Map<string, RunningGeneration>();

  get size(): number {
    return this.runs.size;
  }

  ids(): string[] {
    return [...this.runs.keys()];
  }

  add(id: string, run: RunningGeneration): void {
    this.runs.set(id, run);
  }

  delete(id: string): void {
    this.runs.delete(id);
  }

  get(id: string): RunningGeneration | undefined {
    return this.runs.get(id);
  }

  /** Aborts every run (shutdown): each ends CANCELLED with its usage so far. */
  async abortAll(): Promise<void> {
    const runs = [...this.runs.values()];
    for (const run of runs) run.controller.abort();
    await Promise.allSettled(runs.map((run) => run.finished));
  }
}
