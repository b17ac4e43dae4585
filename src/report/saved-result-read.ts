// Reads a saved result strictly: it comes from a fork's run, so it is untrusted data. Bounded in size, JSON only (never
// evaluated), every field checked against the shape the writer makes, unknown fields refused; each problem names the
// field's path. Pure.
import { SAVED_LIMITS, SAVED_RESULT_FORMAT, SAVED_RESULT_VERSION, type SavedResult } from './saved-result.js';

export class SavedResultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SavedResultError';
  }
}

type Json = Record<string, unknown>;
type Check = (value: unknown, path: string) => unknown;

const fail = (path: string, problem: string): never => {
  throw new SavedResultError(`${path} ${problem}`);
};

const SHA = /^[0-9a-f]{40}$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}$/;
const JOB_NAME = /^[A-Za-z0-9](-*[A-Za-z0-9]){0,62}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function text(max: number, pattern?: RegExp, what?: string): Check {
  return (v, path) => {
    if (typeof v !== 'string') return fail(path, 'must be a string');
    if (v.length > max) return fail(path, `must be at most ${max} characters`);
    if (pattern && !pattern.test(v)) return fail(path, `must be ${what ?? `like ${String(pattern)}`}`);
    return v;
  };
}

function int(min: number, max: number): Check {
  return (v, path) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? v
      : fail(path, `must be a whole number from ${min} to ${max}`);
}

const finite: Check = (v, path) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail(path, 'must be a finite number');

function object(v: unknown, path: string): Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : fail(path, 'must be an object');
}

function list(max: number, item: Check): Check {
  return (v, path) => {
    if (!Array.isArray(v)) return fail(path, 'must be a list');
    if (v.length > max) return fail(path, `must have at most ${max} entries`);
    return v.map((x, i) => item(x, `${path}[${i}]`));
  };
}

/** A mapping from metric names (at most `SAVED_LIMITS.metrics`) to values. */
function byMetric(value: Check): Check {
  return (v, path) => {
    const o = object(v, path);
    const keys = Object.keys(o);
    if (keys.length > SAVED_LIMITS.metrics) fail(path, `must have at most ${SAVED_LIMITS.metrics} metrics`);
    const out: Json = {};
    for (const k of keys) {
      if (!NAME.test(k)) fail(`${path}.${k}`, 'is not a metric name (letters, digits, _.:/-, at most 64)');
      out[k] = value(o[k], `${path}.${k}`);
    }
    return out;
  };
}

/** Checks every declared field (optional ones when present) and refuses any other. */
function fields(spec: Record<string, Check>, optional: readonly string[]): Check {
  return (v, path) => {
    const o = object(v, path);
    for (const k of Object.keys(o)) if (!(k in spec)) fail(`${path}.${k}`, 'is not a field of a saved result');
    const out: Json = {};
    for (const [k, check] of Object.entries(spec)) {
      if (o[k] === undefined && optional.includes(k)) continue;
      if (o[k] === undefined) fail(`${path}.${k}`, 'is missing');
      out[k] = check(o[k], `${path}.${k}`);
    }
    return out;
  };
}

const point = fields({ timestamp: finite, value: finite, epoch: int(0, 1e9) }, ['epoch']);

const training = fields(
  {
    jobName: text(63, JOB_NAME, 'a training job name (letters, digits and hyphens, at most 63)'),
    status: (v, path) =>
      v === 'Completed' || v === 'Failed' || v === 'Stopped' ? v : fail(path, 'must be Completed, Failed or Stopped'),
    failureReason: text(SAVED_LIMITS.textChars),
    metrics: byMetric(finite),
    metricSeries: byMetric(list(SAVED_LIMITS.pointsPerMetric, point)),
    imageUri: text(SAVED_LIMITS.textChars),
    imageTag: text(128),
    instanceType: text(64, /^(local|local_gpu|ml\.[a-z0-9.-]+)$/, 'local, local_gpu or an ml.* instance type'),
    instanceCount: int(1, 100),
    startedAt: text(40, ISO_TIME, 'a UTC time such as 2026-01-02T03:04:05.000Z'),
    endedAt: text(40, ISO_TIME, 'a UTC time such as 2026-01-02T03:04:05.000Z'),
    durationSeconds: (v, path) => ((finite(v, path) as number) >= 0 ? v : fail(path, 'must not be negative')),
    logTail: list(SAVED_LIMITS.logLines, text(SAVED_LIMITS.lineChars)),
  },
  ['failureReason', 'imageTag'],
);

const document = fields(
  {
    format: (v, path) => (v === SAVED_RESULT_FORMAT ? v : fail(path, `must be "${SAVED_RESULT_FORMAT}"`)),
    version: (v, path) => (v === SAVED_RESULT_VERSION ? v : fail(path, `must be ${SAVED_RESULT_VERSION}`)),
    pullRequest: int(1, 1e9),
    headSha: text(40, SHA, 'a full commit SHA (40 lowercase hex digits)'),
    result: training,
  },
  [],
);

/** The saved result in `bytes`, or a SavedResultError saying what is wrong and where. */
export function readSavedResult(bytes: Buffer | string): SavedResult {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  if (size > SAVED_LIMITS.bytes) throw new SavedResultError(`is ${size} bytes, more than ${SAVED_LIMITS.bytes}`);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString());
  } catch (err) {
    throw new SavedResultError(`is not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  // Every field was checked above against the shape SavedResult declares.
  return document(value, '$') as SavedResult;
}
