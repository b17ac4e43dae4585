// The result a fork's pull request run saves for the `workflow_run` workflow that posts its check (the fork's token
// cannot write checks). Only data: the commit and pull request it claims, and the run's outcome (status, final metrics,
// their series for the charts, the last log lines). The gate is not in it: the posting workflow judges the metrics
// against its own configuration and the base branch's result. Pure.
import type { MetricPoint, TrainingResult, TrainingStatus } from '../result.js';

export const SAVED_RESULT_FORMAT = 'sagemaker-train/saved-result';
export const SAVED_RESULT_VERSION = 1;

/** Limits the reader enforces; the writer stays inside them. */
export const SAVED_LIMITS = {
  bytes: 1024 * 1024,
  metrics: 50,
  pointsPerMetric: 500,
  logLines: 50,
  lineChars: 2000,
  textChars: 1024,
} as const;

export interface SavedResult {
  format: typeof SAVED_RESULT_FORMAT;
  version: typeof SAVED_RESULT_VERSION;
  /** The pull request and the commit the run trained (claims: the posting side checks them against its event). */
  pullRequest: number;
  headSha: string;
  result: SavedTraining;
}

export interface SavedTraining {
  jobName: string;
  status: Exclude<TrainingStatus, 'InProgress'>;
  failureReason?: string;
  metrics: Record<string, number>;
  metricSeries: Record<string, MetricPoint[]>;
  imageUri: string;
  imageTag?: string;
  instanceType: string;
  instanceCount: number;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  logTail: string[];
}

/** Every n-th point, the last always kept, so a long series fits the limit. */
function thin(points: MetricPoint[], max: number): MetricPoint[] {
  if (points.length <= max) return points;
  const step = Math.ceil(points.length / max);
  const kept = points.filter((_, i) => i % step === 0);
  const last = points.at(-1);
  if (last && kept.at(-1) !== last) kept[kept.length - 1] = last;
  return kept;
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What a finished local-mode run saves for the workflow that posts its check. */
export function savedResult(
  result: TrainingResult,
  where: { pullRequest: number; headSha: string },
): SavedResult | undefined {
  if (result.status === 'InProgress') return undefined;
  const names = Object.keys(result.metrics).slice(0, SAVED_LIMITS.metrics);
  const series = Object.entries(result.metricSeries).filter(([name]) => names.includes(name));
  return {
    format: SAVED_RESULT_FORMAT,
    version: SAVED_RESULT_VERSION,
    pullRequest: where.pullRequest,
    headSha: where.headSha,
    result: {
      jobName: result.jobName,
      status: result.status,
      ...(result.failureReason ? { failureReason: clip(result.failureReason, SAVED_LIMITS.textChars) } : {}),
      metrics: Object.fromEntries(names.map((n) => [n, result.metrics[n] as number])),
      metricSeries: Object.fromEntries(series.map(([n, points]) => [n, thin(points, SAVED_LIMITS.pointsPerMetric)])),
      imageUri: clip(result.imageUri, SAVED_LIMITS.textChars),
      ...(result.imageTag ? { imageTag: result.imageTag } : {}),
      instanceType: result.instanceType,
      instanceCount: result.instanceCount,
      startedAt: result.startedAt,
      endedAt: result.endedAt,
      durationSeconds: result.durationSeconds,
      logTail: result.logTail.slice(-SAVED_LIMITS.logLines).map((l) => clip(l, SAVED_LIMITS.lineChars)),
    },
  };
}

/** The training result the posting side reports: a local-mode run, nothing on the fork's runner linked. */
export function trainingResultOf(saved: SavedResult): TrainingResult {
  const r = saved.result;
  return {
    mode: 'local',
    jobName: r.jobName,
    status: r.status,
    ...(r.failureReason ? { failureReason: r.failureReason } : {}),
    metrics: r.metrics,
    metricSeries: r.metricSeries,
    imageUri: r.imageUri,
    ...(r.imageTag ? { imageTag: r.imageTag } : {}),
    instanceType: r.instanceType,
    instanceCount: r.instanceCount,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    durationSeconds: r.durationSeconds,
    logTail: r.logTail,
    links: [],
  };
}
