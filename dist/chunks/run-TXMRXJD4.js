var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var run_TXMRXJD4_exports = {};
__export(run_TXMRXJD4_exports, {
  run: () => run
});
module.exports = __defProp(run_TXMRXJD4_exports, "__esModule", { value: true });
var import_chunk_NBTSJA7Y = require("./chunk-NBTSJA7Y.js");
var import_chunk_ADSTKGQU = require("./chunk-ADSTKGQU.js");
var import_chunk_TERDQLG2 = require("./chunk-TERDQLG2.js");
var import_chunk_OVMUTU22 = require("./chunk-OVMUTU22.js");
var import_chunk_4VGYOB5M = require("./chunk-4VGYOB5M.js");
var import_chunk_FNUKYPLP = require("./chunk-FNUKYPLP.js");
var import_chunk_AJ4NKK5M = require("./chunk-AJ4NKK5M.js");
var import_chunk_Q3ZBZB5P = require("./chunk-Q3ZBZB5P.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_IULFMOT4 = require("./chunk-IULFMOT4.js");
var import_chunk_NK3AZN6Y = require("./chunk-NK3AZN6Y.js");
var import_chunk_NYTR2SKW = require("./chunk-NYTR2SKW.js");
var import_chunk_634ZN4XJ = require("./chunk-634ZN4XJ.js");
var import_chunk_YJLFLQOZ = require("./chunk-YJLFLQOZ.js");
var import_chunk_SZ5DK7JW = require("./chunk-SZ5DK7JW.js");
var import_chunk_OKR6MCXK = require("./chunk-OKR6MCXK.js");
var import_chunk_UO73Q2OA = require("./chunk-UO73Q2OA.js");
var import_chunk_HIONJ6JB = require("./chunk-HIONJ6JB.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var CliReporter = class {
  constructor(deps, json, signal) {
    this.deps = deps;
    this.json = json;
    this.signal = signal;
  }
  deps;
  json;
  signal;
  exitCode = import_chunk_NK3AZN6Y.EXIT.failed;
  /** What the run saved, for the clean-up after a crash. */
  saved = /* @__PURE__ */ new Map();
  saveState(key, value) {
    this.saved.set(key, value);
  }
  handedOff(_request, result) {
    this.printResult(result, (0, import_chunk_ADSTKGQU.resultTable)(result));
    if (!this.json)
      (0, import_chunk_NK3AZN6Y.write)(this.deps.stdout, `Handed off: the runner writes the result to ${result.detached?.resultUri ?? "?"}`);
    this.exitCode = import_chunk_NK3AZN6Y.EXIT.ok;
    return Promise.resolve();
  }
  report({ result, gate, outcome, serve }) {
    this.printResult(result, (0, import_chunk_ADSTKGQU.resultTable)(result, gate, serve));
    if (result.status === "Completed") {
      this.exitCode = outcome.gate === "passed" ? import_chunk_NK3AZN6Y.EXIT.ok : import_chunk_NK3AZN6Y.EXIT.failed;
      if (outcome.gate !== "passed") (0, import_chunk_NK3AZN6Y.write)(this.deps.stderr, `error: ${outcome.reason}`);
    } else {
      this.exitCode = this.signal.aborted ? import_chunk_NK3AZN6Y.EXIT.stopped : import_chunk_NK3AZN6Y.EXIT.failed;
    }
    return Promise.resolve();
  }
  printResult(result, table) {
    (0, import_chunk_NK3AZN6Y.write)(this.deps.stdout, this.json ? JSON.stringify(result, null, 2) : table);
    if (!this.json && result.taskArn) (0, import_chunk_NK3AZN6Y.write)(this.deps.stdout, `Runner task: ${result.taskArn}`);
  }
};
async function checkCredentialExpiry(request, deps, logger) {
  if (!(0, import_chunk_IULFMOT4.waitsOnAws)(request)) return;
  const { warnIfCredentialsExpireEarly, CLI_EXPIRY_ADVICE } = await Promise.resolve().then(() => require("./credentials-JT6WEC3D.js"));
  await warnIfCredentialsExpireEarly({
    request,
    logger,
    advice: CLI_EXPIRY_ADVICE,
    ...deps.awsCredentials ? { credentials: deps.awsCredentials } : {}
  });
}
async function run(values, deps) {
  const logger = deps.logger ?? new import_chunk_NBTSJA7Y.ConsoleLogger(deps.stderr, values.verbose === true);
  const request = await (0, import_chunk_NK3AZN6Y.loadOrReport)(values, deps);
  if (!request) return import_chunk_NK3AZN6Y.EXIT.usage;
  const docker = (0, import_chunk_TERDQLG2.memoizeDocker)(deps.docker);
  if ((0, import_chunk_TERDQLG2.asksEngineInfo)(request)) (0, import_chunk_TERDQLG2.askEngineInfoEarly)(docker);
  const [{ trainAndJudge }, { linkAbort }] = await Promise.all([
    Promise.resolve().then(() => require("./train-and-judge-4VXVEVD2.js")),
    Promise.resolve().then(() => require("./abort-44KBP3R3.js"))
  ]);
  const abort = linkAbort({
    logger,
    ...deps.signal ? { signal: deps.signal } : {},
    ...deps.handleSignals ? {
      signals: process,
      onSecondSignal: () => {
        logger.warning("Second signal: exiting without waiting (containers may be left behind).");
        process.exit(import_chunk_NK3AZN6Y.EXIT.stopped);
      }
    } : {}
  });
  const expiryCheck = checkCredentialExpiry(request, deps, logger);
  const reporter = new CliReporter(deps, values.json === true, abort.signal);
  const identity = (0, import_chunk_QBYG7RQS.readRunIdentity)(deps.env);
  try {
    const commit = (0, import_chunk_OVMUTU22.unpinnedImageReason)(request) ? Promise.resolve(void 0) : Promise.resolve().then(() => require("./commit-X5GDM6KR.js")).then((m) => m.runCommit(identity, request.workspace));
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
  const saved = (0, import_chunk_Q3ZBZB5P.readState)((key) => reporter.saved.get(key) ?? "");
  if (saved.containers.length === 0 && saved.network === void 0) return;
  const { createBackend } = await Promise.resolve().then(() => require("./factory-XB4NWABU.js"));
  const { docker } = o;
  await createBackend("local", {
    docker: typeof docker === "function" ? docker : () => Promise.resolve(docker),
    identity: o.identity
  }).cleanup(saved, { logger: o.logger, identity: o.identity });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  run
});
