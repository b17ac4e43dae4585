#!/usr/bin/env node
// `sagemaker-train`: validate a configuration, or train it (local mode today) exactly as CI would.
// Start-up matters (`validate` must be quick), so Docker, the pipeline and AWS load only inside `run`.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type Dockerode from 'dockerode';

import { ConfigError } from './config/errors.js';
import { DEFAULT_CONFIG_FILE, loadRequest } from './config/load.js';
import { OVERRIDES, overridesFromFlags } from './config/overrides.js';
import { suggest } from './config/suggest.js';
import type { CreateGithubOptions, GitHub } from './github/client.js';
import { ConsoleLogger, type Logger } from './logger.js';
import type { PipelineDeps } from './pipeline.js';
import { requestSummary } from './report/request-summary.js';
import { resultTable } from './report/table.js';
import type { TrainingRequest } from './request.js';
import { isStateKey, splitIds, State } from './state.js';
import { waitsOnAws } from './wait/deadline.js';
import pkg from '../package.json' with { type: 'json' };
import { messageOf } from './error-message.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, stopped: 130 } as const;

export interface CliDeps {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Default: a client for DOCKER_HOST or the local socket, created only by `run`. */
  docker?: Dockerode | (() => Promise<Dockerode>);
  /** Default: a ConsoleLogger on stderr. */
  logger?: Logger;
  /** Aborts a run, like SIGINT does. */
  signal?: AbortSignal;
  /** Install SIGINT/SIGTERM handlers on the process (the real command line does; tests usually do not). */
  handleSignals?: boolean;
  /** The GitHub client of `protect` (default: Octokit on GITHUB_API_URL). */
  createGithub?: (options: CreateGithubOptions) => Promise<GitHub>;
  /**
   * The default credential chain, checked once against the run's deadline in a remote mode that waits (default: the
   * SDK's chain, but only when the backend is real: a test's stand-in backend needs no AWS).
   */
  awsCredentials?: AwsCredentialIdentityProvider;
  /** Test seams passed on to the pipeline. */
  pipeline?: Pick<PipelineDeps, 'backendFor' | 'buildImage' | 'prepareImage' | 'ecr' | 'now' | 'random' | 's3'>;
}

class UsageError extends Error {}

const COMMANDS = ['run', 'build', 'validate', 'protect', 'runner', 'help'] as const;
type Command = (typeof COMMANDS)[number];

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  workspace: { type: 'string', short: 'w' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  set: { type: 'string', multiple: true },
  hyperparameter: { type: 'string', multiple: true },
  'build-arg': { type: 'string', multiple: true },
  repo: { type: 'string' },
  branch: { type: 'string' },
  check: { type: 'string' },
  ...Object.fromEntries(OVERRIDES.map((o) => [o.name, { type: 'string' }])),
} satisfies ParseArgsConfig['options'];

type Values = {
  config?: string;
  workspace?: string;
  json?: boolean;
  verbose?: boolean;
  help?: boolean;
  version?: boolean;
  set?: string[];
  hyperparameter?: string[];
  'build-arg'?: string[];
  repo?: string;
  branch?: string;
  check?: string;
} & Record<string, string | boolean | string[] | undefined>;

export function helpText(): string {
  const flag = (name: string, arg: string, text: string): string => `  ${`--${name} ${arg}`.padEnd(30)} ${text}`;
  return [
    `sagemaker-train ${pkg.version}: build a SageMaker training image and train it locally on Docker, exactly as`,
    'SageMaker would, then report its metrics.',
    '',
    'Usage:',
    '  sagemaker-train run      [options]   train and print the result (exit 0 only when the job completed and passed its thresholds)',
    '  sagemaker-train build    [options]   build the image only when its content changed, and push it (remote modes)',
    '  sagemaker-train validate [options]   check the configuration and print what would run',
    '  sagemaker-train protect --repo OWNER/REPO --branch BRANCH [--check NAME]',
    '                                       make the check required on the branch (token from GITHUB_TOKEN)',
    "  sagemaker-train runner               the Fargate task's command: run the request in TRAINING_REQUEST_JSON or",
    '                                       TRAINING_REQUEST_URI on SageMaker, write result.json beside it (logs on stdout;',
    '                                       exit 0 completed, 10 failed, 11 stopped, 2 bad request, 1 runner error)',
    '  sagemaker-train --help | --version',
    '',
    'Options:',
    flag('config', 'FILE', `configuration file (default ${DEFAULT_CONFIG_FILE}, relative to the workspace)`),
    flag('workspace', 'DIR', 'folder relative paths are resolved against (default: the current folder)'),
    flag('json', '', 'print the result (or the validated request) as JSON on stdout'),
    flag('verbose', '', 'print debug messages'),
    '',
    'Overrides (win over the file):',
    ...OVERRIDES.map((o) => flag(o.name, o.kind === 'mapping' ? 'YAML' : 'VALUE', o.description)),
    flag('set', 'PATH=VALUE', 'any setting by its dotted path, such as job.max-runtime=2h (repeatable)'),
    flag('hyperparameter', 'K=V', 'one hyperparameter (repeatable)'),
    flag('build-arg', 'K=V', 'one Docker build argument (repeatable)'),
    '',
    'Exit codes: 0 completed and passed (or valid), 1 failed or a threshold missed, 2 invalid input, 130 stopped by a signal.',
    'Logs go to stderr; the result goes to stdout.',
    '',
  ].join('\n');
}

