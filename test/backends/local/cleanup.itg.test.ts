// cleanupLocalRun against the real engine: what a hard-killed run leaves behind is removed, twice without harm.
import { afterAll, describe, expect, it } from 'vitest';

import { cleanupLocalRun, JOB_LABEL } from '../../../src/backends/local/index.js';
import { BASE_IMAGE, createDocker, listJobResources, MemoryLogger, removeJobResources } from '../../helpers/docker.js';
import { uniqueJobName } from './request.js';

const docker = createDocker();
const jobName = uniqueJobName('leftovers');

afterAll(() => removeJobResources(docker, jobName));

describe('cleanupLocalRun', () => {
  it('removes running containers, their volumes and the network, and is idempotent', async () => {
    const network = await docker.createNetwork({ Name: jobName, Labels: { [JOB_LABEL]: jobName } });
    const containers = await Promise.all(
      ['algo-1', 'algo-2'].map((host) =>
        docker.createContainer({
          name: `${jobName}-${host}`,
          Image: BASE_IMAGE,
          Cmd: ['sleep', '300'],
          Labels: { [JOB_LABEL]: jobName },
          Volumes: { '/opt/ml/model': {} },
          HostConfig: { NetworkMode: jobName },
        }),
      ),
    );
    await Promise.all(containers.map((c) => c.start()));
    const volumes = (await containers[0]?.inspect())?.Mounts.map((m) => m.Name) ?? [];
    expect(volumes).toHaveLength(1);

    const logger = new MemoryLogger();
    const state = { containers: containers.map((c) => c.id), network: network.id };
    await cleanupLocalRun(docker, state, logger);
    expect(await listJobResources(docker, jobName)).toEqual({ containers: [], networks: [] });
    await expect(docker.getVolume(volumes[0] as string).inspect()).rejects.toMatchObject({ statusCode: 404 });

    await cleanupLocalRun(docker, state, logger);
    expect(logger.warnings).toEqual([]);
  });
});
