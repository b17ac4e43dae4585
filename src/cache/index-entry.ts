// One entry of the result index, `<output>/_results/<fingerprint>.json`: a completed run's result, the job that
// produced it, the commit it trained and when. Pure: written and read as text here, stored by index-store.ts.
// Whatever is read back is checked field by field; an entry that does not hold is not used (never trusted).
import type { Link, MetricPoint, TrainingResult } from '../result.js';
import { isFingerprint, type FingerprintPart } from './fingerprint.js';

export const INDEX_FORMAT = 'sagemaker-train/result-index/v1';

/** Larger than any entry this tool writes (a long metric series is a few hundred KiB): refused beyond. */
export const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

export interface IndexEntry {
  format: typeof INDEX_FORMAT;
  fingerprint: string;
  jobName: string;
  /** The commit the run trained, when known. */
  commit?: string;
  /** When the run ended (the result's endedAt). */
  ranAt: string;
  writtenAt: string;
  /** The fingerprint's parts, so a reader can see what the entry stands for. */
  parts: FingerprintPart[];
  /** The completed run's result (its log tail left out). */
  result: TrainingResult;
}

export interface EntryOptions {
  fingerprint: string;
  parts: FingerprintPart[];
  result: TrainingResult;
  commit?: string;
  now: Date;
}

/** The entry's JSON text; only a Completed result may be written. */
export function entryText(o: EntryOptions): string {
  if (o.result.status !== 'Completed')
    throw new Error(`only a completed run is recorded (this one is ${o.result.status})`);
  const result: TrainingResult = { ...o.result, logTail: [] };
  delete result.reused;
  delete result.detached;
  const entry: IndexEntry = {
    format: INDEX_FORMAT,
    fingerprint: o.fingerprint,
    jobName: o.result.jobName,
    ...(o.commit ? { commit: o.commit } : {}),
    ranAt: o.result.endedAt,
    writtenAt: o.now.toISOString(),
    parts: o.parts,
    result,
  };
  return `${JSON.stringify(entry, null, 2)}\n`;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optional = (v: unknown, check: (x: unknown) => boolean): boolean => v === undefined || check(v);

function isPoint(v: unknown): v is MetricPoint {
  return isObject(v) && isNumber(v.timestamp) && isNumber(v.value);
}

function isLink(v: unknown): v is Link {
  return isObject(v) && typeof v.label === 'string' && typeof v.url === 'string';
}

const everyValue = (v: unknown, check: (x: unknown) => boolean): boolean =>
  isObject(v) && Object.values(v).every(check);

/** The first problem of a stored result, or undefined when reports can read it as they read a fresh one. */
function resultProblem(r: Json): string | undefined {
  const checks: [string, boolean][] = [
    ['status', r.status === 'Completed'],
    ['mode', r.mode === 'local' || r.mode === 'sagemaker' || r.mode === 'fargate'],
    ['jobName', isText(r.jobName)],
    ['metrics', everyValue(r.metrics, isNumber)],
    ['metricSeries', everyValue(r.metricSeries, (s) => Array.isArray(s) && s.every(isPoint))],
    ['modelArtifacts', optional(r.modelArtifacts, isText)],
    ['outputArtifacts', optional(r.outputArtifacts, isText)],
    ['imageUri', isText(r.imageUri)],
    ['instanceType', isText(r.instanceType)],
    ['instanceCount', isNumber(r.instanceCount)],
    ['startedAt', isText(r.startedAt) && !Number.isNaN(Date.parse(r.startedAt))],
    ['endedAt', isText(r.endedAt) && !Number.isNaN(Date.parse(r.endedAt))],
    ['durationSeconds', isNumber(r.durationSeconds)],
    ['logTail', Array.isArray(r.logTail) && r.logTail.every((l) => typeof l === 'string')],
    ['links', Array.isArray(r.links) && r.links.every(isLink)],
    ['cost', optional(r.cost, (c) => isObject(c) && isNumber(c.usd) && isNumber(c.pricePerHour))],
  ];
  const bad = checks.find(([, ok]) => !ok);
  return bad ? `result.${bad[0]} is missing or not what a completed run has` : undefined;
}

/** The entry in `text`, if it is one for `fingerprint`; otherwise what is wrong with it. */
export function parseEntry(text: string, fingerprint: string): { entry: IndexEntry } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: `it is not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (!isObject(value)) return { problem: 'it is not a JSON object' };
  if (value.format !== INDEX_FORMAT)
    return { problem: `its format is ${JSON.stringify(value.format)}, not ${INDEX_FORMAT}` };
  if (!isFingerprint(value.fingerprint) || value.fingerprint !== fingerprint) {
    return { problem: `it is the entry of another fingerprint (${String(value.fingerprint)})` };
  }
  if (!isObject(value.result)) return { problem: 'it holds no result' };
  const problem = resultProblem(value.result);
  if (problem) return { problem };
  if (!isText(value.jobName) || value.jobName !== value.result.jobName)
    return { problem: 'its jobName does not match its result' };
  if (!optional(value.commit, isText) || !isText(value.ranAt)) return { problem: 'its commit or ranAt is malformed' };
  if (!Array.isArray(value.parts)) return { problem: 'its parts are missing' };
  return { entry: value as unknown as IndexEntry };
}
