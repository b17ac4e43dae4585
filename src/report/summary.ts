// The job summary (GITHUB_STEP_SUMMARY) for one run, as Markdown: the verdict first, then the metrics, the charts,
// the log tail of a failed run (open), and the run's details (collapsed). Pure: result and request in, text out.
import { evaluateGates, type GateReport } from '../gate/evaluate.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import { metricCharts, type ChartInput } from './chart.js';
import { clip, clipBytes, codeBlock, escapeInline, formatNumber } from './format.js';
import type { RunLinks } from './links.js';
import { baselineLine, metricsTable, type BaselineContext } from './metrics-table.js';
import { runDetails } from './run-details.js';
import { verdictLine } from './verdict.js';
import { reusedNote } from './reused.js';
import { registrationSection, serveSection } from './serving.js';
import type { RegistrationOutcome, ServeReport } from '../serving.js';

/** GitHub accepts at most 1 MiB of job summary per step; keep a margin for what others append. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 4 * 1024;

export const TRUNCATION_MARKER =
  "> [!WARNING]\n> This summary was truncated to stay under GitHub's 1 MiB job summary limit; the full log is in the step's output.";

export type SummaryRequest = Pick<TrainingRequest, 'metrics'> & Partial<Pick<TrainingRequest, 'hyperparameters'>>;

export interface SummaryOptions extends BaselineContext {
  /** Upper bound of the summary's UTF-8 size. */
  maxBytes?: number;
  /** The gate's verdicts (default: thresholds only, no baseline). */
  gate?: GateReport;
  /** Mermaid charts of the metric series (default true). */
  charts?: boolean;
  /** Without charts: where a reader finds them (the job summary), linked instead. */
  chartsUrl?: string;
  /** Where the run happened on GitHub (repository, workflow run, commit, configuration path, region). */
  links?: RunLinks;
  /** The serve smoke test, when one ran. */
  serve?: ServeReport;
  /** The model registry's version, or why there is none, when `register:` is set. */
  registration?: RegistrationOutcome;
}

const MAX_LOG_LINE_CHARS = 2000;
/** The verdict line shows the reason's first line up to this; a longer or multi-line reason is shown in full below. */
const VERDICT_REASON_CHARS = 200;

interface RenderLimits {
  /** How many of the last log lines to show. */
  tailLines: number;
  /** How much of the failure reason to show in the details. */
  reasonChars: number;
}

const trained = (result: TrainingResult): boolean => result.status === 'Completed' || result.status === 'InProgress';

function metricsSection(gate: GateReport, options: SummaryOptions): string {
  const parts = [metricsTable(gate)];
  const baseline = baselineLine(gate, options.links ?? {}, options);
  if (baseline) parts.push('', baseline);
  return parts.join('\n');
}

/** A run that failed to train: what it reported before, in one line, without the gate's verdicts on it. */
function partialMetrics(result: TrainingResult): string | undefined {
  const seen = Object.entries(result.metrics);
  if (seen.length === 0) return undefined;
  const list = seen.map(([name, value]) => `${escapeInline(name)} ${formatNumber(value)}`).join(' · ');
  return `Last metrics before it ended: ${list}.`;
}

function chartInputs(result: TrainingResult, request: SummaryRequest, options: SummaryOptions): ChartInput[] {
  const gate = options.gate;
  const names = [...new Set([...request.metrics.map((m) => m.name), ...Object.keys(result.metricSeries)])];
  const baseLabel = `${options.baseBranch ?? 'base'}${gate?.baseline ? ` at ${gate.baseline.sha.slice(0, 7)}` : ''}`;
  return names.map((name) => {
    const spec = request.metrics.find((m) => m.name === name);
    const baseValue = gate?.metrics.find((m) => m.name === name)?.base;
    const baseSeries = gate?.baseline?.series?.[name];
    const hasBase = baseValue !== undefined || baseSeries !== undefined;
    return {
      name,
      series: result.metricSeries[name] ?? [],
      ...(spec ? { spec } : {}),
      ...(hasBase
        ? {
            base: {
              label: baseLabel,
              ...(baseValue !== undefined ? { value: baseValue } : {}),
              ...(baseSeries ? { series: baseSeries } : {}),
            },
          }
        : {}),
    };
  });
}

function chartsSection(result: TrainingResult, request: SummaryRequest, options: SummaryOptions): string | undefined {
  const charts = metricCharts(chartInputs(result, request, options));
  if (charts.length === 0) return undefined;
  if (options.charts === false) {
    // GitHub documents Mermaid for issues, pull requests, discussions, wikis and files, not for check runs.
    return options.chartsUrl
      ? `📈 Charts of ${charts.length === 1 ? 'the metric' : `${charts.length} metrics`} are in the [job summary](${options.chartsUrl}).`
      : undefined;
  }
  return ['### Charts', '', charts.join('\n\n')].join('\n');
}

function failureSection(result: TrainingResult, limits: RenderLimits): string | undefined {
  if (trained(result)) return undefined;
  const parts: string[] = [];
  const reason = result.failureReason ?? '';
  // The verdict line carries the first line of the reason; the whole of it only when that was not all of it.
  if (reason.trim().includes('\n') || reason.length > VERDICT_REASON_CHARS) {
    parts.push(
      '<details><summary>Full failure reason</summary>',
      '',
      codeBlock(clip(reason, limits.reasonChars)),
      '',
      '</details>',
      '',
    );
  }
  const total = result.logTail.length;
  const shown = Math.min(total, limits.tailLines);
  if (total === 0) {
    parts.push('_No log lines were captured._');
    return parts.join('\n');
  }
  const lines = result.logTail.slice(total - shown).map((line) => clip(line, MAX_LOG_LINE_CHARS));
  const omitted = total - shown;
  parts.push(`<details open><summary>Last ${shown} log line${shown === 1 ? '' : 's'}</summary>`, '');
  if (omitted > 0) parts.push(`_${omitted} earlier line${omitted === 1 ? '' : 's'} omitted._`, '');
  parts.push(codeBlock(lines.join('\n')), '', '</details>');
  return parts.join('\n');
}

function render(
  result: TrainingResult,
  request: SummaryRequest,
  options: SummaryOptions & { gate: GateReport },
  limits: RenderLimits,
  truncated: boolean,
): string {
  const sections = [verdictLine(result, options.gate, options.serve)];
  const reused = reusedNote(result);
  if (reused) sections.push(reused);
  if (truncated) sections.push(TRUNCATION_MARKER);
  if (trained(result)) {
    sections.push(metricsSection(options.gate, options));
    if (options.serve) sections.push(serveSection(options.serve));
    if (options.registration) sections.push(registrationSection(options.registration));
    const charts = chartsSection(result, request, options);
    if (charts) sections.push(charts);
  } else {
    const partial = partialMetrics(result);
    if (partial) sections.push(partial);
  }
  const failure = failureSection(result, limits);
  if (failure) sections.push(failure);
  sections.push(runDetails(result, request, options.links ?? {}, options.pullRequest));
  return `${sections.join('\n\n')}\n`;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * The job summary: the verdict, the metrics against the base, charts, and on failure the reason and the last log
 * lines. Never larger than maxBytes; when something had to go it says so visibly.
 */
export function summaryMarkdown(result: TrainingResult, request: SummaryRequest, options: SummaryOptions = {}): string {
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
