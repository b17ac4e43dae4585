import { PassThrough } from 'node:stream';

import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';

import { HostLog } from '../../../src/backends/host-log.js';
import { HostLifecycle } from '../../../src/backends/local/lifecycle.js';
import type { HostRun } from '../../../src/backends/local/host-run.js';
import { MemoryLogger } from '../../helpers/docker.js';

/**
 * A container stand-in whose start the test finishes by hand, recording the order of events. Its wait refuses to be
 * asked before the start has finished: the engine would answer at once for a container not yet running.
 */
function slowContainer(events: string[], name: string) {
  let finishStart = (): void => undefined;
  let running = false;
  const output = new PassThrough();
  const container = {
    attach: () => Promise.resolve(output),
    start: () => {
      events.push(`${name} start requested`);
      return new Promise<void>((resolve) => {
        finishStart = () => {
          events.push(`${name} started`);
          running = true;
          resolve();
        };
      });
    },
    wait: () => {
      if (!running) return Promise.reject(new Error(`${name}: waited on before it was running`));
      output.end();
      return Promise.resolve({ StatusCode: 0 });
    },
  } as unknown as Dockerode.Container;
  return { container, finishStart: () => finishStart() };
}

describe('HostLifecycle', () => {
  it('runs whileStarting once every start is requested and before any has finished', async () => {
    const events: string[] = [];
    const one = slowContainer(events, 'algo-1');
    const two = slowContainer(events, 'algo-2');
    const hosts: HostRun[] = [
      { host: 'algo-1', index: 0, mounts: [], container: one.container, started: false },
      { host: 'algo-2', index: 1, mounts: [], container: two.container, started: false },
    ];
    const logger = new MemoryLogger();
    const lifecycle = new HostLifecycle({
      hosts,
      logger,
      hostLog: new HostLog(logger),
      signal: new AbortController().signal,
      imageUri: 'image',
      maxRuntimeSeconds: 60,
      cancelGraceSeconds: 1,
      now: () => new Date(0),
      whileStarting: () => events.push('while starting'),
    });
    const running = lifecycle.run();
    await new Promise((resolve) => setImmediate(resolve));
    one.finishStart();
    two.finishStart();
    await running;
    expect(events).toEqual([
      'algo-1 start requested',
      'algo-2 start requested',
      'while starting',
      'algo-1 started',
      'algo-2 started',
    ]);
    expect(hosts.map((h) => [h.started, h.exitCode])).toEqual([
      [true, 0],
      [true, 0],
    ]);
  });
});
