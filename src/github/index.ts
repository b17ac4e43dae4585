export { createGithub, describeGithubError, errorText, DEFAULT_API_URL, type GitHub } from './client.js';
export { githubContext, type GithubContext, type PullRequestInfo } from './context.js';
export { CheckRun, cancelCheckRun, DEFAULT_UPDATE_INTERVAL_MS, type CheckRunOptions } from './check-run.js';
export {
  findBaseline,
  findBaselineSafely,
  DEFAULT_BASELINE_DEPTH,
  type BaselineLookup,
  type FindBaselineOptions,
} from './baseline.js';
export { upsertStickyComment } from './comment.js';
export { requireCheck, protectionBody, type ProtectOutcome } from './protect.js';
