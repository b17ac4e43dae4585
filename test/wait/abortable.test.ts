import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  AbortError,
  isAbortError,
  MAX_TIMER_MS,
  setLongTimeout,
  sleep,
  throwIfAborted,
} from '../../src/wait/abortable.js';

describe('sleep', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves after the delay', async () => {
    let done = false;
    const sleeping = sleep(1000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('rejects with an AbortError as soon as the signal aborts, and clears its timer', async () => {
    const controller = new AbortController();
    const sleeping = sleep(60_000, controller.signal);
    controller.abort(new Error('cancelled'));
    const err: unknown = await sleeping.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(isAbortError(err)).toBe(true);
    expect((err as Error).message).toBe('The operation was aborted: cancelled');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once for an aborted signal', async () => {
    await expect(sleep(10, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('leaves no listener behind when it resolves', async () => {
    const controller = new AbortController();
    const sleeping = sleep(5, controller.signal);
    await vi.advanceTimersByTimeAsync(5);
    await sleeping;
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('isAbortError / throwIfAborted', () => {
  it.each([
    [new AbortError(), true],
    [new DOMException('x', 'AbortError'), true],
    [Object.assign(new Error('x'), { name: 'AbortError' }), true],
    [new Error('x'), false],
    ['AbortError', false],
    [undefined, false],
  ])('%s → %s', (err, expected) => expect(isAbortError(err)).toBe(expected));

  it('throws only for an aborted signal', () => {
    expect(() => throwIfAborted(new AbortController().signal)).not.toThrow();
    expect(() => throwIfAborted(AbortSignal.abort('why'))).toThrow('The operation was aborted: why');
  });
});

describe('setLongTimeout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after a delay longer than setTimeout allows', async () => {
    const fn = vi.fn();
    setLongTimeout(fn, 28 * 24 * 3600 * 1000);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(fn).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(28 * 24 * 3600 * 1000 - MAX_TIMER_MS);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled', async () => {
    const fn = vi.fn();
    const cancel = setLongTimeout(fn, 1000);
    cancel();
    await vi.advanceTimersByTimeAsync(2000);
    expect(fn).not.toHaveBeenCalled();
  });
});
