// The runner's result.json as the action reads it with the fargate workflow role of infra/sagemaker-training.yml: S3
// answers 403 for a missing object to a role that may not list the bucket, so a runner that crashed before writing
// its result must read as "no result was written", not as an S3 permission error; a real refusal stays one.
import { readFile } from 'node:fs/promises';

import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { readResult } from '../../../src/backends/fargate/envelope-io.js';
import { evaluate, type Template } from '../../infra/cfn.js';
import { rolesOf } from '../../infra/iam/stack-policies.js';
import type { PolicyDocument } from '../../infra/iam/policy-eval.js';
import { SCENARIOS } from '../../infra/scenarios.js';
import { s3IamStandin, type S3IamStandin } from '../../helpers/s3-iam-standin.js';

const template = parse(
  await readFile(new URL('../../../infra/sagemaker-training.yml', import.meta.url), 'utf8'),
) as Template;
const role = rolesOf(evaluate(template, SCENARIOS.defaults ?? {})).FargateActionRole;
if (!role) throw new Error('the template has no FargateActionRole');
const KEY = 'ci/output/iris-20260101-abc/result.json';
const URI = `s3://acme-ml/${KEY}`;
const RESULT = JSON.stringify({ jobName: 'iris-20260101-abc', status: 'Completed', metrics: { acc: 0.9 } });

/** The role's policies less the statements with these Sids. */
const without = (...sids: string[]): PolicyDocument[] =>
  role.identity.map((d) => ({ ...d, Statement: d.Statement.filter((s) => !sids.includes(s.Sid ?? '')) }));

let s3: S3IamStandin | undefined;
afterEach(() => s3?.close());

describe('readResult with the fargate workflow role', () => {
  it('reads a result the runner wrote', async () => {
    s3 = await s3IamStandin('acme-ml', role.identity);
    s3.s3.put('acme-ml', KEY, RESULT);
    const read = await readResult(s3.client, URI);
    expect(read.kind === 'found' && read.result.metrics).toEqual({ acc: 0.9 });
    expect(s3.log).toEqual([`GetObject ${KEY} 200`]);
  });

  it('tells a result never written (S3 says 403) by listing exactly that key', async () => {
    s3 = await s3IamStandin('acme-ml', role.identity);
    expect(await readResult(s3.client, URI)).toEqual({ kind: 'missing' });
    expect(s3.log).toEqual([`GetObject ${KEY} 403`, `ListObjectsV2 ${KEY} 200`]);
  });

  it('keeps a real refusal one: the object is listed but may not be read', async () => {
    s3 = await s3IamStandin('acme-ml', without('ReadResult'));
    s3.s3.put('acme-ml', KEY, RESULT);
    await expect(readResult(s3.client, URI)).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('says what the role lacks when it may neither read nor list (a policy without the listing grant)', async () => {
    s3 = await s3IamStandin('acme-ml', without('FindResult'));
    await expect(readResult(s3.client, URI)).rejects.toThrow(
      `S3 refused to read ${URI} (403) and to list it, so whether it exists is unknown: the role needs s3:GetObject on ` +
        `the object and s3:ListBucket on the bucket with s3:prefix ${KEY}`,
    );
  });
});
