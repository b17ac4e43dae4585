// The machine-readable result a run leaves in its check run's output text, so later runs can use it as a baseline.
// An HTML comment: invisible in the rendered text, and read back strictly. Pure.
import type { TrainingStatus } from '../result.js';

export const RESULT_MARKER = 'sagemaker-train:result';

export interface EmbeddedResult {
  version: 1;
  status: TrainingStatus;
  jobName: string;
  /** The commit the check run belongs to. */
  sha: string;
  metrics: Record<string, number>;
  conclusion?: string;
  /** The values each metric's chart drew (downsampled), so a later run can draw this one as its base line. */
  series?: Record<string, number[]>;
}

/** `<!-- sagemaker-train:result {...} -->`; `<`, `>` and `&` are escaped so the JSON cannot end the comment. */
export function embedResult(result: EmbeddedResult): string {
  const json = JSON.stringify(result).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return `<!-- ${RESULT_MARKER} ${json} -->`;
}

const PATTERN = new RegExp(`<!-- ${RESULT_MARKER} (\\{.*?\\}) -->`, 's');
const STATUSES: readonly string[] = ['Completed', 'Failed', 'Stopped'];

/** The embedded result in a check run's text, or undefined when there is none or it is not what we write. */
export function parseEmbeddedResult(text: string | null | undefined): EmbeddedResult | undefined {
  if (!text) return undefined;
  const json = PATTERN.exec(text)?.[1];
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.version !== 1 || typeof v.status !== 'string' || !STATUSES.includes(v.status)) return undefined;
  if (typeof v.jobName !== 'string' || typeof v.sha !== 'string') return undefined;
  if (typeof v.metrics !== 'object' || v.metrics === null || Array.isArray(v.metrics)) return undefined;
  const metrics: Record<string, number> = {};
  for (const [name, m] of Object.entries(v.metrics as Record<string, unknown>)) {
    if (typeof m === 'number' && Number.isFinite(m)) metrics[name] = m;
  }
  const series = readSeries(v.series);
  return {
    version: 1,
    status: v.status as TrainingStatus,
    jobName: v.jobName,
    sha: v.sha,
    metrics,
    ...(typeof v.conclusion === 'string' ? { conclusion: v.conclusion } : {}),
    ...(series ? { series } : {}),
  };
}

/** Only lists of finite numbers; anything else is left out. */
function readSeries(value: unknown): Record<string, number[]> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, number[]> = {};
  for (const [name, list] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    const values: unknown[] = list;
    if (values.every((n): n is number => typeof n === 'number' && Number.isFinite(n))) out[name] = values;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
