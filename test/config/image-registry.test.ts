// The image keys: force-build, registry credentials (a variable name, never the password), ECR options.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';

import { readInputs, REGISTRY_PASSWORD_ENV } from '../../src/action/inputs.js';
import { ConfigError } from '../../src/config/errors.js';
import { loadRequest } from '../../src/config/load.js';
import { overridesFromFlags } from '../../src/config/overrides.js';
import { makeWorkspace, writeConfig } from '../fixtures/bad-configs.js';
import { writeFiles } from '../helpers/docker.js';
import { readRunIdentity } from '../../src/run-identity.js';

let workspace: string;
beforeEach(async () => {
  workspace = await makeWorkspace();
  await writeFiles(workspace, { Dockerfile: 'FROM x\n' });
});
afterEach(() => rm(workspace, { recursive: true, force: true }));

const IMAGE = `image:
  repository: registry.example.com/team/iris
  force-build: true
  registry-username: ci
  registry-password-env: REGISTRY_PASSWORD
  create-repository: true
  immutable-tags: false
`;

describe('image registry settings', () => {
  it('reads them into the build spec', async () => {
    await writeConfig(workspace, IMAGE);
    const request = await loadRequest({ workspace, overrides: [], env: {} });
    expect(request.image).toMatchObject({
      kind: 'build',
      repository: 'registry.example.com/team/iris',
      forceBuild: true,
      registryUsername: 'ci',
      registryPasswordEnv: 'REGISTRY_PASSWORD',
      createRepository: true,
      immutableTags: false,
    });
  });

  it('lets --force-build and --registry-username override the file', async () => {
    await writeConfig(workspace, IMAGE);
    const overrides = overridesFromFlags({ values: { 'force-build': 'false', 'registry-username': 'bot' } });
    const request = await loadRequest({ workspace, overrides, env: {} });
    expect(request.image).toMatchObject({ forceBuild: false, registryUsername: 'bot' });
  });

  it.each([
    ['force-build: yes please', 'image.force-build (line 2): must be true or false'],
    ['registry-password-env: "hunter2 with spaces"', 'never the password itself'],
    ['registry-username: ci', 'needs image.registry-password-env'],
    ['immutable-tags: 1', 'image.immutable-tags (line 2): must be true or false'],
  ])('rejects %s', async (line, message) => {
    await writeConfig(workspace, `image:\n  ${line}\n`);
    const error = await loadRequest({ workspace, overrides: [], env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('the registry-password input is masked and named by its variable, never copied into the request', async () => {
    await writeConfig(workspace, 'image:\n  registry-username: ci\n');
    const secrets: string[] = [];
    const inputs = readInputs(
      {
        getInput: (name) => (name === 'registry-password' ? 'p@ss w0rd' : ''),
        setSecret: (s) => secrets.push(s),
      },
      readRunIdentity({ GITHUB_WORKSPACE: workspace }),
      workspace,
    );
    expect(secrets).toEqual(['p@ss w0rd']);
    const request = await loadRequest({ workspace, overrides: inputs.overrides, env: {} });
    expect(request.image).toMatchObject({ registryUsername: 'ci', registryPasswordEnv: REGISTRY_PASSWORD_ENV });
    expect(JSON.stringify(request)).not.toContain('p@ss w0rd');
  });
});
