import {
  ConsoleLogger
} from "./chunk-NBTSJA7Y.js";
import {
  resultTable
} from "./chunk-ADSTKGQU.js";
import {
  askEngineInfoEarly,
  memoizeDocker
} from "./chunk-BFTENJIT.js";
import {
  unpinnedImageReason
} from "./chunk-OVMUTU22.js";
import "./chunk-FNUKYPLP.js";
import "./chunk-AJ4NKK5M.js";
import {
  readState
} from "./chunk-Q3ZBZB5P.js";
import {
  readRunIdentity
} from "./chunk-QBYG7RQS.js";
import {
  waitsOnAws
} from "./chunk-IULFMOT4.js";
import {
  EXIT,
  loadOrReport,
  write
} from "./chunk-YCPKGGKK.js";
import "./chunk-NYTR2SKW.js";
import "./chunk-EXI4PAKY.js";
import "./chunk-YJLFLQOZ.js";
import "./chunk-SZ5DK7JW.js";
import "./chunk-OKR6MCXK.js";
import "./chunk-OWRVBMST.js";
import "./chunk-HIONJ6JB.js";
import "./chunk-KWKXA2KE.js";
import "./chunk-7VZ5H7B6.js";

// src/cli/run.ts
var CliReporter = class {
  constructor(deps, json, signal) {
    this.deps = deps;
    this.json = json;
    this.signal = signal;
  }
  deps;
  json;
  signal;
  exitCode = EXIT.failed;
  /** What the run saved, for the clean-up after a crash. */
  saved = /* @__PURE__ */ new Map();
  saveState(key, value) {
    this.saved.set(key, value);
  }
  handedOff(_request, result) {
    this.printResult(result, resultTable(result));
    if (!this.json)
      write(this.deps.stdout, `Handed off: the runner writes the result to ${result.detached?.resultUri ?? "?"}`);
    this.exitCode = EXIT.ok;
    return Promise.resolve();
  }
  report({ result, gate, outcome, serve }) {
    this.printResult(result, resultTable(result, gate, serve));
    if (result.status === "Completed") {
      this.exitCode = outcome.gate === "passed" ? EXIT.ok : EXIT.failed;
      if (outcome.gate !== "passed") write(this.deps.stderr, `error: ${outcome.reason}`);
    } else {
      this.exitCode = this.signal.aborted ? EXIT.stopped : EXIT.failed;
    }
    return Promise.resolve();
  }
  printResult(result, table) {
    write(this.deps.stdout, this.json ? JSON.stringify(result, null, 2) : table);
    if (!this.json && result.taskArn) write(this.deps.stdout, `Runner task: ${result.taskArn}`);
  }
};
async function checkCredentialExpiry(request, deps, logger) {
  if (!waitsOnAws(request)) return;
  const { warnIfCredentialsExpireEarly, CLI_EXPIRY_ADVICE } = await import("./credentials-JT6WEC3D.js");
  await warnIfCredentialsExpireEarly({
    request,
    logger,
    advice: CLI_EXPIRY_ADVICE,
    ...deps.awsCredentials ? { credentials: deps.awsCredentials } : {}
  });
}
async function run(values, deps) {
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const request = await loadOrReport(values, deps);
  if (!request) return EXIT.usage;
  const docker = memoizeDocker(deps.docker);
  if (request.mode === "local") askEngineInfoEarly(docker);
  const [{ trainAndJudge }, { linkAbort }] = await Promise.all([
    import("./train-and-judge-H6GYXXFN.js"),
    import("./abort-44KBP3R3.js")
  ]);
  const abort = linkAbort({
    logger,
    ...deps.signal ? { signal: deps.signal } : {},
    ...deps.handleSignals ? {
      signals: process,
      onSecondSignal: () => {
        logger.warning("Second signal: exiting without waiting (containers may be left behind).");
        process.exit(EXIT.stopped);
      }
    } : {}
  });
  const expiryCheck = checkCredentialExpiry(request, deps, logger);
  const reporter = new CliReporter(deps, values.json === true, abort.signal);
  const identity = readRunIdentity(deps.env);
  try {
    const commit = unpinnedImageReason(request) ? Promise.resolve(void 0) : import("./commit-X5GDM6KR.js").then((m) => m.runCommit(identity, request.workspace));
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
      serve: {}
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
async function cleanUpAfterCrash(request, reporter, o) {
  if (request.mode !== "local") return;
  const saved = readState((key) => reporter.saved.get(key) ?? "");
  if (saved.containers.length === 0 && saved.network === void 0) return;
  const { createBackend } = await import("./factory-JAFIM4L3.js");
  const { docker } = o;
  await createBackend("local", {
    docker: typeof docker === "function" ? docker : () => Promise.resolve(docker),
    identity: o.identity
  }).cleanup(saved, { logger: o.logger, identity: o.identity });
}
export {
  run
};
