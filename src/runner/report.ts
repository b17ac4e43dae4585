// Detached mode: the action returned while the job ran, leaving its check run in_progress. Once the job ended (and
// result.json is written) the runner does what the action does when it reports: the baseline, the gate, the
// completed check run, with a GitHub App installation token. Nothing here throws: a failure is logged.
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

import type { DetachedReport } from '../backends/fargate/contract.js';
import { messageOf } from '../error-message.js';
import { lookUpBaseline, type BaselineLookup } from '../github/baseline.js';
import { CheckRun } from '../github/check-run.js';
import type { CreateGithubOptions, GitHub } from '../github/client.js';
import type { Logger } from '../logger.js';
import type { Judged } from '../pipeline/reporter.js';
import { completedCheckOutput } from '../report/check-run.js';
import { runLinks } from '../report/links.js';
import { installationToken, readAppSecret, secretRegion, type InstallationTokenOptions } from './github-app.js';

export interface AppGithubOptions {
  report: DetachedReport;
  /** The request's region: where the App's secret is, unless its ARN says otherwise. */
  region: string;
  logger: Logger;
  secrets: (region: string) => Promise<SecretsManagerClient>;
  /** Default: src/github/client.ts createGithub. */
  createGithub?: (options: CreateGithubOptions) => Promise<GitHub>;
  /** Default: installationToken (App JWT → installation → token). */
  installationToken?: (options: InstallationTokenOptions) => Promise<string>;
}

/** A GitHub client acting as the App (its secret → an installation token), or undefined once the failure is logged. */
export async function appGithub(o: AppGithubOptions): Promise<GitHub | undefined> {
  const { report, logger } = o;
  try {
    const app = await readAppSecret(
      await o.secrets(secretRegion(report.appSecret) ?? o.region),
      report.appSecret,
      logger,
    );
    const token = await (o.installationToken ?? installationToken)({
      apiUrl: report.apiUrl,
      owner: report.owner,
      repo: report.repo,
      app,
      logger,
    });
    const create = o.createGithub ?? (await import('../github/client.js')).createGithub;
    return await create({ token, baseUrl: report.apiUrl, logger });
  } catch (err) {
    logger.error(
      `Could not complete check run ${report.checkRunId} on ${report.owner}/${report.repo}: no GitHub token ` +
        `(${messageOf(err)}). The result is in result.json; the check run stays in progress.`,
    );
    return undefined;
  }
}

/** The base branch's latest result, as the action would have looked it up. */
export function lookUpDetachedBaseline(
  github: GitHub,
  report: DetachedReport,
  logger: Logger,
): Promise<BaselineLookup> {
  return lookUpBaseline({
    github,
    owner: report.owner,
    repo: report.repo,
    ...(report.baseBranch ? { branch: report.baseBranch } : {}),
    checkName: report.checkName,
    depth: report.baselineDepth,
    skipSha: report.sha,
    logger,
  });
}

/** Completes the action's check run (never a second one) with the verdict. True when GitHub has it. */
export async function completeDetachedCheck(o: {
  github: GitHub;
  report: DetachedReport;
  judged: Judged;
  logger: Logger;
  /** Milliseconds since the epoch, for the check run's timestamps. */
  now?: () => number;
}): Promise<boolean> {
  const { report, judged, logger } = o;
  const check = new CheckRun({
    github: o.github,
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
    judged.outcome.conclusion,
    completedCheckOutput({
      result: judged.result,
      request: judged.request,
      gate: judged.gate,
      outcome: judged.outcome,
      sha: report.sha,
      ...(report.baseBranch ? { baseBranch: report.baseBranch } : {}),
      ...(judged.lookup.missing !== undefined ? { baselineMissing: judged.lookup.missing } : {}),
      ...(report.annotationPath ? { annotationPath: report.annotationPath } : {}),
      // No job summary holds this run's charts: the action returned before the job ended.
      links: runLinks({
        ...(report.runUrl ? { runUrl: report.runUrl } : {}),
        ...(report.annotationPath ? { configPath: report.annotationPath } : {}),
        region: judged.request.region,
      }),
    }),
  );
  if (!posted) logger.error(`Check run ${report.checkRunId} was not completed; the result is in result.json.`);
  else if (judged.outcome.reason) logger.info(`Gate: ${judged.outcome.reason}`);
  return posted;
}

/**
 * Before the job is launched: the App in the secret must be the one that created the check run, or the runner could
 * never complete it (GitHub lets only the creating App change a check run). Why not, or undefined when it is.
 * A secret it cannot read is left to the report, which says so.
 */
export async function reportingAppMismatch(
  o: Pick<AppGithubOptions, 'report' | 'logger' | 'secrets' | 'region'>,
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
