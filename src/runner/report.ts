// Detached mode: the action returned while the job ran, leaving its check run in_progress. Once the job ended (and
// result.json is written) the runner does what the action's main step does when it reports: baseline, gates,
// conclusion, completed check run, with a GitHub App installation token. Never throws: a failure is logged.
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

import { baselinePolicy, judgeTraining } from '../gate/conclusion.js';
import { lookUpBaseline } from '../github/baseline.js';
import { CheckRun } from '../github/check-run.js';
import type { CreateGithubOptions, GitHub } from '../github/client.js';
import type { Logger } from '../logger.js';
import { completedCheckOutput } from '../report/check-run.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import type { DetachedReport } from './envelope.js';
import { installationToken, readAppSecret, secretRegion, type InstallationTokenOptions } from './github-app.js';
import { messageOf } from '../error-message.js';

export interface DetachedReportOptions {
  report: DetachedReport;
  request: Pick<TrainingRequest, 'metrics' | 'region' | 'gate'>;
  result: TrainingResult;
  logger: Logger;
  secrets: (region: string) => Promise<SecretsManagerClient>;
  /** Default: src/github/client.ts createGithub. */
  createGithub?: (options: CreateGithubOptions) => Promise<GitHub>;
  /** Default: installationToken (App JWT → installation → token). */
  installationToken?: (options: InstallationTokenOptions) => Promise<string>;
  /** Milliseconds since the epoch, for the check run's timestamps. */
  now?: () => number;
}

/** Completes the check run with the result. True when GitHub has it. */
export async function reportDetached(o: DetachedReportOptions): Promise<boolean> {
  const { report, logger, result, request } = o;
  let github: GitHub;
  try {
    const region = secretRegion(report.appSecret) ?? request.region;
    const app = await readAppSecret(await o.secrets(region), report.appSecret, logger);
    const token = await (o.installationToken ?? installationToken)({
      apiUrl: report.apiUrl,
      owner: report.owner,
      repo: report.repo,
      app,
      logger,
    });
    const create = o.createGithub ?? (await import('../github/client.js')).createGithub;
    github = await create({ token, baseUrl: report.apiUrl, logger });
  } catch (err) {
    logger.error(
      `Could not complete check run ${report.checkRunId} on ${report.owner}/${report.repo}: no GitHub token ` +
        `(${messageOf(err)}). The result is in result.json; the check run stays in progress.`,
    );
    return false;
  }

  const lookup = await lookUpBaseline({
    github,
    owner: report.owner,
    repo: report.repo,
    ...(report.baseBranch ? { branch: report.baseBranch } : {}),
    checkName: report.checkName,
    depth: report.baselineDepth,
    skipSha: report.sha,
    logger,
  });
  const { gate, outcome } = judgeTraining(request.metrics, result, lookup.baseline, baselinePolicy(request, lookup));
  const check = new CheckRun({
    github,
    owner: report.owner,
    repo: report.repo,
    name: report.checkName,
    sha: report.sha,
    logger,
    ...(o.now ? { now: o.now } : {}),
    ...(report.runUrl ? { detailsUrl: report.runUrl } : {}),
  });
  // The action created it in_progress: complete that one, never a second.
  check.id = report.checkRunId;
  const posted = await check.complete(
    outcome.conclusion,
    completedCheckOutput({
      result,
      request,
      gate,
      outcome,
      sha: report.sha,
      ...(report.baseBranch ? { baseBranch: report.baseBranch } : {}),
      ...(lookup.missing !== undefined ? { baselineMissing: lookup.missing } : {}),
      ...(report.annotationPath ? { annotationPath: report.annotationPath } : {}),
    }),
  );
  if (!posted) logger.error(`Check run ${report.checkRunId} was not completed; the result is in result.json.`);
  else if (outcome.reason) logger.info(`Gate: ${outcome.reason}`);
  return posted;
}

/**
 * Before the job is launched: the App in the secret must be the one that created the check run, or the runner could
 * never complete it (GitHub lets only the creating App change a check run). Why not, or undefined when it is.
 * A secret it cannot read is left to the report, which says so.
 */
export async function reportingAppMismatch(
  o: Pick<DetachedReportOptions, 'report' | 'logger' | 'secrets'> & { region: string },
): Promise<string | undefined> {
  const { report } = o;
  if (report.checkRunAppId === undefined) return undefined;
  let appId: string;
  try {
    const region = secretRegion(report.appSecret) ?? o.region;
    appId = (await readAppSecret(await o.secrets(region), report.appSecret, o.logger)).appId;
  } catch {
    return undefined;
  }
  if (Number(appId) === report.checkRunAppId) return undefined;
  return (
    `check run ${report.checkRunId} was created by GitHub App ${report.checkRunAppId}, but ${report.appSecret} holds ` +
    `App ${appId}: only the App that created a check run may complete it. Give the action that App's installation ` +
    `token as github-token (actions/create-github-app-token), or store that App in the secret`
  );
}
