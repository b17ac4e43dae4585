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
var runner_B7F47S5A_exports = {};
__export(runner_B7F47S5A_exports, {
  runner: () => runner
});
module.exports = __defProp(runner_B7F47S5A_exports, "__esModule", { value: true });
var import_chunk_NBTSJA7Y = require("./chunk-NBTSJA7Y.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
async function runner(values, deps) {
  const early = new AbortController();
  const onEarlySignal = (signal2) => early.abort(new Error(`stopped by ${signal2}`));
  if (deps.handleSignals) {
    process.once("SIGTERM", onEarlySignal);
    process.once("SIGINT", onEarlySignal);
  }
  const { runRunner } = await Promise.resolve().then(() => require("./runner-6YAHWYK5.js")).finally(() => {
    process.off("SIGTERM", onEarlySignal);
    process.off("SIGINT", onEarlySignal);
  });
  const signal = deps.signal ? AbortSignal.any([deps.signal, early.signal]) : early.signal;
  return runRunner({
    env: deps.env,
    // Plain lines on stdout: the task's awslogs driver ships them.
    logger: deps.logger ?? new import_chunk_NBTSJA7Y.ConsoleLogger(deps.stdout, values.verbose === true),
    signal,
    ...deps.handleSignals ? { handleSignals: true } : {}
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runner
});
