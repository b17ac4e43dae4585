// The run fingerprint, table-driven: what changes it (everything that decides the result) and what does not
// (order of maps and lists, names, and the settings that only decide how or where a run goes).
import { describe, expect, it } from 'vitest';

import {
  FINGERPRINT_FORMAT,
  fingerprintParts,
  isFingerprint,
  runFingerprint,
  type FingerprintInputs,
} from '../../src/cache/fingerprint.js';

const BASE: FingerprintInputs = {
  platform: 'sagemaker',
  image: { kind: 'digest', digest: `sha256:${'a'.repeat(64)}` },
  hyperparameters: { epochs: '10', eta: '0.05' },
  environment: { MODE: 'fast', TOKEN: 's3cr3t-value' },
  instanceType: 'ml.g5.xlarge',
  instanceCount: 1,
  channels: [
    {
      name: 'training',
      inputMode: 'File',
      distribution: 'FullyReplicated',
      compression: 'None',
      recordWrapper: 'None',
      content: `s3 sha256:${'1'.repeat(64)}`,
    },
  ],
  metrics: [{ name: 'accuracy', regex: 'accuracy=([0-9.]+)' }],
};

const fp = (inputs: FingerprintInputs): string => runFingerprint(inputs).fingerprint;
const channel = BASE.channels[0] as FingerprintInputs['channels'][number];

describe('runFingerprint', () => {
  it('is 64 hex digits, stable, and starts its parts with the format', () => {
    const { fingerprint, parts } = runFingerprint(BASE);
    expect(isFingerprint(fingerprint)).toBe(true);
    expect(fp(BASE)).toBe(fingerprint);
    expect(parts[0]).toEqual({ name: 'format', value: FINGERPRINT_FORMAT });
  });

  const changes: [string, Partial<FingerprintInputs>][] = [
    ['the image digest', { image: { kind: 'digest', digest: `sha256:${'b'.repeat(64)}` } }],
    ['a content tag instead of a digest', { image: { kind: 'content-tag', tag: 'ctx-0123456789abcdef' } }],
    ['the platform', { platform: 'local' }],
    ['the entry point', { entrypoint: ['python', 'train.py'] }],
    ['the arguments', { arguments: ['--fast'] }],
    ['a hyperparameter value', { hyperparameters: { epochs: '11', eta: '0.05' } }],
    ['a hyperparameter added', { hyperparameters: { epochs: '10', eta: '0.05', seed: '1' } }],
    ['an environment value', { environment: { MODE: 'slow', TOKEN: 's3cr3t-value' } }],
    ['the instance type', { instanceType: 'ml.g5.2xlarge' }],
    ['the instance count', { instanceCount: 2 }],
    ['the channel content', { channels: [{ ...channel, content: `s3 sha256:${'2'.repeat(64)}` }] }],
    ['the input mode', { channels: [{ ...channel, inputMode: 'FastFile' }] }],
    ['the distribution', { channels: [{ ...channel, distribution: 'ShardedByS3Key' }] }],
    ['the compression', { channels: [{ ...channel, compression: 'Gzip' }] }],
    ['the record wrapper', { channels: [{ ...channel, recordWrapper: 'RecordIO' }] }],
    ['the content type', { channels: [{ ...channel, contentType: 'text/csv' }] }],
    ['the channel name', { channels: [{ ...channel, name: 'train' }] }],
    ['a channel added', { channels: [channel, { ...channel, name: 'validation' }] }],
    ['a metric regex', { metrics: [{ name: 'accuracy', regex: 'acc=([0-9.]+)' }] }],
    ['a metric added', { metrics: [...BASE.metrics, { name: 'loss', regex: 'loss=([0-9.]+)' }] }],
  ];
  it.each(changes)('changes with %s', (_what, change) => {
    expect(fp({ ...BASE, ...change })).not.toBe(fp(BASE));
  });

  const a = { ...channel, name: 'a' };
  const b = { ...channel, name: 'b', content: `local sha256:${'3'.repeat(64)}` };
  const same: [string, Partial<FingerprintInputs>, Partial<FingerprintInputs>][] = [
    ['hyperparameters', { hyperparameters: { eta: '0.05', epochs: '10' } }, {}],
    ['environment', { environment: { TOKEN: 's3cr3t-value', MODE: 'fast' } }, {}],
    ['channels', { channels: [b, a] }, { channels: [a, b] }],
    [
      'metrics',
      { metrics: [{ name: 'z', regex: 'z=(.)' }, ...BASE.metrics] },
      { metrics: [...BASE.metrics, { name: 'z', regex: 'z=(.)' }] },
    ],
  ];
  it.each(same)('does not change with %s in another order', (_what, one, other) => {
    expect(fp({ ...BASE, ...one })).toBe(fp({ ...BASE, ...other }));
  });

  it('does not confuse a hyperparameter with an environment variable of the same name and value', () => {
    const a = fp({ ...BASE, hyperparameters: { X: '1' }, environment: {} });
    const b = fp({ ...BASE, hyperparameters: {}, environment: { X: '1' } });
    expect(a).not.toBe(b);
  });

  it('never writes an environment value, only its sha256', () => {
    const parts = fingerprintParts(BASE);
    expect(JSON.stringify(parts)).not.toContain('s3cr3t-value');
    expect(parts.find((p) => p.name === 'environment TOKEN')?.value).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('lists the parts in a fixed order: settings, then hyperparameters, environment, channels, metrics', () => {
    expect(fingerprintParts(BASE).map((p) => p.name)).toEqual([
      'format',
      'platform',
      'image',
      'entrypoint',
      'arguments',
      'instance-type',
      'instance-count',
      'hyperparameter epochs',
      'hyperparameter eta',
      'environment MODE',
      'environment TOKEN',
      'channel training',
      'metric accuracy',
    ]);
  });
});
