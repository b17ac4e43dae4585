// `sagemaker-train run`: the same path to a verdict as the action (trainAndJudge), reported as a table (or JSON) on
// stdout and an exit code. A run that breaks half-way has its containers removed here (the action has a post step).
import { ConsoleLogger, type Logger } from '../logger.js';
import type { Judged, Reporter } from '../pipeline/reporter.js';
import { askEngineInfoEarly, asksEngineInfo, memoizeDocker, type DockerProvider } from '../pipeline/docker.js';
import { unpinnedImageReason } from '../cache/unpinned.js';
import { resultTable } from '../report/table.js';
import type { TrainingRequest } from '../request.js';
import type { TrainingResult } from '../result.js';
import { readRunIdentity, type RunIdentity } from '../run-identity.js';
import { readState, type State } from '../state.js';
import { waitsOnAws } from '../wait/deadline.js';
import { EXIT, loadOrReport, write, type CliDeps, type Values } from './context.js';

/** The CLI's reporter: the result on stdout, the reason on stderr, and the exit code it makes. */
class CliReporter implements Reporter {
  exitCode: number = EXIT.failed;
  /** What the run saved, for the clean-up after a crash. */
  readonly saved = new Map<string, string>();

  constructor(
    private readonly deps: CliDeps,
    private readonly json: boolean,
    private readonly signal: AbortSignal,
  ) {}

  saveState(key: State, value: string): void {
    this.saved.set(key, value);
  }

  handedOff(_request: TrainingRequest, result: TrainingResult): Promise<void> {
    this.printResult(result, resultTable(result));
    // wait: false — the Fargate runner goes on alone and writes the result when the job ends.
    if (!this.json)
      write(this.deps.stdout, `Handed off: the runner writes the result to ${result.detached?.resultUri ?? '?'}`);
    this.exitCode = EXIT.ok;
    return Promise.resolve();
  }

  report({ result, gate, outcome, serve }: Judged): Promise<void> {
    this.printResult(result, resultTable(result, gate, serve));
    if (result.status === 'Completed') {
      this.exitCode = outcome.gate === 'passed' ? EXIT.ok : EXIT.failed;
      if (outcome.gate !== 'passed') write(this.deps.stderr, `error: ${outcome.reason}`);
    } else {
      this.exitCode = this.signal.aborted ? EXIT.stopped : EXIT.failed;
    }
    return Promise.resolve();
  }

  private printResult(result: TrainingResult, table: string): void {
    write(this.deps.stdout, this.json ? JSON.stringify(result, null, 2) : table);
    if (!this.json && result.taskArn) write(this.deps.stdout, `Runner task: ${result.taskArn}`);
  }
}

/** Warns when the credentials expire before a remote run may end (never throws, never blocks the run). */
async function checkCredentialExpiry(request: TrainingRequest, deps: CliDeps, logger: Logger): Promise<void> {
  if (!waitsOnAws(request)) return;
  const { warnIfCredentialsExpireEarly, CLI_EXPIRY_ADVICE } = await import('../aws/credentials.js');
  await warnIfCredentialsExpireEarly({
    request,
    logger,
    advice: CLI_EXPIRY_ADVICE,
    ...(deps.awsCredentials ? { credentials: deps.awsCredentials } : {}),
  });
}

export async function run(values: Values, deps: CliDeps): Promise<number> {
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const request = await loadOrReport(values, deps);
  if (!request) return EXIT.usage;
  const docker = memoizeDocker(deps.docker);
  // Local mode, when its run needs the engine's info: the engine works it out while the pipeline loads.
  if (asksEngineInfo(request)) askEngineInfoEarly(docker);
  const [{ trainAndJudge }, { linkAbort }] = await Promise.all([
    import('../pipeline/train-and-judge.js'),
    import('../pipeline/abort.js'),
  ]);
  const abort = linkAbort({
    logger,
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.handleSignals
      ? {
          signals: process,
          onSecondSignal: () => {
            logger.warning('Second signal: exiting without waiting (containers may be left behind).');
            process.exit(EXIT.stopped);
          },
        }
      : {}),
  });
  // Runs beside the build: the warning only needs to come before the long wait.
  const expiryCheck = checkCredentialExpiry(request, deps, logger);
  const reporter = new CliReporter(deps, values.json === true, abort.signal);
  const identity = readRunIdentity(deps.env);
  try {
    // Asked of git while the run goes on: the commit is needed only to record the run.
    // (Not asked at all for a tag-addressed image, whose run the cache does not record.)
    const commit = unpinnedImageReason(request)
      ? Promise.resolve(undefined)
      : import('../cache/commit.js').then((m) => m.runCommit(identity, request.workspace));
    const runCache = { ...deps.pipeline?.runCache, commit };
    await trainAndJudge(request, {
      ...deps.pipeline,
      docker,
      logger,
      signal: abort.signal,
      env: deps.env,
      identity,
      reporter,
      runCache,
      // The CLI runs serve tests on this machine's engine; it never registers (that is the base branch's workflow).
      serve: {},
    });
    return reporter.exitCode;
  } catch (err) {
    if (err instanceof Error && err.stack) logger.debug(err.stack);
    await cleanUpAfterCrash(request, reporter, { docker, identity, logger });
    throw err;
  } finally {
    abort.dispose();
    await expiryCheck;
  }
}

/** A run that threw half-way: its backend removes (or stops) what it had started. */
async function cleanUpAfterCrash(
  request: TrainingRequest,
  reporter: CliReporter,
  o: { docker: DockerProvider; identity: RunIdentity; logger: Logger },
): Promise<void> {
  if (request.mode !== 'local') return;
  const saved = readState((key) => reporter.saved.get(key) ?? '');
  if (saved.containers.length === 0 && saved.network === undefined) return;
  const { createBackend } = await import('../backends/factory.js');
  const { docker } = o;
  await createBackend('local', {
    docker: typeof docker === 'function' ? docker : () => Promise.resolve(docker),
    identity: o.identity,
  }).cleanup(saved, { logger: o.logger, identity: o.identity });
}
