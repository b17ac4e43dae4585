// Masking: the CLI's logger redacts, the redacting wrapper redacts and passes each secret on, the action's logger
// hands secrets to core.setSecret.
import { PassThrough } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { ActionLogger } from '../src/action/logger.js';
import { ConsoleLogger, RedactingLogger } from '../src/logger.js';
import { FakeCore } from './action/fake-core.js';
import { MemoryLogger } from './helpers/docker.js';

describe('ConsoleLogger.mask', () => {
  it('replaces a masked secret in every later line, longest first', () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString()));
    const logger = new ConsoleLogger(out, true);
    logger.mask('abc');
    logger.mask('abcdef');
    logger.info('token abcdef and abc');
    logger.warning('w abc');
    logger.debug('d abcdef');
    expect(chunks.join('')).toBe('token *** and ***\nwarning: w ***\ndebug: d ***\n');
  });
});

describe('RedactingLogger', () => {
  it('redacts before the inner logger sees a line and passes each secret on once', async () => {
    const inner = new MemoryLogger();
    const passed: string[] = [];
    const logger = new RedactingLogger(inner, (s) => passed.push(s));
    logger.mask('s3cret');
    logger.mask('s3cret');
    logger.mask('');
    logger.info('a s3cret');
    logger.error('e s3cret');
    await logger.group('g s3cret', () => Promise.resolve());
    expect(inner.infos).toEqual(['a ***']);
    expect(inner.errors).toEqual(['e ***']);
    expect(inner.groups).toEqual(['g ***']);
    expect(passed).toEqual(['s3cret']);
    expect(logger.redact('x s3cret y')).toBe('x *** y');
  });
});

describe('ActionLogger.mask', () => {
  it('hands the secret to core.setSecret', () => {
    const core = new FakeCore();
    new ActionLogger(core).mask('tok');
    expect(core.secrets).toEqual(['tok']);
  });
});
