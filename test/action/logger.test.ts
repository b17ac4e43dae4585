import { describe, expect, it } from 'vitest';

import { ActionLogger } from '../../src/action/logger.js';
import { FakeCore } from './fake-core.js';

describe('ActionLogger', () => {
  it('maps levels to core and returns what a group returns', async () => {
    const core = new FakeCore();
    const logger = new ActionLogger(core);
    logger.info('i');
    logger.warning('w');
    logger.error('e');
    logger.debug('d');
    expect(await logger.group('G', () => Promise.resolve(42))).toBe(42);
    expect(core.events).toEqual(['info i', 'warning w', 'error e', 'debug d', 'group G', 'endgroup']);
  });

  it('does not nest groups (the runner cannot show them)', async () => {
    const core = new FakeCore();
    const logger = new ActionLogger(core);
    await logger.group('outer', () => logger.group('inner', () => Promise.resolve()));
    await logger.group('next', () => Promise.resolve());
    expect(core.events).toEqual(['group outer', 'info ── inner', 'endgroup', 'group next', 'endgroup']);
  });

  it('closes the group when its function throws', async () => {
    const core = new FakeCore();
    const logger = new ActionLogger(core);
    await expect(logger.group('G', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await logger.group('after', () => Promise.resolve());
    expect(core.events).toEqual(['group G', 'endgroup', 'group after', 'endgroup']);
  });
});
