// Checks a request or response against AWS's published API model (test/fixtures/aws-models/, from botocore by
// scripts/aws-models.mjs): member names, types, required members, enums, lengths, ranges and patterns. Requests the
// code builds and answers the fakes give are both held to it, so a fake cannot drift from what AWS sends and accepts.
import { readFileSync } from 'node:fs';

import type { RunTaskCommandInput } from '@aws-sdk/client-ecs';

import { TRAINING_INSTANCE_TYPES } from '../../src/config/training-instance-types.js';

type Service = 'sagemaker' | 'logs' | 'ecs' | 'secretsmanager';

interface Shape {
  type: string;
  required?: string[];
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
}

interface Model {
  source: string;
  operations: Record<string, { input?: string; output?: string }>;
  shapes: Record<string, Shape>;
}

const models = new Map<Service, Model>();

/**
 * Enums that grew after the model was published: the instance types come from the SDK this project installs (the copy
 * src/config/ checks against, itself tested against the SDK).
 */
const NEWER_ENUMS: Record<string, readonly string[]> = { TrainingInstanceType: TRAINING_INSTANCE_TYPES };

/**
 * Members added after the model was published, with their shape; each is a member of the SDK's own type (the
 * `satisfies` clause fails to compile otherwise). RunTask's clientToken: ECS idempotency, 2023.
 */
const NEWER_MEMBERS: Record<string, Record<string, string>> = {
  RunTaskRequest: { clientToken: 'String' } satisfies Partial<Record<keyof RunTaskCommandInput, string>>,
};

function model(service: Service): Model {
  let found = models.get(service);
  if (!found) {
    const url = new URL(`../fixtures/aws-models/${service}.json`, import.meta.url);
    found = JSON.parse(readFileSync(url, 'utf8')) as Model;
    models.set(service, found);
  }
  return found;
}

