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
var chunk_JJKN5NHK_exports = {};
__export(chunk_JJKN5NHK_exports, {
  CLI_EXPIRY_ADVICE: () => CLI_EXPIRY_ADVICE,
  IdTokenUnavailableError: () => IdTokenUnavailableError,
  OidcRoleCredentials: () => OidcRoleCredentials,
  SESSION_DURATION: () => SESSION_DURATION,
  defaultSessionName: () => defaultSessionName,
  sanitizeSessionName: () => sanitizeSessionName,
  setUpAwsCredentials: () => setUpAwsCredentials,
  useRoleCredentials: () => useRoleCredentials,
  warnIfCredentialsExpireEarly: () => warnIfCredentialsExpireEarly
});
module.exports = __defProp(chunk_JJKN5NHK_exports, "__esModule", { value: true });
var import_chunk_IULFMOT4 = require("./chunk-IULFMOT4.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_HIONJ6JB = require("./chunk-HIONJ6JB.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var STS_AUDIENCE = "sts.amazonaws.com";
var ID_TOKEN_URL_ENV = "ACTIONS_ID_TOKEN_REQUEST_URL";
var ID_TOKEN_TOKEN_ENV = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
var IdTokenUnavailableError = class extends Error {
  constructor() {
    super(
      `GitHub's OIDC token is not available to this job (${ID_TOKEN_URL_ENV} and ${ID_TOKEN_TOKEN_ENV} are not set): role-to-assume needs \`permissions: id-token: write\` on the job or workflow. Pull requests from forks never get one.`
    );
    this.name = "IdTokenUnavailableError";
  }
};
async function fetchGithubIdToken(opts) {
  const requestUrl = opts.env[ID_TOKEN_URL_ENV]?.trim();
  const requestToken = opts.env[ID_TOKEN_TOKEN_ENV]?.trim();
  if (!requestUrl || !requestToken) throw new IdTokenUnavailableError();
  opts.mask(requestToken);
  const url = new URL(requestUrl);
  url.searchParams.set("audience", opts.audience ?? STS_AUDIENCE);
  let response;
  try {
    response = await (opts.fetch ?? fetch)(url, {
      headers: { Authorization: `Bearer ${requestToken}`, Accept: "application/json" },
      signal: opts.signal ?? AbortSignal.timeout(3e4)
    });
  } catch (err) {
    throw new Error(`Could not reach GitHub for an OIDC token (${url.origin}): ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`, { cause: err });
  }
  if (!response.ok) {
    const body = (await response.text().catch(() => "")).slice(0, 300).trim();
    throw new Error(
      `GitHub refused an OIDC token (HTTP ${response.status}${body ? `: ${body}` : ""}); check that the job has \`permissions: id-token: write\``
    );
  }
  const payload = await response.json().catch(() => void 0);
  const token = payload?.value;
  if (typeof token !== "string" || token === "") throw new Error('GitHub answered without an OIDC token (no "value")');
  opts.mask(token);
  return token;
}
function idTokenClaims(token) {
  const payload = token.split(".")[1];
  if (!payload) return {};
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const aud = Array.isArray(claims.aud) ? claims.aud.join(",") : claims.aud;
    return {
      ...typeof claims.sub === "string" ? { sub: claims.sub } : {},
      ...typeof aud === "string" ? { aud } : {}
    };
  } catch {
    return {};
  }
}
var REFRESH_WINDOW_MS = 5 * 6e4;
var RETRY_AFTER_FAILURE_MS = 3e4;
var RefreshingCredentials = class {
  constructor(opts) {
    this.opts = opts;
    this.now = opts.now ?? (() => Date.now());
    this.windowMs = opts.refreshWindowMs ?? REFRESH_WINDOW_MS;
    this.retryMs = opts.retryAfterFailureMs ?? RETRY_AFTER_FAILURE_MS;
  }
  opts;
  current;
  inFlight;
  lastFailureAt;
  now;
  windowMs;
  retryMs;
  /** The provider to give SDK clients. */
  provider = () => this.get();
  /** The credentials last fetched, without fetching. */
  get latest() {
    return this.current;
  }
  /** Cached credentials while they are outside the refresh window; otherwise one renewal, shared by every caller. */
  async get() {
    const held = this.current;
    const now = this.now();
    if (held && !this.due(held, now)) return held;
    const usable = held && this.valid(held, now) ? held : void 0;
    if (usable && this.lastFailureAt !== void 0 && now - this.lastFailureAt < this.retryMs) return usable;
    try {
      return await this.renew();
    } catch (err) {
      if (!usable || !this.valid(usable, this.now())) throw err;
      this.opts.onRenewalFailed?.(err, usable);
      return usable;
    }
  }
  renew() {
    this.inFlight ??= Promise.resolve().then(() => this.opts.fetch()).then(
      (fresh) => {
        if (!fresh.expiration) throw new Error("The fetched AWS credentials carry no expiration");
        this.current = fresh;
        this.lastFailureAt = void 0;
        return fresh;
      },
      (err) => {
        this.lastFailureAt = this.now();
        throw err;
      }
    ).finally(() => {
      this.inFlight = void 0;
    });
    return this.inFlight;
  }
  due(credentials, now) {
    return !credentials.expiration || credentials.expiration.getTime() - now <= this.windowMs;
  }
  valid(credentials, now) {
    return credentials.expiration !== void 0 && credentials.expiration.getTime() > now;
  }
};
var SESSION_NAME_FORBIDDEN = /[^\w+=,.@-]/g;
var SESSION_DURATION = { min: 900, max: 43200, default: 3600 };
function sanitizeSessionName(name) {
  return name.replace(SESSION_NAME_FORBIDDEN, "-").slice(0, 64);
}
function defaultSessionName(identity) {
  return sanitizeSessionName(`sagemaker-train-${identity.runId ?? "local"}`);
}
var OidcRoleCredentials = class {
  constructor(opts) {
    this.opts = opts;
    this.refreshing = new RefreshingCredentials({
      fetch: () => this.assume(),
      ...opts.now ? { now: opts.now } : {},
      onRenewalFailed: (err, current) => opts.logger.warning(
        `Could not renew the AWS credentials of role ${opts.roleArn} (${(0, import_chunk_OEPHYHQN.messageOf)(err)}); the current ones stay valid until ${current.expiration?.toISOString() ?? "?"} and renewal will be tried again.`
      )
    });
  }
  opts;
  refreshing;
  lastSession;
  /** For SDK clients (clientConfig's `credentials`, through useCredentials). */
  get provider() {
    return this.refreshing.provider;
  }
  /** Current credentials, renewed when due. */
  get() {
    return this.refreshing.get();
  }
  /** The session last obtained, when one was. */
  get session() {
    return this.lastSession;
  }
  async assume() {
    const { logger, roleArn, sessionName, durationSeconds } = this.opts;
    const mask = (secret) => logger.mask?.(secret);
    const token = await fetchGithubIdToken({
      env: this.opts.env,
      mask,
      ...this.opts.fetch ? { fetch: this.opts.fetch } : {}
    });
    const { fromWebToken } = await Promise.resolve().then(() => require("./dist-es-EZWE5TBL.js"));
    let credentials;
    try {
      credentials = await fromWebToken({
        roleArn,
        roleSessionName: sessionName,
        webIdentityToken: token,
        durationSeconds,
        clientConfig: { region: this.opts.region, ...import_chunk_ZIWWOMLH.CLIENT_RETRY, ...this.opts.stsClientConfig }
      })();
    } catch (err) {
      throw assumeRoleError(err, this.opts, idTokenClaims(token));
    }
    mask(credentials.secretAccessKey);
    if (credentials.sessionToken) mask(credentials.sessionToken);
    if (!credentials.expiration) throw new Error(`STS returned credentials for role ${roleArn} with no expiration`);
    const renewal = this.lastSession !== void 0;
    this.lastSession = roleSession(this.opts, credentials);
    logger.info(
      `${renewal ? "Renewed" : "Assumed"} role ${roleArn} through GitHub's OIDC token: session ${this.lastSession.assumedRoleArn}, valid until ${credentials.expiration.toISOString()}.`
    );
    return credentials;
  }
};
function roleSession(role, credentials) {
  const [, partition = "aws", , , account = ""] = role.roleArn.split(":");
  const roleName = role.roleArn.slice(role.roleArn.lastIndexOf("/") + 1);
  const accountId = credentials.accountId ?? account;
  return {
    roleArn: role.roleArn,
    sessionName: role.sessionName,
    accountId,
    assumedRoleArn: `arn:${partition}:sts::${accountId}:assumed-role/${roleName}/${role.sessionName}`,
    accessKeyId: credentials.accessKeyId,
    expiration: credentials.expiration ?? /* @__PURE__ */ new Date(NaN)
  };
}
function assumeRoleError(err, role, claims) {
  const name = (0, import_chunk_YOYRZ3GA.awsErrorName)(err) ?? "Error";
  const message = (0, import_chunk_OEPHYHQN.messageOf)(err);
  const subject = claims.sub ? ` (the token's sub is "${claims.sub}")` : "";
  let hint;
  if (name === "AccessDenied" || name === "AccessDeniedException") {
    hint = `The role's trust policy must allow sts:AssumeRoleWithWebIdentity to the federated principal token.actions.githubusercontent.com with the condition token.actions.githubusercontent.com:aud = ${STS_AUDIENCE} and a token.actions.githubusercontent.com:sub condition that matches ${claims.sub ? `"${claims.sub}"` : "this repository and branch or environment"}.`;
  } else if (name.startsWith("InvalidIdentityToken")) {
    hint = `The role's account needs an IAM OIDC identity provider for https://token.actions.githubusercontent.com whose audience list includes ${STS_AUDIENCE}.`;
  } else if (/DurationSeconds|MaxSessionDuration/i.test(message)) {
    hint = `role-duration-seconds (${role.durationSeconds}) exceeds the role's maximum session duration: lower it or raise the role's MaxSessionDuration.`;
  } else {
    hint = "Check the role ARN and that STS is reachable in this region.";
  }
  return new Error(
    `Could not assume role ${role.roleArn} with GitHub's OIDC token${subject}: ${name}: ${message}. ${hint}`,
    { cause: err }
  );
}
var ACTION_ADVICE = "Set the input role-to-assume (with `permissions: id-token: write`) so the action renews them itself through GitHub's OIDC token, or ask for a longer session (role-duration-seconds of aws-actions/configure-aws-credentials, within the role's maximum session duration).";
var CLI_EXPIRY_ADVICE = "Use a profile the SDK renews itself (role_arn with source_profile or credential_source, or IAM Identity Center), or ask for a longer session, within the role's maximum session duration.";
async function warnIfCredentialsExpireEarly(opts) {
  const now = opts.now ?? (() => Date.now());
  let credentials;
  try {
    const provider = opts.credentials ?? (await Promise.resolve().then(() => require("./dist-es-EZWE5TBL.js"))).fromNodeProviderChain();
    credentials = await withTimeout(provider(), opts.timeoutMs ?? 1e4);
  } catch (err) {
    opts.logger.debug(`Could not resolve the default AWS credentials to check their expiry: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    return false;
  }
  const { expiration } = credentials;
  if (!expiration) return false;
  const seconds = (0, import_chunk_IULFMOT4.waitDeadlineSeconds)(opts.request.job);
  const deadline = new Date(now() + seconds * 1e3);
  if (expiration.getTime() >= deadline.getTime()) return false;
  const { maxRuntimeSeconds, spot } = opts.request.job;
  opts.logger.warning(
    `The AWS credentials expire at ${expiration.toISOString()}, before this run may end (${deadline.toISOString()}: max runtime ${(0, import_chunk_HIONJ6JB.formatDuration)(maxRuntimeSeconds)}${spot ? ` + max wait ${(0, import_chunk_HIONJ6JB.formatDuration)(spot.maxWaitSeconds)}` : ""} + ${(0, import_chunk_HIONJ6JB.formatDuration)(import_chunk_IULFMOT4.DEADLINE_MARGIN_SECONDS)} margin). Once they expire the job can no longer be watched or stopped from here. ${opts.advice ?? ACTION_ADVICE}`
  );
  return true;
}
async function setUpAwsCredentials(o) {
  if (o.role) {
    const role = oidcRole({ ...o, role: o.role, region: o.request.region });
    await role.get();
    return (0, import_chunk_ZIWWOMLH.useCredentials)(role.provider);
  }
  if ((0, import_chunk_IULFMOT4.waitsOnAws)(o.request)) {
    await warnIfCredentialsExpireEarly({
      request: o.request,
      logger: o.logger,
      ...o.defaultCredentials ? { credentials: o.defaultCredentials } : {},
      ...o.now ? { now: o.now } : {}
    });
  }
  return () => void 0;
}
function useRoleCredentials(o) {
  return (0, import_chunk_ZIWWOMLH.useCredentials)(oidcRole(o).provider);
}
function oidcRole(o) {
  return new OidcRoleCredentials({
    ...o.role,
    region: o.region,
    env: o.env,
    logger: o.logger,
    ...o.now ? { now: o.now } : {},
    ...o.fetch ? { fetch: o.fetch } : {}
  });
}
function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CLI_EXPIRY_ADVICE,
  IdTokenUnavailableError,
  OidcRoleCredentials,
  SESSION_DURATION,
  defaultSessionName,
  sanitizeSessionName,
  setUpAwsCredentials,
  useRoleCredentials,
  warnIfCredentialsExpireEarly
});
