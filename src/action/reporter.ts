// The action's reporter: outputs and the job summary first (they never depend on GitHub), then the check run and the
// pull request comment. Also saves the post step's state the moment it exists.
import type { CheckRun } from '../github/check-run.js';
import { describeGithubError, errorText } from '../github/client.js';
import { botLogin, upsertStickyComment } from '../github/comment.js';
import type { Logger } from '../logger.js';
import type { Judged, Reporter } from '../pipeline/reporter.js';
import {
  actionOutputs,
  commentBody,
  commentMarker,
  completedCheckOutput,
  GateOutput,
  gateOutputs,
  Output,
  runLinks,
  servingOutputs,
  summaryMarkdown,
  type RunLinks,
} from '../report/index.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import { isStateKey, State } from '../state.js';
import { messageOf, type ActionsCore } from './core.js';
import { detachedSummary, handedOffCheckOutput, type DetachedReportOrWhyNot } from './detached.js';
import type { GithubSession } from './github-session.js';
import type { ActionInputs } from './inputs.js';
import { saveResult } from './save-result.js';

export interface ActionReporterOptions {
  core: ActionsCore;
  logger: Logger;
  session: GithubSession;
  inputs: ActionInputs;
  /** The configuration file as a repository path, for annotations. */
  annotationPath: string | undefined;
  /** wait: false: what the runner got to report the end with, or why it got nothing. */
  handOff?: DetachedReportOrWhyNot;
  /** The configuration's warnings (`where: message`), repeated in the job summary where a reader of the run sees them. */
  configWarnings?: readonly string[];
}

export class ActionReporter implements Reporter {
  constructor(private readonly o: ActionReporterOptions) {}

  saveState(key: State, value: string): void {
    const { core, logger } = this.o;
    // The runner task is an output the moment it exists, even if the step dies before reporting.
    if (key === State.TaskArn) core.setOutput(Output.TaskArn, value);
    // Only the known keys, none of which can hold a secret.
    if (isStateKey(key)) core.saveState(key, value);
    else logger.debug(`Not saving unknown state ${String(key)}`);
  }

  phase(phase: string, jobName: string | undefined): void {
    this.o.session.check?.phase(phase, jobName);
  }

  async report(judged: Judged): Promise<void> {
    // Everything the run started is gone: the post step has nothing left to clean up.
    this.o.core.saveState(State.Finished, 'true');
    await this.o.logger.group('Report', () => this.reportJudged(judged));
  }

  async handedOff(_request: TrainingRequest, result: TrainingResult): Promise<void> {
    this.o.core.saveState(State.Finished, 'true');
    await this.o.logger.group('Report', () => this.reportHandOff(result));
  }

  /** Where the run is on GitHub (repository, workflow run, commit, configuration), for the reports' links. */
  private links(request: Pick<TrainingRequest, 'mode' | 'region'>): RunLinks {
    return runLinks({
      ...this.o.session.context,
      ...(this.o.annotationPath ? { configPath: this.o.annotationPath } : {}),
      ...(request.mode !== 'local' ? { region: request.region } : {}),
    });
  }

  private setGateOutputs(judged: Judged): void {
    const { core, session } = this.o;
    const outputs = gateOutputs({
      outcome: judged.outcome,
      ...(session.check?.id !== undefined ? { checkRunId: session.check.id } : {}),
      ...(judged.lookup.baseline ? { baselineSha: judged.lookup.baseline.sha } : {}),
    });
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
    for (const [name, value] of Object.entries(servingOutputs(judged.serve, judged.registration)))
      core.setOutput(name, value);
  }

  private async reportJudged(judged: Judged): Promise<void> {
    const { core, session } = this.o;
    const { result, request, gate, lookup } = judged;
    const baseBranch = session.context?.baseBranch;
    for (const [name, value] of Object.entries(actionOutputs(result))) core.setOutput(name, value);
    this.setGateOutputs(judged);
    const summary = summaryMarkdown(result, request, {
      gate,
      links: this.links(request),
      ...(baseBranch ? { baseBranch } : {}),
      ...(lookup.missing !== undefined ? { baselineMissing: lookup.missing } : {}),
      ...(judged.serve ? { serve: judged.serve } : {}),
      ...(judged.registration ? { registration: judged.registration } : {}),
    });
    await writeSummary(core, summary + warningsSection(this.o.configWarnings));
    if (this.o.inputs.saveResult) await saveResult(this.o.inputs.saveResult, result, session.context, this.o.logger);
    const { check } = session;
    if (check && session.context) await this.completeCheck(check, judged, session.context.sha);
    await this.postComment(summary);
  }

