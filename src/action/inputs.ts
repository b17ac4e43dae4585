// The only code that reads the action's inputs: one settings object, keys mirroring action.yml.
import { DEFAULT_CHECK_NAME } from '../github/check-run.js';
import { DEFAULT_BASELINE_DEPTH } from '../github/baseline.js';
import { isAbsolute, resolve } from 'node:path';
import {
  defaultSessionName,
  ROLE_ARN_PATTERN,
  sanitizeSessionName,
  SESSION_DURATION,
  type RoleToAssume,
} from '../aws/credentials.js';
import { DEFAULT_CONFIG_FILE } from '../config/load.js';
import { overridesFromInputs, type Override } from '../config/overrides.js';
import type { RunIdentity } from '../run-identity.js';

export enum Input {
  Config = 'config',
  Mode = 'mode',
  GithubToken = 'github-token',
  Workspace = 'workspace',
  RegistryPassword = 'registry-password',
  CheckName = 'check-name',
  Comment = 'comment',
  BaselineBranch = 'baseline-branch',
  BaselineDepth = 'baseline-depth',
  PullRequestTarget = 'pull-request-target',
  RoleToAssume = 'role-to-assume',
  RoleSessionName = 'role-session-name',
  RoleDurationSeconds = 'role-duration-seconds',
  SaveResult = 'save-result',
  PublishResult = 'publish-result',
}

export { DEFAULT_CHECK_NAME } from '../github/check-run.js';
export { DEFAULT_BASELINE_DEPTH } from '../github/baseline.js';

/** An input that is present but not what it should be. */
export class InputError extends Error {
  constructor(input: string, problem: string) {
    super(`Input "${input}" ${problem}`);
    this.name = 'InputError';
  }
}

/** The merge gate's settings: the check run's name, the sticky comment, where the baseline comes from. */
export interface GateInputs {
  checkName: string;
  comment: boolean;
  /** Base branch on push and workflow_dispatch (default: the repository's default branch). */
  baselineBranch?: string;
  /** How many base branch commits to look back for a baseline (1–100). */
  baselineDepth: number;
  /** pull_request_target: refuse (default), or train the base branch's code and report it on the base commit. */
  pullRequestTarget: 'refuse' | 'train-base';
}

/** Where the runner puts the registry-password input; the configuration names this variable, never the password. */
export const REGISTRY_PASSWORD_ENV = 'INPUT_REGISTRY-PASSWORD';

export interface ActionInputs {
  /** Absolute folder relative paths are resolved against. */
  workspace: string;
  configFile: string;
  /** True when the workflow named a file other than the default: then it must exist. */
  configFileExplicit: boolean;
  /** Every input that overrides the configuration file (mode included), in OVERRIDES order. */
  overrides: Override[];
  /** Masked as soon as it is read; for check runs, the baseline and PR comments. */
  githubToken: string;
  gate: GateInputs;
  /** role-to-assume and its session settings: the action gets (and renews) AWS credentials itself through OIDC. */
  roleToAssume?: RoleToAssume;
  /** save-result: where a pull request run writes its result for a `workflow_run` workflow to post (absolute). */
  saveResult?: string;
  /** publish-result: the saved result this step posts instead of training (a `workflow_run` workflow; absolute). */
  publishResult?: string;
}

export interface InputSource {
  getInput(name: string): string;
  setSecret(secret: string): void;
}

export function readInputs(source: InputSource, identity: RunIdentity, cwd: string): ActionInputs {
  // Mask first, before anything could print it.
  const githubToken = source.getInput(Input.GithubToken).trim();
  if (githubToken) source.setSecret(githubToken);
  const registryPassword = source.getInput(Input.RegistryPassword);
  if (registryPassword) source.setSecret(registryPassword);

  const base = identity.workspace ?? cwd;
  const workspaceInput = source.getInput(Input.Workspace).trim();
  const workspace = workspaceInput
    ? isAbsolute(workspaceInput)
      ? workspaceInput
      : resolve(base, workspaceInput)
    : base;

  const roleToAssume = readRoleInputs(source, identity);
  const saveResult = source.getInput(Input.SaveResult).trim();
  const publishResult = source.getInput(Input.PublishResult).trim();
  if (saveResult && publishResult) {
    throw new InputError(Input.PublishResult, `cannot be given with ${Input.SaveResult}: a step trains or posts`);
  }
  const configInput = source.getInput(Input.Config).trim();
  const configFile = configInput || DEFAULT_CONFIG_FILE;

  return {
    workspace: resolve(workspace),
    configFile,
    configFileExplicit: configInput !== '' && configInput !== DEFAULT_CONFIG_FILE,
    overrides: [
      ...overridesFromInputs((name) => source.getInput(name)),
      // The password stays in the environment; the image step reads it from there when it needs it.
      ...(registryPassword
        ? [
            {
              path: ['image', 'registry-password-env'],
              value: REGISTRY_PASSWORD_ENV,
              text: REGISTRY_PASSWORD_ENV,
              source: `input "${Input.RegistryPassword}"`,
            },
          ]
        : []),
    ],
    githubToken,
    gate: readGateInputs(source),
    ...(roleToAssume ? { roleToAssume } : {}),
    ...(saveResult ? { saveResult: resolve(workspace, saveResult) } : {}),
    ...(publishResult ? { publishResult: resolve(workspace, publishResult) } : {}),
  };
}

