// The run cache's index entry read with the workflow roles of infra/sagemaker-training.yml: S3 answers 403 for a
// missing key to a role that may not list the bucket, so a fingerprint with no entry yet must read as "none", not as
// an unreadable entry (which warns); an entry that exists is read; a role without the grants is a refusal.
import { readFile } from 'node:fs/promises';

import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { indexReader } from '../../src/cache/index-store.js';
import type { Location } from '../../src/request.js';
import { s3IamStandin, type S3IamStandin } from '../helpers/s3-iam-standin.js';
import { evaluate, type Template } from '../infra/cfn.js';
import type { PolicyDocument } from '../infra/iam/policy-eval.js';
import { rolesOf } from '../infra/iam/stack-policies.js';
import { SCENARIOS } from '../infra/scenarios.js';

const template = parse(
  await readFile(new URL('../../infra/sagemaker-training.yml', import.meta.url), 'utf8'),
) as Template;
const roles = rolesOf(evaluate(template, SCENARIOS.everything ?? {}));
const FP = 'e'.repeat(64);
const KEY = `ci/output/_results/${FP}.json`;
const output: Location = { kind: 's3', uri: 's3://acme-ml/ci/output/', bucket: 'acme-ml', key: 'ci/output/' };

const identity = (role: string, ...withoutSids: string[]): PolicyDocument[] => {
  const found = roles[role];
  if (!found) throw new Error(`the template has no ${role}`);
  return found.identity.map((d) => ({
    ...d,
    Statement: d.Statement.filter((s) => !withoutSids.includes(s.Sid ?? '')),
  }));
};

let s3: S3IamStandin | undefined;
afterEach(() => s3?.close());

describe.each(['SageMakerActionRole', 'FargateActionRole'])('the index entry read as %s', (role) => {
  const reader = (): ReturnType<typeof indexReader> => indexReader(output, { s3: () => Promise.resolve(s3!.client) });

  it('reads an entry that exists', async () => {
    s3 = await s3IamStandin('acme-ml', identity(role));
    s3.s3.put('acme-ml', KEY, '{"format":"x"}');
    expect(await reader().read(FP)).toBe('{"format":"x"}');
    expect(s3.log).toEqual([`GetObject ${KEY} 200`]);
  });

  it('reads no entry yet as none: S3 says 403, the listing of exactly that key says it is absent', async () => {
    s3 = await s3IamStandin('acme-ml', identity(role));
    expect(await reader().read(FP)).toBeUndefined();
    expect(s3.log).toEqual([`GetObject ${KEY} 403`, `ListObjectsV2 ${KEY} 200`]);
  });

  it('is a refusal, naming the grant, for a role without the listing', async () => {
    s3 = await s3IamStandin('acme-ml', identity(role, 'RunCacheListings'));
    await expect(reader().read(FP)).rejects.toThrow(
      /s3:ListBucket on the bucket with s3:prefix ci\/output\/_results\//,
    );
  });

  it('is a refusal for a role without the index grant, even when the entry exists', async () => {
    s3 = await s3IamStandin('acme-ml', identity(role, 'RunCacheIndex'));
    s3.s3.put('acme-ml', KEY, '{}');
    await expect(reader().read(FP)).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
