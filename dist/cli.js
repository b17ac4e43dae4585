#!/usr/bin/env node
import {
  EXIT,
  UsageError,
  loadWithWarnings,
  parse,
  printWarnings,
  write
} from "./chunks/chunk-YCPKGGKK.js";
import {
  requestSummary
} from "./chunks/chunk-6COBZIKS.js";
import "./chunks/chunk-NYTR2SKW.js";
import {
  ConfigError,
  DEFAULT_CONFIG_FILE,
  OVERRIDES
} from "./chunks/chunk-EXI4PAKY.js";
import "./chunks/chunk-YJLFLQOZ.js";
import "./chunks/chunk-SZ5DK7JW.js";
import "./chunks/chunk-OKR6MCXK.js";
import "./chunks/chunk-OWRVBMST.js";
import "./chunks/chunk-HIONJ6JB.js";
import "./chunks/chunk-KWKXA2KE.js";
import {
  messageOf
} from "./chunks/chunk-OEPHYHQN.js";
import "./chunks/chunk-7VZ5H7B6.js";

// src/cli.ts
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

// src/cli/baseline-wasm.ts
function baselineWasmAtFirstFetch(target, setFlags = async (flags) => (await import("node:v8")).setFlagsFromString(flags)) {
  const original = target.fetch;
  let flagged;
  target.fetch = async (input, init) => {
    flagged ??= Promise.resolve(setFlags("--liftoff-only"));
    await flagged;
    return original(input, init);
  };
}

// src/cli/exit.ts
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

// package.json
var package_default = { name: "sagemaker-training-action", version: "0.1.0" };

// src/cli/help.ts
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
    flag("config", "FILE", `configuration file (default ${DEFAULT_CONFIG_FILE}, relative to the workspace)`),
    flag("workspace", "DIR", "folder relative paths are resolved against (default: the current folder)"),
    flag("json", "", "print the result (or the validated request) as JSON on stdout"),
    flag("no-reuse", "", "train even when a run with the same fingerprint already completed"),
    flag("verbose", "", "print debug messages"),
    "",
    "Overrides (win over the file):",
    ...OVERRIDES.map((o) => flag(o.name, o.kind === "mapping" ? "YAML" : "VALUE", o.description)),
    flag("set", "PATH=VALUE", "any setting by its dotted path, such as job.max-runtime=2h (repeatable)"),
    flag("hyperparameter", "K=V", "one hyperparameter (repeatable)"),
    flag("build-arg", "K=V", "one Docker build argument (repeatable)"),
    "",
    "Exit codes: 0 completed and passed (or valid), 1 failed or a threshold missed, 2 invalid input, 130 stopped by a signal.",
    "Logs go to stderr; the result goes to stdout.",
    ""
  ].join("\n");
}

// src/cli/validate.ts
async function validate(values, deps) {
  try {
    const { request, warnings } = await loadWithWarnings(values, deps);
    printWarnings(deps, warnings);
    if (values.json) write(deps.stdout, JSON.stringify({ valid: true, request, warnings }, null, 2));
    else {
      const file = request.configFile ?? "The inputs";
      write(deps.stdout, `${file} is valid.

${requestSummary(request)}`);
    }
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    if (values.json) write(deps.stdout, JSON.stringify({ valid: false, issues: err.issues }, null, 2));
    write(deps.stderr, err.message);
    return EXIT.usage;
  }
}

// src/cli.ts
async function runCli(argv, deps) {
  try {
    const { command, values } = parse(argv);
    if (values.version) {
      write(deps.stdout, VERSION);
      return EXIT.ok;
    }
    if (values.help || command === "help") {
      write(deps.stdout, helpText());
      return EXIT.ok;
    }
    switch (command) {
      case void 0:
        write(deps.stderr, `${helpText()}
error: a command is required (run, build or validate)`);
        return EXIT.usage;
      case "validate":
        return await validate(values, deps);
      case "protect":
        return await (await import("./chunks/protect-SBCZIQIJ.js")).protect(values, deps);
      case "runner":
        return await (await import("./chunks/runner-6VF45SOK.js")).runner(values, deps);
      case "build":
        return await (await import("./chunks/build-B4TCXGOQ.js")).build(values, deps);
      case "run":
        return await (await import("./chunks/run-6YAO4YF3.js")).run(values, deps);
      case "fingerprint":
        return await (await import("./chunks/fingerprint-DOLUMBK2.js")).fingerprint(values, deps);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      write(deps.stderr, `error: ${err.message}
Run 'sagemaker-train --help' for the options.`);
      return EXIT.usage;
    }
    write(deps.stderr, `error: ${messageOf(err)}`);
    return EXIT.failed;
  }
}
function isEntryPoint(moduleUrl) {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
if (isEntryPoint(import.meta.url)) {
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
export {
  EXIT,
  helpText,
  runCli
};