/**
 * The role to assume through GitHub's OIDC token, when role-to-assume is given. The session settings are validated
 * either way (a bad value is an error, not a silent default).
 */
export function readRoleInputs(source: Pick<InputSource, 'getInput'>, identity: RunIdentity): RoleToAssume | undefined {
  const durationRaw = source.getInput(Input.RoleDurationSeconds).trim();
  let durationSeconds: number = SESSION_DURATION.default;
  if (durationRaw !== '') {
    const n = Number(durationRaw);
    if (!/^\d+$/.test(durationRaw) || n < SESSION_DURATION.min || n > SESSION_DURATION.max) {
      throw new InputError(
        Input.RoleDurationSeconds,
        `must be a whole number of seconds from ${SESSION_DURATION.min} to ${SESSION_DURATION.max} ` +
          `(got ${JSON.stringify(durationRaw)})`,
      );
    }
    durationSeconds = n;
  }
  const nameRaw = source.getInput(Input.RoleSessionName).trim();
  const sessionName = nameRaw === '' ? defaultSessionName(identity) : sanitizeSessionName(nameRaw);
  if (sessionName.length < 2) {
    throw new InputError(
      Input.RoleSessionName,
      `must have 2 to 64 of the characters letters, digits and +=,.@_- (got ${JSON.stringify(nameRaw)})`,
    );
  }
  const roleArn = source.getInput(Input.RoleToAssume).trim();
  if (roleArn === '') return undefined;
  if (!ROLE_ARN_PATTERN.test(roleArn)) {
    throw new InputError(
      Input.RoleToAssume,
      `must be an IAM role ARN such as arn:aws:iam::123456789012:role/github-training (got ${JSON.stringify(roleArn)})`,
    );
  }
  return { roleArn, sessionName, durationSeconds };
}

function readBoolean(source: Pick<InputSource, 'getInput'>, name: string, fallback: boolean): boolean {
  const raw = source.getInput(name).trim();
  if (raw === '') return fallback;
  if (/^(true|yes|on)$/i.test(raw)) return true;
  if (/^(false|no|off)$/i.test(raw)) return false;
  throw new InputError(name, `must be true or false (got ${JSON.stringify(raw)})`);
}

/** The gate inputs, strictly: a bad value is an error naming the input. */
export function readGateInputs(source: Pick<InputSource, 'getInput'>): GateInputs {
  const checkName = source.getInput(Input.CheckName).trim() || DEFAULT_CHECK_NAME;
  if (checkName.length > 100) throw new InputError(Input.CheckName, 'must be at most 100 characters');
  const depthRaw = source.getInput(Input.BaselineDepth).trim();
  let baselineDepth = DEFAULT_BASELINE_DEPTH;
  if (depthRaw !== '') {
    if (!/^\d+$/.test(depthRaw) || Number(depthRaw) < 1 || Number(depthRaw) > 100) {
      throw new InputError(
        Input.BaselineDepth,
        `must be a whole number from 1 to 100 (got ${JSON.stringify(depthRaw)})`,
      );
    }
    baselineDepth = Number(depthRaw);
  }
  const baselineBranch = source.getInput(Input.BaselineBranch).trim();
  const target = source.getInput(Input.PullRequestTarget).trim() || 'refuse';
  if (target !== 'refuse' && target !== 'train-base') {
    throw new InputError(Input.PullRequestTarget, `must be refuse or train-base (got ${JSON.stringify(target)})`);
  }
  return {
    checkName,
    comment: readBoolean(source, Input.Comment, false),
    ...(baselineBranch ? { baselineBranch } : {}),
    baselineDepth,
    pullRequestTarget: target,
  };
}
