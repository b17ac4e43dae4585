// The pure decisions behind each host's container: GPU split, /dev/shm, ulimits, GPU counting, isolation support.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it, onTestFinished } from 'vitest';

import { defaultEngineGpuCount, engineIsLocal } from '../../../src/backends/local/gpu-count.js';
import { cdiGpuCount } from '../../../src/backends/local/gpu.js';
import { isolationLimit, jobNetworkOptions } from '../../../src/backends/local/network.js';
import { containerUlimits, planGpus } from '../../../src/backends/local/resources.js';

const ids = (plan: ReturnType<typeof planGpus>) =>
  'error' in plan ? plan.error : plan.requests.map((r) => (r.DeviceIDs ? r.DeviceIDs.join(',') : 'all'));

describe('planGpus', () => {
  it.each([
    [{ hostCount: 1, engineGpus: 8 }, ['all']],
    [{ hostCount: 2, engineGpus: 8 }, ['0,1,2,3', '4,5,6,7']],
    [{ hostCount: 3, engineGpus: 8 }, ['0,1', '2,3', '4,5']],
    [{ hostCount: 2, engineGpus: 8, perHost: 'all' as const }, ['all', 'all']],
    [{ hostCount: 2, engineGpus: 8, perHost: 1 }, ['0', '1']],
    [{ hostCount: 1, engineGpus: 8, perHost: 2 }, ['0,1']],
    [{ hostCount: 2, perHost: 2 }, ['0,1', '2,3']],
    [{ hostCount: 2 }, ['all', 'all']],
    [{ hostCount: 4, engineGpus: 2 }, ['all', 'all', 'all', 'all']],
  ])('%j gives %j', (opts, expected) => expect(ids(planGpus(opts))).toEqual(expected));

  it('notes unused GPUs, an unknown count and too few GPUs', () => {
    const note = (opts: Parameters<typeof planGpus>[0]) => {
      const plan = planGpus(opts);
      return 'note' in plan ? plan.note : undefined;
    };
    expect(note({ hostCount: 3, engineGpus: 8 })).toContain('2 of the engine');
    expect(note({ hostCount: 2 })).toContain('is unknown');
    expect(note({ hostCount: 4, engineGpus: 2 })).toContain('too few');
    expect(note({ hostCount: 2, engineGpus: 8 })).toBeUndefined();
  });

  it('refuses more GPUs per host than the engine has', () => {
    expect(ids(planGpus({ hostCount: 2, engineGpus: 4, perHost: 3 }))).toMatch(/6 GPUs, but the engine has 4/);
  });
});

describe('containerUlimits', () => {
  it('sets memlock unlimited by default on a GPU run only, and nofile only when asked', () => {
    expect(containerUlimits({}, true)).toEqual([{ Name: 'memlock', Soft: -1, Hard: -1 }]);
    expect(containerUlimits({}, false)).toEqual([]);
    expect(containerUlimits({ ulimits: { memlock: 'unlimited', nofile: 1024 } }, false)).toEqual([
      { Name: 'memlock', Soft: -1, Hard: -1 },
      { Name: 'nofile', Soft: 1024, Hard: 1024 },
    ]);
  });
});

describe('counting GPUs', () => {
  it('counts CDI devices by index, not "all" or duplicates', () => {
    const cdi = (...names: string[]) => ({ DiscoveredDevices: names.map((ID) => ({ Source: 'cdi', ID })) });
    expect(cdiGpuCount(cdi('nvidia.com/gpu=all', 'nvidia.com/gpu=0', 'nvidia.com/gpu=1'))).toBe(2);
    expect(cdiGpuCount(cdi('nvidia.com/gpu=all'))).toBeUndefined();
    expect(cdiGpuCount({})).toBeUndefined();
  });

  it("reads the driver's GPU list only for an engine on this machine", async () => {
    const proc = await mkdtemp(join(tmpdir(), 'smt-gpus-'));
    onTestFinished(() => rm(proc, { recursive: true, force: true }));
    await mkdir(join(proc, '0000:17:00.0'));
    await mkdir(join(proc, '0000:65:00.0'));
    expect(await defaultEngineGpuCount({ dockerHost: undefined, procDir: proc })({})).toBe(2);
    expect(await defaultEngineGpuCount({ dockerHost: 'tcp://10.0.0.5:2376', procDir: proc })({})).toBeUndefined();
    expect(await defaultEngineGpuCount({ dockerHost: undefined, procDir: join(proc, 'none') })({})).toBeUndefined();
    expect(engineIsLocal('unix:///run/docker.sock')).toBe(true);
  });
});

describe('the job network', () => {
  it('is internal, with no host address on the bridge, only with isolation', () => {
    expect(jobNetworkOptions('job', false)).not.toHaveProperty('Internal');
    expect(jobNetworkOptions('job', true)).toMatchObject({
      Internal: true,
      Options: { 'com.docker.network.bridge.inhibit_ipv4': 'true' },
    });
  });

  it.each([
    ['20.10.24', undefined],
    ['27.3.1', undefined],
    ['19.03.15', /Docker 19\.03\.15 keeps an address/],
    [undefined, /did not report its version/],
  ])('Docker %s: %s', (version, expected) => {
    const limit = isolationLimit(version);
    if (expected === undefined) expect(limit).toBeUndefined();
    else expect(limit).toMatch(expected);
  });
});
