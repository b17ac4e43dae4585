// Which run this is: the repository, commit, workflow run, attempt, event and pull request that GitHub Actions
// describes in its GITHUB_* variables. Each entry point reads them once (readRunIdentity) and passes the identity
// down; nothing below an entry point reads those variables. Outside GitHub Actions every optional field is absent.

export interface RunIdentity {
  /** `owner/name`. */
  repository?: string;
  /** GITHUB_SHA: the commit the workflow checked out (a pull request's merge commit on pull_request). */
  commit?: string;
  /** GITHUB_REF, such as `refs/heads/main` or `refs/pull/7/merge`. */
  ref?: string;
  workflow?: string;
  /** The workflow run's id (digits), the same for every attempt. */
  runId?: string;
  /** GITHUB_RUN_ATTEMPT as given (1 for the first attempt); callers default it to 1. */
  runAttempt?: string;
  /** The job's id in the workflow file. */
  job?: string;
  /** GITHUB_ACTION: the step's id (or `__owner_repo` when the step has none). */
  action?: string;
  /** The login that triggered the run. */
  actor?: string;
  eventName?: string;
  /** The file that holds the event payload. */
  eventPath?: string;
  /** The checkout folder. */
  workspace?: string;
  /** The pull request whose merge ref this run checked out (`refs/pull/N/…`). */
  pullRequest?: number;
  /** Web URL of the GitHub server, without a trailing slash (default https://github.com). */
  serverUrl: string;
  /** REST API URL, without a trailing slash (default https://api.github.com; GHES: `<host>/api/v3`). */
  apiUrl: string;
  /** Link to the workflow run, when the repository and run id are known. */
  runUrl?: string;
}

type Env = Record<string, string | undefined>;

/** The variable each field comes from: a declarative table, read by readRunIdentity and written by identityVariables. */
const VARIABLES = {
  repository: 'GITHUB_REPOSITORY',
  commit: 'GITHUB_SHA',
  ref: 'GITHUB_REF',
  workflow: 'GITHUB_WORKFLOW',
  runId: 'GITHUB_RUN_ID',
  runAttempt: 'GITHUB_RUN_ATTEMPT',
  job: 'GITHUB_JOB',
  action: 'GITHUB_ACTION',
  actor: 'GITHUB_ACTOR',
  eventName: 'GITHUB_EVENT_NAME',
  eventPath: 'GITHUB_EVENT_PATH',
  workspace: 'GITHUB_WORKSPACE',
  serverUrl: 'GITHUB_SERVER_URL',
  apiUrl: 'GITHUB_API_URL',
} as const satisfies Partial<Record<keyof RunIdentity, string>>;

type VariableField = keyof typeof VARIABLES;

export const DEFAULT_SERVER_URL = 'https://github.com';
export const DEFAULT_API_URL = 'https://api.github.com';

/** The value, trimmed; absent when unset or blank. */
function given(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** `123` from `refs/pull/123/merge`. */
function pullRequestOfRef(ref: string | undefined): number | undefined {
  const digits = ref ? /^refs\/pull\/(\d+)\//.exec(ref)?.[1] : undefined;
  return digits === undefined ? undefined : Number(digits);
}

/** The run's identity from GitHub Actions' variables (process.env in an entry point; the envelope in the runner). */
export function readRunIdentity(env: Env): RunIdentity {
  const read: Partial<Record<VariableField, string>> = {};
  for (const [field, name] of Object.entries(VARIABLES) as [VariableField, string][]) {
    const value = given(env, name);
    if (value !== undefined) read[field] = value;
  }
  const serverUrl = (read.serverUrl ?? DEFAULT_SERVER_URL).replace(/\/+$/, '');
  const apiUrl = (read.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const pullRequest = pullRequestOfRef(read.ref);
  const { repository, runId } = read;
  return {
    ...read,
    serverUrl,
    apiUrl,
    ...(pullRequest !== undefined ? { pullRequest } : {}),
    ...(repository && runId ? { runUrl: `${serverUrl}/${repository}/actions/runs/${runId}` } : {}),
  };
}

/** No GitHub Actions run: a laptop, a test. */
export const NO_RUN_IDENTITY: RunIdentity = readRunIdentity({});

/** The GITHUB_* variables of `fields` that the identity holds, to hand the identity to another process. */
export function identityVariables(identity: RunIdentity, fields: readonly VariableField[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = identity[field];
    if (value !== undefined && value !== '') out[VARIABLES[field]] = value;
  }
  return out;
}

/** `<run id>-<attempt>`, which tags a remote job with the run that created it; undefined outside GitHub Actions. */
export function runAttemptKey(identity: RunIdentity): string | undefined {
  return identity.runId ? `${identity.runId}-${identity.runAttempt ?? '1'}` : undefined;
}
