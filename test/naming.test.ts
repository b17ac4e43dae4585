import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JOB_NAME_PATTERN, MAX_NAME_PREFIX_LENGTH, generateJobName, requestFingerprint } from '../src/naming.js';
import { readRunIdentity } from '../src/run-identity.js';

const NOW = new Date(Date.UTC(2025, 0, 2, 3, 4, 5));
const ACTIONS = {
  GITHUB_RUN_ID: '12345678901',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_REPOSITORY: 'octo/iris',
  GITHUB_JOB: 'train',
  GITHUB_ACTION: 'gate',
};

function name(prefix: string, env: Record<string, string | undefined> = {}, random = 0.5): string {
  return generateJobName({ prefix, identity: readRunIdentity(env), now: NOW, random: () => random });
}

describe('generateJobName outside GitHub Actions', () => {
  it.each([
    ['iris', 0, 'iris-20250102-030405-0000'],
    ['iris', 0.5, 'iris-20250102-030405-8000'],
    ['iris', 0.99999999, 'iris-20250102-030405-ffff'],
    ['iris', 1, 'iris-20250102-030405-ffff'],
    ['training', 0.25, 'training-20250102-030405-4000'],
    ['my_model', 0, 'my-model-20250102-030405-0000'],
    ['my__model!', 0, 'my-model-20250102-030405-0000'],
    ['iris-', 0, 'iris-20250102-030405-0000'],
    ['_lead', 0, 'lead-20250102-030405-0000'],
    ['', 0, '20250102-030405-0000'],
    ['___', 0, '20250102-030405-0000'],
  ])('%j (random %d) → %s', (prefix, random, expected) => {
    expect(name(prefix, {}, random)).toBe(expected);
  });

  it('ignores a GITHUB_RUN_ID that is not a number', () => {
    expect(name('iris', { GITHUB_RUN_ID: '' })).toBe('iris-20250102-030405-8000');
    expect(name('iris', { GITHUB_RUN_ID: 'abc' })).toBe('iris-20250102-030405-8000');
  });

  it('never computes the fingerprint: the name does not use it', () => {
    let asked = 0;
    const fingerprint = (): string => {
      asked += 1;
      return 'f1';
    };
    const named = generateJobName({
      prefix: 'iris',
      identity: readRunIdentity({}),
      now: NOW,
      random: () => 0,
      fingerprint,
    });
    expect(named).toBe('iris-20250102-030405-0000');
    expect(asked).toBe(0);
  });
});

