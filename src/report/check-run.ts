// What the check run shows: a title with the verdict that fits the checks box, the job summary's Markdown with a
// link to its charts instead of Mermaid (which GitHub does not document for check runs), the machine-readable result
// in the text, and annotations on failure at the metric's line. Pure; sizes within GitHub's limits.
import type { RegistrationOutcome, ServeReport } from '../serving.js';
import { costLabel } from '../cost/index.js';
import type { Outcome } from '../gate/conclusion.js';
import type { GateReport, MetricGate } from '../gate/evaluate.js';
import { reusedTitlePrefix } from './reused.js';
import type { TrainingResult } from '../result.js';
import { chartPoints, downsample, MAX_CHARTS, MIN_CHART_POINTS } from './chart.js';
import { clip, escapeInline, formatNumber, inlineCode } from './format.js';
import type { RunLinks } from './links.js';
import type { BaselineContext } from './metrics-table.js';
import { embedResult } from './result-marker.js';
import { summaryMarkdown, type SummaryRequest } from './summary.js';
import { CHECK_TITLE_VISIBLE_CHARS, verdictTitle } from './verdict.js';

/** GitHub's limit for a check run's output summary and text, in characters. */
export const CHECK_TEXT_MAX_CHARS = 65_535;
/** The API documents no limit for the title; the checks box shows about this much (see verdict.ts). */
export const CHECK_TITLE_MAX_CHARS = CHECK_TITLE_VISIBLE_CHARS;
/** At most this many annotations per request. */
export const MAX_ANNOTATIONS = 50;
/** Annotation message limit (64 KB). */
const ANNOTATION_MESSAGE_MAX_BYTES = 64 * 1024 - 1;

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title?: string;
  message: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: Annotation[];
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

export interface CompletedCheckOptions extends BaselineContext {
  result: TrainingResult;
  request: SummaryRequest;
  gate: GateReport;
  outcome: Outcome;
  /** The commit the check run is on (embedded in the result). */
  sha: string;
  /** Repository-relative path annotations point at (the configuration file); none without one. */
  annotationPath?: string;
  /** Where the run happened on GitHub, for the run's details and links. */
  links?: RunLinks;
  /** The job summary that holds the charts (the workflow run's page), linked from the check. */
  chartsUrl?: string;
  /** The serve smoke test, when one ran. */
  serve?: ServeReport;
  /** The model registry's version, or why there is none. */
  registration?: RegistrationOutcome;
}

/** The check's title: the verdict and the gated metrics, short enough for the checks box. */
export function checkTitle(
  o: Pick<CompletedCheckOptions, 'result' | 'gate' | 'outcome' | 'baseBranch' | 'serve'>,
): string {
  const { result, gate } = o;
  let title = `${reusedTitlePrefix(result)}${verdictTitle(result, gate, o.outcome, undefined, o.serve)}`;
  // A max-regression gate that had nothing to compare with did not check regressions: say so where it shows.
  if (result.status === 'Completed' && !gate.baseline && gate.metrics.some((m) => m.maxRegression !== undefined)) {
    title = `${title} · no baseline on ${o.baseBranch ?? 'the base branch'}`;
  }
  return clip(title, CHECK_TITLE_MAX_CHARS);
}

function clipMessage(text: string): string {
  let out = text;
  while (Buffer.byteLength(out, 'utf8') > ANNOTATION_MESSAGE_MAX_BYTES) out = clip(out, Math.floor(out.length * 0.9));
  return out;
}

/** `below threshold 0.9; regressed by 0.233 against main at abc1234 (0.953; allowed 0.01)` */
function gateMessage(m: MetricGate, o: CompletedCheckOptions): string {
  const base = o.gate.baseline;
  const against = base ? ` against ${o.baseBranch ?? 'the base'} at ${base.sha.slice(0, 7)}` : '';
  const notes = m.notes.map((note) => {
    if (note === 'not reported') return 'not reported: no log line matched its regex';
    const regressed = /^regressed by (\S+) \(allowed (.+)\)$/.exec(note);
    if (regressed && m.base !== undefined) {
      return `regressed by ${regressed[1]}${against} (base ${formatNumber(m.base)}, allowed ${regressed[2]})`;
    }
    return note;
  });
  const value = m.value === undefined ? '' : ` is ${formatNumber(m.value)}:`;
  return `${m.name}${value || ':'} ${notes.join('; ')}.`;
}

