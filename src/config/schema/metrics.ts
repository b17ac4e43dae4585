// The `metrics:` section: the metrics read from the training's log, and the gate's thresholds on them.

import type { MaxRegression, MetricSpec } from '../../request.js';
import { checkKeys, child, describe, readEnum, readNumber, readSeq, readString } from '../read.js';
import { childPath, type MapNode } from '../tree.js';
import type { SectionContext } from './context.js';
import { LIMITS } from './limits.js';

const METRIC_KEYS = ['name', 'regex', 'goal', 'threshold', 'max-regression'] as const;
const GOALS = ['maximize', 'minimize'] as const;
const PERCENT_PATTERN = /^(\d+(?:\.\d+)?|\.\d+)%$/;

export function readMetrics(ctx: SectionContext): MetricSpec[] {
  const metrics = readSeq(ctx.root, 'metrics', ctx.issues, '[{ name: accuracy, regex: "accuracy=([0-9.]+)" }]');
  if (metrics === undefined) return [];
  if (metrics.items.length > LIMITS.metrics) {
    ctx.issues.add(
      metrics.where,
      `may define at most ${LIMITS.metrics} metrics, SageMaker's limit for metric definitions (got ${metrics.items.length})`,
    );
  }
  const result: MetricSpec[] = [];
  const seen = new Map<string, string>();
  for (const item of metrics.items) {
    if (item.kind !== 'map') {
      ctx.issues.add(
        item.where,
        `must be a mapping such as { name: accuracy, regex: "accuracy=([0-9.]+)" } (got ${describe(item)})`,
      );
      continue;
    }
    const metric = readMetric(ctx, item);
    if (metric === undefined) continue;
    const first = seen.get(metric.name);
    if (first !== undefined) {
      ctx.issues.add(
        child(item, 'name')?.where ?? item.where,
        `metric names must be unique: "${metric.name}" is also defined at ${first}`,
      );
      continue;
    }
    seen.set(metric.name, child(item, 'name')?.where ?? item.where);
    result.push(metric);
  }
  return result;
}

export function readMetric(ctx: SectionContext, item: MapNode): MetricSpec | undefined {
  checkKeys(item, METRIC_KEYS, ctx.issues);
  const name = readString(item, 'name', ctx.issues, {
    allowed: 'a metric name such as accuracy',
    check: (text) =>
      text.length <= LIMITS.metricName
        ? undefined
        : `must be at most ${LIMITS.metricName} characters (got ${text.length})`,
  });
  if (child(item, 'name') === undefined) ctx.issues.add(childPath(item.path, 'name'), 'is required, such as accuracy');
  const regex = readString(item, 'regex', ctx.issues, {
    allowed: 'a regular expression with a capture group, such as accuracy=([0-9.]+)',
    check: (text) => regexProblem(text),
  });
  if (child(item, 'regex') === undefined) {
    ctx.issues.add(
      childPath(item.path, 'regex'),
      'is required: a regular expression whose first capture group is the value',
    );
  }
  const goal = readEnum(item, 'goal', ctx.issues, GOALS);
  const threshold = readNumber(item, 'threshold', ctx.issues);
  const maxRegression = readMaxRegression(ctx, item);
  for (const key of ['threshold', 'max-regression']) {
    const node = child(item, key);
    if (node !== undefined && child(item, 'goal') === undefined) {
      ctx.issues.add(node.where, `needs goal (maximize or minimize) to say which direction is better`);
    }
  }
  if (name === undefined || regex === undefined) return undefined;
  return {
    name,
    regex,
    ...(goal !== undefined ? { goal } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
    ...(maxRegression !== undefined ? { maxRegression } : {}),
    ...(item.line !== undefined && item.override === undefined ? { line: item.line } : {}),
  };
}

export function readMaxRegression(ctx: SectionContext, item: MapNode): MaxRegression | undefined {
  const node = child(item, 'max-regression');
  if (node === undefined) return undefined;
  const allowed = `a number ≥ 0 (absolute, in the metric's unit) or a percentage such as 1% (relative) (got ${describe(node)})`;
  if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isFinite(node.value) && node.value >= 0) {
    return { kind: 'absolute', value: node.value };
  }
  const percent =
    node.kind === 'scalar' && typeof node.value === 'string' ? PERCENT_PATTERN.exec(node.value.trim()) : null;
  if (percent?.[1] !== undefined) return { kind: 'relative', value: Number(percent[1]) / 100 };
  ctx.issues.add(node.where, `must be ${allowed}`);
  return undefined;
}

/** Why a metric regex is unusable, or undefined. The first capture group is the value. */
export function regexProblem(source: string): string | undefined {
  if (source.length > LIMITS.metricRegex) {
    return `must be at most ${LIMITS.metricRegex} characters, SageMaker's limit (got ${source.length})`;
  }
  let groups: number;
  try {
    groups = (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return `must be a valid regular expression (got ${JSON.stringify(source)}: ${detail})`;
  }
  if (groups < 1) {
    return `must have a capture group around the value, such as accuracy=([0-9.]+) (got ${JSON.stringify(source)})`;
  }
  return undefined;
}
