// One check run's lifecycle: created in_progress on the right commit as early as possible, updated when the phase
// changes (at most once a minute), completed with a conclusion. A failing GitHub API never breaks the run: every
// problem is a warning, and a token without `checks: write` turns the reporter off after one explained warning.
import type { Conclusion } from '../gate/conclusion.js';
import type { Logger } from '../logger.js';
import { progressCheckOutput, type CheckOutput } from '../report/check-run.js';
import { describeGithubError, errorText, type GitHub } from './client.js';

export interface CheckRunOptions {
  github: GitHub;
  owner: string;
  repo: string;
  /** The check's name: what branch protection requires. Stable. */
  name: string;
  sha: string;
  logger: Logger;
  /** Milliseconds since the epoch (injectable for tests). */
  now?: () => number;
  /** Least time between two phase updates (default one minute). */
  minUpdateIntervalMs?: number;
  detailsUrl?: string;
  externalId?: string;
}

/** The check's name unless `check-name` says otherwise: what branch protection requires. */
export const DEFAULT_CHECK_NAME = 'sagemaker-training';

export const DEFAULT_UPDATE_INTERVAL_MS = 60_000;

export class CheckRun {
  id: number | undefined;
  url: string | undefined;
  /** The GitHub App that created it (15368: the workflow token's github-actions): only it may complete the run. */
  appId: number | undefined;
  /** That App's slug: its comments are written by `<slug>[bot]`. */
  appSlug: string | undefined;
  /** Why the check run is not posted, once that is known for good (the token lacks the permission). */
  disabled: string | undefined;
  private lastUpdate = Number.NEGATIVE_INFINITY;
  private lastPhase: string | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly o: CheckRunOptions) {
    this.now = o.now ?? Date.now;
  }

  private get where() {
    return { owner: this.o.owner, repo: this.o.repo };
  }

  private warn(action: string, err: unknown): void {
    const info = describeGithubError(err);
    if (/can only be modified by the GitHub App that created it/.test(info.message)) {
      this.disabled = `another GitHub App created it (${errorText(info)}); create and complete it with the same App`;
      this.o.logger.warning(`The check run was not updated: ${this.disabled}.`);
      return;
    }
    if (info.kind === 'permission') {
      this.disabled = `the token cannot ${action} (${errorText(info)}); give the job \`permissions: checks: write\``;
      this.o.logger.warning(`The check run was not posted: ${this.disabled}.`);
      return;
    }
    const what = info.kind === 'rate-limit' ? 'GitHub rate limit' : 'GitHub API error';
    this.o.logger.warning(`Could not ${action} (${what}: ${errorText(info)}); the result is in the job summary.`);
  }

  /** Creates the check run in_progress. Returns its id, or undefined when it could not be created. */
  async start(phase = 'starting'): Promise<number | undefined> {
    try {
      const { data } = await this.o.github.request('POST /repos/{owner}/{repo}/check-runs', {
        ...this.where,
        name: this.o.name,
        head_sha: this.o.sha,
        status: 'in_progress',
        started_at: new Date(this.now()).toISOString(),
        ...(this.o.detailsUrl ? { details_url: this.o.detailsUrl } : {}),
        ...(this.o.externalId ? { external_id: this.o.externalId } : {}),
        output: progressCheckOutput(phase),
      });
      this.id = Number(data.id);
      this.url = data.html_url ?? undefined;
      this.appId = data.app?.id;
      this.appSlug = data.app?.slug;
      this.lastUpdate = this.now();
      this.lastPhase = phase;
      this.o.logger.info(
        `Check run "${this.o.name}" created on ${this.o.sha.slice(0, 7)}${this.url ? `: ${this.url}` : ''}`,
      );
      return this.id;
    } catch (err) {
      this.warn('create the check run', err);
      return undefined;
    }
  }

  /** Reports a new phase, unless the last update was less than the interval ago. Never waits, never throws. */
  phase(phase: string, jobName?: string): void {
    if (this.id === undefined || this.disabled || phase === this.lastPhase) return;
    const now = this.now();
    if (now - this.lastUpdate < (this.o.minUpdateIntervalMs ?? DEFAULT_UPDATE_INTERVAL_MS)) return;
    this.lastUpdate = now;
    this.lastPhase = phase;
    const id = this.id;
    this.queue = this.queue.then(async () => {
      try {
        await this.o.github.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
          ...this.where,
          check_run_id: id,
          status: 'in_progress',
          output: progressCheckOutput(phase, jobName),
        });
      } catch (err) {
        this.warn('update the check run', err);
      }
    });
  }

  /**
   * Replaces the output now, leaving the check run in progress (a detached run: the runner completes it later). Waits
   * for any queued phase update so it cannot land after this. True when GitHub has it. Never throws.
   */
  async update(output: CheckOutput): Promise<boolean> {
    await this.queue;
    if (this.id === undefined || this.disabled) return false;
    this.lastPhase = undefined;
    try {
      await this.o.github.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        ...this.where,
        check_run_id: this.id,
        status: 'in_progress',
        output,
      });
      return true;
    } catch (err) {
      this.warn('update the check run', err);
      return false;
    }
  }

  /** Completes the check run (creating it completed if it could not be created before). True when GitHub has it. */
  async complete(conclusion: Conclusion, output: CheckOutput): Promise<boolean> {
    await this.queue;
    if (this.disabled) return false;
    const body = {
      status: 'completed' as const,
      conclusion,
      completed_at: new Date(this.now()).toISOString(),
      output,
    };
    try {
      if (this.id !== undefined) {
        await this.o.github.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
          ...this.where,
          check_run_id: this.id,
          ...body,
        });
      } else {
        const { data } = await this.o.github.request('POST /repos/{owner}/{repo}/check-runs', {
          ...this.where,
          name: this.o.name,
          head_sha: this.o.sha,
          ...(this.o.detailsUrl ? { details_url: this.o.detailsUrl } : {}),
          ...(this.o.externalId ? { external_id: this.o.externalId } : {}),
          ...body,
        });
        this.id = Number(data.id);
        this.url = data.html_url ?? undefined;
      }
      this.o.logger.info(`Check run "${this.o.name}" completed: ${conclusion}`);
      return true;
    } catch (err) {
      this.warn('complete the check run', err);
      return false;
    }
  }
}

/**
 * The post step's job: a check run the main step left in_progress. Cancelled when the main step was killed; with the
 * conclusion the main step reached when only posting it failed (the details are then in the job summary).
 */
export async function cancelCheckRun(options: {
  github: GitHub;
  owner: string;
  repo: string;
  checkRunId: number;
  conclusion?: Conclusion;
  now?: () => number;
}): Promise<void> {
  const conclusion = options.conclusion ?? 'cancelled';
  const output =
    conclusion === 'cancelled'
      ? {
          title: 'Cancelled',
          summary: '## ⏹️ Cancelled\n\nThe workflow run was cancelled before the training finished.\n',
        }
      : {
          title: `Training finished: ${conclusion}`,
          summary: `The result could not be posted here; it is in the workflow run's job summary.\n`,
        };
  await options.github.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    owner: options.owner,
    repo: options.repo,
    check_run_id: options.checkRunId,
    status: 'completed',
    conclusion,
    completed_at: new Date((options.now ?? Date.now)()).toISOString(),
    output,
  });
}
