// LocalBackend decisions taken before anything is created, over a fake engine that records every call.
import type Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';

import { LocalBackend } from '../../../src/backends/local/index.js';
import { prefetchEngineInfo } from '../../../src/docker-client.js';
import type { LocalRequest } from '../../../src/request.js';
import { makeTempDir, MemoryLogger, removeTempDirs } from '../../helpers/docker.js';
import { localRequest } from './request.js';

afterAll(removeTempDirs);

function recordingDocker(info: Record<string, unknown> = { Runtimes: { runc: {} } }) {
  const calls: string[] = [];
  const docker = new Proxy(
    {},
    {
      get: (_target, prop: string) => {
        if (prop === 'info') {
          return () => {
            calls.push('info');
            return Promise.resolve(info);
          };
        }
        return () => {
          calls.push(prop);
          return Promise.reject(new Error(`unexpected call ${prop}`));
        };
      },
    },
  ) as Dockerode;
  return { docker, calls };
}

async function run(request: LocalRequest, docker: Dockerode) {
  const backend = new LocalBackend({ docker, tmpDir: await makeTempDir() });
  return backend.run({
    request,
    imageUri: 'img',
    jobName: 'job',
    logger: new MemoryLogger(),
    signal: new AbortController().signal,
  });
}

describe('LocalBackend before the first container', () => {
  it('creates a CPU host without asking the engine anything first (its /dev/shm needs no docker info)', async () => {
    const { docker, calls } = recordingDocker();
    await expect(run(localRequest({ job: { instanceType: 'ml.m5.large' } }), docker)).rejects.toThrow(
      /unexpected call/,
    );
    expect(calls[0]).toBe('createContainer');
    expect(calls).not.toContain('info');
  });

  it('takes the info the pipeline asked for ahead of it instead of asking again, and only once', async () => {
    const { docker, calls } = recordingDocker();
    const gpuRun = localRequest({ job: { instanceType: 'ml.g6.xlarge' } });
    prefetchEngineInfo(docker);
    expect(calls).toEqual(['info']);
    await expect(run(gpuRun, docker)).rejects.toThrow(/unexpected call/);
    expect(calls.slice(0, 2)).toEqual(['info', 'createContainer']);
    // Taken: the next run asks for itself.
    await expect(run(gpuRun, docker)).rejects.toThrow(/unexpected call/);
    expect(calls.filter((c) => c === 'info')).toHaveLength(2);
  });

  it('asks the engine about GPUs first, and requests them even when docker info shows no runtime', async () => {
    const { docker, calls } = recordingDocker();
    await expect(run(localRequest({ job: { instanceType: 'ml.g6.xlarge' } }), docker)).rejects.toThrow(
      /unexpected call/,
    );
    expect(calls.slice(0, 2)).toEqual(['info', 'createContainer']);
  });

  it('requests all GPUs when the engine has the nvidia runtime', async () => {
    const created: unknown[] = [];
    const { docker } = recordingDocker({ Runtimes: { runc: {}, nvidia: {} } });
    const spy = new Proxy(docker, {
      get: (target, prop: string) =>
        prop === 'createContainer'
          ? (options: SplitCreateOptions) => {
              created.push(createOptionsOf(options));
              return Promise.reject(new Error('stop here'));
            }
          : (target as unknown as Record<string, unknown>)[prop],
    });
    await expect(run(localRequest({ job: { instanceType: 'local_gpu' } }), spy)).rejects.toThrow('stop here');
    expect(created).toMatchObject([
      { HostConfig: { DeviceRequests: [{ Driver: '', Count: -1, Capabilities: [['gpu']] }] } },
    ]);
  });
});

