// Registries of our own, started inside the test (Debian's docker-registry on free 127.0.0.1 ports): one that demands
// a user name and password (htpasswd, bcrypt hash made with bcryptjs), one that refuses every push (read-only).
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureImage, type EnsureImageOptions } from '../../src/image/ensure.js';
import { RegistryClient } from '../../src/image/registry.js';
import type { BuildImageSpec } from '../../src/request.js';
import { BASE_IMAGE, createDocker, makeTempDir, MemoryLogger, removeTempDirs, writeFiles } from '../helpers/docker.js';

const docker = createDocker();
const PASSWORD = `pw-${process.pid}-s3cret`;
const registries: ChildProcess[] = [];
const repositories: string[] = [];
let root: string;
let spec: BuildImageSpec;
let authHost: string;
let readonlyHost: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRegistry(name: string, extra: string): Promise<string> {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = join(root, `${name}.yml`);
  await writeFile(
    config,
    `version: 0.1\nlog: { level: error }\nstorage:\n  filesystem: { rootdirectory: ${join(root, name)} }\n${extra}\nhttp: { addr: "${host}" }\n`,
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
  registries.push(child);
  for (let i = 0; i < 80; i++) {
    const ok = await fetch(`http://${host}/v2/`).then(
      (r) => r.status === 200 || r.status === 401,
      () => false,
    );
    if (ok) return host;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry ${name} did not start on ${host}`);
}

beforeAll(async () => {
  root = await makeTempDir('smt-registry-auth-');
  await writeFile(join(root, 'htpasswd'), `ci:${bcrypt.hashSync(PASSWORD, 5)}\n`);
  [authHost, readonlyHost] = await Promise.all([
    startRegistry('auth', `auth:\n  htpasswd: { realm: smt-test, path: ${join(root, 'htpasswd')} }`),
    startRegistry('readonly', '  maintenance: { readonly: { enabled: true } }'),
  ]);
  const context = join(root, 'ctx');
  await writeFiles(context, {
    Dockerfile: `FROM ${BASE_IMAGE}\nCOPY . /app\n`,
    'main.py': 'print("auth")\n',
  });
  spec = { kind: 'build', context, dockerfile: join(context, 'Dockerfile'), buildArgs: {}, platform: 'linux/amd64' };
});

afterAll(async () => {
  for (const child of registries) child.kill('SIGTERM');
  const images = await docker.listImages({ filters: JSON.stringify({ reference: repositories.map((r) => `${r}:*`) }) });
  await Promise.all(
    images.map((i) =>
      docker
        .getImage(i.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  await removeTempDirs();
});

function options(
  extra: Partial<BuildImageSpec>,
  logger: MemoryLogger,
  env: Record<string, string> = {},
): EnsureImageOptions {
  const repository = extra.repository ?? '';
  repositories.push(repository);
  return {
    docker,
    spec: { ...spec, ...extra },
    push: true,
    localRepository: 'unused',
    logger,
    env,
    sleep: () => Promise.resolve(),
    revision: () => Promise.resolve(undefined),
  };
}

function printed(logger: MemoryLogger): string {
  return [...logger.infos, ...logger.warnings, ...logger.errors, ...logger.debugs, ...logger.groups].join('\n');
}

describe('a registry that demands credentials', () => {
  it('pushes with the user name and the password from its variable, then finds the tag', async () => {
    const repository = `${authHost}/smt-test/auth`;
    const logger = new MemoryLogger();
    const env = { SMT_REGISTRY_PASSWORD: PASSWORD };
    const credentials = { registryUsername: 'ci', registryPasswordEnv: 'SMT_REGISTRY_PASSWORD', repository };
    const pushed = await ensureImage(options(credentials, logger, env));
    expect(pushed).toMatchObject({ built: true, pushed: true });
    expect(pushed.uri).toMatch(new RegExp(`^${authHost}/smt-test/auth@sha256:[0-9a-f]{64}$`));

    const again = await ensureImage(options(credentials, logger, env));
    expect(again).toMatchObject({ built: false, pushed: false, uri: pushed.uri });
    expect(printed(logger)).not.toContain(PASSWORD);

    const client = new RegistryClient({ host: authHost, credentials: { username: 'ci', password: PASSWORD } });
    expect(await client.manifestDigest('smt-test/auth', pushed.tag)).toBe(pushed.digest);
  });

  it('says clearly when the password is wrong or missing', async () => {
    const repository = `${authHost}/smt-test/auth-wrong`;
    const logger = new MemoryLogger();
    const wrong = { registryUsername: 'ci', registryPasswordEnv: 'PW', repository };
    await expect(ensureImage(options(wrong, logger, { PW: 'not-the-password' }))).rejects.toThrow(
      `Authentication to the registry ${authHost} failed for smt-test/auth-wrong: it refused the credentials given`,
    );
    await expect(ensureImage(options({ repository }, logger))).rejects.toThrow(
      /it asks for a user name and password \(set image.registry-username/,
    );
    await expect(ensureImage(options(wrong, logger, {}))).rejects.toThrow(
      'The registry password variable PW (image.registry-password-env) is empty or not set',
    );
    expect(printed(logger)).not.toContain('not-the-password');
  });
});

describe('a registry that refuses the push', () => {
  it('fails with the registry’s reason and no outcome', async () => {
    const repository = `${readonlyHost}/smt-test/refused`;
    const logger = new MemoryLogger();
    await expect(ensureImage(options({ repository }, logger))).rejects.toThrow(
      new RegExp(`The registry refused the push of ${readonlyHost}/smt-test/refused:ctx-[0-9a-f]{16}: .+`),
    );
  });
});
