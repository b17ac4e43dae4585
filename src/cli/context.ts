// What every command of `sagemaker-train` shares: its dependencies, exit codes, parsed options, and the request.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type Dockerode from 'dockerode';

import { ConfigError } from '../config/errors.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { OVERRIDES, overridesFromFlags } from '../config/overrides.js';
import { suggest } from '../config/suggest.js';
import type { CreateGithubOptions, GitHub } from '../github/client.js';
import type { Logger } from '../logger.js';
import type { PipelineDeps } from '../pipeline/run-training.js';
import type { TrainingRequest } from '../request.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, stopped: 130 } as const;

export interface CliDeps {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Default: a client for DOCKER_HOST or the local socket, connected only when a build or local mode needs it. */
  docker?: Dockerode | (() => Promise<Dockerode>);
  /** Default: a ConsoleLogger on stderr. */
  logger?: Logger;
  /** Aborts a run, like SIGINT does. */
  signal?: AbortSignal;
  /** Install SIGINT/SIGTERM handlers on the process (the real command line does; tests usually do not). */
  handleSignals?: boolean;
  /** The GitHub client of `protect` (default: Octokit on the API URL GitHub Actions gives, else api.github.com). */
  createGithub?: (options: CreateGithubOptions) => Promise<GitHub>;
  /** The credential chain checked once against the run's deadline in a remote mode that waits (default: the SDK's). */
  awsCredentials?: AwsCredentialIdentityProvider;
  /** Clients and seams passed on to the pipeline. */
  pipeline?: Pick<
    PipelineDeps,
    'backendFor' | 'buildImage' | 'prepareImage' | 'ecr' | 'now' | 'random' | 's3' | 'runCache'
  >;
}

export class UsageError extends Error {}

export const COMMANDS = ['run', 'build', 'validate', 'fingerprint', 'protect', 'runner', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

export const OPTIONS = {
  config: { type: 'string', short: 'c' },
  workspace: { type: 'string', short: 'w' },
  json: { type: 'boolean' },
  'no-reuse': { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  set: { type: 'string', multiple: true },
  hyperparameter: { type: 'string', multiple: true },
  'build-arg': { type: 'string', multiple: true },
  repo: { type: 'string' },
  branch: { type: 'string' },
  check: { type: 'string' },
  'app-id': { type: 'string' },
  ruleset: { type: 'boolean' },
  ...Object.fromEntries(OVERRIDES.map((o) => [o.name, { type: 'string' }])),
} satisfies ParseArgsConfig['options'];

export type Values = {
  config?: string;
  workspace?: string;
  json?: boolean;
  'no-reuse'?: boolean;
  verbose?: boolean;
  help?: boolean;
  version?: boolean;
  set?: string[];
  hyperparameter?: string[];
  'build-arg'?: string[];
  repo?: string;
  branch?: string;
  check?: string;
  'app-id'?: string;
  ruleset?: boolean;
} & Record<string, string | boolean | string[] | undefined>;

function usageErrorOf(err: unknown): UsageError {
  const e = err as { code?: string; message?: string };
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = /'(-{1,2}[^']+)'/.exec(e.message ?? '')?.[1] ?? '';
    const hint = suggest(name.replace(/^-+/, ''), Object.keys(OPTIONS));
    return new UsageError(`unknown option ${name || '(unreadable)'}${hint ? `; did you mean --${hint}?` : ''}`);
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError((e.message ?? 'invalid option value').replace(/\.$/, '').replace(/^Option /, 'option '));
  }
  return new UsageError(e.message ?? String(err));
}

export function parse(argv: string[]): { command: Command | undefined; values: Values } {
  let parsed: { values: Values; positionals: string[] };
  try {
    const result = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    parsed = { values: result.values, positionals: result.positionals };
  } catch (err) {
    throw usageErrorOf(err);
  }
  const [first, ...rest] = parsed.positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
  if (first === undefined) return { command: undefined, values: parsed.values };
  if (!(COMMANDS as readonly string[]).includes(first)) {
    const hint = suggest(first, COMMANDS);
    throw new UsageError(`unknown command ${JSON.stringify(first)}${hint ? `; did you mean ${hint}?` : ''}`);
  }
  return { command: first as Command, values: parsed.values };
}

/** The request; each setting without effect in its mode is printed to stderr as a warning. */
export async function load(values: Values, deps: CliDeps): Promise<TrainingRequest> {
  const { request, warnings } = await loadWithWarnings(values, deps);
  printWarnings(deps, warnings);
  return request;
}

export function printWarnings(deps: Pick<CliDeps, 'stderr'>, warnings: LoadedConfig['warnings']): void {
  for (const w of warnings) write(deps.stderr, `warning: ${w.where}: ${w.message}`);
}

/** The request from the configuration file and the flags (flags win), and the settings without effect in its mode. */
export async function loadWithWarnings(values: Values, deps: CliDeps): Promise<LoadedConfig> {
  const overrideValues: Record<string, string | undefined> = {};
  for (const o of OVERRIDES) {
    const v = values[o.name];
    if (typeof v === 'string') overrideValues[o.name] = v;
  }
  if (values['no-reuse']) overrideValues.reuse = 'false';
  return loadConfig({
    workspace: resolve(deps.cwd, values.workspace ?? '.'),
    ...(values.config !== undefined ? { configFile: values.config, configFileExplicit: true } : {}),
    overrides: overridesFromFlags({
      values: overrideValues,
      sets: values.set ?? [],
      hyperparameters: values.hyperparameter ?? [],
      buildArgs: values['build-arg'] ?? [],
    }),
    env: deps.env,
  });
}

/** The request, or undefined once every configuration problem is printed (the caller exits 2). */
export async function loadOrReport(values: Values, deps: CliDeps): Promise<TrainingRequest | undefined> {
  try {
    return await load(values, deps);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    write(deps.stderr, err.message);
    return undefined;
  }
}

export function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
