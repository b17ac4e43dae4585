// The only code that reads the action's inputs: one settings object, keys mirroring action.yml.
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE } from '../config/load.js';
import { overridesFromInputs, type Override } from '../config/overrides.js';

export enum Input {
  Config = 'config',
  Mode = 'mode',
  GithubToken = 'github-token',
  Workspace = 'workspace',
  RegistryPassword = 'registry-password',
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
  /** Masked as soon as it is read. Unused so far (check runs and PR comments will use it). */
  githubToken: string;
}

export interface InputSource {
  getInput(name: string): string;
  setSecret(secret: string): void;
}

export function readInputs(source: InputSource, env: Record<string, string | undefined>, cwd: string): ActionInputs {
  // Mask first, before anything could print it.
  const githubToken = source.getInput(Input.GithubToken).trim();
  if (githubToken) source.setSecret(githubToken);
  const registryPassword = source.getInput(Input.RegistryPassword);
  if (registryPassword) source.setSecret(registryPassword);

  const base = env.GITHUB_WORKSPACE?.trim() || cwd;
  const workspaceInput = source.getInput(Input.Workspace).trim();
  const workspace = workspaceInput
    ? isAbsolute(workspaceInput)
      ? workspaceInput
      : resolve(base, workspaceInput)
    : base;

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
  };
}
