// LocalBackend decisions taken before anything is created, over a fake engine that records every call.
import type Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';

import { LocalBackend } from '../../../src/backends/local/index.js';
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
  it('does not ask the engine about GPUs for a CPU instance type', async () => {
    const { docker, calls } = recordingDocker();
    await expect(run(localRequest({ job: { instanceType: 'ml.m5.large' } }), docker)).rejects.toThrow(
      /unexpected call/,
    );
    expect(calls[0]).toBe('createContainer');
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
          ? (options: unknown) => {
              created.push(options);
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
