// local.aws-credentials: what the containers get, what is masked, and when the expiry is worth a warning.
import { describe, expect, it } from 'vitest';

import { containerCredentials, credentialVariables } from '../../../src/backends/local/container-credentials.js';
import { containerEnv } from '../../../src/backends/local/containers.js';
import { HostLog } from '../../../src/backends/host-log.js';
import { MemoryLogger } from '../../helpers/docker.js';

const NOW = new Date('2026-11-21T10:00:00Z');
const KEYS = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret/key+1' };

function options(credentials: Parameters<typeof credentialVariables>[0], maxRuntimeSeconds = 3600) {
  const logger = new MemoryLogger();
  return {
    logger,
    opts: {
      region: 'eu-west-1',
      source: () => Promise.resolve(() => Promise.resolve(credentials)),
      logger,
      maxRuntimeSeconds,
      now: () => NOW,
    },
  };
}

describe('containerCredentials', () => {
  it('gives long-term keys without a session token, masks the secret and stays quiet about expiry', async () => {
    const { logger, opts } = options(KEYS);
    expect(await containerCredentials(opts)).toEqual({
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret/key+1',
    });
    expect(logger.masked).toEqual(['secret/key+1']);
    expect(logger.warnings).toEqual([]);
  });

  it('warns when session credentials expire before max runtime, which the containers cannot renew', async () => {
    const expiration = new Date(NOW.getTime() + 30 * 60_000);
    const { logger, opts } = options({ ...KEYS, sessionToken: 'token', expiration }, 2 * 3600);
    expect(await containerCredentials(opts)).toMatchObject({ AWS_SESSION_TOKEN: 'token' });
    expect(logger.masked).toEqual(['secret/key+1', 'token']);
    expect(logger.warnings).toEqual([
      'The AWS credentials handed to the containers expire at 2026-11-21T10:30:00.000Z, before max runtime (2h) ' +
        'could end: the containers cannot renew them, so AWS calls from the training code fail after that.',
    ]);
    const later = options({ ...KEYS, sessionToken: 'token', expiration: new Date(NOW.getTime() + 3 * 3600_000) }, 7200);
    await containerCredentials(later.opts);
    expect(later.logger.warnings).toEqual([]);
  });

  it('puts the credentials last in the environment, over a clash in job.environment', () => {
    const env = containerEnv({
      region: 'eu-west-1',
      jobName: 'j',
      environment: { AWS_ACCESS_KEY_ID: 'from-config', OTHER: '1' },
      credentials: credentialVariables(KEYS),
    });
    expect(env).toContain('AWS_ACCESS_KEY_ID=AKIAEXAMPLE');
    expect(env).not.toContain('AWS_ACCESS_KEY_ID=from-config');
    expect(env).toContain('OTHER=1');
  });
});

describe('HostLog.hide', () => {
  it('replaces a hidden secret in the printed line and in the tail, and forwards the line as it is', () => {
    const logger = new MemoryLogger();
    const forwarded: string[] = [];
    const log = new HostLog(logger, (_, line) => forwarded.push(line));
    log.line('algo-1', 'before secret/key+1');
    log.hide('secret/key+1');
    log.hide('');
    log.line('algo-1', 'key=secret/key+1 again secret/key+1');
    expect(logger.infos).toEqual(['algo-1 | before secret/key+1', 'algo-1 | key=*** again ***']);
    expect(log.lastLines()).toEqual(['algo-1 | before secret/key+1', 'algo-1 | key=*** again ***']);
    expect(forwarded).toEqual(['before secret/key+1', 'key=secret/key+1 again secret/key+1']);
  });
});