describe('generateJobName in GitHub Actions', () => {
  it('is <prefix>-<run id>-<attempt>-<6 hex of the run, attempt, job, step, prefix and fingerprint>', () => {
    const hash = createHash('sha256')
      .update(['octo/iris', '12345678901', '2', 'train', 'gate', 'iris', 'f1'].join('\0'))
      .digest('hex')
      .slice(0, 6);
    const named = generateJobName({
      prefix: 'iris',
      identity: readRunIdentity(ACTIONS),
      now: NOW,
      random: Math.random,
      fingerprint: () => 'f1',
    });
    expect(named).toBe(`iris-12345678901-2-${hash}`);
  });

  it('differs between matrix legs that train differently, and between two steps of one job', () => {
    const leg = (fingerprint: string, env = ACTIONS): string =>
      generateJobName({
        prefix: 'iris',
        identity: readRunIdentity(env),
        now: NOW,
        random: Math.random,
        fingerprint: () => fingerprint,
      });
    const lr1 = requestFingerprint({ hyperparameters: { lr: '0.1' }, job: { instanceType: 'ml.g5.xlarge' } });
    const lr2 = requestFingerprint({ hyperparameters: { lr: '0.01' }, job: { instanceType: 'ml.g5.xlarge' } });
    expect(leg(lr1)).not.toBe(leg(lr2));
    expect(leg(lr1)).toBe(leg(lr1));
    expect(leg(lr1, { ...ACTIONS, GITHUB_ACTION: 'gate-2' })).not.toBe(leg(lr1));
  });

  it('is the same for a retried step and differs per attempt, job, repository and prefix', () => {
    const first = name('iris', ACTIONS, 0.1);
    expect(name('iris', ACTIONS, 0.9)).toBe(first);
    expect(
      generateJobName({ prefix: 'iris', identity: readRunIdentity(ACTIONS), now: new Date(), random: Math.random }),
    ).toBe(first);
    const others = [
      name('iris', { ...ACTIONS, GITHUB_RUN_ATTEMPT: '3' }),
      name('iris', { ...ACTIONS, GITHUB_JOB: 'train-gpu' }),
      name('iris', { ...ACTIONS, GITHUB_REPOSITORY: 'octo/other' }),
      name('iris2', ACTIONS),
    ];
    for (const other of others) expect(other).not.toBe(first);
    expect(new Set(others.map((n) => n.slice(-6))).size).toBe(4);
  });

  it('fingerprints content, not key order or absent keys', () => {
    const a = requestFingerprint({ job: { count: 1, type: 'ml.m5.large' }, tags: ['x'], spot: undefined });
    expect(requestFingerprint({ tags: ['x'], job: { type: 'ml.m5.large', count: 1 } })).toBe(a);
    expect(requestFingerprint({ tags: ['y'], job: { type: 'ml.m5.large', count: 1 } })).not.toBe(a);
    expect(requestFingerprint({ tags: ['x'], job: { type: 'ml.m5.large', count: '1' } })).not.toBe(a);
  });

  it('uses attempt 1 when GITHUB_RUN_ATTEMPT is missing', () => {
    expect(name('iris', { ...ACTIONS, GITHUB_RUN_ATTEMPT: undefined })).toMatch(/^iris-12345678901-1-[0-9a-f]{6}$/);
  });
});

describe('generated names are always valid', () => {
  const prefixes = [
    'a',
    'iris',
    'x'.repeat(MAX_NAME_PREFIX_LENGTH),
    'x'.repeat(80),
    `${'a'.repeat(40)}-${'b'.repeat(40)}`,
    `${'a'.repeat(41)}-------b`,
    'under_score_prefix_that_is_quite_long_indeed_yes',
    '-leading-hyphen',
    'UPPER-case-OK',
  ];
  const envs: Record<string, string | undefined>[] = [
    {},
    ACTIONS,
    { ...ACTIONS, GITHUB_RUN_ID: '9'.repeat(19), GITHUB_RUN_ATTEMPT: '10' },
    { ...ACTIONS, GITHUB_RUN_ID: '9'.repeat(40), GITHUB_RUN_ATTEMPT: '9'.repeat(40) },
  ];
  for (const prefix of prefixes) {
    for (const env of envs) {
      const run = env.GITHUB_RUN_ID === undefined ? 'no run' : `a ${env.GITHUB_RUN_ID.length}-digit run id`;
      it(`${JSON.stringify(prefix)} with ${run}`, () => {
        const generated = name(prefix, env);
        expect(generated).toMatch(JOB_NAME_PATTERN);
        expect(generated.length).toBeLessThanOrEqual(63);
        expect(generated).not.toMatch(/_/);
      });
    }
  }

  it('cuts a long prefix, strips hyphens left at the cut, and keeps the whole suffix', () => {
    const generated = name(`${'a'.repeat(41)}-------b`, ACTIONS);
    expect(generated).toMatch(/^a{41}-12345678901-2-[0-9a-f]{6}$/);
    const local = name('x'.repeat(80), {}, 0);
    expect(local).toBe(`${'x'.repeat(42)}-20250102-030405-0000`);
    expect(local).toHaveLength(63);
  });

  it('keeps a prefix of the maximum configured length whole with a typical run id', () => {
    expect(name('p'.repeat(MAX_NAME_PREFIX_LENGTH), ACTIONS).startsWith(`${'p'.repeat(40)}-12345678901-`)).toBe(true);
  });
});
