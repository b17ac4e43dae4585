// wait: false in fargate mode: what the main step hands the runner (the check run it completes, through a GitHub App)
// and what it reports itself when it returns while the job goes on. Pure.
import type { GithubContext } from '../github/context.js';
import type { CheckOutput } from '../report/check-run.js';
import { inlineCode } from '../report/format.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import type { DetachedReport } from '../backends/fargate/contract.js';
import type { ActionInputs } from './inputs.js';

/** The workflow token's App (github-actions). */
export const WORKFLOW_APP_ID = 15368;

/**
 * GitHub lets only the App that created a check run change it: one created with the workflow token can never be
 * completed by the runner's App, and would stay in progress until GitHub marks it stale.
 */
export const WORKFLOW_TOKEN_CHECK =
  'wait: false: the check run was created with the workflow token (the github-actions app), which the runner’s GitHub ' +
  'App cannot complete (GitHub: "check run can only be modified by the GitHub App that created it"); pass the App’s ' +
  'installation token as github-token (actions/create-github-app-token with the App of fargate.github-app-secret)';

export interface DetachedReportOptions {
  request: TrainingRequest;
  context: GithubContext | undefined;
  checkRunId: number | undefined;
  /** The App that created the check run (from GitHub's answer). */
  checkRunAppId?: number | undefined;
  inputs: Pick<ActionInputs, 'gate'>;
  annotationPath: string | undefined;
}

/**
 * The report the runner needs to complete the check run, or why there is none (no check run, or no GitHub App secret
 * to authenticate with once the workflow's token is gone).
 */
export type DetachedReportOrWhyNot = { report: DetachedReport } | { missing: string } | { refuse: string };

export function detachedReport(o: DetachedReportOptions): DetachedReportOrWhyNot {
  const secret = o.request.fargate?.githubAppSecret;
  if (!o.context || o.checkRunId === undefined) return { missing: 'no check run was created' };
  if (!secret) return { missing: 'fargate.github-app-secret is not set, so the runner cannot authenticate to GitHub' };
  if (o.checkRunAppId === WORKFLOW_APP_ID) return { refuse: WORKFLOW_TOKEN_CHECK };
  return {
    report: {
      apiUrl: o.context.apiUrl,
      owner: o.context.owner,
      repo: o.context.repo,
      sha: o.context.sha,
      checkRunId: o.checkRunId,
      ...(o.checkRunAppId !== undefined ? { checkRunAppId: o.checkRunAppId } : {}),
      checkName: o.inputs.gate.checkName,
      ...(o.context.baseBranch ? { baseBranch: o.context.baseBranch } : {}),
      baselineDepth: o.inputs.gate.baselineDepth,
      appSecret: secret,
      ...(o.annotationPath ? { annotationPath: o.annotationPath } : {}),
      ...(o.context.runUrl ? { runUrl: o.context.runUrl } : {}),
    },
  };
}

function facts(result: TrainingResult): string {
  const rows: [string, string][] = [
    ['Training job', inlineCode(result.jobName)],
    ['Runner task', result.taskArn ? inlineCode(result.taskArn) : 'unknown'],
    ['Result', result.detached ? inlineCode(result.detached.resultUri) : 'unknown'],
    ['Instances', `${inlineCode(result.instanceType)} × ${result.instanceCount}`],
    ['Image', inlineCode(result.imageUri)],
  ];
  const links = result.links.map((l) => `[${l.label}](${l.url})`).join(' · ');
  return `| | |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n${links ? `\n${links}\n` : ''}`;
}

/** The job summary of a handed-off run. */
export function detachedSummary(result: TrainingResult, reporter: 'runner' | 'none'): string {
  const end =
    reporter === 'runner'
      ? `The runner completes check run ${result.detached?.checkRunId ?? ''} with the result when the job ends.`
      : 'No check run will report the end: read the result from the URI above when the job ends.';
  return `## ⏳ Training continues on AWS\n\nThe runner task started the job and watches it; this workflow step is done. ${end}\n\n${facts(result)}`;
}

/** The check run's in-progress output once the runner owns it. */
export function handedOffCheckOutput(result: TrainingResult): CheckOutput {
  return {
    title: 'Training on AWS: the runner reports the result',
    summary:
      `## ⏳ Training ${inlineCode(result.jobName)} continues on AWS\n\nThe Fargate runner task follows the job and ` +
      `completes this check run when it ends.\n\n${facts(result)}`,
  };
}