/**
 * Annotations on the configuration: a failed training gets one with its reason; a failed gate one per failed metric,
 * at the metric's line. A failed training's missing metrics are not annotated: the failure says why.
 */
function annotations(o: CompletedCheckOptions): Annotation[] | undefined {
  if (!o.annotationPath || o.outcome.conclusion === 'success') return undefined;
  const at = (line = 1) => ({ path: o.annotationPath as string, start_line: line, end_line: line });
  if (o.result.status === 'Failed' || o.result.status === 'Stopped') {
    const stopped = o.result.status === 'Stopped';
    return [
      {
        ...at(),
        annotation_level: stopped ? 'warning' : 'failure',
        title: clip(`Training job ${o.result.jobName} ${stopped ? 'stopped' : 'failed'}`, 255),
        message: clipMessage(
          o.result.failureReason ?? 'No failure reason was reported; the log tail is in the summary.',
        ),
      },
    ];
  }
  const lines = new Map(o.request.metrics.map((m) => [m.name, m.line]));
  return o.gate.metrics
    .filter((m) => m.verdict === 'fail')
    .slice(0, MAX_ANNOTATIONS)
    .map((m) => ({
      ...at(lines.get(m.name)),
      annotation_level: 'failure' as const,
      title: clip(`${m.name} failed the gate`, 255),
      message: clipMessage(gateMessage(m, o)),
    }));
}

/** ` Estimated cost ≈ $1.23 (approximate, built-in price table); spot savings 70%.`, or nothing. */
function costSentence(result: TrainingResult): string {
  const parts: string[] = [];
  if (result.cost) parts.push(`Estimated cost ${costLabel(result.cost)}`);
  if (result.spotSavingsPercent !== undefined) {
    parts.push(`${parts.length > 0 ? 'spot' : 'Spot'} savings ${formatNumber(result.spotSavingsPercent)}%`);
  }
  return parts.length > 0 ? ` ${parts.join('; ')}.` : '';
}

