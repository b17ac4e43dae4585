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
var chunk_QBYG7RQS_exports = {};
__export(chunk_QBYG7RQS_exports, {
  NO_RUN_IDENTITY: () => NO_RUN_IDENTITY,
  identityVariables: () => identityVariables,
  readRunIdentity: () => readRunIdentity,
  runAttemptKey: () => runAttemptKey
});
module.exports = __defProp(chunk_QBYG7RQS_exports, "__esModule", { value: true });
var VARIABLES = {
  repository: "GITHUB_REPOSITORY",
  commit: "GITHUB_SHA",
  ref: "GITHUB_REF",
  workflow: "GITHUB_WORKFLOW",
  runId: "GITHUB_RUN_ID",
  runAttempt: "GITHUB_RUN_ATTEMPT",
  job: "GITHUB_JOB",
  action: "GITHUB_ACTION",
  actor: "GITHUB_ACTOR",
  eventName: "GITHUB_EVENT_NAME",
  eventPath: "GITHUB_EVENT_PATH",
  workspace: "GITHUB_WORKSPACE",
  serverUrl: "GITHUB_SERVER_URL",
  apiUrl: "GITHUB_API_URL"
};
var DEFAULT_SERVER_URL = "https://github.com";
var DEFAULT_API_URL = "https://api.github.com";
function given(env, name) {
  const value = env[name]?.trim();
  return value ? value : void 0;
}
function pullRequestOfRef(ref) {
  const digits = ref ? /^refs\/pull\/(\d+)\//.exec(ref)?.[1] : void 0;
  return digits === void 0 ? void 0 : Number(digits);
}
function readRunIdentity(env) {
  const read = {};
  for (const [field, name] of Object.entries(VARIABLES)) {
    const value = given(env, name);
    if (value !== void 0) read[field] = value;
  }
  const serverUrl = (read.serverUrl ?? DEFAULT_SERVER_URL).replace(/\/+$/, "");
  const apiUrl = (read.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, "");
  const pullRequest = pullRequestOfRef(read.ref);
  const { repository, runId } = read;
  return {
    ...read,
    serverUrl,
    apiUrl,
    ...pullRequest !== void 0 ? { pullRequest } : {},
    ...repository && runId ? { runUrl: `${serverUrl}/${repository}/actions/runs/${runId}` } : {}
  };
}
var NO_RUN_IDENTITY = readRunIdentity({});
function identityVariables(identity, fields) {
  const out = {};
  for (const field of fields) {
    const value = identity[field];
    if (value !== void 0 && value !== "") out[VARIABLES[field]] = value;
  }
  return out;
}
function runAttemptKey(identity) {
  return identity.runId ? `${identity.runId}-${identity.runAttempt ?? "1"}` : void 0;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  NO_RUN_IDENTITY,
  identityVariables,
  readRunIdentity,
  runAttemptKey
});
