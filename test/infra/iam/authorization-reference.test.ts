// Every action, resource ARN and condition key of infra/sagemaker-training.yml, in every scenario and every role, as AWS's
// Service Authorization Reference (the trimmed offline copy in test/fixtures/iam/) describes them.
import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { evaluate, type Template } from '../cfn.js';
import { SCENARIOS } from '../scenarios.js';
import {
  REFERENCE,
  conditionKeyKnown,
  matchingResourceTypes,
  resourceTypesOf,
  statementProblems,
} from './authorization-reference.js';
import { rolesOf } from './stack-policies.js';

const template = parse(
  await readFile(new URL('../../../infra/sagemaker-training.yml', import.meta.url), 'utf8'),
) as Template;

describe('the authorization reference fixture', () => {
  it('says where it comes from and when, and holds the services the template grants', () => {
    expect(REFERENCE.source).toMatch(/@cloud-copilot\/iam-data \d+\.\d+\.\d+ .*Service Authorization Reference/);
    expect(new Date(REFERENCE.dataDate).getTime()).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(Object.keys(REFERENCE.services).sort()).toEqual(
      ['cloudwatch', 'ec2', 'ecr', 'ecs', 'iam', 'kms', 'logs', 's3', 'sagemaker', 'secretsmanager', 'sts'].sort(),
    );
  });

  it('answers what AWS documents', () => {
    expect(resourceTypesOf('s3:GetObject')).toContain('object');
    expect(resourceTypesOf('ecr:GetAuthorizationToken')).toEqual([]);
    expect(resourceTypesOf('sagemaker:CreateTrainingJobs')).toBeUndefined();
    expect(matchingResourceTypes('s3:GetObject', 'arn:aws:s3:::b/p/*/result.json')).toContain('object');
    expect(matchingResourceTypes('s3:ListBucket', 'arn:aws:s3:::b')).toEqual(['bucket']);
    expect(conditionKeyKnown('kms:ViaService') && conditionKeyKnown('sagemaker:TaggingAction')).toBe(true);
    expect(conditionKeyKnown('aws:SourceAccount') && conditionKeyKnown('token.actions.githubusercontent.com:sub')).toBe(
      true,
    );
  });

  it('would catch a misspelt action, an ARN of the wrong type, and an unknown condition key', () => {
    expect(
      statementProblems({
        Sid: 'Bad',
        Effect: 'Allow',
        Action: ['s3:GetObjects', 'ecs:RunTask', 's3:ListBucket'],
        Resource: ['arn:aws:ecs:eu-west-1:123456789012:cluster/ci', 'arn:aws:s3:::b'],
        Condition: { StringEquals: { 'sagemaker:TagingAction': 'x', 'token.actions.example.com:sub': 'y' } },
      }),
    ).toEqual([
      'Bad: s3:GetObjects is not an action of the reference',
      'Bad: arn:aws:ecs:eu-west-1:123456789012:cluster/ci is of no resource type ecs:RunTask takes (task-definition)',
      'Bad: arn:aws:s3:::b is of no resource type ecs:RunTask takes (task-definition)',
      'Bad: arn:aws:ecs:eu-west-1:123456789012:cluster/ci is of no resource type s3:ListBucket takes (accesspoint, bucket)',
      'Bad: condition key sagemaker:TagingAction is not in the reference',
      'Bad: condition key token.actions.example.com:sub is not in the reference',
    ]);
  });
});

describe.each(Object.keys(SCENARIOS))('infra/sagemaker-training.yml against the reference (%s)', (scenario) => {
  const roles = rolesOf(evaluate(template, SCENARIOS[scenario] ?? {}));

  it.each(Object.keys(roles))(
    '%s: every action exists, every ARN is of a type it takes, every key is known',
    (name) => {
      const role = roles[name];
      if (!role) throw new Error(name);
      const statements = [...role.identity.flatMap((d) => d.Statement), ...role.trust.Statement];
      expect(statements.flatMap((s) => statementProblems(s))).toEqual([]);
    },
  );

  it.each(Object.keys(roles))('%s: Resource "*" only for actions without resource-level permissions', (name) => {
    for (const s of roles[name]?.identity.flatMap((d) => d.Statement) ?? []) {
      const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
      if (!resources.includes('*')) continue;
      expect(resources, s.Sid).toEqual(['*']);
      for (const action of Array.isArray(s.Action) ? s.Action : [s.Action ?? '']) {
        // PutMetricData's only resource type is CloudWatch's `dataset`, not a metric namespace: the namespace
        // condition is its scope.
        if (action === 'cloudwatch:PutMetricData')
          expect(s.Condition?.StringEquals?.['cloudwatch:namespace']).toBeDefined();
        else expect(resourceTypesOf(action), `${s.Sid}: ${action}`).toEqual([]);
      }
    }
  });
});