/** The charted values of the configured metrics, for later runs to draw as their base line. */
function chartedSeries(result: TrainingResult, request: SummaryRequest): Record<string, number[]> | undefined {
  const out: Record<string, number[]> = {};
  for (const { name } of request.metrics.slice(0, MAX_CHARTS)) {
    const points = chartPoints(result.metricSeries[name] ?? []);
    if (points.length >= MIN_CHART_POINTS) out[name] = downsample(points).map((p) => p.value);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The output of a finished run's check run. */
export function completedCheckOutput(o: CompletedCheckOptions): CheckOutput {
  const { result, request } = o;
  const summary = summaryMarkdown(result, request, {
    ...pickBaselineContext(o),
    maxBytes: CHECK_TEXT_MAX_CHARS,
    gate: o.gate,
    charts: false,
    ...(o.chartsUrl !== undefined ? { chartsUrl: o.chartsUrl } : {}),
    links: { ...o.links, sha: o.sha },
    ...(o.serve ? { serve: o.serve } : {}),
    ...(o.registration ? { registration: o.registration } : {}),
  });
  const series = result.status === 'Completed' ? chartedSeries(result, request) : undefined;
  const marker = embedResult({
    version: 1,
    status: result.status,
    jobName: result.jobName,
    sha: o.sha,
    metrics: result.metrics,
    conclusion: o.outcome.conclusion,
    ...(series ? { series } : {}),
  });
  const text = clip(
    `${marker}\n\nTraining job ${inlineCode(result.jobName)} on ${inlineCode(o.sha)}.${costSentence(result)}`,
    CHECK_TEXT_MAX_CHARS,
  );
  const list = annotations(o);
  return {
    title: checkTitle(o),
    summary,
    // The marker is what later runs read: if even it does not fit, leave the text out rather than cut it.
    ...(text.startsWith(marker) ? { text } : {}),
    ...(list && list.length > 0 ? { annotations: list } : {}),
  };
}

function pickBaselineContext(o: BaselineContext): BaselineContext {
  return {
    ...(o.baseBranch !== undefined ? { baseBranch: o.baseBranch } : {}),
    ...(o.baselineMissing !== undefined ? { baselineMissing: o.baselineMissing } : {}),
    ...(o.baselineFoundBy !== undefined ? { baselineFoundBy: o.baselineFoundBy } : {}),
    ...(o.pullRequest !== undefined ? { pullRequest: o.pullRequest } : {}),
  };
}

/** Training skipped on purpose (neutral). */
export function skippedCheckOutput(reason: string): CheckOutput {
  return {
    title: clip(oneLine(`Training skipped: ${reason}`), CHECK_TITLE_MAX_CHARS),
    summary: clip(`## ⏭️ Training skipped\n\n${escapeInline(reason)}\n`, CHECK_TEXT_MAX_CHARS),
  };
}

/** Nothing could run (an invalid configuration, an unreachable engine). */
/** A configuration problem, for annotations: `where` is its YAML path and line (`job.max-runtime (line 7)`). */
export interface LocatedProblem {
  where: string;
  message: string;
}

/** Annotations on the configuration file: one per problem at its line, the rest (and a plain reason) at line 1. */
function configAnnotations(reason: string, path: string, problems: readonly LocatedProblem[]): Annotation[] {
  const located = problems.flatMap((p) => {
    const match = /^(.*) \(line (\d+)\)$/.exec(p.where);
    return match ? [{ key: match[1] as string, line: Number(match[2]), message: p.message }] : [];
  });
  const annotation = (line: number, title: string, message: string): Annotation => ({
    path,
    start_line: line,
    end_line: line,
    annotation_level: 'failure',
    title: clip(title, 255),
    message: clipMessage(message),
  });
  if (located.length === 0) return [annotation(1, 'Training could not run', reason)];
  const annotations = located.map((p) => annotation(p.line, `Invalid configuration: ${p.key}`, p.message));
  if (located.length < problems.length) annotations.push(annotation(1, 'Training could not run', reason));
  return annotations.slice(0, MAX_ANNOTATIONS);
}

export function errorCheckOutput(
  reason: string,
  annotationPath?: string,
  problems: readonly LocatedProblem[] = [],
): CheckOutput {
  return {
    title: clip(oneLine(`Training could not run: ${reason}`), CHECK_TITLE_MAX_CHARS),
    summary: clip(
      `## ❌ Training could not run\n\n\`\`\`text\n${reason.replace(/```/g, "'''")}\n\`\`\`\n`,
      CHECK_TEXT_MAX_CHARS,
    ),
    ...(annotationPath ? { annotations: configAnnotations(reason, annotationPath, problems) } : {}),
  };
}

const PHASES: Record<string, string> = {
  starting: 'Starting',
  building: 'Building the image',
  preparing: 'Preparing the image',
  pushing: 'Pushing the image',
  launching: 'Launching the training job',
  training: 'Training',
  reporting: 'Reporting',
};

/** The output of a check run in progress. */
export function progressCheckOutput(phase: string, jobName?: string): CheckOutput {
  const words = PHASES[phase] ?? phase;
  const job = jobName ? ` ${inlineCode(jobName)}` : '';
  return {
    title: clip(`${words}…`, CHECK_TITLE_MAX_CHARS),
    summary: `## ⏳ ${escapeInline(words)}${job}\n\nThe result appears here when the run finishes.\n`,
  };
}

export const COMMENT_MARKER_PREFIX = 'sagemaker-train:comment';

/** The hidden marker that identifies our sticky comment for one check name. */
export function commentMarker(checkName: string): string {
  return `<!-- ${COMMENT_MARKER_PREFIX} ${checkName.replace(/-->/g, '')} -->`;
}

/** GitHub's limit for an issue comment body. */
export const COMMENT_MAX_CHARS = 65_536;

/** The sticky pull request comment: the marker, then the summary (already within limits). */
export function commentBody(checkName: string, summary: string): string {
  const marker = commentMarker(checkName);
  return `${marker}\n${clip(summary, COMMENT_MAX_CHARS - marker.length - 1)}`;
}
