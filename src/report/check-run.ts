// What the check run shows: a one-line title with the verdict, the same Markdown as the job summary, the
// machine-readable result in the text, and annotations on failure. Pure; sizes within GitHub's limits.
import { costLabel } from '../cost/index.js';
import type { Outcome } from '../gate/conclusion.js';
import { evaluateGates, type GateReport, type MetricGate } from '../gate/evaluate.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import { clip, escapeInline, formatDelta, formatNumber, inlineCode } from './format.js';
import { embedResult } from './result-marker.js';
import { summaryMarkdown } from './summary.js';

/** GitHub's limit for a check run's output summary and text, in characters. */
export const CHECK_TEXT_MAX_CHARS = 65_535;
/** The API documents no limit for the title; a long one is useless anyway. */
export const CHECK_TITLE_MAX_CHARS = 1000;
/** At most this many annotations per request. */
export const MAX_ANNOTATIONS = 50;
/** Annotation message limit (64 KB). */
const ANNOTATION_MESSAGE_MAX_BYTES = 64 * 1024 - 1;
const TITLE_METRICS = 4;

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

function metricPhrase(gate: MetricGate, baseBranch: string | undefined): string {
  const value = gate.value === undefined ? 'not reported' : formatNumber(gate.value);
  const extras: string[] = [];
  if (gate.delta !== undefined) extras.push(`${formatDelta(gate.delta)} vs ${baseBranch ?? 'base'}`);
  if (gate.verdict === 'fail') extras.push(...gate.notes.filter((n) => n !== 'not reported'));
  return `${gate.name} ${value}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

/** `accuracy 0.953 (+0.004 vs master) · loss 0.121`; failed metrics first. */
export function metricsTitle(gate: GateReport, baseBranch?: string): string {
  const ordered = [
    ...gate.metrics.filter((m) => m.verdict === 'fail'),
    ...gate.metrics.filter((m) => m.verdict !== 'fail'),
  ];
  const shown = ordered.slice(0, TITLE_METRICS).map((m) => metricPhrase(m, baseBranch));
  const more = ordered.length - shown.length;
  return [...shown, ...(more > 0 ? [`+${more} more`] : [])].join(' · ');
}

export interface CompletedCheckOptions {
  result: TrainingResult;
  request: Pick<TrainingRequest, 'metrics'>;
  gate: GateReport;
  outcome: Outcome;
  /** The commit the check run is on (embedded in the result). */
  sha: string;
  baseBranch?: string;
  baselineMissing?: string;
  /** Repository-relative path annotations point at (the configuration file); none without one. */
  annotationPath?: string;
}

export function checkTitle(o: Pick<CompletedCheckOptions, 'result' | 'gate' | 'outcome' | 'baseBranch'>): string {
  const { result, gate, outcome } = o;
  let title: string;
  if (result.status === 'Stopped') title = `Training stopped${result.failureReason ? `: ${result.failureReason}` : ''}`;
  else if (result.status === 'Failed')
    title = `Training failed${result.failureReason ? `: ${result.failureReason}` : ''}`;
  else {
    const metrics = metricsTitle(gate, o.baseBranch);
    title = outcome.gate === 'failed' ? `Gate failed · ${metrics}` : metrics || 'Training completed';
    // A max-regression gate that had nothing to compare with did not check regressions: say so where it shows.
    if (!gate.baseline && gate.metrics.some((m) => m.maxRegression !== undefined)) {
      title = `${title} · no baseline on ${o.baseBranch ?? 'the base branch'}`;
    }
  }
  return clip(oneLine(title), CHECK_TITLE_MAX_CHARS);
}

function clipMessage(text: string): string {
  let out = text;
  while (Buffer.byteLength(out, 'utf8') > ANNOTATION_MESSAGE_MAX_BYTES) out = clip(out, Math.floor(out.length * 0.9));
  return out;
}

function annotations(o: CompletedCheckOptions): Annotation[] | undefined {
  if (!o.annotationPath || o.outcome.conclusion === 'success') return undefined;
  const at = { path: o.annotationPath, start_line: 1, end_line: 1 } as const;
  const list: Annotation[] = [];
  if (o.result.status !== 'Completed') {
    const tail = o.result.logTail.slice(-20).join('\n');
    list.push({
      ...at,
      annotation_level: o.result.status === 'Stopped' ? 'warning' : 'failure',
      title: clip(`Training job ${o.result.jobName} ${o.result.status === 'Stopped' ? 'stopped' : 'failed'}`, 255),
      message: clipMessage(
        [
          o.result.failureReason ?? 'No failure reason was reported.',
          ...(tail ? ['', 'Last log lines:', tail] : []),
        ].join('\n'),
      ),
    });
  }
  for (const m of o.gate.metrics) {
    if (m.verdict !== 'fail') continue;
    list.push({
      ...at,
      annotation_level: 'failure',
      title: clip(`Metric ${m.name} failed the gate`, 255),
      message: clipMessage(`${metricPhrase(m, o.baseBranch)}: ${m.notes.join('; ')}`),
    });
  }
  return list.slice(0, MAX_ANNOTATIONS);
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

/** The output of a finished run's check run. */
export function completedCheckOutput(o: CompletedCheckOptions): CheckOutput {
  const summary = summaryMarkdown(o.result, o.request, {
    maxBytes: CHECK_TEXT_MAX_CHARS,
    gate: o.gate,
    ...(o.baseBranch !== undefined ? { baseBranch: o.baseBranch } : {}),
    ...(o.baselineMissing !== undefined ? { baselineMissing: o.baselineMissing } : {}),
  });
  const marker = embedResult({
    version: 1,
    status: o.result.status,
    jobName: o.result.jobName,
    sha: o.sha,
    metrics: o.result.metrics,
    conclusion: o.outcome.conclusion,
  });
  const text = clip(
    `${marker}\n\nTraining job ${inlineCode(o.result.jobName)} on ${inlineCode(o.sha)}.${costSentence(o.result)}`,
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

/** A check run with thresholds only, for callers without a gate report. */
export function defaultGate(result: TrainingResult, request: Pick<TrainingRequest, 'metrics'>): GateReport {
  return evaluateGates({ specs: request.metrics, metrics: result.metrics });
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
