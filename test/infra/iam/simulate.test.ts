// The policy simulator: infra/sagemaker-training.yml deployed with each scenario's parameters, and every AWS call the
// code makes (read from src/ per entry point and mode, ./code-calls.ts) asked of the role that makes it, with the ARN
// and context keys the call carries (./call-grants.ts). Every call is allowed; every statement is used by some call;
// the SageMaker role's Denies hold; the trust policies let in this repository's trusted refs and nothing else.
import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { channelsInS3 } from '../../../src/backends/fargate/envelope-io.js';
import { envelopeImage } from '../../../src/runner/index.js';
import { fullRequest } from '../../backends/sagemaker/full-request.js';
import { evaluate, PSEUDO, type Template } from '../cfn.js';
import { SCENARIOS, VOLUME_KEY, OUTPUT_KEY, REGION } from '../scenarios.js';
import { CALLING_ROLES, INDEX_ENTRY, type Deployed } from './call-grants.js';
import { apisOf, codeCalls, type CodeCall } from './code-calls.js';
import { decide, type AccessRequest, type PolicyDocument } from './policy-eval.js';
import { rolesOf } from './stack-policies.js';

const template = parse(
  await readFile(new URL('../../../infra/sagemaker-training.yml', import.meta.url), 'utf8'),
) as Template;
const STACK = PSEUDO['AWS::StackName'] ?? '';
const deployed = (scenario: string): Deployed => ({
  params: {
    ...Object.fromEntries(Object.entries(template.Parameters).map(([k, v]) => [k, String(v.Default ?? '')])),
    ...SCENARIOS[scenario],
  },
  stack: STACK,
});

const calls = new Map<string, CodeCall[]>();
const callsOf = (role: (typeof CALLING_ROLES)[number]): CodeCall[] => {
  const known = calls.get(role.role);
  if (known) return known;
  const found = codeCalls(role.walk);
  calls.set(role.role, found);
  return found;
};

describe.each(CALLING_ROLES)('the calls made as $role', (calling) => {
  it('are found in the code', () => {
    expect(callsOf(calling).length).toBeGreaterThan(3);
  });

  it('each have their IAM requests described (a new call needs an entry in call-grants.ts, then a grant)', () => {
    expect(apisOf(callsOf(calling)).filter((api) => !(api in calling.requests))).toEqual([]);
  });

  const scenarios = Object.keys(SCENARIOS).filter((s) => rolesOf(evaluate(template, SCENARIOS[s] ?? {}))[calling.role]);

  it.each(scenarios)('are all allowed, with the ARNs they use (%s)', (scenario) => {
    const role = rolesOf(evaluate(template, SCENARIOS[scenario] ?? {}))[calling.role];
    const refused: string[] = [];
    for (const call of callsOf(calling))
      for (const request of calling.requests[call.api]?.(deployed(scenario)) ?? [])
        if (decide(role?.identity ?? [], request) !== 'allowed')
          refused.push(`${call.api} (${call.site}): ${request.action} on ${request.resource ?? ''}`);
    expect([...new Set(refused)]).toEqual([]);
  });

  it.each(scenarios)('use every action of every statement the role has: no grant without a call (%s)', (scenario) => {
    const role = rolesOf(evaluate(template, SCENARIOS[scenario] ?? {}))[calling.role];
    const requests: AccessRequest[] = apisOf(callsOf(calling)).flatMap(
      (api) => calling.requests[api]?.(deployed(scenario)) ?? [],
    );
    const unused = (role?.identity ?? [])
      .flatMap((d) => d.Statement)
      .filter((s) => s.Effect === 'Allow')
      .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action ?? '']).map((action) => ({ s, action })))
      .filter(
        ({ s, action }) => !requests.some((r) => r.action === action && decide([{ Statement: [s] }], r) === 'allowed'),
      )
      .map(({ s, action }) => `${s.Sid ?? ''}: ${action}`);
    expect(unused).toEqual([]);
  });
});

describe('what the runner walk leaves out, and why', () => {
  it('the runner runs the image the action pushed: it builds nothing and pushes nothing', () => {
    const envelope = { version: 1, request: fullRequest(), jobName: 'iris-1', imageUri: 'r/i@sha256:0', github: {} };
    expect(envelopeImage(envelope as never)).toEqual({ uri: 'r/i@sha256:0', built: false });
  });

  it('request.json holds S3 channels only: the runner uploads none', () => {
    const channels = fullRequest().channels;
    expect(channels.some((c) => c.source.kind === 'local')).toBe(true);
    const uploaded = Object.fromEntries(channels.map((c) => [c.name, `s3://acme-ml/ci/output/_channels/${c.name}-0/`]));
    expect(channelsInS3(channels, uploaded).every((c) => c.source.kind === 's3')).toBe(true);
    expect(() => channelsInS3(channels, {})).toThrow(/was not uploaded/);
  });

  it('the runner gives the pipeline its image: the run cache is not looked up (the action did), S3 is not asked', async () => {
    const { runTraining } = await import('../../../src/pipeline/run-training.js');
    const { MemoryLogger } = await import('../../helpers/docker.js');
    const { makeResult } = await import('../../report/fixtures.js');
    const asked: string[] = [];
    let ran = false;
    await runTraining(fullRequest(), {
      logger: new MemoryLogger(),
      signal: new AbortController().signal,
      image: { uri: 'r/i@sha256:0', built: false },
      runCache: { commit: 'c'.repeat(40) },
      s3: (region) => {
        asked.push(region);
        return Promise.reject(new Error('S3 was asked'));
      },
      backendFor: () => ({
        run: (ctx) => {
          ran = true;
          return Promise.resolve(makeResult({ status: 'Failed', jobName: ctx.jobName }));
        },
      }),
    });
    expect(ran).toBe(true);
    expect(asked).toEqual([]);
  });
});

