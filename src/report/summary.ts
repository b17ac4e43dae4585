// The job summary (GITHUB_STEP_SUMMARY) for one run, as Markdown. Pure: result and request in, text out.
import type { TrainingRequest } from '../request.js';
import type { TrainingResult, TrainingStatus } from '../result.js';
import { clip, clipBytes, codeBlock, escapeInline, formatDuration, formatNumber, inlineCode } from './format.js';
import { metricRows, type MetricRow } from './verdicts.js';

/** GitHub accepts at most 1 MiB of job summary per step; keep a margin for what others append. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 4 * 1024;

export const TRUNCATION_MARKER =
  "> [!WARNING]\n> This summary was truncated to stay under GitHub's 1 MiB job summary limit; the full log is in the step's output.";

export interface SummaryOptions {
  /** Upper bound of the summary's UTF-8 size. */
  maxBytes?: number;
}

const HEADLINES: Record<TrainingStatus, string> = {
  Completed: '✅ Training completed',
  Failed: '❌ Training failed',
  Stopped: '⏹️ Training stopped',
};

const GOALS = { maximize: '↑ maximize', minimize: '↓ minimize' } as const;

const MAX_LOG_LINE_CHARS = 2000;
const VISIBLE_REASON_CHARS = 300;

interface RenderLimits {
  /** How many of the last log lines to show. */
  tailLines: number;
  /** How much of the failure reason to show in the details. */
  reasonChars: number;
}

function headline(result: TrainingResult): string {
  return `## ${HEADLINES[result.status]}: ${inlineCode(result.jobName)}`;
}