function parse(argv: string[]): { command: Command | undefined; values: Values } {
  let parsed: { values: Values; positionals: string[] };
  try {
    const result = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    parsed = { values: result.values, positionals: result.positionals };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = /'(-{1,2}[^']+)'/.exec(e.message ?? '')?.[1] ?? '';
      const hint = suggest(name.replace(/^-+/, ''), Object.keys(OPTIONS));
      throw new UsageError(`unknown option ${name || '(unreadable)'}${hint ? `; did you mean --${hint}?` : ''}`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError((e.message ?? 'invalid option value').replace(/\.$/, '').replace(/^Option /, 'option '));
    }
    throw new UsageError(e.message ?? String(err));
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

async function load(values: Values, deps: CliDeps): Promise<TrainingRequest> {
  const overrideValues: Record<string, string | undefined> = {};
  for (const o of OVERRIDES) {
    const v = values[o.name];
    if (typeof v === 'string') overrideValues[o.name] = v;
  }
  return loadRequest({
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
async function loadOrReport(values: Values, deps: CliDeps): Promise<TrainingRequest | undefined> {
  try {
    return await load(values, deps);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    write(deps.stderr, err.message);
    return undefined;
  }
}

function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

async function validate(values: Values, deps: CliDeps): Promise<number> {
  try {
    const request = await load(values, deps);
    if (values.json) write(deps.stdout, JSON.stringify({ valid: true, request }, null, 2));
    else {
      const file = request.configFile ?? 'The inputs';
      write(deps.stdout, `${file} is valid.\n\n${requestSummary(request)}`);
    }
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    if (values.json) write(deps.stdout, JSON.stringify({ valid: false, issues: err.issues }, null, 2));
    write(deps.stderr, err.message);
    return EXIT.usage;
  }
}

/** `build`: the image step alone. Local mode builds into the engine; the remote modes also push to image.repository. */
async function build(values: Values, deps: CliDeps): Promise<number> {
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const request = await loadOrReport(values, deps);
  if (!request) return EXIT.usage;
  const [{ resolveImage }, { abortOnSignals }] = await Promise.all([
    import('./image/resolve.js'),
    import('./action/signals.js'),
  ]);
  const controller = new AbortController();
  const onExternalAbort = (): void => controller.abort(deps.signal?.reason);
  if (deps.signal?.aborted) onExternalAbort();
  deps.signal?.addEventListener('abort', onExternalAbort, { once: true });
  const removeHandlers = deps.handleSignals ? abortOnSignals({ controller, logger }) : () => undefined;
  try {
    const image = await resolveImage(request, {
      ...deps.pipeline,
      // Connected only when something must be built (a registry hit needs no engine).
      docker: () => resolveDocker(deps),
      logger,
      signal: controller.signal,
      env: deps.env,
    });
    const summary = {
      imageUri: image.uri,
      imageTag: image.tag ?? null,
      imageBuilt: image.built,
      imageSource: image.source ?? null,
    };
    write(
      deps.stdout,
      values.json
        ? JSON.stringify(summary, null, 2)
        : [
            `Image   ${image.uri}`,
            ...(image.tag ? [`Tag     ${image.tag}`] : []),
            `Built   ${image.built ? 'yes' : 'no (already there)'}`,
            ...(image.note ? [`How     ${image.note}`] : []),
          ].join('\n'),
    );
    return EXIT.ok;
  } catch (err) {
    if (controller.signal.aborted) {
      write(deps.stderr, 'error: stopped before the image was ready');
      return EXIT.stopped;
    }
    if (err instanceof Error && err.stack) logger.debug(err.stack);
    write(deps.stderr, `error: ${messageOf(err)}`);
    return EXIT.failed;
  } finally {
    removeHandlers();
    deps.signal?.removeEventListener('abort', onExternalAbort);
  }
}

/** Warns when the default credentials expire before a remote run may end (never throws, never blocks the run). */
async function checkCredentialExpiry(request: TrainingRequest, deps: CliDeps, logger: Logger): Promise<void> {
  // A test's stand-in backend needs no AWS: only a real run, or one given a chain, is checked.
  if (!waitsOnAws(request) || (!deps.awsCredentials && deps.pipeline?.backendFor)) return;
  const { warnIfCredentialsExpireEarly, CLI_EXPIRY_ADVICE } = await import('./aws/credentials.js');
  await warnIfCredentialsExpireEarly({
    request,
    logger,
    advice: CLI_EXPIRY_ADVICE,
    ...(deps.awsCredentials ? { credentials: deps.awsCredentials } : {}),
  });
}

async function resolveDocker(deps: CliDeps): Promise<Dockerode> {
  if (typeof deps.docker === 'function') return deps.docker();
  if (deps.docker) return deps.docker;
  const { createDocker } = await import('./action/clients.js');
  return createDocker();
}

async function run(values: Values, deps: CliDeps): Promise<number> {
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const request = await loadOrReport(values, deps);
  if (!request) return EXIT.usage;

  const [{ runTraining, assertModeAvailable, ModeNotAvailableError }, { abortOnSignals }, { cleanupLocalRun }] =
    await Promise.all([import('./pipeline.js'), import('./action/signals.js'), import('./backends/local/index.js')]);
  if (!deps.pipeline?.backendFor) {
    try {
      assertModeAvailable(request.mode);
    } catch (err) {
      if (!(err instanceof ModeNotAvailableError)) throw err;
      write(deps.stderr, `error: ${err.message}`);
      return EXIT.usage;
    }
  }

  const controller = new AbortController();
  const onExternalAbort = (): void => controller.abort(deps.signal?.reason);
  if (deps.signal?.aborted) onExternalAbort();
  deps.signal?.addEventListener('abort', onExternalAbort, { once: true });
  const removeHandlers = deps.handleSignals
    ? abortOnSignals({
        controller,
        logger,
        onSecondSignal: () => {
          logger.warning('Second signal: exiting without waiting (containers may be left behind).');
          process.exit(EXIT.stopped);
        },
      })
    : () => undefined;

  // Runs beside the build: the warning only needs to come before the long wait.
  const expiryCheck = checkCredentialExpiry(request, deps, logger);

  // What must be removed if the run breaks half-way (the action has a post step for this; the CLI does it here).
  const started: { containers: string[]; network?: string } = { containers: [] };
  let docker: Dockerode | undefined;
  try {
    docker = await resolveDocker(deps);
    const result = await runTraining(request, {
      ...deps.pipeline,
      docker,
      logger,
      signal: controller.signal,
      env: deps.env,
      onState: (key, value) => {
        if (!isStateKey(key)) return;
        if (key === State.Containers) started.containers = splitIds(value);
        if (key === State.Network) started.network = value;
      },
    });
    // The same gate as the action, by threshold (a local run has no base branch result to compare with).
    const [{ evaluateGates }, { conclude }] = await Promise.all([
      import('./gate/evaluate.js'),
      import('./gate/conclusion.js'),
    ]);
    const gate = evaluateGates({ specs: request.metrics, metrics: result.metrics });
    const outcome = conclude({ kind: 'trained', result, gate });
    write(deps.stdout, values.json ? JSON.stringify(result, null, 2) : resultTable(result, gate));
    if (!values.json && result.taskArn) write(deps.stdout, `Runner task: ${result.taskArn}`);
    if (result.status === 'InProgress') {
      // wait: false — the Fargate runner goes on alone and writes the result when the job ends.
      if (!values.json)
        write(deps.stdout, `Handed off: the runner writes the result to ${result.detached?.resultUri ?? '?'}`);
      return EXIT.ok;
    }
    if (result.status === 'Completed') {
      if (outcome.gate === 'passed') return EXIT.ok;
      write(deps.stderr, `error: ${outcome.reason}`);
      return EXIT.failed;
    }
    return controller.signal.aborted ? EXIT.stopped : EXIT.failed;
  } catch (err) {
    if (err instanceof ModeNotAvailableError) {
      write(deps.stderr, `error: ${err.message}`);
      return EXIT.usage;
    }
    if (err instanceof Error && err.stack) logger.debug(err.stack);
    if (docker && (started.containers.length > 0 || started.network)) await cleanupLocalRun(docker, started, logger);
    throw err;
  } finally {
    removeHandlers();
    deps.signal?.removeEventListener('abort', onExternalAbort);
    await expiryCheck;
  }
}

/** `protect`: make the check a required status check on a branch, keeping the branch's other protection. */
async function protect(values: Values, deps: CliDeps): Promise<number> {
  const [owner, repo, ...more] = (values.repo ?? '').split('/');
  if (!owner || !repo || more.length > 0) throw new UsageError('protect needs --repo OWNER/REPO');
  if (!values.branch) throw new UsageError('protect needs --branch BRANCH');
  const token = deps.env.GITHUB_TOKEN?.trim();
  if (!token) {
    write(deps.stderr, 'error: set GITHUB_TOKEN to a token that may administer the repository');
    return EXIT.usage;
  }
  const { DEFAULT_CHECK_NAME } = await import('./action/inputs.js');
  const checkName = values.check?.trim() || DEFAULT_CHECK_NAME;
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const [{ createGithub, describeGithubError, errorText }, { requireCheck }] = await Promise.all([
    import('./github/client.js'),
    import('./github/protect.js'),
  ]);
  const github = await (deps.createGithub ?? createGithub)({
    token,
    baseUrl: deps.env.GITHUB_API_URL ?? 'https://api.github.com',
    logger,
  });
  try {
    const outcome = await requireCheck({ github, owner, repo, branch: values.branch, checkName });
    const what = {
      'already-required': `"${checkName}" is already required on ${values.branch}.`,
      added: `"${checkName}" is now required on ${values.branch} (other protection settings kept).`,
      protected: `${values.branch} is now protected and requires "${checkName}".`,
    }[outcome];
    write(deps.stdout, what);
    return EXIT.ok;
  } catch (err) {
    write(
      deps.stderr,
      `error: could not update the protection of ${values.branch}: ${errorText(describeGithubError(err))}`,
    );
    return EXIT.failed;
  }
}

/** `runner`: the Fargate task's command (src/runner/). Loaded only here: the other commands never parse it. */
async function runner(values: Values, deps: CliDeps): Promise<number> {
  // The runner is the container's PID 1, and PID 1 ignores a signal it has no handler for: a StopTask that comes
  // while the runner module loads would be lost (and the job launched). Caught from here on, and passed on.
  const early = new AbortController();
  const onEarlySignal = (signal: NodeJS.Signals): void => early.abort(new Error(`stopped by ${signal}`));
  if (deps.handleSignals) {
    process.once('SIGTERM', onEarlySignal);
    process.once('SIGINT', onEarlySignal);
  }
  const { runRunner } = await import('./runner/index.js').finally(() => {
    // runRunner installs its own handlers before its first await: no gap.
    process.off('SIGTERM', onEarlySignal);
    process.off('SIGINT', onEarlySignal);
  });
  const signal = deps.signal ? AbortSignal.any([deps.signal, early.signal]) : early.signal;
  return runRunner({
    env: deps.env,
    // Plain lines on stdout: the task's awslogs driver ships them.
    logger: deps.logger ?? new ConsoleLogger(deps.stdout, values.verbose === true),
    signal,
    ...(deps.handleSignals ? { handleSignals: true } : {}),
  });
}

/** Runs the command line and returns the exit code; never exits the process itself (but a second Ctrl-C does). */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  try {
    const { command, values } = parse(argv);
    if (values.version) {
      write(deps.stdout, pkg.version);
      return EXIT.ok;
    }
    if (values.help || command === 'help') {
      write(deps.stdout, helpText());
      return EXIT.ok;
    }
    if (command === undefined) {
      write(deps.stderr, `${helpText()}\nerror: a command is required (run, build or validate)`);
      return EXIT.usage;
    }
    if (command === 'validate') return await validate(values, deps);
    if (command === 'protect') return await protect(values, deps);
    if (command === 'runner') return await runner(values, deps);
    return command === 'build' ? await build(values, deps) : await run(values, deps);
  } catch (err) {
    if (err instanceof UsageError) {
      write(deps.stderr, `error: ${err.message}\nRun 'sagemaker-train --help' for the options.`);
      return EXIT.usage;
    }
    write(deps.stderr, `error: ${messageOf(err)}`);
    return EXIT.failed;
  }
}

function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

if (isEntryPoint(import.meta.url)) {
  // fetch's HTTP parser (undici's llhttp) is WebAssembly that V8 re-optimises on a background thread, and the process
  // waits for that at exit: about 80 ms added to every command that made a request (a registry check, say), for a
  // parser that reads a few kilobytes. Baseline code only; it applies to modules compiled from now on.
  setFlagsFromString('--liftoff-only');
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    handleSignals: true,
  });
}
