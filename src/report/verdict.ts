// The verdict a reviewer reads first: gate passed or failed, each gated metric with its change against the base, as
// one Markdown line (▲/▼ with a good/bad colour by the metric's goal) and as a check title short enough for the
// checks box. Pure.
import type { Outcome } from '../gate/conclusion.js';
import type { GateReport, MetricGate } from '../gate/evaluate.js';
import type { TrainingResult } from '../result.js';
import type { ServeReport } from '../serving.js';
import { clip, escapeInline, formatNumber } from './format.js';

/**
 * GitHub documents no limit for a check run's title, but the checks box of a pull request shows it after the check's
 * name on one line and cuts the rest: a failing title was cut after about 66 characters next to a 19-character name.
 * Titles stay within this, so the verdict and the first metrics are always visible.
 */
export const CHECK_TITLE_VISIBLE_CHARS = 60;

export interface MetricChange {
  /** ▲ when the value went up, ▼ when down, '' when unchanged or unknown. */
  arrow: '▲' | '▼' | '';
  /** Better for the metric's goal (true), worse (false), or no goal / no change (undefined). */
  good?: boolean;
  /** (value − base) / |base|, when base is not 0. */
  relative?: number;
}

/** How the value moved against the base, read by the metric's goal. */
export function metricChange(gate: Pick<MetricGate, 'delta' | 'base' | 'goal'>): MetricChange | undefined {
  const { delta, base, goal } = gate;
  if (delta === undefined || base === undefined) return undefined;
  const rounded = Number(delta.toPrecision(6));
  const relative = base === 0 ? undefined : delta / Math.abs(base);
  const rel = relative === undefined ? {} : { relative };
  if (rounded === 0) return { arrow: '', ...rel };
  const arrow = rounded > 0 ? '▲' : '▼';
  if (goal === undefined) return { arrow, ...rel };
  return { arrow, good: goal === 'maximize' ? rounded > 0 : rounded < 0, ...rel };
}

/** +0.42%, −24%, +400%: two significant digits, at least the units. */
export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  const abs = Math.abs(percent);
  const shown = abs >= 10 ? String(Math.round(abs)) : String(Number(abs.toPrecision(2)));
  if (Number(shown) === 0) return '±0%';
  return `${percent > 0 ? '+' : '−'}${shown}%`;
}

const COLOUR = { good: '🟢', bad: '🔴', neutral: '⚪' } as const;

/** `🟢 ▲ +0.42%` (Markdown), or `▲0.42%` (plain, for titles). */
export function changeLabel(gate: MetricGate, plain = false): string | undefined {
  const change = metricChange(gate);
  if (!change) return undefined;
  const amount =
    change.relative !== undefined
      ? formatPercent(change.relative)
      : `${(gate.delta ?? 0) >= 0 ? '+' : '−'}${formatNumber(Math.abs(gate.delta ?? 0))}`;
  if (plain) return change.arrow === '' ? '±0' : `${change.arrow}${amount.replace(/^[+−]/, '')}`;
  const colour = change.good === undefined ? COLOUR.neutral : change.good ? COLOUR.good : COLOUR.bad;
  return change.arrow === '' ? `${colour} ±0` : `${colour} ${change.arrow} ${amount}`;
}

/** The metrics the verdict names: those with a gate, failed ones first; all configured ones when none is gated. */
export function verdictMetrics(gate: GateReport): MetricGate[] {
  const gated = gate.metrics.filter((m) => m.verdict !== 'none' || m.threshold !== undefined);
  const list = gated.length > 0 ? gated : gate.metrics.filter((m) => m.goal !== undefined);
  return [...list.filter((m) => m.verdict === 'fail'), ...list.filter((m) => m.verdict !== 'fail')];
}

const shortNumber = (value: number): string =>
  Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3)));

function whyFailed(m: MetricGate): string {
  if (m.value === undefined) return 'not reported';
  if (m.threshold !== undefined && m.notes.some((n) => n.includes('threshold'))) {
    return `${m.goal === 'minimize' ? 'above' : 'below'} ${formatNumber(m.threshold)}`;
  }
  if (m.notes.some((n) => n.startsWith('regressed'))) return 'regressed';
  return m.notes.join('; ');
}