describe('the job network', () => {
  it('is created while the engine has not answered docker info yet (isolation needs its version)', async () => {
    const events: string[] = [];
    let answer: (info: Record<string, unknown>) => void = () => undefined;
    const docker = {
      info: () => {
        events.push('info asked');
        return new Promise((resolve) => (answer = resolve));
      },
      createNetwork: () => {
        events.push('network created');
        answer({ Runtimes: { runc: {} }, MemTotal: 8 * 1024 ** 3 });
        return Promise.resolve({ id: 'net-1' });
      },
      createContainer: () => Promise.reject(new Error('stop here')),
      getNetwork: () => ({ remove: () => Promise.resolve() }),
    } as unknown as Dockerode;
    const isolated = localRequest({ job: { instanceCount: 2, networkIsolation: true } });
    await expect(run(isolated, docker)).rejects.toThrow('stop here');
    expect(events).toEqual(['info asked', 'network created']);
  });
});

/** What the client is handed: the name for the URL and the configuration for the body (src/docker-client.ts). */
interface SplitCreateOptions {
  _query: { name?: string };
  _body: Dockerode.ContainerCreateOptions;
}

/** The create options as one object again, name included. */
function createOptionsOf(split: SplitCreateOptions): Dockerode.ContainerCreateOptions {
  return { ...split._query, ...split._body };
}

/** A fake engine that reports `info`, accepts the job network and records each container's create options. */
function creatingDocker(info: Record<string, unknown>) {
  const created: Dockerode.ContainerCreateOptions[] = [];
  const networks: Dockerode.NetworkCreateOptions[] = [];
  const docker = {
    info: () => Promise.resolve(info),
    createNetwork: (options: Dockerode.NetworkCreateOptions) => {
      networks.push(options);
      return Promise.resolve({ id: `net-${networks.length}` });
    },
    createContainer: (options: SplitCreateOptions) => {
      created.push(createOptionsOf(options));
      return Promise.reject(new Error('stop here'));
    },
    getNetwork: () => ({ remove: () => Promise.resolve() }),
  } as unknown as Dockerode;
  return { docker, created, networks };
}

const CDI_4_GPUS = {
  Runtimes: { runc: {} },
  MemTotal: 64 * 1024 ** 3,
  DiscoveredDevices: ['all', '0', '1', '2', '3'].map((id) => ({ Source: 'cdi', ID: `nvidia.com/gpu=${id}` })),
};

async function createOptions(request: LocalRequest, info: Record<string, unknown>, engineGpus?: number) {
  const { docker, created, networks } = creatingDocker(info);
  const logger = new MemoryLogger();
  const backend = new LocalBackend({
    docker,
    tmpDir: await makeTempDir(),
    ...(engineGpus !== undefined ? { engineGpuCount: () => Promise.resolve(engineGpus) } : {}),
  });
  const outcome = await backend
    .run({ request, imageUri: 'img', jobName: 'job', logger, signal: new AbortController().signal })
    .catch((err: Error) => err.message);
  const byHost = [...created].sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return { created: byHost, networks, logger, outcome };
}

