import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  ROLE_ARN_PATTERN,
  SESSION_DURATION,
  defaultSessionName,
  sanitizeSessionName
} from "./chunk-Y2S4CFQK.js";
import {
  DEFAULT_CONFIG_FILE,
  overridesFromInputs
} from "./chunk-67NRDOTG.js";

// src/action/inputs.ts
import { isAbsolute, resolve } from "node:path";
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
  Input,
  DEFAULT_CHECK_NAME,
  DEFAULT_BASELINE_DEPTH,
  InputError,
  REGISTRY_PASSWORD_ENV,
  readInputs,
  readRoleInputs,
  readGateInputs
};
