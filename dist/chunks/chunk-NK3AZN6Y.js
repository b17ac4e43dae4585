var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var chunk_NK3AZN6Y_exports = {};
__export(chunk_NK3AZN6Y_exports, {
  EXIT: () => EXIT,
  UsageError: () => UsageError,
  load: () => load,
  loadOrReport: () => loadOrReport,
  loadWithWarnings: () => loadWithWarnings,
  parse: () => parse,
  printWarnings: () => printWarnings,
  write: () => write
});
module.exports = __defProp(chunk_NK3AZN6Y_exports, "__esModule", { value: true });
var import_chunk_634ZN4XJ = require("./chunk-634ZN4XJ.js");
var import_node_path = require("node:path");
var import_node_util = require("node:util");
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
  ...Object.fromEntries(import_chunk_634ZN4XJ.OVERRIDES.map((o) => [o.name, { type: "string" }]))
};
function usageErrorOf(err) {
  const e = err;
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const name = /'(-{1,2}[^']+)'/.exec(e.message ?? "")?.[1] ?? "";
    const hint = (0, import_chunk_634ZN4XJ.suggest)(name.replace(/^-+/, ""), Object.keys(OPTIONS));
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
    const result = (0, import_node_util.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    parsed = { values: result.values, positionals: result.positionals };
  } catch (err) {
    throw usageErrorOf(err);
  }
  const [first, ...rest] = parsed.positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
  if (first === void 0) return { command: void 0, values: parsed.values };
  if (!COMMANDS.includes(first)) {
    const hint = (0, import_chunk_634ZN4XJ.suggest)(first, COMMANDS);
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
  for (const o of import_chunk_634ZN4XJ.OVERRIDES) {
    const v = values[o.name];
    if (typeof v === "string") overrideValues[o.name] = v;
  }
  if (values["no-reuse"]) overrideValues.reuse = "false";
  return (0, import_chunk_634ZN4XJ.loadConfig)({
    workspace: (0, import_node_path.resolve)(deps.cwd, values.workspace ?? "."),
    ...values.config !== void 0 ? { configFile: values.config, configFileExplicit: true } : {},
    overrides: (0, import_chunk_634ZN4XJ.overridesFromFlags)({
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
    if (!(err instanceof import_chunk_634ZN4XJ.ConfigError)) throw err;
    write(deps.stderr, err.message);
    return void 0;
  }
}
function write(stream, text) {
  stream.write(text.endsWith("\n") ? text : `${text}
`);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  EXIT,
  UsageError,
  load,
  loadOrReport,
  loadWithWarnings,
  parse,
  printWarnings,
  write
});
