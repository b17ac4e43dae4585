// What every way of training has in common: run a request to a TrainingResult, and clean up after a run that was
// killed before it could (the action's post step, the CLI after a crash).
import type { RunCacheContext } from '../cache/pipeline-hook.js';
import type { Logger } from '../logger.js';
import type { DraftRequest, Mode, RequestOf, TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import type { RunIdentity } from '../run-identity.js';
import type { SavedState, State } from '../state.js';
import type { DetachedReport } from './fargate/contract.js';

export interface RunContext<R extends DraftRequest = TrainingRequest> {
  request: R;
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
  /** The run's fingerprint, for a backend that records the run itself (the Fargate runner); absent without the cache. */
  runCache?: RunCacheContext;
}

export interface CleanupContext {
  logger: Logger;
  /** The run (its run id and attempt decide which remote job is this run's to stop). */
  identity: RunIdentity;
}

/** One way of running a request. All backends return the same TrainingResult, even when stopped or failed. */
export interface Backend<R extends DraftRequest = TrainingRequest> {
  run(ctx: RunContext<R>): Promise<TrainingResult>;
  /**
   * Stops and removes what a run that did not finish left behind, as its saved state names it. Idempotent, and never
   * throws: problems are warnings.
   */
  cleanup(saved: SavedState, ctx: CleanupContext): Promise<void>;
}

/** What the pipeline needs of a backend: only running it. */
export interface RunsTraining<R extends DraftRequest = TrainingRequest> {
  run(ctx: RunContext<R>): Promise<TrainingResult>;
}

/** Whether the context's request is of `mode` (and so of that mode's type). */
export function isModeContext<M extends Mode>(ctx: RunContext, mode: M): ctx is RunContext<RequestOf<M>> {
  return ctx.request.mode === mode;
}

/** A backend of one mode as one that takes any request: a request of another mode is a programming error. */
export function forMode<M extends Mode>(mode: M, backend: Backend<RequestOf<M>>): Backend {
  return {
    run(ctx) {
      if (!isModeContext(ctx, mode)) {
        return Promise.reject(new Error(`The ${mode} backend was handed a ${ctx.request.mode} request`));
      }
      return backend.run(ctx);
    },
    cleanup: (saved, ctx) => backend.cleanup(saved, ctx),
  };
}
