// Action inputs and CLI flags that override the configuration file: one table, read by both the action and the CLI.

import { isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { stringifyScalar } from './scalars.js';

export interface OverrideSpec {
  /** Action input name, and CLI flag name without the leading `--`. */
  name: string;
  /** Where the value goes in the configuration file's structure. */
  path: string[];
  /** `mapping` values are merged key by key over the file's mapping; `scalar` values replace. */
  kind: 'scalar' | 'mapping';
  description: string;
}

export const OVERRIDES: readonly OverrideSpec[] = [
  { name: 'mode', path: ['mode'], kind: 'scalar', description: 'Where to train: local, sagemaker or fargate.' },
  { name: 'region', path: ['region'], kind: 'scalar', description: 'AWS region (default AWS_REGION, then us-east-1).' },
  {
    name: 'image-uri',
    path: ['image', 'uri'],
    kind: 'scalar',
    description: "A prebuilt training image to use instead of building one (replaces the file's build settings).",
  },
  {
    name: 'build-args',
    path: ['image', 'build-args'],
    kind: 'mapping',
    description: "Docker build arguments as a YAML mapping, merged over the file's.",
  },
  {
    name: 'force-build',
    path: ['image', 'force-build'],
    kind: 'scalar',
    description: 'Build and push the image even when its content tag already exists (true or false).',
  },
  {
    name: 'registry-username',
    path: ['image', 'registry-username'],
    kind: 'scalar',
    description: 'User name for a registry other than ECR (the password: registry-password-env or registry-password).',
  },
  {
    name: 'instance-type',
    path: ['job', 'instance-type'],
    kind: 'scalar',
    description: 'ml.* instance type, or local.',
  },
  { name: 'instance-count', path: ['job', 'instance-count'], kind: 'scalar', description: 'Number of instances.' },
  {
    name: 'max-runtime',
    path: ['job', 'max-runtime'],
    kind: 'scalar',
    description: 'Longest the training may run, such as 2h.',
  },
  { name: 'job-name', path: ['job', 'name'], kind: 'scalar', description: 'Explicit training job name.' },
  { name: 'name-prefix', path: ['job', 'name-prefix'], kind: 'scalar', description: 'Prefix of generated job names.' },
  { name: 'role-arn', path: ['job', 'role-arn'], kind: 'scalar', description: 'IAM role SageMaker assumes.' },
  {
    name: 'capacity-retries',
    path: ['job', 'capacity-retries'],
    kind: 'scalar',
    description: 'Times a job that failed for lack of capacity is created again under a new name (0 to 5).',
  },
  {
    name: 'price-per-hour',
    path: ['job', 'price-per-hour'],
    kind: 'scalar',
    description: 'USD per instance-hour, for the estimated cost (default: a built-in approximate table).',
  },
  {
    name: 'output',
    path: ['output'],
    kind: 'scalar',
    description: 'Where model artifacts go: s3:// or a local folder.',
  },
  {
    name: 'hyperparameters',
    path: ['hyperparameters'],
    kind: 'mapping',
    description: "Hyperparameters as a YAML mapping, merged over the file's.",
  },
  {
    name: 'local-gpu',
    path: ['local', 'gpu'],
    kind: 'scalar',
    description: 'Local mode without a GPU runtime: required (fail) or optional (warn and run on CPU).',
  },
  {
    name: 'wait',
    path: ['wait'],
    kind: 'scalar',
    description:
      'false: return once the runner task is running; it completes the check run itself (fargate mode, with fargate.github-app-secret).',
  },
  {
    name: 'reuse',
    path: ['reuse'],
    kind: 'scalar',
    description:
      'false: train even when a completed run with the same fingerprint is in the result index (default true).',
  },
];

export interface Override {
  path: string[];
  /**
   * A plain value: string, number, boolean, null, or (for mapping overrides) an object whose numbers are already
   * written as the strings they become.
   */
  value: unknown;
  /** Where the value came from, used in error messages: `input "instance-type"`, `flag --set job.max-runtime`. */
  source: string;
  /** The text the value was parsed from, for scalars (so `0.10` and `0123` are not lost). */
  text?: string;
  /** Set when the override itself is malformed; loadRequest reports it with the other problems. */
  problem?: string;
}

const MAPPING_HINT = 'a YAML mapping such as "epochs: 3" or "{epochs: 3, eta: 0.1}"';

/** Overrides from action inputs; `getInput` returns '' for an input that was not given. */
export function overridesFromInputs(getInput: (name: string) => string): Override[] {
  const overrides: Override[] = [];
  for (const spec of OVERRIDES) {
    const raw = getInput(spec.name) as string | undefined;
    if (raw === undefined || raw.trim() === '') continue;
    overrides.push(fromSpec(spec, raw, `input "${spec.name}"`));
  }
  return overrides;
}

export interface FlagValues {
  /** Values of the flags named like OVERRIDES (`--instance-type` → `instance-type`); undefined or '' = not given. */
  values: Record<string, string | undefined>;
  /** `--set job.max-runtime=2h`: a dotted path and a YAML scalar. */
  sets?: string[];
  /** `--hyperparameter eta=0.1`, repeatable. */
  hyperparameters?: string[];
  /** `--build-arg KEY=VALUE`, repeatable; the value is taken as written. */
  buildArgs?: string[];
}

/** Overrides from CLI flags, in a stable order: named flags (table order), then --set, --hyperparameter, --build-arg. */
export function overridesFromFlags(flags: FlagValues): Override[] {
  const overrides: Override[] = [];
  const known = new Set(OVERRIDES.map((s) => s.name));
  for (const name of Object.keys(flags.values)) {
    if (!known.has(name) && flags.values[name] !== undefined) {
      overrides.push({
        path: [],
        value: undefined,
        source: `flag --${name}`,
        problem: 'is not a setting that can be overridden',
      });
    }
  }
  for (const spec of OVERRIDES) {
    const raw = flags.values[spec.name];
    if (raw === undefined || raw.trim() === '') continue;
    overrides.push(fromSpec(spec, raw, `flag --${spec.name}`));
  }
  for (const set of flags.sets ?? []) overrides.push(fromSet(set));
  for (const pair of flags.hyperparameters ?? []) {
    const split = splitPair(pair);
    if (split === undefined) {
      overrides.push(malformedPair('--hyperparameter', pair, 'name=value', ['hyperparameters']));
    } else {
      overrides.push({
        path: ['hyperparameters', split.key],
        ...parseScalarText(split.value),
        source: `flag --hyperparameter ${split.key}`,
      });
    }
  }
  for (const pair of flags.buildArgs ?? []) {
    const split = splitPair(pair);
    if (split === undefined) {
      overrides.push(malformedPair('--build-arg', pair, 'KEY=VALUE', ['image', 'build-args']));
    } else {
      overrides.push({
        path: ['image', 'build-args', split.key],
        value: split.value,
        text: split.value,
        source: `flag --build-arg ${split.key}`,
      });
    }
  }
  return overrides;
}

function fromSpec(spec: OverrideSpec, raw: string, source: string): Override {
  if (spec.kind === 'scalar') return { path: [...spec.path], ...parseScalarText(raw), source };
  const parsed = parseMappingText(raw);
  if ('problem' in parsed) return { path: [...spec.path], value: undefined, source, problem: parsed.problem };
  return { path: [...spec.path], value: parsed.value, source };
}

function fromSet(set: string): Override {
  const eq = set.indexOf('=');
  const dotted = (eq === -1 ? set : set.slice(0, eq)).trim();
  const source = dotted === '' ? 'flag --set' : `flag --set ${dotted}`;
  const path = dotted.split('.');
  if (eq === -1) {
    return {
      path,
      value: undefined,
      source,
      problem: `must be written as --set <path>=<value>, such as --set job.max-runtime=2h (got "${set}")`,
    };
  }
  if (path.some((segment) => segment === '')) {
    return {
      path,
      value: undefined,
      source,
      problem: `must name a setting as a dotted path such as job.max-runtime (got "${dotted}")`,
    };
  }
  const parsed = parseScalarText(set.slice(eq + 1));
  return { path, ...parsed, source };
}

function splitPair(pair: string): { key: string; value: string } | undefined {
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  return { key: pair.slice(0, eq).trim(), value: pair.slice(eq + 1) };
}

function malformedPair(flag: string, pair: string, shape: string, path: string[]): Override {
  return { path, value: undefined, source: `flag ${flag}`, problem: `must be written as ${shape} (got "${pair}")` };
}

/**
 * A YAML scalar (`"2"` → 2, `"true"` → true, `"2h"` → "2h"). Text that is not a single YAML scalar (`*x`, `[1`,
 * `a: b`) is kept as the string it is: these values are text, and the setting's own check says what is allowed.
 */
export function parseScalarText(raw: string): { value: string | number | boolean | null; text: string } {
  const text = raw.trim();
  const doc = parseDocument(text);
  if (doc.errors.length === 0 && doc.warnings.length === 0 && isScalar(doc.contents)) {
    const value: unknown = doc.contents.value;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      return { value, text };
    }
  }
  return { value: text, text };
}

function parseMappingText(raw: string): { value: Record<string, unknown> } | { problem: string } {
  const doc = parseDocument(raw, { prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const detail = firstError.message.split('\n')[0] ?? firstError.message;
    return { problem: `must be ${MAPPING_HINT} (YAML error: ${detail})` };
  }
  if (!isMap(doc.contents)) return { problem: `must be ${MAPPING_HINT} (got ${JSON.stringify(raw.trim())})` };
  const value: Record<string, unknown> = {};
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? (pair.key.source ?? String(pair.key.value)) : undefined;
    if (key === undefined || key === '') return { problem: `must be ${MAPPING_HINT} with plain keys` };
    const node = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
    if (isScalar(node)) {
      const scalar: unknown = node.value;
      value[key] =
        typeof scalar === 'number' && Number.isFinite(scalar) ? stringifyScalar(scalar, node.source) : scalar;
    } else if (isSeq(node)) {
      value[key] = [];
    } else if (isMap(node)) {
      value[key] = {};
    } else {
      value[key] = null;
    }
  }
  return { value };
}
