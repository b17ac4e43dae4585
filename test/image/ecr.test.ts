// ECR through aws-sdk-client-mock, and the whole image step with a fake engine and registry: the token and the decoded
// password are masked before anything prints them, and nothing printed or thrown contains them.
import { Readable } from 'node:stream';
import { join } from 'node:path';

import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import type Dockerode from 'dockerode';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { ecrCredentials, ensureEcrRepository, parseEcrHost } from '../../src/image/ecr.js';
import { ensureImage } from '../../src/image/ensure.js';
import type { Fetch } from '../../src/image/registry.js';
import { makeTempDir, MemoryLogger, removeTempDirs, writeFiles } from '../helpers/docker.js';

afterAll(removeTempDirs);

const ecr = mockClient(ECRClient);
const HOST = '123456789012.dkr.ecr.eu-west-2.amazonaws.com';
const PASSWORD = 'eyJwYXlsb2FkIjoiZWNyLXNlY3JldC1wYXNzd29yZCJ9';
const TOKEN = Buffer.from(`AWS:${PASSWORD}`).toString('base64');
const DIGEST = `sha256:${'c'.repeat(64)}`;

beforeEach(() => {
  ecr.reset();
  ecr.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [{ authorizationToken: TOKEN, proxyEndpoint: `https://${HOST}` }],
  });
});

function everything(logger: MemoryLogger): string {
  return [...logger.infos, ...logger.warnings, ...logger.errors, ...logger.debugs, ...logger.groups].join('\n');
}

describe('parseEcrHost', () => {
  it.each([
    [HOST, { account: '123456789012', region: 'eu-west-2', host: HOST }],
    ['123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com', { account: '123456789012', region: 'us-gov-west-1' }],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', { account: '123456789012', region: 'cn-north-1' }],
  ])('%s is ECR', (host, expected) => expect(parseEcrHost(host)).toMatchObject(expected));
  it.each(['ghcr.io', '127.0.0.1:5000', '12345.dkr.ecr.us-east-1.amazonaws.com'])('%s is not', (host) =>
    expect(parseEcrHost(host)).toBeUndefined(),
  );
});

describe('ecrCredentials', () => {
  it('asks for the account of the registry and masks the token and the password before returning', async () => {
    const masked: string[] = [];
    const registry = { account: '123456789012', region: 'eu-west-2', host: HOST };
    const credentials = await ecrCredentials({ client: new ECRClient({}), registry, mask: (s) => masked.push(s) });
    expect(credentials).toEqual({ username: 'AWS', password: PASSWORD });
    expect(masked).toEqual([TOKEN, PASSWORD]);
    expect(ecr.commandCalls(GetAuthorizationTokenCommand)[0]?.args[0].input).toEqual({ registryIds: ['123456789012'] });
  });

  it('says which account failed', async () => {
    ecr.on(GetAuthorizationTokenCommand).rejects(new Error('AccessDeniedException: not authorized'));
    const registry = { account: '123456789012', region: 'eu-west-2', host: HOST };
    await expect(ecrCredentials({ client: new ECRClient({}), registry, mask: () => undefined })).rejects.toThrow(
      'Cannot get an ECR authorization token for account 123456789012 in eu-west-2: AccessDeniedException',
    );
  });
});

