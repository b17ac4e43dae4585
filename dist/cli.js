#!/usr/bin/env node
if (Number(process.versions.node.split('.')[0]) >= 22) require('node:module').enableCompileCache?.();
var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;
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
var cli_exports = {};
__export(cli_exports, {
  EXIT: () => import_chunk_NK3AZN6Y.EXIT,
  helpText: () => helpText,
  runCli: () => runCli
});
module.exports = __defProp(cli_exports, "__esModule", { value: true });
var import_chunk_NK3AZN6Y = require("./chunks/chunk-NK3AZN6Y.js");
var import_chunk_6COBZIKS = require("./chunks/chunk-6COBZIKS.js");
var import_chunk_NYTR2SKW = require("./chunks/chunk-NYTR2SKW.js");
var import_chunk_634ZN4XJ = require("./chunks/chunk-634ZN4XJ.js");
var import_chunk_YJLFLQOZ = require("./chunks/chunk-YJLFLQOZ.js");
var import_chunk_SZ5DK7JW = require("./chunks/chunk-SZ5DK7JW.js");
var import_chunk_OKR6MCXK = require("./chunks/chunk-OKR6MCXK.js");
var import_chunk_UO73Q2OA = require("./chunks/chunk-UO73Q2OA.js");
var import_chunk_HIONJ6JB = require("./chunks/chunk-HIONJ6JB.js");
var import_chunk_KWKXA2KE = require("./chunks/chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunks/chunk-OEPHYHQN.js");
var import_chunk_7VZ5H7B6 = require("./chunks/chunk-7VZ5H7B6.js");
var import_node_fs = require("node:fs");
var import_node_url = require("node:url");
function baselineWasmAtFirstFetch(target, setFlags = async (flags) => (await Promise.resolve().then(() => __toESM(require("node:v8")))).setFlagsFromString(flags)) {
  const original = target.fetch;
  let flagged;
  target.fetch = async (input, init) => {
    flagged ??= Promise.resolve(setFlags("--liftoff-only"));
    await flagged;
    return original(input, init);
  };
}
function flushed(stream) {
  return new Promise((resolve) => {
    try {
      stream.write("", () => resolve());
    } catch {
      resolve();
    }
  });
}
async function exitWhenFlushed(code, streams = [process.stdout, process.stderr], exit = (c) => process.exit(c)) {
  await Promise.all(streams.map(flushed));
  exit(code);
}
var package_default = { name: "sagemaker-training-action", version: "0.1.0" };
var VERSION = package_default.version;
var flag = (name, arg, text) => `  ${`--${name} ${arg}`.padEnd(30)} ${text}`;
function helpText() {
  return [
    `sagemaker-train ${package_default.version}: build a SageMaker training image and train it locally on Docker (exactly as`,
    "SageMaker would), on SageMaker, or through a Fargate runner task, then report and gate its metrics.",
    "",
    "Usage:",
    "  sagemaker-train run      [options]   train and print the result (exit 0 only when the job completed and passed its thresholds)",
    "  sagemaker-train build    [options]   build the image only when its content changed, and push it (remote modes)",
    "  sagemaker-train validate [options]   check the configuration and print what would run",
    "  sagemaker-train fingerprint [options] print the run fingerprint and its parts (--json): why two runs differ",
    "  sagemaker-train protect --repo OWNER/REPO --branch BRANCH [--check NAME] [--app-id N] [--ruleset]",
    "                                       make the check required on the branch, pinned to the App that posts it",
    "                                       (default: the App of its newest run there), in the ruleset that governs",
    "                                       the branch, a new one (--ruleset) or branch protection (GITHUB_TOKEN)",
    "  sagemaker-train runner               the Fargate task's command: run the request in TRAINING_REQUEST_JSON or",
    "                                       TRAINING_REQUEST_URI on SageMaker, write result.json beside it (logs on stdout;",
    "                                       exit 0 completed, 10 failed, 11 stopped, 2 bad request, 1 runner error)",
    "  sagemaker-train --help | --version",
    "",
    "Options:",
    flag("config", "FILE", `configuration file (default ${import_chunk_634ZN4XJ.DEFAULT_CONFIG_FILE}, relative to the workspace)`),
    flag("workspace", "DIR", "folder relative paths are resolved against (default: the current folder)"),
    flag("json", "", "print the result (or the validated request) as JSON on stdout"),
    flag("no-reuse", "", "train even when a run with the same fingerprint already completed"),
    flag("verbose", "", "print debug messages"),
    "",
    "Overrides (win over the file):",
    ...import_chunk_634ZN4XJ.OVERRIDES.map((o) => flag(o.name, o.kind === "mapping" ? "YAML" : "VALUE", o.description)),
    flag("set", "PATH=VALUE", "any setting by its dotted path, such as job.max-runtime=2h (repeatable)"),
    flag("hyperparameter", "K=V", "one hyperparameter (repeatable)"),
    flag("build-arg", "K=V", "one Docker build argument (repeatable)"),
    "",
    "Exit codes: 0 completed and passed (or valid), 1 failed or a threshold missed, 2 invalid input, 130 stopped by a signal.",
    "Logs go to stderr; the result goes to stdout.",
    ""
  ].join("\n");
}
async function validate(values, deps) {
  try {
    const { request, warnings } = await (0, import_chunk_NK3AZN6Y.loadWithWarnings)(values, deps);
    (0, import_chunk_NK3AZN6Y.printWarnings)(deps, warnings);
    if (values.json) (0, import_chunk_NK3AZN6Y.write)(deps.stdout, JSON.stringify({ valid: true, request, warnings }, null, 2));
    else {
      const file = request.configFile ?? "The inputs";
      (0, import_chunk_NK3AZN6Y.write)(deps.stdout, `${file} is valid.

${(0, import_chunk_6COBZIKS.requestSummary)(request)}`);
    }
    return import_chunk_NK3AZN6Y.EXIT.ok;
  } catch (err) {
    if (!(err instanceof import_chunk_634ZN4XJ.ConfigError)) throw err;
    if (values.json) (0, import_chunk_NK3AZN6Y.write)(deps.stdout, JSON.stringify({ valid: false, issues: err.issues }, null, 2));
    (0, import_chunk_NK3AZN6Y.write)(deps.stderr, err.message);
    return import_chunk_NK3AZN6Y.EXIT.usage;
  }
}
async function runCli(argv, deps) {
  try {
    const { command, values } = (0, import_chunk_NK3AZN6Y.parse)(argv);
    if (values.version) {
      (0, import_chunk_NK3AZN6Y.write)(deps.stdout, VERSION);
      return import_chunk_NK3AZN6Y.EXIT.ok;
    }
    if (values.help || command === "help") {
      (0, import_chunk_NK3AZN6Y.write)(deps.stdout, helpText());
      return import_chunk_NK3AZN6Y.EXIT.ok;
    }
    switch (command) {
      case void 0:
        (0, import_chunk_NK3AZN6Y.write)(deps.stderr, `${helpText()}
error: a command is required (run, build or validate)`);
        return import_chunk_NK3AZN6Y.EXIT.usage;
      case "validate":
        return await validate(values, deps);
      case "protect":
        return await (await Promise.resolve().then(() => require("./chunks/protect-LHQAYP7S.js"))).protect(values, deps);
      case "runner":
        return await (await Promise.resolve().then(() => require("./chunks/runner-B7F47S5A.js"))).runner(values, deps);
      case "build":
        return await (await Promise.resolve().then(() => require("./chunks/build-YU6ZDJXT.js"))).build(values, deps);
      case "run":
        return await (await Promise.resolve().then(() => require("./chunks/run-TXMRXJD4.js"))).run(values, deps);
      case "fingerprint":
        return await (await Promise.resolve().then(() => require("./chunks/fingerprint-NQ74HTVO.js"))).fingerprint(values, deps);
    }
  } catch (err) {
    if (err instanceof import_chunk_NK3AZN6Y.UsageError) {
      (0, import_chunk_NK3AZN6Y.write)(deps.stderr, `error: ${err.message}
Run 'sagemaker-train --help' for the options.`);
      return import_chunk_NK3AZN6Y.EXIT.usage;
    }
    (0, import_chunk_NK3AZN6Y.write)(deps.stderr, `error: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    return import_chunk_NK3AZN6Y.EXIT.failed;
  }
}
function isEntryPoint(moduleUrl) {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return (0, import_node_fs.realpathSync)(script) === (0, import_node_fs.realpathSync)((0, import_node_url.fileURLToPath)(moduleUrl));
  } catch {
    return false;
  }
}
async function main() {
  baselineWasmAtFirstFetch(globalThis);
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    handleSignals: true
  });
  await exitWhenFlushed(code);
}
if (isEntryPoint(__importMetaUrl)) void main();
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  EXIT,
  helpText,
  runCli
});
