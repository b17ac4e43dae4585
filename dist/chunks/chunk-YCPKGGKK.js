import {
  ConfigError,
  OVERRIDES,
  loadConfig,
  overridesFromFlags,
  suggest
} from "./chunk-EXI4PAKY.js";

// src/cli/context.ts
import { resolve } from "node:path";
import { parseArgs } from "node:util";
var EXIT = { ok: 0, failed: 1, usage: 2, stopped: 130 };
var UsageError = class extends Error {
};
var COMMANDS = ["run", "build", "validate", "fingerprint", "protect", "runner", "help"];
var OPTIONS = {
  config: { type: "string", short: "c" },
  workspace: { type: "string", short: "w" },
  json: { type: "boolean" },
  "no-reuse": { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
  set: { type: "string", multiple: true },
  hyperparameter: { type: "string", multiple: true },
  "build-arg": { type: "string", multiple: true },
  repo: { type: "string" },
  branch: { type: "string" },
  check: { type: "string" },
  "app-id": { type: "string" },
  ruleset: { type: "boolean" },
  ...Object.fromEntries(OVERRIDES.map((o) => [o.name, { type: "string" }]))
};
function usageErrorOf(err) {
  const e = err;
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const name = /'(-{1,2}[^']+)'/.exec(e.message ?? "")?.[1] ?? "";
    const hint = suggest(name.replace(/^-+/, ""), Object.keys(OPTIONS));
    return new UsageError(`unknown option ${name || "(unreadable)"}${hint ? `; did you mean --${hint}?` : ""}`);
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return new UsageError((e.message ?? "invalid option value").replace(/\.$/, "").replace(/^Option /, "option "));
  }
  return new UsageError(e.message ?? String(err));
}
function parse(argv) {
  let parsed;
  try {
    const result = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    parsed = { values: result.values, positionals: result.positionals };
  } catch (err) {
    throw usageErrorOf(err);
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
  const { request, warnings } = await loadWithWarnings(values, deps);
  printWarnings(deps, warnings);
  return request;
}
function printWarnings(deps, warnings) {
  for (const w of warnings) write(deps.stderr, `warning: ${w.where}: ${w.message}`);
}
async function loadWithWarnings(values, deps) {
  const overrideValues = {};
  for (const o of OVERRIDES) {
    const v = values[o.name];
    if (typeof v === "string") overrideValues[o.name] = v;
  }
  if (values["no-reuse"]) overrideValues.reuse = "false";
  return loadConfig({
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

export {
  EXIT,
  UsageError,
  parse,
  load,
  printWarnings,
  loadWithWarnings,
  loadOrReport,
  write
};
