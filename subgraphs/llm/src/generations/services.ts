import type { LlmDatabase } from '../context.js';
import type { Limits } from '../limits/limits.js';
import type { LlmSettings, ProviderSource } from './provider-source.js';
import type { RunningGenerations } from './running-generations.js';

/** What the generation code uses, shared by every request of the process (the request context extends it). */
export interface GenerationServices {
  db: LlmDatabase;
  providers: ProviderSource;
  limits: Limits;
  settings: LlmSettings;
  running: RunningGenerations;
  /** This process among the llm instances: stored on its RUNNING rows so that a cancel elsewhere finds it. */
  instanceId: string;
  /** Set on shutdown: in-flight generations run to their end, new ones are refused with SERVICE_UNAVAILABLE. */
  draining?: boolean;
}