describe.each(Object.keys(SCENARIOS))('the run cache’s index entry, written as each role (%s)', (scenario) => {
  const roles = rolesOf(evaluate(template, SCENARIOS[scenario] ?? {}));
  const entry = (d: Deployed): string =>
    `arn:aws:s3:::${d.params.ArtifactBucket ?? ''}/${d.params.OutputPrefix ?? ''}/${INDEX_ENTRY}`;

  it('is written by the workflow role of sagemaker mode and by the runner, never by the SageMaker execution role', () => {
    const resource = entry(deployed(scenario));
    const put = (role: string): string =>
      roles[role] ? decide(roles[role].identity, { action: 's3:PutObject', resource }) : 'no such role';
    if (roles.SageMakerActionRole) expect(put('SageMakerActionRole')).toBe('allowed');
    if (roles.RunnerTaskRole) expect(put('RunnerTaskRole')).toBe('allowed');
    // Fargate mode: the runner records the run; the action only reads the entry.
    if (roles.FargateActionRole) expect(put('FargateActionRole')).toBe('implicitly denied');
    expect(put('SageMakerExecutionRole')).toBe('explicitly denied');
  });
});

describe.each(Object.keys(SCENARIOS))('SageMaker execution role (%s)', (scenario) => {
  const role = rolesOf(evaluate(template, SCENARIOS[scenario] ?? {})).SageMakerExecutionRole;
  const identity: PolicyDocument[] = role?.identity ?? [];
  const s3 = (key: string): string => `arn:aws:s3:::acme-ml/ci/output/${key}`;

  it('lets training code write its own output, and never the tool’s control files (explicit Deny)', () => {
    expect(decide(identity, { action: 's3:PutObject', resource: s3('iris-1/output/model.tar.gz') })).toBe('allowed');
    for (const key of ['iris-1/request.json', 'iris-2/result.json', '_channels/train-01/a.csv', '_results/index.json'])
      for (const action of ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'])
        expect(decide(identity, { action, resource: s3(key) }), `${action} ${key}`).toBe('explicitly denied');
  });

  it('holds the Deny whatever else is attached to the role', () => {
    const everything: PolicyDocument = { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
    expect(decide([...identity, everything], { action: 's3:PutObject', resource: s3('iris-1/result.json') })).toBe(
      'explicitly denied',
    );
  });

  it('reads the channels and the data prefix, and writes nothing there', () => {
    expect(decide(identity, { action: 's3:GetObject', resource: 'arn:aws:s3:::acme-ml/ci/data/x.csv' })).toBe(
      'allowed',
    );
    expect(decide(identity, { action: 's3:GetObject', resource: s3('_channels/train-01/a.csv') })).toBe('allowed');
    expect(decide(identity, { action: 's3:PutObject', resource: 'arn:aws:s3:::acme-ml/ci/data/x.csv' })).toBe(
      'implicitly denied',
    );
  });

  it('uses the job keys only through S3, or for grants to AWS resources', () => {
    const keys = scenario === 'everything';
    const via = (service: string) => ({ 'kms:ViaService': `${service}.${REGION}.amazonaws.com` });
    const ask = (action: string, resource: string, context: Record<string, string>) =>
      decide(identity, { action, resource, context });
    expect(ask('kms:GenerateDataKey', OUTPUT_KEY, via('s3'))).toBe(keys ? 'allowed' : 'implicitly denied');
    expect(ask('kms:GenerateDataKey', OUTPUT_KEY, via('sqs'))).toBe('implicitly denied');
    expect(ask('kms:Decrypt', OUTPUT_KEY, {})).toBe('implicitly denied');
    expect(ask('kms:CreateGrant', VOLUME_KEY, { 'kms:GrantIsForAWSResource': 'true' })).toBe(
      keys ? 'allowed' : 'implicitly denied',
    );
    expect(ask('kms:CreateGrant', VOLUME_KEY, { 'kms:GrantIsForAWSResource': 'false' })).toBe('implicitly denied');
  });
});