function facts(result: TrainingResult): string {
  const rows: [string, string][] = [
    [
      'Status',
      result.secondaryStatus && result.secondaryStatus !== result.status
        ? `${result.status} (${escapeInline(result.secondaryStatus)})`
        : result.status,
    ],
    ['Mode', result.mode],
    ['Image', inlineCode(result.imageUri)],
    ['Instances', `${inlineCode(result.instanceType)} × ${result.instanceCount}`],
    ['Duration', formatDuration(result.durationSeconds)],
  ];
  if (result.billableSeconds !== undefined) rows.push(['Billable', formatDuration(result.billableSeconds)]);
  if (result.hosts && result.hosts.length > 0) {
    const hosts = result.hosts.map(
      (h) => `${escapeInline(h.host)} (${h.exitCode === null ? 'no exit code' : `exit ${h.exitCode}`})`,
    );
    rows.push(['Hosts', hosts.join(', ')]);
  }
  rows.push(['Model artifacts', result.modelArtifacts ? inlineCode(result.modelArtifacts) : '—']);
  rows.push(['Output artifacts', result.outputArtifacts ? inlineCode(result.outputArtifacts) : '—']);
  if (result.links.length > 0) {
    rows.push(['Links', result.links.map((l) => `[${escapeInline(l.label)}](${encodeURI(l.url)})`).join(' · ')]);
  }
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function verdictCell(row: MetricRow): string {
  if (row.verdict === 'pass') return '✅ pass';
  if (row.verdict === 'fail') return `❌ ${row.note ?? 'fail'}`;
  return row.note ? `⚠️ ${row.note}` : '—';
}

function thresholdCell(row: MetricRow): string {
  if (row.threshold === undefined) return '—';
  const op = row.goal === 'maximize' ? '≥ ' : row.goal === 'minimize' ? '≤ ' : '';
  return `${op}${formatNumber(row.threshold)}`;
}

function metricsSection(result: TrainingResult, request: Pick<TrainingRequest, 'metrics'>): string {
  const rows = metricRows(result, request);
  if (rows.length === 0) return '### Metrics\n\n_No metrics were configured._';
  const withThresholds = rows.some((r) => r.threshold !== undefined);
  const header = withThresholds
    ? ['| Metric | Final | Goal | Threshold | Verdict |', '|---|---:|---|---:|---|']
    : ['| Metric | Final | Goal |', '|---|---:|---|'];
  const lines = rows.map((row) => {
    const cells = [
      inlineCode(row.name),
      row.value === undefined ? '_not reported_' : formatNumber(row.value),
      row.goal ? GOALS[row.goal] : '—',
    ];
    if (withThresholds) cells.push(thresholdCell(row), verdictCell(row));
    return `| ${cells.join(' | ')} |`;
  });
  const parts = ['### Metrics', '', ...header, ...lines];
  const failed = rows.filter((r) => r.verdict === 'fail').length;
  if (failed > 0)
    parts.push('', `**${failed} of ${rows.length} metric${rows.length === 1 ? '' : 's'} missed the threshold.**`);
  return parts.join('\n');
}

function failureSection(result: TrainingResult, limits: RenderLimits): string | undefined {
  if (result.status === 'Completed') return undefined;
  const parts = ['<details><summary>Failure details</summary>', ''];
  if (result.failureReason) {
    const reason = clip(result.failureReason, limits.reasonChars);
    parts.push('**Failure reason**', '', codeBlock(reason), '');
  }
  const total = result.logTail.length;
  const shown = Math.min(total, limits.tailLines);
  if (total === 0) {
    parts.push('_No log lines were captured._', '');
  } else {
    const lines = result.logTail.slice(total - shown).map((line) => clip(line, MAX_LOG_LINE_CHARS));
    const omitted = total - shown;
    parts.push(`**Last ${shown} log line${shown === 1 ? '' : 's'}**`, '');
    if (omitted > 0) parts.push(`_${omitted} earlier line${omitted === 1 ? '' : 's'} omitted._`, '');
    parts.push(codeBlock(lines.join('\n')), '');
  }
  parts.push('</details>');
  return parts.join('\n');
}

function render(
  result: TrainingResult,
  request: Pick<TrainingRequest, 'metrics'>,
  limits: RenderLimits,
  truncated: boolean,
): string {
  const sections = [headline(result)];
  if (result.status !== 'Completed' && result.failureReason) {
    sections.push(`**Reason:** ${escapeInline(clip(result.failureReason, VISIBLE_REASON_CHARS))}`);
  }
  if (truncated) sections.push(TRUNCATION_MARKER);
  sections.push(facts(result), metricsSection(result, request));
  const failure = failureSection(result, limits);
  if (failure) sections.push(failure);
  return `${sections.join('\n\n')}\n`;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * The job summary: status headline, facts, metrics with threshold verdicts, and on failure the reason and the last
 * log lines in a collapsed section. Never larger than maxBytes; when something had to go it says so visibly.
 */
export function summaryMarkdown(
  result: TrainingResult,
  request: Pick<TrainingRequest, 'metrics'>,
  options: SummaryOptions = {},
): string {
  const maxBytes = options.maxBytes ?? SUMMARY_MAX_BYTES;
  const full: RenderLimits = { tailLines: result.logTail.length, reasonChars: Number.MAX_SAFE_INTEGER };
  const text = render(result, request, full, false);
  if (bytes(text) <= maxBytes) return text;

  // Too big: drop the oldest log lines first, then shorten the failure reason, then cut whatever remains.
  const limits = { ...full };
  let candidate = render(result, request, limits, true);
  while (bytes(candidate) > maxBytes && limits.tailLines > 0) {
    limits.tailLines = Math.floor(limits.tailLines / 2);
    candidate = render(result, request, limits, true);
  }
  while (bytes(candidate) > maxBytes && limits.reasonChars > 200) {
    limits.reasonChars = Math.min(Math.floor(limits.reasonChars / 2), (result.failureReason ?? '').length);
    candidate = render(result, request, limits, true);
  }
  if (bytes(candidate) <= maxBytes) return candidate;
  const tail = `\n\n…\n\n${TRUNCATION_MARKER}\n`;
  return clipBytes(candidate, Math.max(0, maxBytes - bytes(tail))) + tail;
}
