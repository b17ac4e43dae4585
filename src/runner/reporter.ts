// The runner's reporter: result.json beside request.json first (the action, or whoever reads the result, waits on it),
// then, in detached mode, the check run the action left in progress, completed as the GitHub App.
import type { S3Client } from '@aws-sdk/client-s3';

import { putJsonObject } from '../aws/s3.js';
import type { RunnerEnvelope } from '../backends/fargate/contract.js';
import { parseS3Uri } from '../config/locations.js';
import { messageOf } from '../error-message.js';
import type { BaselineLookup } from '../github/baseline.js';
import type { GitHub } from '../github/client.js';
import type { Logger } from '../logger.js';
import type { Judged, Reporter } from '../pipeline/reporter.js';
import type { BaselineSource } from '../pipeline/train-and-judge.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import { State } from '../state.js';
import { appGithub, completeDetachedCheck, lookUpDetachedBaseline, type AppGithubOptions } from './report.js';

export interface RunnerReporterOptions {
  envelope: RunnerEnvelope;
  /** Where result.json goes (beside request.json). */
  resultUri: string;
  logger: Logger;
  s3: (region: string) => Promise<S3Client>;
  /** The runner's own task ARN, read while the job runs. */
  taskArn: Promise<string | undefined>;
  /** The App's client for detached mode (secret, token, Octokit). */
  app: Omit<AppGithubOptions, 'report' | 'region' | 'logger'>;
  now?: () => number;
}

export class RunnerReporter implements Reporter {
  /** The job's name from the moment it is chosen (capacity retries rename it): what a crash must stop. */
  jobName: string | undefined;
  /** False when result.json could not be written: the runner then exits with an error. */
  written = true;
  private github: Promise<GitHub | undefined> | undefined;

  constructor(private readonly o: RunnerReporterOptions) {}

  saveState(key: State, value: string): void {
    // The pipeline and the backend report the job's name before CreateTrainingJob (and clear it when it was refused).
    if (key === State.JobName) this.jobName = value || undefined;
  }

  /** Writes result.json; true when S3 has it. Also the crash handler's way out. */
  async write(result: TrainingResult): Promise<boolean> {
    const { logger, resultUri } = this.o;
    try {
      const s3 = await this.o.s3(this.o.envelope.request.region);
      await putJsonObject(s3, parseS3Uri(resultUri), `${JSON.stringify(result, null, 2)}\n`);
      logger.info(`Result written to ${resultUri}`);
      return true;
    } catch (err) {
      logger.error(`Could not write ${resultUri} (${messageOf(err)}). The result:\n${JSON.stringify(result)}`);
      return false;
    }
  }

  async recorded(_request: TrainingRequest, result: TrainingResult): Promise<void> {
    const arn = await this.o.taskArn;
    if (arn) result.taskArn = arn;
    this.written = await this.write(result);
  }

  /** Detached mode: the base branch's result, looked up once result.json is safe (the App's token is minted then). */
  baseline(): BaselineSource | undefined {
    const { report } = this.o.envelope;
    if (!report) return undefined;
    return {
      when: 'after',
      lookUp: async (): Promise<BaselineLookup> => {
        const github = await this.appGithub();
        return github
          ? lookUpDetachedBaseline(github, report, this.o.logger)
          : { missing: 'it was not looked up (no GitHub token)' };
      },
    };
  }

  async report(judged: Judged): Promise<void> {
    const { report } = this.o.envelope;
    if (!report) return;
    const github = await this.appGithub();
    if (!github) return;
    await completeDetachedCheck({
      github,
      report,
      judged,
      logger: this.o.logger,
      ...(this.o.now ? { now: this.o.now } : {}),
    });
  }

  private appGithub(): Promise<GitHub | undefined> {
    const { envelope, logger, app } = this.o;
    if (!envelope.report) return Promise.resolve(undefined);
    this.github ??= appGithub({ ...app, report: envelope.report, region: envelope.request.region, logger });
    return this.github;
  }
}
