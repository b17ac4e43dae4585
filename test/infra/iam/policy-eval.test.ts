// The policy evaluator the template tests rely on: each rule of IAM's evaluation it implements, shown allowing what IAM
// allows and refusing what IAM refuses.
import { describe, expect, it } from 'vitest';

import { decide, wildcardMatch, type PolicyDocument, type PolicyStatement } from './policy-eval.js';

const doc = (...Statement: PolicyStatement[]): PolicyDocument[] => [{ Version: '2012-10-17', Statement }];
const BUCKET = 'arn:aws:s3:::acme-ml';

describe('wildcardMatch', () => {
  it.each([
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/y/z', true],
    ['arn:aws:s3:::b/*/result.json', 'arn:aws:s3:::b/job/result.json', true],
    ['arn:aws:s3:::b/*/result.json', 'arn:aws:s3:::b/job/result.jsonx', false],
    ['repo:a/b:ref:refs/heads/ma?n', 'repo:a/b:ref:refs/heads/main', true],
    ['repo:a/b:ref:refs/heads/ma?n', 'repo:a/b:ref:refs/heads/maain', false],
    ['repo:a/b:ref:refs/heads/main', 'repo:a/b:ref:refs/heads/Main', false],
    ['a.b', 'aXb', false],
    ['x+y', 'x+y', true],
  ])('%s against %s: %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });
});

describe('decide', () => {
  const get = { Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/data/*` };

  it('allows a matching action and resource, and nothing else (implicit deny)', () => {
    expect(decide(doc(get), { action: 's3:GetObject', resource: `${BUCKET}/data/x` })).toBe('allowed');
    expect(decide(doc(get), { action: 's3:PutObject', resource: `${BUCKET}/data/x` })).toBe('implicitly denied');
    expect(decide(doc(get), { action: 's3:GetObject', resource: `${BUCKET}/other/x` })).toBe('implicitly denied');
  });

  it('matches actions without regard to case, resources with it', () => {
    expect(decide(doc(get), { action: 'S3:getobject', resource: `${BUCKET}/data/x` })).toBe('allowed');
    expect(decide(doc(get), { action: 's3:GetObject', resource: `${BUCKET}/DATA/x` })).toBe('implicitly denied');
  });

  it('lets an explicit Deny win over any Allow, in any order', () => {
    const deny = { Effect: 'Deny', Action: ['s3:PutObject'], Resource: `${BUCKET}/out/*/result.json` };
    const put = { Effect: 'Allow', Action: 's3:PutObject', Resource: `${BUCKET}/out/*` };
    for (const statements of [
      [put, deny],
      [deny, put],
    ]) {
      expect(decide(doc(...statements), { action: 's3:PutObject', resource: `${BUCKET}/out/j/result.json` })).toBe(
        'explicitly denied',
      );
      expect(decide(doc(...statements), { action: 's3:PutObject', resource: `${BUCKET}/out/j/model.tar.gz` })).toBe(
        'allowed',
      );
    }
  });

  it('understands NotAction and NotResource', () => {
    const all = { Effect: 'Allow', NotAction: 'iam:*', NotResource: `${BUCKET}/secret/*` };
    expect(decide(doc(all), { action: 's3:GetObject', resource: `${BUCKET}/x` })).toBe('allowed');
    expect(decide(doc(all), { action: 'iam:PassRole', resource: 'arn:aws:iam::1:role/r' })).toBe('implicitly denied');
    expect(decide(doc(all), { action: 's3:GetObject', resource: `${BUCKET}/secret/k` })).toBe('implicitly denied');
  });

  describe('conditions', () => {
    const list = (operator: string, values: string | string[]): PolicyStatement => ({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: BUCKET,
      Condition: { [operator]: { 's3:prefix': values } },
    });
    const ask = (s: PolicyStatement, prefix?: string) =>
      decide(doc(s), {
        action: 's3:ListBucket',
        resource: BUCKET,
        ...(prefix === undefined ? {} : { context: { 's3:prefix': prefix } }),
      });

    it('StringEquals: exact and case-sensitive; any listed value; a missing key fails', () => {
      const s = list('StringEquals', ['a/b', 'c']);
      expect([ask(s, 'a/b'), ask(s, 'c'), ask(s, 'A/b'), ask(s, 'a/*'), ask(s)]).toEqual([
        'allowed',
        'allowed',
        'implicitly denied',
        'implicitly denied',
        'implicitly denied',
      ]);
    });

    it('StringLike: wildcards in the policy only', () => {
      const s = list('StringLike', 'out/*/result.json');
      expect(ask(s, 'out/j/result.json')).toBe('allowed');
      expect(ask(s, 'out/')).toBe('implicitly denied');
      expect(ask(list('StringLike', 'out/j'), 'out/*')).toBe('implicitly denied');
    });

    it('negated operators hold when the key is missing; IfExists holds too', () => {
      expect(ask(list('StringNotEquals', 'x'))).toBe('allowed');
      expect(ask(list('StringNotEquals', 'x'), 'x')).toBe('implicitly denied');
      expect(ask(list('StringEqualsIfExists', 'x'))).toBe('allowed');
      expect(ask(list('StringEqualsIfExists', 'x'), 'y')).toBe('implicitly denied');
    });

    it('Null tests presence', () => {
      expect(ask(list('Null', 'true'))).toBe('allowed');
      expect(ask(list('Null', 'true'), 'x')).toBe('implicitly denied');
      expect(ask(list('Null', 'false'), 'x')).toBe('allowed');
    });

    it('ArnLike and ArnEquals compare ARNs part by part', () => {
      const s: PolicyStatement = {
        Effect: 'Allow',
        Action: 'ecs:RunTask',
        Resource: '*',
        Condition: { ArnEquals: { 'ecs:cluster': 'arn:aws:ecs:eu-west-1:111122223333:cluster/ci' } },
      };
      const run = (cluster: string) =>
        decide(doc(s), { action: 'ecs:RunTask', resource: 'x', context: { 'ecs:cluster': cluster } });
      expect(run('arn:aws:ecs:eu-west-1:111122223333:cluster/ci')).toBe('allowed');
      expect(run('arn:aws:ecs:eu-west-1:111122223333:cluster/ci2')).toBe('implicitly denied');
      const like = { ...s, Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:eu-west-1:111122223333:*' } } };
      const src = (arn: string) =>
        decide(doc(like), { action: 'ecs:RunTask', resource: 'x', context: { 'aws:SourceArn': arn } });
      expect(src('arn:aws:ecs:eu-west-1:111122223333:task/ci/abc')).toBe('allowed');
      expect(src('arn:aws:ecs:eu-west-1:999999999999:task/ci/abc')).toBe('implicitly denied');
    });

    it('every operator and every key must hold (AND); the values of one key are alternatives (OR)', () => {
      const s: PolicyStatement = {
        Effect: 'Allow',
        Action: 'sts:AssumeRoleWithWebIdentity',
        Principal: { Federated: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com' },
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: {
            'token.actions.githubusercontent.com:sub': ['repo:a/b:ref:refs/heads/main', 'repo:a/b:pull_request'],
          },
        },
      };
      const principal = {
        type: 'Federated' as const,
        id: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com',
      };
      const assume = (sub: string, aud = 'sts.amazonaws.com', id = principal.id) =>
        decide(doc(s), {
          action: 'sts:AssumeRoleWithWebIdentity',
          principal: { ...principal, id },
          context: { 'token.actions.githubusercontent.com:sub': sub, 'token.actions.githubusercontent.com:aud': aud },
        });
      expect(assume('repo:a/b:pull_request')).toBe('allowed');
      expect(assume('repo:a/b:ref:refs/heads/main', 'other')).toBe('implicitly denied');
      expect(assume('repo:a/c:pull_request')).toBe('implicitly denied');
      expect(assume('repo:a/b:pull_request', 'sts.amazonaws.com', 'arn:aws:iam::2:oidc-provider/x')).toBe(
        'implicitly denied',
      );
    });

    it('set qualifiers: ForAllValues holds on a missing key, ForAnyValue does not', () => {
      const tags = (operator: string): PolicyStatement => ({
        Effect: 'Allow',
        Action: 'sagemaker:AddTags',
        Resource: '*',
        Condition: { [operator]: { 'aws:TagKeys': ['a', 'b'] } },
      });
      const add = (s: PolicyStatement, keys?: string[]) =>
        decide(doc(s), {
          action: 'sagemaker:AddTags',
          resource: 'x',
          ...(keys ? { context: { 'aws:TagKeys': keys } } : {}),
        });
      expect([
        add(tags('ForAllValues:StringEquals'), ['a']),
        add(tags('ForAllValues:StringEquals'), ['a', 'c']),
      ]).toEqual(['allowed', 'implicitly denied']);
      expect(add(tags('ForAllValues:StringEquals'))).toBe('allowed');
      expect(add(tags('ForAnyValue:StringEquals'))).toBe('implicitly denied');
      expect(add(tags('ForAnyValue:StringEquals'), ['c', 'b'])).toBe('allowed');
    });

    it('refuses an operator it does not know, or a multivalued key under a single-valued operator', () => {
      expect(() => ask(list('DateGreaterThan', 'x'), 'y')).toThrow(/Unsupported condition operator/);
      const s = list('StringEquals', 'a');
      expect(() =>
        decide(doc(s), { action: 's3:ListBucket', resource: BUCKET, context: { 's3:prefix': ['a', 'b'] } }),
      ).toThrow(/multivalued/);
    });
  });

  it('in a trust policy, only the named principal', () => {
    const trust = { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'sagemaker.amazonaws.com' } };
    expect(
      decide(doc(trust), { action: 'sts:AssumeRole', principal: { type: 'Service', id: 'sagemaker.amazonaws.com' } }),
    ).toBe('allowed');
    expect(
      decide(doc(trust), { action: 'sts:AssumeRole', principal: { type: 'Service', id: 'ecs-tasks.amazonaws.com' } }),
    ).toBe('implicitly denied');
    expect(
      decide(doc(trust), { action: 'sts:AssumeRole', principal: { type: 'AWS', id: 'sagemaker.amazonaws.com' } }),
    ).toBe('implicitly denied');
  });
});
