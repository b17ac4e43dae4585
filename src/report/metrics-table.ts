// The metrics table under the verdict: value, base, change and the gate's word on each metric, then where the base
// came from (its commit and the check run that holds its result). Pure.
import type { GateReport, MetricGate } from '../gate/evaluate.js';
import { escapeInline, formatDelta, formatNumber, inlineCode } from './format.js';
import { commitLink, mdLink, type RunLinks } from './links.js';
import { changeLabel } from './verdict.js';

/** How the base was chosen and for which pull request, when the caller knows (all optional). */
export interface BaselineContext {
  /** The branch the baseline was looked for on. */
  baseBranch?: string;
  /** Why there is no baseline, when one was looked for and none was found. */
  baselineMissing?: string;
  /** How the baseline was found, in words (`the merge base of the pull request`). */
  baselineFoundBy?: string;
  /** The pull request this run checks. */
  pullRequest?: { number: number; url?: string };
}

function criteria(row: MetricGate): string[] {
  const out: string[] = [];
  if (row.threshold !== undefined && row.goal)
    out.push(`${row.goal === 'maximize' ? '≥' : '≤'} ${formatNumber(row.threshold)}`);
  if (row.maxRegression && row.base !== undefined) {
    const { kind, value } = row.maxRegression;
    out.push(`at most ${kind === 'relative' ? `${formatNumber(value * 100)}%` : formatNumber(value)} worse than base`);
  }
  return out;
}

function gateCell(row: MetricGate): string {
  if (row.verdict === 'pass') return `✅ ${criteria(row).join(', ') || 'pass'}`;
  if (row.verdict === 'fail') return `❌ ${row.notes.map(escapeInline).join('; ') || 'fail'}`;
  return row.notes.length > 0 ? `⚠️ ${row.notes.map(escapeInline).join('; ')}` : '—';
}

function changeCell(row: MetricGate): string {
  if (row.delta === undefined) return '—';
  return `${changeLabel(row) ?? ''} (${formatDelta(row.delta)})`;
}

/** `Base: `main` at [abc1234](commit) · [its result](check run)`, or why there is none. */
export function baselineLine(gate: GateReport, links: RunLinks, context: BaselineContext): string | undefined {
  const branch = context.baseBranch ? inlineCode(context.baseBranch) : 'the base branch';
  const base = gate.baseline;
  if (base) {
    // A squash or rebase merge leaves the result on the pull request's head: say which one, and what it became.
    const viaPull =
      base.via === 'pull-request' && base.pullRequest !== undefined
        ? `, the head of pull request #${base.pullRequest}` +
          (base.baseSha ? ` (merged into ${branch} as ${commitLink(links, base.baseSha)})` : '')
        : '';
    const parts = [`Base: ${branch} at ${commitLink(links, base.sha)}${viaPull}`];
    if (base.url) parts.push(mdLink(base.jobName ? `its result (${base.jobName})` : 'its result', base.url));
    else if (base.jobName) parts.push(`job ${inlineCode(base.jobName)}`);
    const how = context.baselineFoundBy ? ` (${escapeInline(context.baselineFoundBy)})` : '';
    return `${parts.join(' · ')}${how}.`;
  }
  if (context.baselineMissing !== undefined) {
    return `_No baseline on ${branch}: ${escapeInline(context.baselineMissing)}. Only the thresholds were checked._`;
  }
  return undefined;
}

export function metricsTable(gate: GateReport): string {
  const rows = gate.metrics;
  if (rows.length === 0) return '_No metrics were configured._';
  const hasBase = gate.baseline !== undefined;
  const hasGate = rows.some((r) => r.verdict !== 'none' || r.notes.length > 0);
  const columns: [string, string][] = [
    ['Metric', '---'],
    ['Value', '---:'],
  ];
  if (hasBase) columns.push(['Base', '---:'], ['Change', '---']);
  if (hasGate) columns.push(['Gate', '---']);
  const header = [`| ${columns.map((c) => c[0]).join(' | ')} |`, `|${columns.map((c) => c[1]).join('|')}|`];
  const lines = rows.map((row) => {
    const cells = [inlineCode(row.name), row.value === undefined ? '_not reported_' : `**${formatNumber(row.value)}**`];
    if (hasBase) cells.push(row.base === undefined ? '—' : formatNumber(row.base), changeCell(row));
    if (hasGate) cells.push(gateCell(row));
    return `| ${cells.join(' | ')} |`;
  });
  return [...header, ...lines].join('\n');
}
