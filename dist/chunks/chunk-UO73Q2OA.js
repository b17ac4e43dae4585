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
var chunk_UO73Q2OA_exports = {};
__export(chunk_UO73Q2OA_exports, {
  JOB_NAME_PATTERN: () => JOB_NAME_PATTERN,
  MAX_JOB_NAME_LENGTH: () => MAX_JOB_NAME_LENGTH,
  MAX_NAME_PREFIX_LENGTH: () => MAX_NAME_PREFIX_LENGTH,
  generateJobName: () => generateJobName,
  requestFingerprint: () => requestFingerprint
});
module.exports = __defProp(chunk_UO73Q2OA_exports, "__esModule", { value: true });
var JOB_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
var MAX_JOB_NAME_LENGTH = 63;
var MAX_NAME_PREFIX_LENGTH = 40;
function generateJobName(opts) {
  const runId = digitsOrUndefined(opts.identity.runId);
  const suffix = runId === void 0 ? localSuffix(opts.now, opts.random) : actionsSuffix(opts, runId);
  const room = MAX_JOB_NAME_LENGTH - suffix.length - 1;
  const prefix = cleanPrefix(opts.prefix).slice(0, Math.max(room, 0)).replace(/-+$/, "");
  return prefix === "" ? suffix : `${prefix}-${suffix}`;
}
function actionsSuffix(opts, runId) {
  const attempt = digitsOrUndefined(opts.identity.runAttempt) ?? "1";
  const hash = sha256Hex(
    [
      opts.identity.repository ?? "",
      runId,
      attempt,
      opts.identity.job ?? "",
      opts.identity.action ?? "",
      opts.prefix,
      opts.fingerprint?.() ?? ""
    ].join("\0")
  ).slice(0, 6);
  return `${runId}-${attempt}-${hash}`;
}
function localSuffix(now, random) {
  const pad = (n, width = 2) => String(n).padStart(width, "0");
  const date = `${pad(now.getUTCFullYear(), 4)}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  const time = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  const bits = Math.min(65535, Math.max(0, Math.floor(random() * 65536)));
  return `${date}-${time}-${bits.toString(16).padStart(4, "0")}`;
}
function cleanPrefix(prefix) {
  return prefix.replace(/[^a-zA-Z0-9-]+/g, "-").replace(/^-+/, "");
}
function digitsOrUndefined(value) {
  const trimmed = value?.trim();
  return trimmed !== void 0 && /^\d+$/.test(trimmed) ? trimmed.slice(0, 20) : void 0;
}
function requestFingerprint(request) {
  return sha256Hex(stableJson(request));
}
function sha256Hex(text) {
  const { createHash } = process.getBuiltinModule("node:crypto");
  return createHash("sha256").update(text).digest("hex");
}
function stableJson(value) {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  JOB_NAME_PATTERN,
  MAX_JOB_NAME_LENGTH,
  MAX_NAME_PREFIX_LENGTH,
  generateJobName,
  requestFingerprint
});