  private async completeCheck(check: CheckRun, judged: Judged, sha: string): Promise<void> {
    const { core, session, annotationPath } = this.o;
    const { outcome, lookup } = judged;
    const baseBranch = session.context?.baseBranch;
    // Should completing fail, the post step completes the check run with this conclusion.
    core.saveState(State.CheckRunConclusion, outcome.conclusion);
    const before = check.id;
    const posted = await check.complete(
      outcome.conclusion,
      completedCheckOutput({
        result: judged.result,
        request: judged.request,
        gate: judged.gate,
        outcome,
        sha,
        ...(baseBranch ? { baseBranch } : {}),
        ...(lookup.missing !== undefined ? { baselineMissing: lookup.missing } : {}),
        ...(annotationPath ? { annotationPath } : {}),
        links: this.links(judged.request),
        ...(judged.serve ? { serve: judged.serve } : {}),
        ...(judged.registration ? { registration: judged.registration } : {}),
        // GitHub documents no Mermaid in check runs: the check links to the job summary's charts.
        ...(session.context?.runUrl ? { chartsUrl: session.context.runUrl } : {}),
      }),
    );
    if (posted) core.saveState(State.CheckRunDone, 'true');
    if (check.id !== before) this.setGateOutputs(judged);
  }

  private async postComment(summary: string): Promise<void> {
    const { inputs, session, logger } = this.o;
    const { github, context } = session;
    if (!inputs.gate.comment) return;
    if (session.deferred) {
      logger.info('No pull request comment from this run: the workflow_run workflow writes it.');
      return;
    }
    if (!github || !context?.pullRequest) {
      logger.info('No pull request comment: this run is not for a pull request, or has no token.');
      return;
    }
    try {
      const done = await upsertStickyComment({
        github,
        owner: context.owner,
        repo: context.repo,
        issueNumber: context.pullRequest.number,
        marker: commentMarker(inputs.gate.checkName),
        body: commentBody(inputs.gate.checkName, summary),
        author: botLogin(session.check?.appSlug),
      });
      logger.info(`Pull request comment ${done}.`);
    } catch (err) {
      const info = describeGithubError(err);
      const hint = info.kind === 'permission' ? '; give the job `permissions: pull-requests: write`' : '';
      logger.warning(`Could not comment on the pull request (${errorText(info)})${hint}.`);
    }
  }

  /**
   * wait: false: the runner owns the run now. Outputs and a short summary; the check run stays in progress for the
   * runner to complete. The step succeeds: the job has not ended.
   */
  private async reportHandOff(result: TrainingResult): Promise<void> {
    const { core, session, logger } = this.o;
    const handOff = this.o.handOff ?? { missing: 'no check run was created' };
    for (const [name, value] of Object.entries(actionOutputs(result))) core.setOutput(name, value);
    core.setOutput(GateOutput.Gate, '');
    core.setOutput(GateOutput.Conclusion, '');
    core.setOutput(GateOutput.CheckRunId, session.check?.id === undefined ? '' : String(session.check.id));
    core.setOutput(GateOutput.BaselineSha, '');
    const reporter = 'report' in handOff ? 'runner' : 'none';
    await writeSummary(core, detachedSummary(result, reporter) + warningsSection(this.o.configWarnings));
    // A check run always comes with a report (configuration refuses wait: false without fargate.github-app-secret).
    const check = session.check;
    if (check?.id !== undefined && 'report' in handOff) {
      await check.update(handedOffCheckOutput(result));
      // The runner completes it: the post step must not complete it as cancelled.
      core.saveState(State.CheckRunDone, 'true');
    }
    logger.info(
      `Training job ${result.jobName} continues in runner task ${result.taskArn ?? '?'}; its result will be at ` +
        `${result.detached?.resultUri ?? '?'}` +
        (reporter === 'runner' ? `, and the runner completes check run ${check?.id ?? ''}.` : '.'),
    );
  }
}

/** The configuration's warnings as a closing section of the job summary; nothing when there are none. */
export function warningsSection(warnings: readonly string[] = []): string {
  if (warnings.length === 0) return '';
  // Inline code keeps a key or a value from being read as Markdown or HTML. Bounded so that it fits in the room
  // the summary leaves below GitHub's 1 MiB (SUMMARY_MAX_BYTES): 15 items of at most 200 characters.
  const shown = warnings.slice(0, 15).map((w) => {
    const text = w.length > 200 ? `${w.slice(0, 199)}…` : w;
    return `- \`${text.replaceAll('`', "'")}\``;
  });
  const more = warnings.length > shown.length ? [`- … and ${warnings.length - shown.length} more (see the log)`] : [];
  return ['', '', '#### ⚠️ Configuration warnings', '', ...shown, ...more, ''].join('\n');
}

/** The job summary; a summary that cannot be written is a warning, never the step's failure. */
export async function writeSummary(core: ActionsCore, markdown: string): Promise<void> {
  try {
    await core.writeSummary(markdown);
  } catch (err) {
    core.warning(`Could not write the job summary: ${messageOf(err)}`);
  }
}