/** `accuracy 0.72 🔴 ▼ −23% (below 0.9)` */
function metricMarkdown(m: MetricGate): string {
  const value = m.value === undefined ? '_not reported_' : formatNumber(m.value);
  const change = changeLabel(m);
  const failed = m.verdict === 'fail' && m.value !== undefined ? ` (${escapeInline(whyFailed(m))})` : '';
  return `${escapeInline(m.name)} **${value}**${change ? ` ${change}` : ''}${failed}`;
}

const HEADS = {
  passed: '✅ Gate passed',
  failed: '❌ Gate failed',
  completed: '✅ Training completed',
  trainingFailed: '❌ Training failed',
  stopped: '⏹️ Training stopped',
  serveStopped: '⏹️ Serve test stopped',
  inProgress: '⏳ Training in progress',
} as const;

/** The first line of the summary and of the check: the verdict, then every gated metric. */
export function verdictLine(result: TrainingResult, gate: GateReport, serve?: ServeReport): string {
  if (result.status === 'Failed' || result.status === 'Stopped') {
    const head = result.status === 'Failed' ? HEADS.trainingFailed : HEADS.stopped;
    const reason = result.failureReason ? `: ${escapeInline(clip(firstLine(result.failureReason), 200))}` : '';
    return `## ${head}${reason}`;
  }
  if (result.status === 'InProgress') return `## ${HEADS.inProgress}`;
  if (serve?.cancelled) return `## ${HEADS.serveStopped}: ${escapeInline(serve.reason ?? '')}`;
  const metrics = verdictMetrics(gate);
  const gated = gate.metrics.some((m) => m.verdict !== 'none');
  const served = serve && !serve.passed ? ['the model did not serve'] : [];
  const head = !gate.passed || served.length > 0 ? HEADS.failed : gated ? HEADS.passed : HEADS.completed;
  const phrases = [...served, ...metrics.map(metricMarkdown)];
  return `## ${head}${phrases.length > 0 ? `: ${phrases.join(' · ')}` : ''}`;
}

function firstLine(text: string): string {
  return (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? text).trim();
}

/** `accuracy 0.72 ▼23%`, as short as it can be. */
function metricTitle(m: MetricGate): string {
  const value = m.value === undefined ? 'not reported' : shortNumber(m.value);
  const change = changeLabel(m, true);
  const mark = m.verdict === 'fail' && m.value !== undefined && !change ? ` (${whyFailed(m)})` : '';
  return `${m.name} ${value}${change ? ` ${change}` : ''}${mark}`;
}

/** Joins as many metric phrases as fit after the head, then `+N more`. */
function fitMetrics(head: string, phrases: readonly string[], max: number): string {
  let title = head;
  for (let i = 0; i < phrases.length; i++) {
    const sep = i === 0 ? ': ' : ' · ';
    const rest = phrases.length - i - 1;
    const more = rest > 0 ? ` +${rest} more` : '';
    const next = `${title}${sep}${phrases[i]}`;
    // The last phrase needs no "+N more"; the others must leave room for it.
    if ((next + more).length <= max) {
      title = next;
      continue;
    }
    // A first phrase too long on its own is cut; later ones give way to a count.
    return i === 0 ? clip(next, max) : `${title} +${phrases.length - i} more`;
  }
  return title;
}

/** The check run's title: the verdict and as many metrics as fit in CHECK_TITLE_VISIBLE_CHARS. Plain text. */
export function verdictTitle(
  result: TrainingResult,
  gate: GateReport,
  outcome: Pick<Outcome, 'gate'>,
  max = CHECK_TITLE_VISIBLE_CHARS,
  serve?: ServeReport,
): string {
  if (result.status === 'Failed' || result.status === 'Stopped') {
    const head = result.status === 'Failed' ? 'Training failed' : 'Training stopped';
    const reason = result.failureReason ? `: ${firstLine(result.failureReason)}` : '';
    return clip(`${head}${reason}`.replace(/\s+/g, ' '), max);
  }
  if (serve?.cancelled) return clip(`Serve test stopped: ${serve.reason ?? ''}`, max);
  const metrics = verdictMetrics(gate);
  const gated = gate.metrics.some((m) => m.verdict !== 'none');
  const head = outcome.gate === 'failed' ? 'Gate failed' : gated ? 'Gate passed' : 'Training completed';
  const served = serve && !serve.passed ? ['did not serve'] : [];
  const phrases = [...served, ...metrics.map((m) => metricTitle(m).replace(/\s+/g, ' '))];
  const title = fitMetrics(head, phrases, max);
  return clip(title, max);
}
