#!/usr/bin/env node
import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  requestSummary,
  resultTable
} from "./chunks/chunk-GSVM5CQ2.js";
import "./chunks/chunk-F7YBY3LO.js";
import {
  ConfigError,
  DEFAULT_CONFIG_FILE,
  OVERRIDES,
  loadRequest,
  overridesFromFlags,
  suggest
} from "./chunks/chunk-67NRDOTG.js";
import "./chunks/chunk-AGW3FMZB.js";
import "./chunks/chunk-B3JEVRDI.js";
import {
  isStateKey,
  splitIds
} from "./chunks/chunk-BAMX6QX3.js";
import "./chunks/chunk-NSEUCI5W.js";
import {
  ConsoleLogger
} from "./chunks/chunk-7CYAUQXO.js";
import {
  waitsOnAws
} from "./chunks/chunk-ZEJEE7YZ.js";
import "./chunks/chunk-U5VYFFZZ.js";
import {
  messageOf
} from "./chunks/chunk-H2G727SZ.js";
import "./chunks/chunk-DPCXCUBM.js";

// src/cli.ts
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";

// package.json
var package_default = { name: "sagemaker-training-action", version: "0.1.0" };

// src/cli.ts
var EXIT = { ok: 0, failed: 1, usage: 2, stopped: 130 };
var UsageError = class extends Error {
};
var COMMANDS = ["run", "build", "validate", "protect", "runner", "help"];
var OPTIONS = {
  config: { type: "string", short: "c" },
  workspace: { type: "string", short: "w" },
  json: { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
  set: { type: "string", multiple: true },
  hyperparameter: { type: "string", multiple: true },
  "build-arg": { type: "string", multiple: true },
  repo: { type: "string" },
  branch: { type: "string" },
  check: { type: "string" },
  ...Object.fromEntries(OVERRIDES.map((o) => [o.name, { type: "string" }]))
};
function helpText() {
  const flag = (name, arg, text) => `  ${`--${name} ${arg}`.padEnd(30)} ${text}`;
  return [
    `sagemaker-train ${package_default.version}: build a SageMaker training image and train it locally on Docker, exactly as`,
    "SageMaker would, then report its metrics.",
    "",
    "Usage:",
    "  sagemaker-train run      [options]   train and print the result (exit 0 only when the job completed and passed its thresholds)",
    "  sagemaker-train build    [options]   build the image only when its content changed, and push it (remote modes)",
    "  sagemaker-train validate [options]   check the configuration and print what would run",
    "  sagemaker-train protect --repo OWNER/REPO --branch BRANCH [--check NAME]",
    "                                       make the check required on the branch (token from GITHUB_TOKEN)",
    "  sagemaker-train runner               the Fargate task's command: run the request in TRAINING_REQUEST_JSON or",
    "                                       TRAINING_REQUEST_URI on SageMaker, write result.json beside it (logs on stdout;",
    "                                       exit 0 completed, 10 failed, 11 stopped, 2 bad request, 1 runner error)",
    "  sagemaker-train --help | --version",
    "",
    "Options:",
    flag("config", "FILE", `configuration file (default ${DEFAULT_CONFIG_FILE}, relative to the workspace)`),
    flag("workspace", "DIR", "folder relative paths are resolved against (default: the current folder)"),
    flag("json", "", "print the result (or the validated request) as JSON on stdout"),
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
function parse(argv) {
  let parsed;
  try {
    const result = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    parsed = { values: result.values, positionals: result.positionals };
  } catch (err) {
    const e = err;
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const name = /'(-{1,2}[^']+)'/.exec(e.message ?? "")?.[1] ?? "";
      const hint = suggest(name.replace(/^-+/, ""), Object.keys(OPTIONS));
      throw new UsageError(`unknown option ${name || "(unreadable)"}${hint ? `; did you mean --${hint}?` : ""}`);
    }
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new UsageError((e.message ?? "invalid option value").replace(/\.$/, "").replace(/^Option /, "option "));
    }
    throw new UsageError(e.message ?? String(err));
  }
  const [first, ...rest] = parsed.positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
  if (first === void 0) return { command: void 0, values: parsed.values };
  if (!COMMANDS.includes(first)) {
    const hint = suggest(first, COMMANDS);
    throw new UsageError(`unknown command ${JSON.stringify(first)}${hint ? `; did you mean ${hint}?` : ""}`);
  }
  return { command: first, values: parsed.values };
}
async function load(values, deps) {
  const overrideValues = {};
  for (const o of OVERRIDES) {
    const v = values[o.name];
    if (typeof v === "string") overrideValues[o.name] = v;
  }
  return loadRequest({
    workspace: resolve(deps.cwd, values.workspace ?? "."),
    ...values.config !== void 0 ? { configFile: values.config, configFileExplicit: true } : {},
    overrides: overridesFromFlags({
      values: overrideValues,
      sets: values.set ?? [],
      hyperparameters: values.hyperparameter ?? [],
      buildArgs: values["build-arg"] ?? []
    }),
    env: deps.env
  });
}
async function loadOrReport(values, deps) {
  try {
    return await load(values, deps);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    write(deps.stderr, err.message);
    return void 0;
  }
}
function write(stream, text) {
  stream.write(text.endsWith("\n") ? text : `${text}
`);
}
async function validate(values, deps) {
  try {
    const request = await load(values, deps);
    if (values.json) write(deps.stdout, JSON.stringify({ valid: true, request }, null, 2));
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
async function build(values, deps) {
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const request = await loadOrReport(values, deps);
  if (!request) return EXIT.usage;
  const [{ resolveImage }, { abortOnSignals }] = await Promise.all([
    import("./chunks/resolve-UI7CZQHG.js"),
    import("./chunks/signals-AW2HBFJ5.js")
  ]);
  const controller = new AbortController();
  const onExternalAbort = () => controller.abort(deps.signal?.reason);
  if (deps.signal?.aborted) onExternalAbort();
  deps.signal?.addEventListener("abort", onExternalAbort, { once: true });
  const removeHandlers = deps.handleSignals ? abortOnSignals({ controller, logger }) : () => void 0;
  try {
    const image = await resolveImage(request, {
      ...deps.pipeline,
      // Connected only when something must be built (a registry hit needs no engine).
      docker: () => resolveDocker(deps),
      logger,
      signal: controller.signal,
      env: deps.env
    });
    const summary = { imageUri: image.uri, imageTag: image.tag ?? null, imageBuilt: image.built };
    write(
      deps.stdout,
      values.json ? JSON.stringify(summary, null, 2) : [
        `Image   ${image.uri}`,
        ...image.tag ? [`Tag     ${image.tag}`] : [],
        `Built   ${image.built ? "yes" : "no (already there)"}`
      ].join("\n")
    );
    return EXIT.ok;
  } catch (err) {
    if (controller.signal.aborted) {
      write(deps.stderr, "error: stopped before the image was ready");
      return EXIT.stopped;
    }
    if (err instanceof Error && err.stack) logger.debug(err.stack);
    write(deps.stderr, `error: ${messageOf(err)}`);
    return EXIT.failed;
  } finally {
    removeHandlers();
    deps.signal?.removeEventListener("abort", onExternalAbort);
  }
}
async function checkCredentialExpiry(request, deps, logger) {
  if (!waitsOnAws(request) || !deps.awsCredentials && deps.pipeline?.backendFor) return;
  const { warnIfCredentialsExpireEarly, CLI_EXPIRY_ADVICE } = await import("./chunks/credentials-SPGOTZJK.js");
  await warnIfCredentialsExpireEarly({
    request,
    logger,
    advice: CLI_EXPIRY_ADVICE,
    ...deps.awsCredentials ? { credentials: deps.awsCredentials } : {}
  });
}
async function resolveDocker(deps) {
  if (typeof deps.docker === "function") return deps.docker();
  if (deps.docker) return deps.docker;
  const { createDocker } = await import("./chunks/clients-2RTD2254.js");
  return createDocker();
}
async function run(values, deps) {
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const request = await loadOrReport(values, deps);
  if (!request) return EXIT.usage;
  const [{ runTraining, assertModeAvailable, ModeNotAvailableError }, { abortOnSignals }, { cleanupLocalRun }] = await Promise.all([import("./chunks/pipeline-MHXBTIU4.js"), import("./chunks/signals-AW2HBFJ5.js"), import("./chunks/local-FKJEYLI6.js")]);
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
  const onExternalAbort = () => controller.abort(deps.signal?.reason);
  if (deps.signal?.aborted) onExternalAbort();
  deps.signal?.addEventListener("abort", onExternalAbort, { once: true });
  const removeHandlers = deps.handleSignals ? abortOnSignals({
    controller,
    logger,
    onSecondSignal: () => {
      logger.warning("Second signal: exiting without waiting (containers may be left behind).");
      process.exit(EXIT.stopped);
    }
  }) : () => void 0;
  const expiryCheck = checkCredentialExpiry(request, deps, logger);
  const started = { containers: [] };
  let docker;
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
        if (key === "containers" /* Containers */) started.containers = splitIds(value);
        if (key === "network" /* Network */) started.network = value;
      }
    });
    const [{ evaluateGates }, { conclude }] = await Promise.all([
      import("./chunks/evaluate-7FJEVWNH.js"),
      import("./chunks/conclusion-FATW2ZR4.js")
    ]);
    const gate = evaluateGates({ specs: request.metrics, metrics: result.metrics });
    const outcome = conclude({ kind: "trained", result, gate });
    write(deps.stdout, values.json ? JSON.stringify(result, null, 2) : resultTable(result, gate));
    if (!values.json && result.taskArn) write(deps.stdout, `Runner task: ${result.taskArn}`);
    if (result.status === "InProgress") {
      if (!values.json)
        write(deps.stdout, `Handed off: the runner writes the result to ${result.detached?.resultUri ?? "?"}`);
      return EXIT.ok;
    }
    if (result.status === "Completed") {
      if (outcome.gate === "passed") return EXIT.ok;
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
    deps.signal?.removeEventListener("abort", onExternalAbort);
    await expiryCheck;
  }
}
async function protect(values, deps) {
  const [owner, repo, ...more] = (values.repo ?? "").split("/");
  if (!owner || !repo || more.length > 0) throw new UsageError("protect needs --repo OWNER/REPO");
  if (!values.branch) throw new UsageError("protect needs --branch BRANCH");
  const token = deps.env.GITHUB_TOKEN?.trim();
  if (!token) {
    write(deps.stderr, "error: set GITHUB_TOKEN to a token that may administer the repository");
    return EXIT.usage;
  }
  const { DEFAULT_CHECK_NAME } = await import("./chunks/inputs-7JJWZNBZ.js");
  const checkName = values.check?.trim() || DEFAULT_CHECK_NAME;
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const [{ createGithub, describeGithubError, errorText }, { requireCheck }] = await Promise.all([
    import("./chunks/client-JTZXLOI6.js"),
    import("./chunks/protect-4BCO6GD3.js")
  ]);
  const github = await (deps.createGithub ?? createGithub)({
    token,
    baseUrl: deps.env.GITHUB_API_URL ?? "https://api.github.com",
    logger
  });
  try {
    const outcome = await requireCheck({ github, owner, repo, branch: values.branch, checkName });
    const what = {
      "already-required": `"${checkName}" is already required on ${values.branch}.`,
      added: `"${checkName}" is now required on ${values.branch} (other protection settings kept).`,
      protected: `${values.branch} is now protected and requires "${checkName}".`
    }[outcome];
    write(deps.stdout, what);
    return EXIT.ok;
  } catch (err) {
    write(
      deps.stderr,
      `error: could not update the protection of ${values.branch}: ${errorText(describeGithubError(err))}`
    );
    return EXIT.failed;
  }
}
async function runner(values, deps) {
  const early = new AbortController();
  const onEarlySignal = (signal2) => early.abort(new Error(`stopped by ${signal2}`));
  if (deps.handleSignals) {
    process.once("SIGTERM", onEarlySignal);
    process.once("SIGINT", onEarlySignal);
  }
  const { runRunner } = await import("./chunks/runner-QZ5E262Q.js").finally(() => {
    process.off("SIGTERM", onEarlySignal);
    process.off("SIGINT", onEarlySignal);
  });
  const signal = deps.signal ? AbortSignal.any([deps.signal, early.signal]) : early.signal;
  return runRunner({
    env: deps.env,
    // Plain lines on stdout: the task's awslogs driver ships them.
    logger: deps.logger ?? new ConsoleLogger(deps.stdout, values.verbose === true),
    signal,
    ...deps.handleSignals ? { handleSignals: true } : {}
  });
}
async function runCli(argv, deps) {
  try {
    const { command, values } = parse(argv);
    if (values.version) {
      write(deps.stdout, package_default.version);
      return EXIT.ok;
    }
    if (values.help || command === "help") {
      write(deps.stdout, helpText());
      return EXIT.ok;
    }
    if (command === void 0) {
      write(deps.stderr, `${helpText()}
error: a command is required (run, build or validate)`);
      return EXIT.usage;
    }
    if (command === "validate") return await validate(values, deps);
    if (command === "protect") return await protect(values, deps);
    if (command === "runner") return await runner(values, deps);
    return command === "build" ? await build(values, deps) : await run(values, deps);
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
  setFlagsFromString("--liftoff-only");
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    handleSignals: true
  });
}
export {
  EXIT,
  helpText,
  runCli
};
