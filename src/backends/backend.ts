// What every way of training has in common: run a request to a TrainingResult, and clean up after a run that was
// killed before it could (the action's post step, the CLI after a crash).
import type { Logger } from '../logger.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import type { SavedState, State } from '../state.js';
import type { DetachedReport } from './fargate/contract.js';

export interface RunContext {
  request: TrainingRequest;
  /** The image to run, already built or resolved. */
  imageUri: string;
  /** Its content tag (`ctx-…`), when this tool built or found it. */
  imageTag?: string;
  /** Whether this run built the image. */
  imageBuilt?: boolean;
  jobName: string;
  logger: Logger;
  /** Aborted when the run must stop (SIGINT/SIGTERM, cancellation). The backend stops its work and still returns. */
  signal: AbortSignal;
  /** Called the moment something that must be cleaned up exists (container ids, job name, task ARN). */
  onState?: (key: State, value: string) => void;
  /** Every log line, with its host, for metric parsing and live reporting. */
  onLogLine?: (host: string, line: string) => void;
  /** The job entered a phase (a remote job's secondary status: Starting, Downloading, Training, …). */
  onPhase?: (phase: string) => void;
  /**
   * Fargate mode with wait: false: the check run the runner completes, and how (goes into request.json's `report`).
   * Absent when there is no check run to hand over.
   */
  detachedReport?: DetachedReport;
}

export interface CleanupContext {
  logger: Logger;
  /** The run's environment (its identity decides which remote job is this run's to stop). */
  env: Record<string, string | undefined>;
}

/** One way of running a TrainingRequest. All backends return the same TrainingResult, even when stopped or failed. */
export interface Backend {
  run(ctx: RunContext): Promise<TrainingResult>;
  /**
   * Stops and removes what a run that did not finish left behind, as its saved state names it. Idempotent, and never
   * throws: problems are warnings.
   */
  cleanup(saved: SavedState, ctx: CleanupContext): Promise<void>;
}

/** What the pipeline needs of a backend: only running it. */
export type RunsTraining = Pick<Backend, 'run'>;
