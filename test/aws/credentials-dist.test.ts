// The bundle as the runner runs it: `node dist/main.js` with role-to-assume gets an ID token from the runner's
// endpoint, assumes the role at STS, and signs the run's AWS calls with those credentials; every secret is printed
// only inside the runner's ::add-mask:: commands, which the runner strips.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';

import { ensureBuilt, runAction } from '../helpers/actions-env.js';
import { REQUEST_TOKEN, startStandIn, type StandIn } from './oidc-sts-stand-in.js';

const ROLE = 'arn:aws:iam::123456789012:role/github-training';

let standIn: StandIn;
beforeAll(() => ensureBuilt(), 170_000);
beforeEach(async () => {
  standIn = await startStandIn();
});
afterEach(() => standIn.close());

describe('dist/main.js with role-to-assume', () => {
  it('assumes the role through OIDC and signs the run with it, masking every secret', { timeout: 60_000 }, async () => {
    const ws = await mkdtemp(join(tmpdir(), 'smt-bb-creds-'));
    onTestFinished(() => rm(ws, { recursive: true, force: true }));
    await mkdir(join(ws, '.github'));
    await writeFile(join(ws, '.github', 'sagemaker-training.yml'), 'job:\n  name-prefix: creds\n');
    const run = await runAction('main', {
      workspace: ws,
      inputs: {
        mode: 'sagemaker',
        region: 'us-east-1',
        'role-arn': 'arn:aws:iam::123456789012:role/SageMakerTraining',
        'instance-type': 'ml.m5.large',
        'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1',
        output: 's3://bucket/models/',
        'role-to-assume': ROLE,
      },
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: standIn.idTokenUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
        AWS_ENDPOINT_URL: standIn.url,
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      timeoutMs: 50_000,
    });
    const log = run.stdout + run.stderr;
    expect(standIn.assumeCalls, log).toHaveLength(1);
    expect(standIn.assumeCalls[0]).toMatchObject({ roleArn: ROLE, sessionName: 'sagemaker-train-4242' });
    expect(log).toContain(`Assumed role ${ROLE} through GitHub's OIDC token`);
    // The stand-in refuses the training calls, but they were signed with the assumed role.
    expect(standIn.signedCalls.length, log).toBeGreaterThan(0);
    for (const call of standIn.signedCalls) {
      expect(call).toMatchObject({
        accessKeyId: standIn.issued[0]?.accessKeyId,
        sessionToken: standIn.issued[0]?.sessionToken,
      });
    }
    const secrets = [
      REQUEST_TOKEN,
      standIn.idTokens[0]!,
      standIn.issued[0]!.secretAccessKey,
      standIn.issued[0]!.sessionToken,
    ];
    const lines = log.split('\n');
    for (const secret of secrets) {
      expect(lines, 'masked').toContain(`::add-mask::${secret}`);
      expect(lines.filter((l) => l.includes(secret) && !l.startsWith('::add-mask::'))).toEqual([]);
    }
  });
});