/** The model's patterns are Java regular expressions; the few JavaScript cannot compile are not checked. */
function compile(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`);
    } catch {
      return undefined;
    }
  }
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function newerMembers(shapeName: string): Record<string, { shape: string }> {
  return Object.fromEntries(Object.entries(NEWER_MEMBERS[shapeName] ?? {}).map(([k, shape]) => [k, { shape }]));
}

interface Walk {
  model: Model;
  problems: string[];
  /** Inputs must carry every required member; fakes' outputs carry what the code reads (names and values checked). */
  requireMembers: boolean;
}

function check(w: Walk, shapeName: string, value: unknown, path: string): void {
  const m = w.model;
  const problems = w.problems;
  const shape = m.shapes[shapeName];
  if (!shape) return void problems.push(`${path}: the model has no shape ${shapeName}`);
  if (value === undefined || value === null) return;
  const fail = (what: string): void => void problems.push(`${path}: ${what} (got ${describe(value)})`);
  const length = (n: number, unit: string): void => {
    if (shape.min !== undefined && n < shape.min) fail(`at least ${shape.min} ${unit}`);
    if (shape.max !== undefined && n > shape.max) fail(`at most ${shape.max} ${unit}`);
  };
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail('expected a structure');
      const record = value as Record<string, unknown>;
      const members = { ...shape.members, ...newerMembers(shapeName) };
      for (const [key, child] of Object.entries(record)) {
        if (key === '$metadata') continue; // the SDK's, on every response
        const member = members[key];
        if (!member) problems.push(`${path}.${key}: not a member of ${shapeName}`);
        else check(w, member.shape, child, `${path}.${key}`);
      }
      for (const key of w.requireMembers ? (shape.required ?? []) : []) {
        if (record[key] === undefined || record[key] === null)
          problems.push(`${path}.${key}: required by ${shapeName}`);
      }
      return;
    }
    case 'list':
      if (!Array.isArray(value)) return fail('expected a list');
      length(value.length, 'items');
      value.forEach((item, i) => check(w, shape.member?.shape ?? '?', item, `${path}[${i}]`));
      return;
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail('expected a map');
      const entries = Object.entries(value as Record<string, unknown>);
      length(entries.length, 'entries');
      for (const [key, item] of entries) {
        check(w, shape.key?.shape ?? '?', key, `${path} key ${JSON.stringify(key)}`);
        check(w, shape.value?.shape ?? '?', item, `${path}.${key}`);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return fail('expected a string');
      const allowed = NEWER_ENUMS[shapeName] ?? shape.enum;
      if (allowed && !allowed.includes(value)) return fail(`expected one of ${allowed.join(', ')}`);
      length([...value].length, 'characters');
      const pattern = shape.pattern ? compile(shape.pattern) : undefined;
      if (pattern && !pattern.test(value)) fail(`does not match ${shape.pattern ?? ''}`);
      return;
    }
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail('expected an integer');
      length(value, '(value)');
      return;
    case 'float':
    case 'double':
      if (typeof value !== 'number') return fail('expected a number');
      length(value, '(value)');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail('expected a boolean');
      return;
    case 'timestamp':
      // SDK objects hold Dates; the JSON protocols send epoch seconds.
      if (!(value instanceof Date) && typeof value !== 'number') fail('expected a timestamp');
      return;
    case 'blob':
      if (typeof value !== 'string' && !(value instanceof Uint8Array)) fail('expected a blob');
      return;
    default:
      fail(`unknown shape type ${shape.type}`);
  }
}

/** Problems of `value` as the input or output of `operation`; empty when it fits the model. */
export function modelProblems(service: Service, operation: string, io: 'input' | 'output', value: unknown): string[] {
  const m = model(service);
  const op = m.operations[operation];
  if (!op) return [`${service}.${operation} is not in ${m.source}`];
  const shape = op[io];
  // An operation without an output answers an empty body (the SDK adds only $metadata).
  if (!shape)
    return io === 'output' && isEmptyAnswer(value) ? [] : [`${operation} has no ${io} (got ${describe(value)})`];
  const walk: Walk = { model: m, problems: [], requireMembers: io === 'input' };
  check(walk, shape, value, `${operation} ${io}`);
  return walk.problems;
}

function isEmptyAnswer(value: unknown): boolean {
  return (
    value === undefined ||
    (typeof value === 'object' && value !== null && Object.keys(value).every((k) => k === '$metadata'))
  );
}

/** Throws when `value` does not fit the model: for fakes, so that every test using them checks them. */
export function assertFitsModel<T>(service: Service, operation: string, io: 'input' | 'output', value: T): T {
  const problems = modelProblems(service, operation, io, value);
  if (problems.length > 0) {
    throw new ModelMismatch(`Not what AWS ${io === 'input' ? 'accepts' : 'sends'}:\n  ${problems.join('\n  ')}`);
  }
  return value;
}

/** A fake's input or output that the model refuses: a test bug, never an AWS error the code should handle. */
export class ModelMismatch extends Error {
  override name = 'ModelMismatch';
}

/**
 * A fake's handler (aws-sdk-client-mock's callsFake) held to the model: the request the code sent, and the answer the
 * fake gives. A mismatch is recorded in `mismatches` as well as thrown, since the code under test may swallow errors.
 */
export function modelChecked<I, O>(service: Service, operation: string, handler: (input: I) => O): (input: I) => O {
  return (input: I) => {
    try {
      assertFitsModel(service, operation, 'input', input);
      const output = handler(input);
      return assertFitsModel(service, operation, 'output', output);
    } catch (err) {
      if (err instanceof ModelMismatch) mismatches.push(`${service}.${operation}: ${err.message}`);
      throw err;
    }
  };
}

/** Every mismatch since the last call, cleared (fakes' tests assert it is empty after each test). */
export function takeMismatches(): string[] {
  return mismatches.splice(0);
}

const mismatches: string[] = [];

const TARGET_SERVICES: Record<string, Service> = {
  SageMaker: 'sagemaker',
  Logs_20140328: 'logs',
  AmazonEC2ContainerServiceV20141113: 'ecs',
  secretsmanager: 'secretsmanager',
};

function fromTarget(target: string): { service: Service; operation: string } | undefined {
  const dot = target.indexOf('.');
  const service = TARGET_SERVICES[target.slice(0, dot)];
  return service ? { service, operation: target.slice(dot + 1) } : undefined;
}

/**
 * For HTTP stand-ins of the JSON protocols (X-Amz-Target): what AWS would answer a request the model refuses (a 400
 * ValidationException body), or undefined when it fits. The mismatch is recorded as well.
 */
export function refuseInvalidRequest(target: string, body: unknown): { __type: string; message: string } | undefined {
  const op = fromTarget(target);
  if (!op) return undefined;
  const problems = modelProblems(op.service, op.operation, 'input', body);
  if (problems.length === 0) return undefined;
  mismatches.push(`${target}: Not what AWS accepts:\n  ${problems.join('\n  ')}`);
  return { __type: 'ValidationException', message: problems.join('; ') };
}

/** For HTTP stand-ins: records a successful answer the model refuses (a bug of the stand-in). */
export function checkAnswer(target: string, status: number, body: unknown): void {
  const op = fromTarget(target);
  if (!op || status !== 200) return;
  const problems = modelProblems(op.service, op.operation, 'output', body);
  if (problems.length > 0) mismatches.push(`${target}: Not what AWS sends:\n  ${problems.join('\n  ')}`);
}
