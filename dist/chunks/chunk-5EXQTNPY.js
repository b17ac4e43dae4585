import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);

// src/github/client.ts
var DEFAULT_API_URL = "https://api.github.com";
async function createGithub(options) {
  const [{ Octokit }, { retry }] = await Promise.all([import("./dist-src-EWHR44NO.js"), import("./dist-bundle-7FUZXY6D.js")]);
  const Client = Octokit.plugin(retry);
  const { logger } = options;
  return new Client({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    userAgent: "sagemaker-training-action",
    retry: { retries: options.retries ?? 2 },
    log: {
      debug: () => void 0,
      info: () => void 0,
      warn: (message) => logger.debug(`GitHub: ${message}`),
      error: (message) => logger.debug(`GitHub: ${message}`)
    }
  });
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
  createGithub,
  describeGithubError,
  errorText
};
