// What the action hands the Fargate runner (request.json beside the job's output) and how the runner's exit code is
// read back. Shared by the fargate backend (writer) and `sagemaker-train runner` (reader): change both together.
import type { RunCacheContext } from '../../cache/pipeline-hook.js';
import type { RemoteJobRequest } from '../../request.js';

/** Environment variables of the runner's container, set by RunTask's overrides. */
export const RunnerEnv = {
  /** s3:// URI of request.json. Always set. */
  RequestUri: 'TRAINING_REQUEST_URI',
  /** The same JSON inline, when it fits in RunTask's 8 KiB of overrides (saves the runner a GET at start). */
  RequestJson: 'TRAINING_REQUEST_JSON',
} as const;

/** The runner's exit codes (docs/fargate.md). Anything else, or no result.json, means the runner crashed. */
export const RunnerExit = {
  /** The job completed; result.json written. */
  Completed: 0,
  /** The runner itself failed before or while running the job (result.json written when it could be). */
  Error: 1,
  /** The request could not be read or is not valid; nothing was launched. */
  BadRequest: 2,
  /** The job ended Failed (result.json says why). */
  JobFailed: 10,
  /** The job was stopped (SIGTERM from StopTask, or by someone else); result.json written. */
  JobStopped: 11,
} as const;

export const ENVELOPE_VERSION = 1;

/** The detached hand-off: the runner completes this check run with a GitHub App installation token. */
export interface DetachedReport {
  /** GITHUB_API_URL, such as https://api.github.com. */
  apiUrl: string;
  owner: string;
  repo: string;
  /** The commit the check run is on. */
  sha: string;
  checkRunId: number;
  /** The GitHub App that created the check run: the runner's App must be the same to complete it. */
  checkRunAppId?: number;
  checkName: string;
  /** Base branch whose last result is the baseline for max-regression gates; absent when none is known. */
  baseBranch?: string;
  baselineDepth: number;
  /** Secrets Manager secret (name or ARN) with `{"appId": "…", "privateKey": "-----BEGIN …"}`. */
  appSecret: string;
  /** Repository path of the configuration file, for annotations. */
  annotationPath?: string;
  /** Link to the workflow run, shown in the check run. */
  runUrl?: string;
}

/** request.json. */
export interface RunnerEnvelope {
  version: typeof ENVELOPE_VERSION;
  /** Channels given as local folders were already uploaded: every channel is s3:// here. */
  request: RemoteJobRequest;
  jobName: string;
  /** The image in its registry, by digest when known. */
  imageUri: string;
  imageTag?: string;
  imageBuilt?: boolean;
  /** GitHub's variables the job's tags come from (GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_RUN_ID, …). */
  github: Record<string, string>;
  /** Present in detached mode (wait: false). */
  report?: DetachedReport;
  /** The run's fingerprint: the runner records a completed run in the result index under it (the run cache). */
  runCache?: RunCacheContext;
}

/** `<output>/<job>/request.json` and `<output>/<job>/result.json`. */
export function envelopeUris(outputUri: string, jobName: string): { requestUri: string; resultUri: string } {
  const base = `${outputUri.replace(/\/+$/, '')}/${jobName}`;
  return { requestUri: `${base}/request.json`, resultUri: `${base}/result.json` };
}
