import type { RunCacheContext } from '../cache/pipeline-hook.js';
import type { Logger } from '../logger.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import type { DetachedReport } from '../runner/envelope.js';

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
  onState?: (key: string, value: string) => void;
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

/** One way of running a TrainingRequest. All backends return the same TrainingResult, even when stopped or failed. */
export interface Backend {
  run(ctx: RunContext): Promise<TrainingResult>;
}