describe('what each host container is created with', () => {
  const twoGpuHosts = (local: Partial<LocalRequest['local']> = {}) =>
    localRequest({
      job: { instanceType: 'ml.g5.12xlarge', instanceCount: 2 },
      local: { gpu: 'required', cancelGraceSeconds: 5, ...local },
    });

  it('splits the engine GPUs evenly between the hosts (Docker device IDs, as --gpus device=…)', async () => {
    const { created, logger } = await createOptions(twoGpuHosts(), CDI_4_GPUS);
    expect(created.map((c) => c.HostConfig?.DeviceRequests)).toEqual([
      [{ Driver: '', Count: 0, DeviceIDs: ['0', '1'], Capabilities: [['gpu']] }],
      [{ Driver: '', Count: 0, DeviceIDs: ['2', '3'], Capabilities: [['gpu']] }],
    ]);
    expect(logger.infos).toContain('GPUs: devices 0,1 | 2,3 (CDI)');
  });

  it('gives every host every GPU with local.gpus-per-host: all', async () => {
    const { created } = await createOptions(twoGpuHosts({ gpusPerHost: 'all' }), CDI_4_GPUS);
    expect(created.map((c) => c.HostConfig?.DeviceRequests)).toEqual([
      [{ Driver: '', Count: -1, Capabilities: [['gpu']] }],
      [{ Driver: '', Count: -1, Capabilities: [['gpu']] }],
    ]);
  });

  it('gives each host local.gpus-per-host GPUs, and refuses more than the engine has before creating anything', async () => {
    const one = await createOptions(twoGpuHosts({ gpusPerHost: 1 }), CDI_4_GPUS);
    expect(one.created.map((c) => c.HostConfig?.DeviceRequests?.[0]?.DeviceIDs)).toEqual([['0'], ['1']]);
    const three = await createOptions(twoGpuHosts({ gpusPerHost: 3 }), CDI_4_GPUS);
    expect(three.outcome).toMatch(/local\.gpus-per-host is 3 for 2 host\(s\), 6 GPUs, but the engine has 4/);
    expect(three.created).toEqual([]);
  });

  it('counts the GPUs of an nvidia-runtime engine with the injected counter', async () => {
    const info = { Runtimes: { runc: {}, nvidia: {} }, MemTotal: 8 * 1024 ** 3 };
    const { created } = await createOptions(twoGpuHosts(), info, 8);
    expect(created.map((c) => c.HostConfig?.DeviceRequests?.[0]?.DeviceIDs)).toEqual([
      ['0', '1', '2', '3'],
      ['4', '5', '6', '7'],
    ]);
  });

  it('says once, as a warning, when the GPUs cannot be split, and gives every host all of them', async () => {
    const info = { Runtimes: { runc: {}, nvidia: {} }, MemTotal: 8 * 1024 ** 3 };
    const { created, logger } = await createOptions(twoGpuHosts(), info, 0);
    expect(created.map((c) => c.HostConfig?.DeviceRequests?.[0]?.Count)).toEqual([-1, -1]);
    expect(logger.warnings.filter((w) => w.includes('every host sees every GPU'))).toHaveLength(1);
  });

  it('gives /dev/shm the kernel its size (half the engine memory), or local.shm-size; memlock unlimited on GPUs', async () => {
    const info = { Runtimes: { runc: {} }, MemTotal: 16 * 1024 ** 3 };
    const { created } = await createOptions(localRequest(), info);
    // A tmpfs without a size: the kernel makes it half the memory of the engine's machine (Docker gives 64 MB).
    expect(created[0]?.HostConfig?.Tmpfs).toEqual({ '/dev/shm': 'rw,nosuid,nodev,noexec,mode=1777' });
    expect(created[0]?.HostConfig).not.toHaveProperty('ShmSize');
    expect(created[0]?.HostConfig).not.toHaveProperty('Ulimits');
    const gpu = await createOptions(twoGpuHosts(), CDI_4_GPUS);
    expect(gpu.created[0]?.HostConfig?.Ulimits).toEqual([{ Name: 'memlock', Soft: -1, Hard: -1 }]);
    const custom = localRequest({
      local: {
        gpu: 'required',
        cancelGraceSeconds: 5,
        shmSizeBytes: 1024 ** 3,
        ulimits: { memlock: 1024, nofile: 4096 },
      },
    });
    const set = await createOptions(custom, info);
    expect(set.created[0]?.HostConfig).toMatchObject({
      ShmSize: 1024 ** 3,
      Ulimits: [
        { Name: 'memlock', Soft: 1024, Hard: 1024 },
        { Name: 'nofile', Soft: 4096, Hard: 4096 },
      ],
    });
  });

  it('puts even a single host on an internal network without a host address when network isolation is on', async () => {
    const request = localRequest({ job: { networkIsolation: true } });
    const { created, networks } = await createOptions(request, { MemTotal: 1024 ** 3, ServerVersion: '20.10.24' });
    expect(networks).toEqual([
      expect.objectContaining({
        Name: 'job',
        Internal: true,
        Options: { 'com.docker.network.bridge.inhibit_ipv4': 'true' },
      }),
    ]);
    expect(created[0]?.HostConfig?.NetworkMode).toBe('job');
  });
});
