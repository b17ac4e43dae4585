// Metric extraction from training logs, the way SageMaker's MetricDefinitions work: every regex is applied to every
// log line, every match in a line counts, and the first capture group is the value. Pure: no clock unless given one.
import type { MetricSpec } from '../request.js';
import type { MetricPoint } from '../result.js';
import { messageOf } from '../error-message.js';

export interface MetricParser {
  /** Applies every metric's regex to one log line. */
  feed(line: string): void;
  /** The last value seen of each metric that was seen at least once. */
  finals(): Record<string, number>;
  /** Every value seen of each metric, in the order seen. */
  series(): Record<string, MetricPoint[]>;
}

interface CompiledMetric {
  name: string;
  pattern: RegExp;
}

// A decimal float as Python's float() reads it (which is what the service uses), without the oddities JavaScript's
// Number() accepts (hex, binary, empty strings). Infinity and NaN are dropped afterwards: they are not metric values.
const FLOAT = /^[+-]?(?:\d+(?:_\d+)*\.?(?:\d+(?:_\d+)*)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?$/;

/** Reads a captured metric value; undefined when it is not a finite number. */
export function parseMetricValue(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!FLOAT.test(trimmed)) return undefined;
  const value = Number(trimmed.replaceAll('_', ''));
  return Number.isFinite(value) ? value : undefined;
}

function compile(spec: MetricSpec): CompiledMetric {
  try {
    return { name: spec.name, pattern: new RegExp(spec.regex, 'g') };
  } catch (err) {
    const reason = messageOf(err);
    throw new Error(`metric "${spec.name}": invalid regular expression ${JSON.stringify(spec.regex)}: ${reason}`);
  }
}

// An epoch named in the same line gives the point its place on a chart's x-axis.
const EPOCH = /\bepoch\b\s*[=:]?\s*(\d{1,9})\b/i;

export function createMetricParser(specs: readonly MetricSpec[], now: () => number = Date.now): MetricParser {
  const metrics = specs.map(compile);
  const seen = new Map<string, MetricPoint[]>();

  return {
    feed(line: string): void {
      if (metrics.length === 0) return;
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      let timestamp: number | undefined;
      const epochText = EPOCH.exec(text)?.[1];
      const epoch = epochText === undefined ? {} : { epoch: Number(epochText) };
      for (const { name, pattern } of metrics) {
        for (const match of text.matchAll(pattern)) {
          const value = parseMetricValue(match[1]);
          if (value === undefined) continue;
          timestamp ??= now();
          let points = seen.get(name);
          if (!points) {
            points = [];
            seen.set(name, points);
          }
          points.push({ timestamp, value, ...epoch });
        }
      }
    },
    finals(): Record<string, number> {
      const out: Record<string, number> = {};
      for (const [name, points] of seen) {
        const last = points.at(-1);
        if (last) out[name] = last.value;
      }
      return out;
    },
    series(): Record<string, MetricPoint[]> {
      const out: Record<string, MetricPoint[]> = {};
      for (const [name, points] of seen) out[name] = points.map((p) => ({ ...p }));
      return out;
    },
  };
}
