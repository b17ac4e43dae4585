import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  DEADLINE_MARGIN_SECONDS,
  waitDeadlineSeconds
} from "./chunk-4KWSCO26.js";
import {
  awsErrorName
} from "./chunk-GTVDIZ7E.js";
import {
  CLIENT_RETRY,
  useCredentials
} from "./chunk-5V4BOM4Q.js";
import {
  DEFAULT_CONFIG_FILE,
  formatDuration,
  overridesFromInputs
} from "./chunk-4FJ53MDP.js";

// src/action/inputs.ts
import { isAbsolute, resolve } from "node:path";

// src/aws/github-oidc.ts
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
    throw new Error(`Could not reach GitHub for an OIDC token (${url.origin}): ${errorMessage(err)}`, { cause: err });
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
function errorMessage(err) {
  return err instanceof Error ? err.message : String(err);
}

// src/aws/refreshing-credentials.ts
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

// src/aws/credentials.ts
var ROLE_ARN_PATTERN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
var SESSION_NAME_FORBIDDEN = /[^\w+=,.@-]/g;
var SESSION_DURATION = { min: 900, max: 43200, default: 3600 };
function sanitizeSessionName(name) {
  return name.replace(SESSION_NAME_FORBIDDEN, "-").slice(0, 64);
}
function defaultSessionName(env) {
  return sanitizeSessionName(`sagemaker-train-${env.GITHUB_RUN_ID?.trim() || "local"}`);
}
var OidcRoleCredentials = class {
  constructor(opts) {
    this.opts = opts;
    this.refreshing = new RefreshingCredentials({
      fetch: () => this.assume(),
      ...opts.now ? { now: opts.now } : {},
      onRenewalFailed: (err, current) => opts.logger.warning(
        `Could not renew the AWS credentials of role ${opts.roleArn} (${errorMessage2(err)}); the current ones stay valid until ${current.expiration?.toISOString() ?? "?"} and renewal will be tried again.`
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
    const { fromWebToken } = await import("./dist-es-QOREQ5ZH.js");
    let credentials;
    try {
      credentials = await fromWebToken({
        roleArn,
        roleSessionName: sessionName,
        webIdentityToken: token,
        durationSeconds,
        clientConfig: { region: this.opts.region, ...CLIENT_RETRY, ...this.opts.stsClientConfig }
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
  const name = awsErrorName(err) ?? "Error";
  const message = errorMessage2(err);
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
async function warnIfCredentialsExpireEarly(opts) {
  const now = opts.now ?? (() => Date.now());
  let credentials;
  try {
    const provider = opts.credentials ?? (await import("./dist-es-QOREQ5ZH.js")).fromNodeProviderChain();
    credentials = await withTimeout(provider(), opts.timeoutMs ?? 1e4);
  } catch (err) {
    opts.logger.debug(`Could not resolve the default AWS credentials to check their expiry: ${errorMessage2(err)}`);
    return false;
  }
  const { expiration } = credentials;
  if (!expiration) return false;
  const seconds = waitDeadlineSeconds(opts.request.job);
  const deadline = new Date(now() + seconds * 1e3);
  if (expiration.getTime() >= deadline.getTime()) return false;
  const { maxRuntimeSeconds, spot } = opts.request.job;
  opts.logger.warning(
    `The AWS credentials expire at ${expiration.toISOString()}, before this run may end (${deadline.toISOString()}: max runtime ${formatDuration(maxRuntimeSeconds)}${spot ? ` + max wait ${formatDuration(spot.maxWaitSeconds)}` : ""} + ${formatDuration(DEADLINE_MARGIN_SECONDS)} margin). Once they expire the job can no longer be watched or stopped from here. Set the input role-to-assume (with \`permissions: id-token: write\`) so the action renews them itself through GitHub's OIDC token, or ask for a longer session (role-duration-seconds of aws-actions/configure-aws-credentials, within the role's maximum session duration).`
  );
  return true;
}
async function setUpAwsCredentials(o) {
  if (o.role) {
    const role = oidcRole({ ...o, role: o.role, region: o.request.region });
    await role.get();
    return useCredentials(role.provider);
  }
  if (o.request.mode !== "local" && o.request.wait) {
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
  return useCredentials(oidcRole(o).provider);
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
function errorMessage2(err) {
  return err instanceof Error ? err.message : String(err);
}

// src/action/inputs.ts
var Input = /* @__PURE__ */ ((Input2) => {
  Input2["Config"] = "config";
  Input2["Mode"] = "mode";
  Input2["GithubToken"] = "github-token";
  Input2["Workspace"] = "workspace";
  Input2["RegistryPassword"] = "registry-password";
  Input2["CheckName"] = "check-name";
  Input2["Comment"] = "comment";
  Input2["BaselineBranch"] = "baseline-branch";
  Input2["BaselineDepth"] = "baseline-depth";
  Input2["RoleToAssume"] = "role-to-assume";
  Input2["RoleSessionName"] = "role-session-name";
  Input2["RoleDurationSeconds"] = "role-duration-seconds";
  return Input2;
})(Input || {});
var DEFAULT_CHECK_NAME = "sagemaker-training";
var DEFAULT_BASELINE_DEPTH = 20;
var InputError = class extends Error {
  constructor(input, problem) {
    super(`Input "${input}" ${problem}`);
    this.name = "InputError";
  }
};
var REGISTRY_PASSWORD_ENV = "INPUT_REGISTRY-PASSWORD";
function readInputs(source, env, cwd) {
  const githubToken = source.getInput("github-token" /* GithubToken */).trim();
  if (githubToken) source.setSecret(githubToken);
  const registryPassword = source.getInput("registry-password" /* RegistryPassword */);
  if (registryPassword) source.setSecret(registryPassword);
  const base = env.GITHUB_WORKSPACE?.trim() || cwd;
  const workspaceInput = source.getInput("workspace" /* Workspace */).trim();
  const workspace = workspaceInput ? isAbsolute(workspaceInput) ? workspaceInput : resolve(base, workspaceInput) : base;
  const roleToAssume = readRoleInputs(source, env);
  const configInput = source.getInput("config" /* Config */).trim();
  const configFile = configInput || DEFAULT_CONFIG_FILE;
  return {
    workspace: resolve(workspace),
    configFile,
    configFileExplicit: configInput !== "" && configInput !== DEFAULT_CONFIG_FILE,
    overrides: [
      ...overridesFromInputs((name) => source.getInput(name)),
      // The password stays in the environment; the image step reads it from there when it needs it.
      ...registryPassword ? [
        {
          path: ["image", "registry-password-env"],
          value: REGISTRY_PASSWORD_ENV,
          text: REGISTRY_PASSWORD_ENV,
          source: `input "${"registry-password" /* RegistryPassword */}"`
        }
      ] : []
    ],
    githubToken,
    gate: readGateInputs(source),
    ...roleToAssume ? { roleToAssume } : {}
  };
}
function readRoleInputs(source, env) {
  const durationRaw = source.getInput("role-duration-seconds" /* RoleDurationSeconds */).trim();
  let durationSeconds = SESSION_DURATION.default;
  if (durationRaw !== "") {
    const n = Number(durationRaw);
    if (!/^\d+$/.test(durationRaw) || n < SESSION_DURATION.min || n > SESSION_DURATION.max) {
      throw new InputError(
        "role-duration-seconds" /* RoleDurationSeconds */,
        `must be a whole number of seconds from ${SESSION_DURATION.min} to ${SESSION_DURATION.max} (got ${JSON.stringify(durationRaw)})`
      );
    }
    durationSeconds = n;
  }
  const nameRaw = source.getInput("role-session-name" /* RoleSessionName */).trim();
  const sessionName = nameRaw === "" ? defaultSessionName(env) : sanitizeSessionName(nameRaw);
  if (sessionName.length < 2) {
    throw new InputError(
      "role-session-name" /* RoleSessionName */,
      `must have 2 to 64 of the characters letters, digits and +=,.@_- (got ${JSON.stringify(nameRaw)})`
    );
  }
  const roleArn = source.getInput("role-to-assume" /* RoleToAssume */).trim();
  if (roleArn === "") return void 0;
  if (!ROLE_ARN_PATTERN.test(roleArn)) {
    throw new InputError(
      "role-to-assume" /* RoleToAssume */,
      `must be an IAM role ARN such as arn:aws:iam::123456789012:role/github-training (got ${JSON.stringify(roleArn)})`
    );
  }
  return { roleArn, sessionName, durationSeconds };
}
function readBoolean(source, name, fallback) {
  const raw = source.getInput(name).trim();
  if (raw === "") return fallback;
  if (/^(true|yes|on)$/i.test(raw)) return true;
  if (/^(false|no|off)$/i.test(raw)) return false;
  throw new InputError(name, `must be true or false (got ${JSON.stringify(raw)})`);
}
function readGateInputs(source) {
  const checkName = source.getInput("check-name" /* CheckName */).trim() || DEFAULT_CHECK_NAME;
  if (checkName.length > 100) throw new InputError("check-name" /* CheckName */, "must be at most 100 characters");
  const depthRaw = source.getInput("baseline-depth" /* BaselineDepth */).trim();
  let baselineDepth = DEFAULT_BASELINE_DEPTH;
  if (depthRaw !== "") {
    if (!/^\d+$/.test(depthRaw) || Number(depthRaw) < 1 || Number(depthRaw) > 100) {
      throw new InputError(
        "baseline-depth" /* BaselineDepth */,
        `must be a whole number from 1 to 100 (got ${JSON.stringify(depthRaw)})`
      );
    }
    baselineDepth = Number(depthRaw);
  }
  const baselineBranch = source.getInput("baseline-branch" /* BaselineBranch */).trim();
  return {
    checkName,
    comment: readBoolean(source, "comment" /* Comment */, false),
    ...baselineBranch ? { baselineBranch } : {},
    baselineDepth
  };
}

export {
  setUpAwsCredentials,
  useRoleCredentials,
  Input,
  DEFAULT_CHECK_NAME,
  DEFAULT_BASELINE_DEPTH,
  InputError,
  REGISTRY_PASSWORD_ENV,
  readInputs,
  readRoleInputs,
  readGateInputs
};
