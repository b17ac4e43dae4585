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
var chunk_VX7BJFZM_exports = {};
__export(chunk_VX7BJFZM_exports, {
  DEFAULT_API_URL: () => DEFAULT_API_URL,
  MAX_RATE_LIMIT_WAIT_S: () => MAX_RATE_LIMIT_WAIT_S,
  createGithub: () => createGithub,
  describeGithubError: () => describeGithubError,
  errorText: () => errorText,
  rateLimitHandlers: () => rateLimitHandlers
});
module.exports = __defProp(chunk_VX7BJFZM_exports, "__esModule", { value: true });
var DEFAULT_API_URL = "https://api.github.com";
var MAX_RATE_LIMIT_WAIT_S = 120;
function rateLimitHandlers(logger, retries) {
  const handler = (kind) => (retryAfter, options, _octokit, retryCount) => {
    const what = `${options.method ?? ""} ${options.url ?? ""}`.trim();
    if (retryCount >= retries || retryAfter > MAX_RATE_LIMIT_WAIT_S) {
      logger.warning(`GitHub ${kind} rate limit on ${what}: not waiting ${retryAfter} s again.`);
      return false;
    }
    logger.info(`GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter} s.`);
    return true;
  };
  return { onRateLimit: handler("primary"), onSecondaryRateLimit: handler("secondary") };
}
async function createGithub(options) {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    Promise.resolve().then(() => require("./github-QH6TNSQQ.js")),
    Promise.resolve().then(() => require("./dist-bundle-3TOYQOP7.js")),
    Promise.resolve().then(() => require("./dist-bundle-52RN2ZCA.js"))
  ]);
  const { logger } = options;
  const quiet = (message) => logger.debug(`GitHub: ${message}`);
  const client = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      userAgent: "sagemaker-training-action",
      retry: { retries: options.retries ?? 2 },
      throttle: rateLimitHandlers(logger, options.rateLimitRetries ?? 3),
      log: { debug: () => void 0, info: () => void 0, warn: quiet, error: quiet }
    },
    retry,
    throttling
  );
  return client;
}
function header(headers, name) {
  if (typeof headers !== "object" || headers === null) return void 0;
  const value = headers[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : void 0;
}
function describeGithubError(err) {
  const e = err;
  const status = typeof e?.status === "number" ? e.status : void 0;
  const raw = typeof e?.message === "string" ? e.message : String(err);
  const message = (raw.split("\n")[0] ?? raw).replace(/ - https?:\/\/\S+$/, "").slice(0, 500);
  const headers = e?.response?.headers;
  if (status === 429 || status === 403 && (header(headers, "x-ratelimit-remaining") === "0" || header(headers, "retry-after") !== void 0 || /rate limit/i.test(raw))) {
    return { kind: "rate-limit", status, message };
  }
  if (status === 401 || status === 403) return { kind: "permission", status, message };
  if (status === 404) return { kind: "not-found", status, message };
  if (status === void 0 || status >= 500) return { kind: "unavailable", ...status ? { status } : {}, message };
  return { kind: "other", status, message };
}
function errorText(info) {
  return info.status ? `${info.status} ${info.message}` : info.message;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  DEFAULT_API_URL,
  MAX_RATE_LIMIT_WAIT_S,
  createGithub,
  describeGithubError,
  errorText,
  rateLimitHandlers
});
