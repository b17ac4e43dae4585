// The job summary (GITHUB_STEP_SUMMARY) for one run, as Markdown. Pure: result and request in, text out.
import { costLabel } from '../cost/index.js';
import { evaluateGates, type GateReport, type MetricGate } from '../gate/evaluate.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult, TrainingStatus } from '../result.js';
import { metricCharts } from './chart.js';
import {
  clip,
  clipBytes,
  codeBlock,
  escapeInline,
  formatDelta,
  formatDuration,
  formatNumber,
  inlineCode,
} from './format.js';

/** GitHub accepts at most 1 MiB of job summary per step; keep a margin for what others append. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 4 * 1024;

export const TRUNCATION_MARKER =
  "> [!WARNING]\n> This summary was truncated to stay under GitHub's 1 MiB job summary limit; the full log is in the step's output.";

export interface SummaryOptions {
  /** Upper bound of the summary's UTF-8 size. */
  maxBytes?: number;
  /** The gate's verdicts (default: thresholds only, no baseline). */
  gate?: GateReport;
  /** The branch the baseline was looked for on. */
  baseBranch?: string;
  /** Why there is no baseline, when one was looked for and none was found. */
  baselineMissing?: string;
  /** Mermaid charts of the metric series (default true). */
  charts?: boolean;
}

