// Each mode's backend module is imported on the backend's first call, and only that mode's: a local run never loads
// the remote modes' code (the AWS clients, the Fargate contract), nor a remote run local mode's.
import { describe, expect, it, vi } from 'vitest';

import { createBackend } from '../../src/backends/factory.js';
import { NO_RUN_IDENTITY } from '../../src/run-identity.js';
import type { SavedState } from '../../src/state.js';
import { MemoryLogger } from '../helpers/docker.js';

const imported = vi.hoisted(() => [] as string[]);
vi.mock('../../src/backends/local/index.js', async (original) => {
  imported.push('local');
  return original();
});
vi.mock('../../src/backends/sagemaker/index.js', async (original) => {
  imported.push('sagemaker');
  return original();
});
vi.mock('../../src/backends/fargate/index.js', async (original) => {
  imported.push('fargate');
  return original();
});

const nothingSaved: SavedState = { containers: [], finished: false, checkRunDone: false, ignored: [] };

function clients(): Parameters<typeof createBackend>[1] {
  return {
    docker: () => Promise.reject(new Error('no engine in this test')),
    identity: NO_RUN_IDENTITY,
  };
}

describe('createBackend', () => {
  it("imports a mode module on its backend's first call, and only that one", async () => {
    const backends = (['local', 'sagemaker', 'fargate'] as const).map((mode) => createBackend(mode, clients()));
    expect(imported).toEqual([]);
    const ctx = { logger: new MemoryLogger(), identity: NO_RUN_IDENTITY };
    const seen: string[][] = [];
    for (const backend of backends) {
      await backend.cleanup(nothingSaved, ctx);
      await backend.cleanup(nothingSaved, ctx);
      seen.push([...imported]);
    }
    // (Fargate's module imports SageMaker's, for the cleanup of a job its runner launched.)
    expect(seen).toEqual([['local'], ['local', 'sagemaker'], ['local', 'sagemaker', 'fargate']]);
  });
});
