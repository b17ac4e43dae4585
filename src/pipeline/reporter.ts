// How a run tells the world. One interface, three implementations: the action (outputs, job summary, check run,
// comment), the Fargate runner (result.json and the check run it completes), the CLI (a table and an exit code).
import type { Outcome } from '../gate/conclusion.js';
import type { GateReport } from '../gate/evaluate.js';
import type { BaselineLookup } from '../github/baseline.js';
import type { DraftRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import type { RegistrationOutcome, ServeReport } from '../serving.js';
import type { State } from '../state.js';

/** A finished run and what the gate made of it. */
export interface Judged {
  request: DraftRequest;
  result: TrainingResult;
  gate: GateReport;
  outcome: Outcome;
  /** The base branch's result it was compared with, or why there is none. */
  lookup: BaselineLookup;
  /** The serve smoke test, when `serve:` is set and the run completed. */
  serve?: ServeReport;
  /** Registration in the model registry, when `register:` is set (skipped, with why, unless the gate passed). */
  registration?: RegistrationOutcome;
}

export interface Reporter {
  /** Something that must be cleaned up (or that identifies the run) now exists: save it at once. */
  saveState?(key: State, value: string): void;
  /** The run entered a phase (building, training, a remote job's secondary status). */
  phase?(phase: string, jobName: string | undefined): void;
  /** wait: false: the run goes on without us (status InProgress), and reports its own end. */
  handedOff?(request: DraftRequest, result: TrainingResult): Promise<void>;
  /** The run ended (completed, failed or stopped): keep its result safe before anything else (the runner's result.json). */
  recorded?(request: DraftRequest, result: TrainingResult): Promise<void>;
  /** The run ended and was judged. */
  report(judged: Judged): Promise<void>;
}
