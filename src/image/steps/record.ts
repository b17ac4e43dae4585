// What an image pushed by this tool records about its steps, in a label of its config: for every step of the target
// stage (FROM first) its cache key and the hash of its text without the files (so two images can be lined up step by
// step when only the copied files differ). The layer each step made is read from the config's history (one entry per
// step, `empty_layer` when it made none, then one LABEL entry per label the build adds, as the classic builder writes
// them), which this tool writes the same way. A label travels
// with the image wherever it is copied or pulled, costs no object of its own, and is read with the config, which
// assembly reads anyway. The image is also tagged `steps-<16 hex>` by the key of its last step that only the engine
// can make, the tag a later build looks up.
import { createHash } from 'node:crypto';

import type { Step } from '../dockerfile/stages.js';

export const STEPS_LABEL = 'dev.sagemaker-train.steps';

export interface StepRecord {
  keys: string[];
  texts: string[];
  /** The history entries after the steps: one LABEL per label the build adds (this one included). */
  tail: number;
}

/** The hash of a step's text and options (not the files it copies). */
export function textHash(step: Pick<Step, 'instruction'>): string {
  const { keyword, flags, rest } = step.instruction;
  return createHash('sha256')
    .update(JSON.stringify([keyword, flags, rest]))
    .digest('hex')
    .slice(0, 32);
}

export function encodeRecord(record: StepRecord): string {
  return JSON.stringify({ v: 1, keys: record.keys, texts: record.texts, tail: record.tail });
}

/** The record in an image's labels, or undefined when there is none or it is not one this version reads. */
export function decodeRecord(labels: Record<string, string> | null | undefined): StepRecord | undefined {
  const text = labels?.[STEPS_LABEL];
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as { v?: unknown; keys?: unknown; texts?: unknown; tail?: unknown };
    const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
    if (value.v !== 1 || !strings(value.keys) || !strings(value.texts)) return undefined;
    if (value.keys.length !== value.texts.length || value.keys.length === 0) return undefined;
    if (typeof value.tail !== 'number' || !Number.isInteger(value.tail) || value.tail < 1) return undefined;
    return { keys: value.keys, texts: value.texts, tail: value.tail };
  } catch {
    return undefined;
  }
}

/** The tag an image is found by: the key of the last step only the engine can make. */
export function anchorTag(key: string): string {
  return `steps-${key.slice(0, 16)}`;
}

/** The build's labels with the step record added (the record counts the LABEL entries they make). */
export function withStepsLabel(
  steps: Pick<StepRecord, 'keys' | 'texts'>,
  labels: Record<string, string>,
): Record<string, string> {
  const others = Object.fromEntries(Object.entries(labels).filter(([k]) => k !== STEPS_LABEL));
  const tail = Object.keys(others).length + 1;
  return { ...others, [STEPS_LABEL]: encodeRecord({ keys: steps.keys, texts: steps.texts, tail }) };
}
