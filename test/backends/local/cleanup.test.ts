import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';

import { cleanupLocalRun } from '../../../src/backends/local/cleanup.js';
import { MemoryLogger } from '../../helpers/docker.js';

function httpError(statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { statusCode });
}

/** A fake engine that knows some containers and networks; removal order is recorded. */
function fakeDocker(opts: { containers: string[]; networks: string[]; failing?: string[] }) {
  const containers = new Set(opts.containers);
  const networks = new Set(opts.networks);
  const removed: string[] = [];
  const docker = {
    getContainer: (id: string) => ({
      remove: (options: unknown) => {
        if (opts.failing?.includes(id)) return Promise.reject(httpError(500, 'driver failed'));
        if (!containers.delete(id)) return Promise.reject(httpError(404, 'no such container'));
        removed.push(`container ${id} ${JSON.stringify(options)}`);
        return Promise.resolve();
      },
    }),
    getNetwork: (id: string) => ({
      remove: () => {
        if (!networks.delete(id)) return Promise.reject(httpError(404, 'no such network'));
        removed.push(`network ${id}`);
        return Promise.resolve();
      },
    }),
  } as unknown as Dockerode;
  return { docker, removed };
}

describe('cleanupLocalRun', () => {
  it('removes the containers with their volumes, then the network, and is idempotent', async () => {
    const { docker, removed } = fakeDocker({ containers: ['c1', 'c2'], networks: ['n1'] });
    const logger = new MemoryLogger();
    await cleanupLocalRun(docker, { containers: ['c1', 'c2'], network: 'n1' }, logger);
    expect(removed).toEqual([
      'container c1 {"force":true,"v":true}',
      'container c2 {"force":true,"v":true}',
      'network n1',
    ]);
    await cleanupLocalRun(docker, { containers: ['c1', 'c2'], network: 'n1' }, logger);
    expect(removed).toHaveLength(3);
    expect(logger.warnings).toEqual([]);
  });

  it('never throws: other errors become warnings', async () => {
    const { docker } = fakeDocker({ containers: ['c1'], networks: [], failing: ['c1'] });
    const logger = new MemoryLogger();
    await expect(cleanupLocalRun(docker, { containers: ['c1', ''] }, logger)).resolves.toBeUndefined();
    expect(logger.warnings).toEqual(['Could not remove container c1: driver failed']);
  });

  it('does nothing for an empty state', async () => {
    const { docker, removed } = fakeDocker({ containers: [], networks: [] });
    await cleanupLocalRun(docker, {}, new MemoryLogger());
    expect(removed).toEqual([]);
  });
});
