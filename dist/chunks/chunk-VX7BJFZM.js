// src/github/client.ts
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
    import("./github-QH6TNSQQ.js"),
    import("./dist-bundle-3TOYQOP7.js"),
    import("./dist-bundle-52RN2ZCA.js")
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

export {
  DEFAULT_API_URL,
  MAX_RATE_LIMIT_WAIT_S,
  rateLimitHandlers,
  createGithub,
  describeGithubError,
  errorText
};
