// The renewal logic on its own: memoized, renewed ahead of expiry, one renewal at a time, failures surfaced.
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { describe, expect, it } from 'vitest';

import { RefreshingCredentials } from '../../src/aws/refreshing-credentials.js';

const MIN = 60_000;

/** A fetch that hands out numbered credentials living `lifetimeMs` from the clock's now, or fails when told to. */
function source(clock: { t: number }, lifetimeMs = 60 * MIN) {
  const s = {
    calls: 0,
    fail: undefined as Error | undefined,
    release: undefined as (() => void) | undefined,
    gate: undefined as Promise<void> | undefined,
    fetch: async (): Promise<AwsCredentialIdentity> => {
      s.calls++;
      const n = s.calls;
      if (s.gate) await s.gate;
      if (s.fail) throw s.fail;
      return { accessKeyId: `AKID${n}`, secretAccessKey: `secret${n}`, expiration: new Date(clock.t + lifetimeMs) };
    },
    hold(): void {
      s.gate = new Promise((resolve) => (s.release = resolve));
    },
  };
  return s;
}

describe('RefreshingCredentials', () => {
  it('fetches once and hands out the same credentials while they are outside the 5-minute window', async () => {
    const clock = { t: 0 };
    const s = source(clock);
    const creds = new RefreshingCredentials({ fetch: s.fetch, now: () => clock.t });
    const first = await creds.provider();
    clock.t = 54 * MIN;
    expect(await creds.provider()).toBe(first);
    expect(s.calls).toBe(1);
  });

  it('renews within 5 minutes of expiry, before the credentials expire', async () => {
    const clock = { t: 0 };
    const s = source(clock);
    const creds = new RefreshingCredentials({ fetch: s.fetch, now: () => clock.t });
    expect((await creds.get()).accessKeyId).toBe('AKID1');
    clock.t = 55 * MIN;
    const renewed = await creds.get();
    expect(renewed.accessKeyId).toBe('AKID2');
    expect(renewed.expiration?.getTime()).toBe(115 * MIN);
    expect(creds.latest).toBe(renewed);
  });

  it('shares one renewal between concurrent callers', async () => {
    const clock = { t: 0 };
    const s = source(clock);
    const creds = new RefreshingCredentials({ fetch: s.fetch, now: () => clock.t });
    s.hold();
    const all = Promise.all([creds.get(), creds.get(), creds.get()]);
    s.release?.();
    const got = await all;
    expect(new Set(got.map((c) => c.accessKeyId))).toEqual(new Set(['AKID1']));
    expect(s.calls).toBe(1);
    // And again at renewal time.
    clock.t = 58 * MIN;
    s.hold();
    const renewals = Promise.all([creds.get(), creds.get()]);
    s.release?.();
    expect((await renewals).map((c) => c.accessKeyId)).toEqual(['AKID2', 'AKID2']);
    expect(s.calls).toBe(2);
  });

  it('keeps the current credentials when a renewal fails while they still work, and retries 30 s later', async () => {
    const clock = { t: 0 };
    const s = source(clock);
    const failures: string[] = [];
    const creds = new RefreshingCredentials({
      fetch: s.fetch,
      now: () => clock.t,
      onRenewalFailed: (err, current) => failures.push(`${(err as Error).message} ${current.accessKeyId}`),
    });
    await creds.get();
    clock.t = 56 * MIN;
    s.fail = new Error('STS is down');
    expect((await creds.get()).accessKeyId).toBe('AKID1');
    expect(failures).toEqual(['STS is down AKID1']);
    // Within 30 s of the failure: no new attempt.
    clock.t += 10_000;
    expect((await creds.get()).accessKeyId).toBe('AKID1');
    expect(s.calls).toBe(2);
    // After 30 s: another attempt, which now succeeds.
    clock.t += 25_000;
    s.fail = undefined;
    expect((await creds.get()).accessKeyId).toBe('AKID3');
  });

  it('fails with the cause when there are no working credentials to fall back on, and tries again next time', async () => {
    const clock = { t: 0 };
    const s = source(clock);
    const creds = new RefreshingCredentials({ fetch: s.fetch, now: () => clock.t });
    s.fail = new Error('AccessDenied: not authorized');
    await expect(creds.get()).rejects.toThrow('AccessDenied: not authorized');
    s.fail = undefined;
    expect((await creds.get()).accessKeyId).toBe('AKID2');
    // Expired outright while STS fails: the error, not stale credentials.
    clock.t = 61 * MIN;
    s.fail = new Error('STS is down');
    await expect(creds.get()).rejects.toThrow('STS is down');
  });

  it('refuses credentials without an expiration (they could never be renewed in time)', async () => {
    const creds = new RefreshingCredentials({
      fetch: () => Promise.resolve({ accessKeyId: 'AKID', secretAccessKey: 's' }),
    });
    await expect(creds.get()).rejects.toThrow('carry no expiration');
  });
});