describe('ensureEcrRepository', () => {
  const registry = { account: '123456789012', region: 'eu-west-2', host: HOST };

  it('creates a missing repository with scan on push and the tag mutability asked for', async () => {
    ecr
      .on(DescribeRepositoriesCommand)
      .rejects(new RepositoryNotFoundException({ message: 'not found', $metadata: {} }));
    ecr.on(CreateRepositoryCommand).resolves({});
    const logger = new MemoryLogger();
    const client = new ECRClient({});
    expect(await ensureEcrRepository({ client, registry, name: 'team/iris', immutableTags: true, logger })).toBe(
      'created',
    );
    expect(ecr.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toEqual({
      registryId: '123456789012',
      repositoryName: 'team/iris',
      imageScanningConfiguration: { scanOnPush: true },
      imageTagMutability: 'IMMUTABLE',
    });
    expect(logger.infos).toEqual(['Created the ECR repository team/iris (scan on push, immutable tags)']);
  });

  it('leaves an existing repository alone', async () => {
    ecr.on(DescribeRepositoriesCommand).resolves({ repositories: [{ repositoryName: 'team/iris' }] });
    const client = new ECRClient({});
    const logger = new MemoryLogger();
    expect(await ensureEcrRepository({ client, registry, name: 'team/iris', immutableTags: false, logger })).toBe(
      'exists',
    );
    expect(ecr.commandCalls(CreateRepositoryCommand)).toHaveLength(0);
  });
});

/** An engine that builds nothing and pushes by replaying messages; it records the auth config it was given. */
function fakeDocker(messages: object[]) {
  const pushes: { name: string; tag: string; authconfig: unknown }[] = [];
  const docker = {
    getImage: (name: string) => ({
      tag: () => Promise.resolve(),
      push: (opts: { tag: string; authconfig: unknown }) => {
        pushes.push({ name, tag: opts.tag, authconfig: opts.authconfig });
        return Promise.resolve(Readable.from(messages.map((m) => `${JSON.stringify(m)}\n`)));
      },
    }),
  } as unknown as Dockerode;
  return { docker, pushes };
}

/** A registry that wants ECR's Basic credentials and has no tag yet. */
const registryFetch: Fetch = (_url, init) => {
  const auth = (init?.headers as Record<string, string> | undefined)?.Authorization;
  if (auth !== `Basic ${TOKEN}`) {
    return Promise.resolve(new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="ecr"' } }));
  }
  return Promise.resolve(new Response(null, { status: 404 }));
};

async function buildSpec() {
  const dir = await makeTempDir('smt-ecr-');
  await writeFiles(dir, { Dockerfile: 'FROM scratch\n' });
  return {
    kind: 'build' as const,
    context: dir,
    dockerfile: join(dir, 'Dockerfile'),
    buildArgs: {},
    platform: 'linux/amd64',
    repository: `${HOST}/team/iris`,
    createRepository: true,
  };
}

describe('ensureImage with ECR', () => {
  it('builds and pushes with the ECR credentials as auth config; nothing printed holds the token or password', async () => {
    ecr.on(DescribeRepositoriesCommand).resolves({ repositories: [{}] });
    const { docker, pushes } = fakeDocker([
      { status: 'Pushing', id: 'l1', progressDetail: { current: 10, total: 2048 } },
      { status: 'Pushed', id: 'l1' },
      { status: 'Layer already exists', id: 'l2' },
      { status: `ctx: digest: ${DIGEST} size: 10` },
      { aux: { Tag: 'ctx', Digest: DIGEST, Size: 10 } },
    ]);
    const logger = new MemoryLogger();
    const masked: string[] = [];
    const built: string[] = [];
    const outcome = await ensureImage({
      docker,
      spec: await buildSpec(),
      push: true,
      localRepository: 'unused',
      logger,
      env: {},
      mask: (s) => masked.push(s),
      ecr: () => Promise.resolve(new ECRClient({})),
      fetch: registryFetch,
      build: ({ tag, logger: buildLogger }) => {
        built.push(tag);
        buildLogger.info(`a build line that mentions ${PASSWORD} by accident`);
        return Promise.resolve({ imageId: 'sha256:1', tag });
      },
      revision: () => Promise.resolve(undefined),
    });
    expect(outcome).toMatchObject({ uri: `${HOST}/team/iris@${DIGEST}`, built: true, pushed: true });
    expect(built).toEqual([`${HOST}/team/iris:${outcome.tag}`]);
    expect(pushes).toEqual([
      {
        name: `${HOST}/team/iris`,
        tag: outcome.tag,
        authconfig: { username: 'AWS', password: PASSWORD, serveraddress: HOST },
      },
    ]);
    expect(masked).toEqual(expect.arrayContaining([TOKEN, PASSWORD]));
    expect(logger.infos).toEqual(expect.arrayContaining(['layer l1: pushed (2.0 KiB)', 'layer l2: already present']));
    const printed = everything(logger);
    expect(printed).not.toContain(PASSWORD);
    expect(printed).not.toContain(TOKEN);
  });

  it('a refused push is a clear error, redacted, with no outcome', async () => {
    ecr.on(DescribeRepositoriesCommand).resolves({ repositories: [{}] });
    const { docker } = fakeDocker([
      { status: 'Preparing', id: 'l1' },
      { errorDetail: { message: `denied: not allowed for AWS:${PASSWORD}` }, error: 'denied' },
    ]);
    const logger = new MemoryLogger();
    const error = await ensureImage({
      docker,
      spec: await buildSpec(),
      push: true,
      localRepository: 'unused',
      logger,
      env: {},
      ecr: () => Promise.resolve(new ECRClient({})),
      fetch: registryFetch,
      build: ({ tag }) => Promise.resolve({ imageId: 'sha256:1', tag }),
      revision: () => Promise.resolve(undefined),
      sleep: () => Promise.reject(new Error('a refusal is not retried')),
    }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^The registry refused the push of .*team\/iris:ctx-[0-9a-f]{16}: denied: not allowed for AWS:\*\*\*$/,
    );
    expect(everything(logger)).not.toContain(PASSWORD);
  });
});
