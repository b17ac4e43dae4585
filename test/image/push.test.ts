// The push summary (one line per layer, the digest from aux) and the retry of transient failures.
import { Readable } from 'node:stream';

import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';

import { formatBytes, isTransientPushError, pushImage, PushProgress } from '../../src/image/push.js';
import { MemoryLogger } from '../helpers/docker.js';

const DIGEST = `sha256:${'d'.repeat(64)}`;

describe('PushProgress', () => {
  it('prints one line per finished layer, however many progress messages came', () => {
    const lines: string[] = [];
    const progress = new PushProgress((l) => lines.push(l));
    progress.push({ status: 'The push refers to repository [127.0.0.1:5000/x]' });
    for (const id of ['a1', 'b2', 'c3']) progress.push({ status: 'Preparing', id });
    for (let i = 0; i < 1000; i++)
      progress.push({ status: 'Pushing', id: 'a1', progressDetail: { current: i, total: 5 << 20 } });
    progress.push({ status: 'Pushed', id: 'a1' });
    progress.push({ status: 'Layer already exists', id: 'b2' });
    progress.push({ status: 'Mounted from team/other', id: 'c3' });
    progress.push({ progressDetail: {}, aux: { Tag: 't', Digest: DIGEST, Size: 1 } });
    expect(lines).toEqual([
      'layer a1: pushed (5.0 MiB)',
      'layer b2: already present',
      'layer c3: mounted from team/other',
    ]);
    expect(progress.digest).toBe(DIGEST);
    expect(progress.layers).toEqual({ pushed: 1, present: 2, bytes: 5 << 20 });
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [2048, '2.0 KiB'],
    [150 * 1024 * 1024, '150 MiB'],
  ])('%d → %s', (n, s) => expect(formatBytes(n)).toBe(s));
});

describe('isTransientPushError', () => {
  it.each([
    ['received unexpected HTTP status: 503 Service Unavailable', true],
    ['read tcp 10.0.0.1:443: connection reset by peer', true],
    ['net/http: TLS handshake timeout', true],
    ['denied: requested access to the resource is denied', false],
    ['unauthorized: authentication required', false],
    [
      "tag invalid: The image tag 'x' already exists and cannot be overwritten because the repository is immutable",
      false,
    ],
  ])('%s → %s', (message, expected) => expect(isTransientPushError(message)).toBe(expected));
});

function engine(attempts: object[][]) {
  let call = 0;
  return {
    getImage: () => ({
      push: () => Promise.resolve(Readable.from((attempts[call++] ?? []).map((m) => `${JSON.stringify(m)}\n`))),
    }),
  } as unknown as Dockerode;
}

describe('pushImage', () => {
  it('retries a transient failure with backoff and returns the digest', async () => {
    const sleeps: number[] = [];
    const logger = new MemoryLogger();
    const docker = engine([
      [{ errorDetail: { message: 'received unexpected HTTP status: 502 Bad Gateway' } }],
      [{ status: 'Pushed', id: 'a' }, { aux: { Digest: DIGEST } }],
    ]);
    const result = await pushImage({
      docker,
      repository: '127.0.0.1:5000/x',
      tag: 't',
      logger,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    });
    expect(result).toEqual({ digest: DIGEST });
    expect(sleeps).toEqual([2000]);
    expect(logger.warnings[0]).toContain('Push attempt 1 of 3 failed');
  });

  it('does not retry a refusal, and gives up after the last attempt', async () => {
    const denied = [{ errorDetail: { message: 'denied: requested access to the resource is denied' } }];
    const options = { repository: 'r.example/x', tag: 't', logger: new MemoryLogger(), sleep: () => Promise.resolve() };
    await expect(pushImage({ ...options, docker: engine([denied]) })).rejects.toThrow(
      'The registry refused the push of r.example/x:t: denied: requested access to the resource is denied',
    );
    const flaky = [{ errorDetail: { message: 'i/o timeout' } }];
    await expect(pushImage({ ...options, docker: engine([flaky, flaky, flaky]) })).rejects.toThrow('i/o timeout');
    await expect(pushImage({ ...options, docker: engine([[{ status: 'Pushed', id: 'a' }]]) })).rejects.toThrow(
      'ended without a digest',
    );
  });
});
