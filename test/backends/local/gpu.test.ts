import { describe, expect, it } from 'vitest';

import { decideGpu, engineGpuSupport, instanceTypeHasGpu, isGpuRefusal } from '../../../src/backends/local/gpu.js';

describe('instanceTypeHasGpu', () => {
  it.each([
    ['local', false],
    ['local_gpu', true],
    ['ml.m5.xlarge', false],
    ['ml.c5.2xlarge', false],
    ['ml.r5.large', false],
    ['ml.t3.medium', false],
    ['ml.trn1.32xlarge', false],
    ['ml.inf2.xlarge', false],
    ['ml.p2.xlarge', true],
    ['ml.p3.2xlarge', true],
    ['ml.p3dn.24xlarge', true],
    ['ml.p4d.24xlarge', true],
    ['ml.p4de.24xlarge', true],
    ['ml.p5.48xlarge', true],
    ['ml.p5e.48xlarge', true],
    ['ml.p5en.48xlarge', true],
    ['ml.p6-b200.48xlarge', true],
    ['ml.p6e-gb200.36xlarge', true],
    ['ml.g4dn.xlarge', true],
    ['ml.g5.xlarge', true],
    ['ml.g6.xlarge', true],
    ['ml.g6e.xlarge', true],
    ['ml.gr6.4xlarge', true],
    ['ML.G5.XLARGE', true],
    ['g5.xlarge', false],
    ['', false],
  ])('%s → %s', (type, expected) => expect(instanceTypeHasGpu(type)).toBe(expected));
});

describe('engineGpuSupport', () => {
  it.each([
    [{}, undefined],
    [{ Runtimes: { runc: {}, 'io.containerd.runc.v2': {} } }, undefined],
    [{ Runtimes: { runc: {}, nvidia: { path: 'nvidia-container-runtime' } } }, 'nvidia runtime'],
    [{ DiscoveredDevices: [{ Source: 'cdi', ID: 'nvidia.com/gpu=all' }] }, 'CDI'],
    [{ DiscoveredDevices: [{ Source: 'cdi', ID: 'vendor.com/fpga=0' }] }, undefined],
  ])('%j → %s', (info, expected) => expect(engineGpuSupport(info)).toBe(expected));
});

describe('decideGpu', () => {
  it('asks for nothing on a CPU type', () => {
    expect(decideGpu({ instanceType: 'ml.m5.large', policy: 'required' })).toEqual({ useGpu: false });
  });
  it('uses the GPUs when the engine has a runtime', () => {
    expect(decideGpu({ instanceType: 'ml.g5.xlarge', policy: 'required', engineSupport: 'nvidia runtime' })).toEqual({
      useGpu: true,
      via: 'nvidia runtime',
    });
    expect(decideGpu({ instanceType: 'local_gpu', policy: 'optional', engineSupport: 'CDI' })).toEqual({
      useGpu: true,
      via: 'CDI',
    });
  });
  it('still requests GPUs that are required, with the error to give if the engine refuses', () => {
    const decision = decideGpu({ instanceType: 'ml.g5.xlarge', policy: 'required' });
    expect(decision).toMatchObject({
      useGpu: true,
      refusal: expect.stringContaining('set local.gpu: optional') as unknown,
    });
  });
  it('always requests GPUs for local_gpu, even when optional', () => {
    expect(decideGpu({ instanceType: 'local_gpu', policy: 'optional' })).toMatchObject({
      useGpu: true,
      refusal: expect.stringContaining('local_gpu needs GPUs') as unknown,
    });
  });
  it.each([
    ['Error: (HTTP code 500) server error - could not select device driver "" with capabilities: [[gpu]]', true],
    ['(HTTP code 404) no such container', false],
  ])('recognises the engine refusing a GPU request: %s', (message, refused) => {
    expect(isGpuRefusal(new Error(message))).toBe(refused);
  });
  it('warns and runs on CPU when optional', () => {
    const decision = decideGpu({ instanceType: 'ml.p3.2xlarge', policy: 'optional' });
    expect(decision).toEqual({ useGpu: false, warning: expect.stringContaining('running on CPU') as unknown });
  });
});