const HEADLINES: Record<TrainingStatus, string> = {
  Completed: '✅ Training completed',
  Failed: '❌ Training failed',
  Stopped: '⏹️ Training stopped',
  InProgress: '⏳ Training in progress',
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

function headline(result: TrainingResult, gate: GateReport): string {
  const text = result.status === 'Completed' && !gate.passed ? '❌ Gate failed' : HEADLINES[result.status];
  return `## ${text}: ${inlineCode(result.jobName)}`;
}

/** The backend's figure when it gave one (managed spot only); else what billable vs training time shows. */
function spotSavings(result: TrainingResult): string | undefined {
  const { billableSeconds: billable, trainingSeconds: training } = result;
  const times =
    billable !== undefined && training !== undefined
      ? ` (billed ${formatDuration(billable)} of ${formatDuration(training)} training)`
      : '';
  if (result.spotSavingsPercent !== undefined) return `${formatNumber(result.spotSavingsPercent)}%${times}`;
  if (billable === undefined || training === undefined || training <= 0 || billable >= training) return undefined;
  return `${Math.round((1 - billable / training) * 100)}%${times}`;
}

/** `≈ $1.23 (approximate, built-in price table) at $0.23 per instance-hour`. */
function estimatedCost(result: TrainingResult): string | undefined {
  if (!result.cost) return undefined;
  return `${costLabel(result.cost)} at $${formatNumber(result.cost.pricePerHour)} per instance-hour`;
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
  if (result.trainingSeconds !== undefined) rows.push(['Training time', formatDuration(result.trainingSeconds)]);
  if (result.billableSeconds !== undefined) {
    rows.push(['Billable', `${formatDuration(result.billableSeconds)} (${Math.round(result.billableSeconds)} s)`]);
  }
  const cost = estimatedCost(result);
  if (cost) rows.push(['Estimated cost', cost]);
  const savings = spotSavings(result);
  if (savings) rows.push(['Spot savings', savings]);
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

function verdictCell(row: MetricGate): string {
  const notes = row.notes.map(escapeInline).join('; ');
  if (row.verdict === 'pass') return '✅ pass';
  if (row.verdict === 'fail') return `❌ ${notes || 'fail'}`;
  return notes ? `⚠️ ${notes}` : '—';
}

function thresholdCell(row: MetricGate): string {
  if (row.threshold === undefined) return '—';
  const op = row.goal === 'maximize' ? '≥ ' : row.goal === 'minimize' ? '≤ ' : '';
  return `${op}${formatNumber(row.threshold)}`;
}

function regressionCell(row: MetricGate): string {
  if (!row.maxRegression) return '—';
  const { kind, value } = row.maxRegression;
  return kind === 'relative' ? `${formatNumber(value * 100)}%` : formatNumber(value);
}

/** How the baseline was found: ` , a run on `master` itself`, or the pull request that a merge brought in. */
function baselineSource(base: NonNullable<GateReport['baseline']>, branch: string): string {
  if (base.via === 'base-branch') return `, from a run on ${branch} itself`;
  if (base.via !== 'pull-request' || base.pullRequest === undefined) return '';
  const merged = base.baseSha ? ` (merged into ${branch} as ${inlineCode(base.baseSha.slice(0, 7))})` : '';
  return `, the head of pull request #${base.pullRequest}${merged}`;
}

function baselineLine(gate: GateReport, options: SummaryOptions): string | undefined {
  const branch = options.baseBranch ? inlineCode(options.baseBranch) : 'the base branch';
  const base = gate.baseline;
  if (base) {
    const sha = inlineCode(base.sha.slice(0, 7));
    const at = base.url ? `[${sha}](${encodeURI(base.url)})` : sha;
    const job = base.jobName ? ` (job ${inlineCode(base.jobName)})` : '';
    return `Compared with ${branch} at ${at}${job}${baselineSource(base, branch)}.`;
  }
  if (options.baselineMissing !== undefined) {
    return `_No baseline on ${branch}: ${escapeInline(options.baselineMissing)}. Only the thresholds were checked._`;
  }
  return undefined;
}

function metricsSection(gate: GateReport, options: SummaryOptions): string {
  const rows = gate.metrics;
  if (rows.length === 0) return '### Metrics\n\n_No metrics were configured._';
  const hasBase = gate.baseline !== undefined;
  const withThresholds = rows.some((r) => r.threshold !== undefined);
  const withRegression = hasBase && rows.some((r) => r.maxRegression !== undefined);
  const withVerdict = withThresholds || withRegression || rows.some((r) => r.verdict !== 'none');
  const columns: [string, string][] = [
    ['Metric', '---'],
    ['Final', '---:'],
  ];
  if (hasBase) columns.push(['Base', '---:'], ['Δ', '---:']);
  columns.push(['Goal', '---']);
  if (withThresholds) columns.push(['Threshold', '---:']);
  if (withRegression) columns.push(['Max regression', '---:']);
  if (withVerdict) columns.push(['Verdict', '---']);
  const header = [`| ${columns.map((c) => c[0]).join(' | ')} |`, `|${columns.map((c) => c[1]).join('|')}|`];
  const lines = rows.map((row) => {
    const cells = [inlineCode(row.name), row.value === undefined ? '_not reported_' : formatNumber(row.value)];
    if (hasBase) {
      cells.push(
        row.base === undefined ? '—' : formatNumber(row.base),
        row.delta === undefined ? '—' : formatDelta(row.delta),
      );
    }
    cells.push(row.goal ? GOALS[row.goal] : '—');
    if (withThresholds) cells.push(thresholdCell(row));
    if (withRegression) cells.push(regressionCell(row));
    if (withVerdict) cells.push(verdictCell(row));
    return `| ${cells.join(' | ')} |`;
  });
  const parts = ['### Metrics', '', ...header, ...lines];
  const failed = rows.filter((r) => r.verdict === 'fail').length;
  if (failed > 0) {
    parts.push('', `**${failed} of ${rows.length} metric${rows.length === 1 ? '' : 's'} failed the gate.**`);
  }
  const baseline = baselineLine(gate, options);
  if (baseline) parts.push('', baseline);
  return parts.join('\n');
}

function chartsSection(result: TrainingResult, request: Pick<TrainingRequest, 'metrics'>): string | undefined {
  const charts = metricCharts(
    result.metricSeries,
    request.metrics.map((m) => m.name),
  );
  if (charts.length === 0) return undefined;
  return ['<details open><summary>Metric series</summary>', '', charts.join('\n\n'), '', '</details>'].join('\n');
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
  options: SummaryOptions & { gate: GateReport },
  limits: RenderLimits,
  truncated: boolean,
): string {
  const sections = [headline(result, options.gate)];
  if (result.status !== 'Completed' && result.failureReason) {
    sections.push(`**Reason:** ${escapeInline(clip(result.failureReason, VISIBLE_REASON_CHARS))}`);
  }
  if (truncated) sections.push(TRUNCATION_MARKER);
  sections.push(facts(result), metricsSection(options.gate, options));
  const charts = options.charts === false ? undefined : chartsSection(result, request);
  if (charts) sections.push(charts);
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
  const opts = { ...options, gate: options.gate ?? evaluateGates({ specs: request.metrics, metrics: result.metrics }) };
  const full: RenderLimits = { tailLines: result.logTail.length, reasonChars: Number.MAX_SAFE_INTEGER };
  const text = render(result, request, opts, full, false);
  if (bytes(text) <= maxBytes) return text;

  // Too big: drop the oldest log lines first, then shorten the failure reason, then cut whatever remains.
  const limits = { ...full };
  let candidate = render(result, request, opts, limits, true);
  while (bytes(candidate) > maxBytes && limits.tailLines > 0) {
    limits.tailLines = Math.floor(limits.tailLines / 2);
    candidate = render(result, request, opts, limits, true);
  }
  while (bytes(candidate) > maxBytes && limits.reasonChars > 200) {
    limits.reasonChars = Math.min(Math.floor(limits.reasonChars / 2), (result.failureReason ?? '').length);
    candidate = render(result, request, opts, limits, true);
  }
  if (bytes(candidate) <= maxBytes) return candidate;
  const tail = `\n\n…\n\n${TRUNCATION_MARKER}\n`;
  return clipBytes(candidate, Math.max(0, maxBytes - bytes(tail))) + tail;
}
