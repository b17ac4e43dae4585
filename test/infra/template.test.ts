// infra/sagemaker-training.yml: plain YAML, every reference defined, and the shape of every IAM policy as IAM would
// receive it (the template is evaluated with concrete parameters, conditions included, by ./cfn.ts). Which calls each
// role may make is checked by iam/simulate.test.ts, against the code; trust by iam/trust.test.ts.
import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';

import {
  evaluate,
  isObject,
  scalar,
  undefinedReferences,
  unusedDefinitions,
  type Evaluated,
  type Json,
  type JsonObject,
  type Template,
} from './cfn.js';
import { ACCOUNT, APP_SECRET, REGION, SCENARIOS } from './scenarios.js';

const TEMPLATE_PATH = new URL('../../infra/sagemaker-training.yml', import.meta.url);
const source = await readFile(TEMPLATE_PATH, 'utf8');
const template = parse(source) as Template;

const deployed = Object.fromEntries(Object.entries(SCENARIOS).map(([name, p]) => [name, evaluate(template, p)]));

/** The resource types the stack creates, all of them real CloudFormation types. */
const EXPECTED_TYPES = new Set([
  'AWS::ECS::Cluster',
  'AWS::ECS::TaskDefinition',
  'AWS::Logs::LogGroup',
  'AWS::ECR::Repository',
  'AWS::IAM::OIDCProvider',
  'AWS::IAM::Role',
]);

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: string | string[];
  Principal?: Json;
  Condition?: Record<string, Record<string, string | string[]>>;
  NotAction?: Json;
  NotResource?: Json;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function role(stack: Evaluated, name: string): JsonObject {
  const resource = stack.resources[name];
  if (resource?.Type !== 'AWS::IAM::Role') throw new Error(`${name} is not a role`);
  return resource.Properties;
}

function permissions(stack: Evaluated, roleName: string): Statement[] {
  const policies = role(stack, roleName).Policies as unknown as { PolicyDocument: { Statement: Statement[] } }[];
  return policies.flatMap((p) => p.PolicyDocument.Statement);
}

function trust(stack: Evaluated, roleName: string): Statement[] {
  return (role(stack, roleName).AssumeRolePolicyDocument as unknown as { Statement: Statement[] }).Statement;
}

const roleNames = (stack: Evaluated): string[] =>
  Object.entries(stack.resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::Role')
    .map(([name]) => name);

const actionsOf = (statements: Statement[]): string[] => [...new Set(statements.flatMap((s) => list(s.Action)))].sort();

describe('infra/sagemaker-training.yml as YAML', () => {
  it('parses without errors or warnings, with no short-form (!Sub, !Ref …) tags and no aliases', () => {
    const doc = parseDocument(source);
    expect(doc.errors).toEqual([]);
    // CloudFormation refuses YAML aliases ("YAML aliases are not allowed in CloudFormation templates").
    expect(
      source.split('\n').filter((line) => /(^|[\s[,:-])[&*][A-Za-z]\w*(\s|$)/.test(line.replace(/(^|\s)#.*$/, ''))),
    ).toEqual([]);
    expect(doc.warnings).toEqual([]);
    const code = source.split('\n').map((line) => line.replace(/(^|\s)#.*$/, ''));
    expect(
      code.filter((line) =>
        /(^|[\s[,:-])!(Ref|Sub|GetAtt|If|Join|Select|Split|Equals|Not|And|Or|Condition)\b/.test(line),
      ),
    ).toEqual([]);
    expect(source).toMatch(/long form[\s\S]*never as `!Sub` tags/);
  });

  it('refers only to defined parameters, resources, pseudo parameters and conditions, and uses them all', () => {
    expect(undefinedReferences(template)).toEqual({ refs: [], conditions: [] });
    expect(unusedDefinitions(template)).toEqual({ parameters: [], conditions: [] });
  });

  it('would catch an undefined Ref, Fn::GetAtt, ${…} or condition', () => {
    const broken = structuredClone(template);
    const props = broken.Resources.RunnerLogGroup?.Properties ?? {};
    props.LogGroupName = { 'Fn::Sub': ['/ecs/${Missing}-${Local}', { Local: { Ref: 'AlsoMissing' } }] };
    props.KmsKeyId = { 'Fn::GetAtt': ['NoSuchKey', 'Arn'] };
    props.RetentionInDays = { 'Fn::If': ['NoSuchCondition', 1, 2] };
    expect(undefinedReferences(broken)).toEqual({
      refs: ['Missing', 'AlsoMissing', 'NoSuchKey'],
      conditions: ['NoSuchCondition'],
    });
  });

  it('creates exactly the expected resource types, each at least once', () => {
    const types = new Set(Object.values(template.Resources).map((r) => r.Type));
    expect([...types].sort()).toEqual([...EXPECTED_TYPES].sort());
  });

  it('evaluates in every scenario, which between them take each condition both ways', () => {
    for (const name of Object.keys(template.Conditions)) {
      const values = new Set(Object.values(deployed).map((stack) => stack.conditions[name]));
      expect([...values].sort(), name).toEqual([false, true]);
    }
  });
});

describe.each(Object.keys(SCENARIOS))('IAM policies (%s)', (scenario) => {
  const stack = deployed[scenario] as Evaluated;
  const all = roleNames(stack).flatMap((name) => permissions(stack, name).map((s) => ({ role: name, ...s })));
  const OUTPUT = `arn:aws:s3:::acme-ml/ci/output/`;
  const JOBS = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/iris*`;
  const on = (roleName: string, action: string): string[] =>
    stack.resources[roleName]
      ? permissions(stack, roleName)
          .filter((s) => s.Effect === 'Allow' && list(s.Action).includes(action))
          .flatMap((s) => list(s.Resource))
      : [];

  it('allows with Action and Resource (never NotAction or NotResource); denies only the control files', () => {
    for (const s of all) {
      expect(s.NotAction ?? s.NotResource, s.Sid).toBeUndefined();
      expect(list(s.Action).length, s.Sid).toBeGreaterThan(0);
      expect(list(s.Resource).length, s.Sid).toBeGreaterThan(0);
      if (s.Effect === 'Deny') expect(`${s.role}/${s.Sid}`).toBe('SageMakerExecutionRole/ProtectControlFiles');
      else expect(s.Effect, s.Sid).toBe('Allow');
    }
  });

  it('names every action: no `*`, no service-wide or partial wildcard (sagemaker:*, s3:Get*)', () => {
    for (const s of all)
      for (const action of list(s.Action)) expect(action, `${s.role}/${s.Sid}`).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/);
  });

  it('scopes every ARN to this account and region, and S3 to the configured bucket and prefixes', () => {
    const prefixes = ['ci/output/', 'ci/data/', 'ci/checkpoints/'];
    for (const s of all) {
      for (const resource of list(s.Resource).filter((r) => r !== '*')) {
        if (resource.startsWith('<')) continue; // a resource of this stack (Ref or Fn::GetAtt)
        if (resource.startsWith('arn:aws:s3:::')) {
          const key = resource.slice('arn:aws:s3:::acme-ml'.length);
          if (key === '') {
            // The bucket itself: listing only, and only under the prefixes.
            expect(list(s.Action), s.Sid).toEqual(['s3:ListBucket']);
            const listed = list(s.Condition?.StringLike?.['s3:prefix']);
            expect(listed.length, s.Sid).toBeGreaterThan(0);
            for (const p of listed)
              expect(
                prefixes.some((pre) => `${p}/`.startsWith(pre)),
                `${s.Sid}: ${p}`,
              ).toBe(true);
          } else {
            expect(
              prefixes.some((pre) => key.startsWith(`/${pre}`)),
              `${s.Sid}: ${resource}`,
            ).toBe(true);
          }
          continue;
        }
        const [arn, partition, service, region, account] = resource.split(':');
        expect([arn, partition], resource).toEqual(['arn', 'aws']);
        expect(service, resource).toMatch(/^[a-z0-9-]+$/);
        if (resource === APP_SECRET) continue;
        expect([region, account], `${s.Sid}: ${resource}`).toEqual([REGION, ACCOUNT]);
      }
    }
    expect(all.some((s) => list(s.Resource).some((r) => r.startsWith(OUTPUT)))).toBe(true);
  });

  it('conditions every iam:PassRole on iam:PassedToService, and passes only this stack’s roles', () => {
    const passes = all.filter((s) => list(s.Action).includes('iam:PassRole'));
    expect(passes.length).toBeGreaterThan(0);
    for (const s of passes) {
      expect(list(s.Action), s.Sid).toEqual(['iam:PassRole']);
      expect(s.Condition?.StringEquals?.['iam:PassedToService'], s.Sid).toMatch(/^[a-z-]+\.amazonaws\.com$/);
      for (const r of list(s.Resource)) expect(r, s.Sid).toMatch(/^<\w+Role\.Arn>$/);
    }
  });

  it('conditions every KMS grant: through S3 only (kms:ViaService), or grants for AWS resources only', () => {
    for (const s of all.filter((st) => list(st.Action).some((a) => a.startsWith('kms:')))) {
      expect(list(s.Resource), s.Sid).toHaveLength(1);
      expect(list(s.Resource)[0], s.Sid).toMatch(/^arn:aws:kms:eu-west-1:123456789012:key\//);
      if (list(s.Action).includes('kms:CreateGrant'))
        expect(s.Condition, s.Sid).toEqual({ Bool: { 'kms:GrantIsForAWSResource': 'true' } });
      else expect(s.Condition, s.Sid).toEqual({ StringEquals: { 'kms:ViaService': `s3.${REGION}.amazonaws.com` } });
    }
  });

  it('lets the fargate workflow role run only the runner task definition, only on the cluster', () => {
    if (!stack.resources.FargateActionRole) return;
    const run = permissions(stack, 'FargateActionRole').filter((s) => list(s.Action).includes('ecs:RunTask'));
    expect(run).toHaveLength(1);
    expect(list(run[0]?.Action)).toEqual(['ecs:RunTask']);
    expect(run[0]?.Resource).toBe(`arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/sagemaker-training-runner:*`);
    expect(run[0]?.Condition).toEqual({ ArnEquals: { 'ecs:cluster': '<RunnerCluster.Arn>' } });
    expect(on('FargateActionRole', 'ecs:StopTask')).toEqual([
      `arn:aws:ecs:${REGION}:${ACCOUNT}:task/<RunnerCluster>/*`,
    ]);
  });

  it('gives the fargate workflow role the request and result objects, the channels, the runner log, job stops', () => {
    if (!stack.resources.FargateActionRole) return;
    const r = 'FargateActionRole';
    expect(on(r, 's3:PutObject')).toEqual([
      `${OUTPUT}*/request.json`,
      `${OUTPUT}_channels/*`,
      `${OUTPUT}iris*/registration/model-quality.json`,
    ]);
    // The run cache: the index entry is read (the runner writes it), the artifacts a reused run names are HEADed
    // (and the serve test downloads the model from them).
    expect(on(r, 's3:GetObject')).toEqual([
      `${OUTPUT}*/result.json`,
      `${OUTPUT}_channels/*`,
      `${OUTPUT}_results/*`,
      `${OUTPUT}iris*/output/*`,
    ]);
    expect(on(r, 'ecr:PutImage')).toEqual(['<TrainingRepository.Arn>']);
    expect(on(r, 'logs:GetLogEvents')).toEqual([
      `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:<RunnerLogGroup>:log-stream:*`,
    ]);
    expect(on(r, 'sagemaker:StopTrainingJob')).toEqual([JOBS]);
    expect(on(r, 'sagemaker:CreateTrainingJob')).toEqual([]);
  });

  it('gives the sagemaker workflow role the job prefix, the channels, the job’s log streams and the SageMaker role', () => {
    if (!stack.resources.SageMakerActionRole) return;
    const r = 'SageMakerActionRole';
    for (const action of ['CreateTrainingJob', 'DescribeTrainingJob', 'StopTrainingJob', 'ListTags', 'AddTags'])
      expect(on(r, `sagemaker:${action}`), action).toEqual([JOBS]);
    expect(on(r, 's3:PutObject')).toEqual([
      `${OUTPUT}_channels/*`,
      `${OUTPUT}_results/*`,
      `${OUTPUT}iris*/registration/model-quality.json`,
    ]);
    expect(on(r, 's3:GetObject')).toEqual([`${OUTPUT}_channels/*`, `${OUTPUT}_results/*`, `${OUTPUT}iris*/output/*`]);
    expect(on(r, 'iam:PassRole')).toEqual(['<SageMakerExecutionRole.Arn>']);
    expect(on(r, 'logs:GetLogEvents')).toEqual([
      `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/TrainingJobs:log-stream:iris*`,
    ]);
    expect(on(r, 'ecs:RunTask')).toEqual([]);
  });

  it('gives both workflow roles the model registry calls on groups named after the job prefix', () => {
    for (const r of ['SageMakerActionRole', 'FargateActionRole'].filter((n) => stack.resources[n])) {
      const prefix = `arn:aws:sagemaker:${REGION}:${ACCOUNT}`;
      for (const action of ['DescribeModelPackageGroup', 'CreateModelPackageGroup'])
        expect(on(r, `sagemaker:${action}`), action).toEqual([`${prefix}:model-package-group/iris*`]);
      expect(on(r, 'sagemaker:CreateModelPackage')).toEqual([`${prefix}:model-package/iris*/*`]);
      expect(on(r, 'sagemaker:ListModelPackages')).toEqual([`${prefix}:model-package/*`]);
      expect(on(r, 'sagemaker:DeleteModelPackage')).toEqual([]);
    }
  });

  it('tags jobs only as they are created (sagemaker:TaggingAction)', () => {
    for (const r of ['SageMakerActionRole', 'RunnerTaskRole'].filter((n) => stack.resources[n])) {
      const tag = permissions(stack, r).filter((s) => list(s.Action).includes('sagemaker:AddTags'));
      expect(tag.map((s) => [list(s.Action), s.Condition])).toEqual([
        [['sagemaker:AddTags'], { StringEquals: { 'sagemaker:TaggingAction': 'CreateTrainingJob' } }],
      ]);
    }
  });

  it('gives the runner task role the job prefix, its S3 objects and the SageMaker role', () => {
    if (!stack.resources.RunnerTaskRole) return;
    const r = 'RunnerTaskRole';
    const secret = scenario === 'everything';
    for (const action of ['CreateTrainingJob', 'DescribeTrainingJob', 'StopTrainingJob', 'ListTags', 'AddTags'])
      expect(on(r, `sagemaker:${action}`), action).toEqual([JOBS]);
    expect(on(r, 's3:GetObject')).toEqual([`${OUTPUT}*/request.json`]);
    expect(on(r, 's3:PutObject')).toEqual([`${OUTPUT}*/result.json`, `${OUTPUT}_results/*`]);
    expect(on(r, 'iam:PassRole')).toEqual(['<SageMakerExecutionRole.Arn>']);
    expect(on(r, 'secretsmanager:GetSecretValue')).toEqual(secret ? [APP_SECRET] : []);
  });

  it('gives the task execution role only the runner image pull and its log stream writes', () => {
    if (!stack.resources.RunnerExecutionRole) return;
    const statements = permissions(stack, 'RunnerExecutionRole');
    expect(actionsOf(statements)).toEqual([
      'ecr:BatchCheckLayerAvailability',
      'ecr:BatchGetImage',
      'ecr:GetAuthorizationToken',
      'ecr:GetDownloadUrlForLayer',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
    const resources = statements.flatMap((s) => list(s.Resource)).sort();
    expect(resources).toEqual(['*', '<RunnerLogGroup.Arn>', '<RunnerRepository.Arn>']);
  });

  it('lets SageMaker publish metrics only to its own namespace', () => {
    const metrics = permissions(stack, 'SageMakerExecutionRole').find((s) =>
      list(s.Action).includes('cloudwatch:PutMetricData'),
    );
    expect(metrics?.Condition).toEqual({
      StringEquals: { 'cloudwatch:namespace': '/aws/sagemaker/TrainingJobs' },
    });
  });

  it('lets only the intended services assume the service roles', () => {
    const service = (name: string): Json => trust(stack, name)[0]?.Principal ?? null;
    expect(service('SageMakerExecutionRole')).toEqual({ Service: 'sagemaker.amazonaws.com' });
    if (stack.resources.RunnerTaskRole) {
      expect(service('RunnerTaskRole')).toEqual({ Service: 'ecs-tasks.amazonaws.com' });
      expect(service('RunnerExecutionRole')).toEqual({ Service: 'ecs-tasks.amazonaws.com' });
      expect(trust(stack, 'RunnerTaskRole')[0]?.Condition?.StringEquals?.['aws:SourceAccount']).toBe(ACCOUNT);
    }
    for (const name of roleNames(stack)) expect(trust(stack, name)).toHaveLength(1);
  });

  it('creates the workflow role of each mode asked for, and the ECS part only for fargate', () => {
    const mode = SCENARIOS[scenario]?.WorkflowModes ?? 'fargate';
    expect(Boolean(stack.resources.SageMakerActionRole)).toBe(mode !== 'fargate');
    expect(Boolean(stack.resources.FargateActionRole)).toBe(mode !== 'sagemaker');
    for (const name of ['RunnerCluster', 'RunnerTaskDefinition', 'RunnerTaskRole', 'RunnerRepository'])
      expect(Boolean(stack.resources[name]), name).toBe(mode !== 'sagemaker');
  });
});

describe('parameters that scope the policies', () => {
  const accepts = (name: string, value: string): boolean => {
    const pattern = (template.Parameters[name] as { AllowedPattern?: string } | undefined)?.AllowedPattern;
    if (pattern === undefined) throw new Error(`${name} has no AllowedPattern`);
    return new RegExp(pattern).test(value);
  };

  it.each(['OutputPrefix', 'DataPrefix', 'CheckpointPrefix'])(
    '%s is a plain key prefix: no wildcard, no edge slash',
    (name) => {
      expect(accepts(name, 'ci/output')).toBe(true);
      for (const bad of ['*', 'ci/*', 'ci?', '/ci', 'ci/', 'ci//x']) expect(accepts(name, bad), bad).toBe(false);
    },
  );

  it('JobNamePrefix is a lower-case job name start (SageMaker ARNs are lower case) of at most 40 characters', () => {
    expect(accepts('JobNamePrefix', 'iris')).toBe(true);
    expect(accepts('JobNamePrefix', 'a'.repeat(40))).toBe(true);
    for (const bad of ['Iris', 'iris*', 'my_model', '-iris', 'a'.repeat(41), ''])
      expect(accepts('JobNamePrefix', bad), bad).toBe(false);
  });

  it('the repository names no wildcard', () => {
    for (const [name, bad] of [
      ['GitHubOwner', '*'],
      ['GitHubOwner', 'acme*'],
      ['GitHubRepository', '*'],
      ['GitHubRepository', 'models/x'],
    ]) {
      expect(accepts(name as string, bad as string), `${name}=${bad}`).toBe(false);
    }
    expect(accepts('GitHubOwner', 'acme-corp') && accepts('GitHubRepository', 'ml.models_2')).toBe(true);
  });
});

describe('the runner task definition', () => {
  const stack = deployed.defaults as Evaluated;
  const task = stack.resources.RunnerTaskDefinition?.Properties ?? {};
  const containers = task.ContainerDefinitions as JsonObject[];
  const runner = containers[0] ?? {};

  it('is one Fargate container named runner, running `runner`, stopped with 120 s to spare', () => {
    expect(task.RequiresCompatibilities).toEqual(['FARGATE']);
    expect(task.NetworkMode).toBe('awsvpc');
    expect([task.Cpu, task.Memory]).toEqual(['256', '512']);
    expect(containers).toHaveLength(1);
    expect(runner.Name).toBe('runner');
    expect(runner.Command).toEqual(['runner']);
    expect(runner.StopTimeout).toBe(120);
    expect(runner.LinuxParameters).toEqual({ InitProcessEnabled: true });
    expect(runner.Essential).toBe(true);
    expect(task.TaskRoleArn).toBe('<RunnerTaskRole.Arn>');
    expect(task.ExecutionRoleArn).toBe('<RunnerExecutionRole.Arn>');
  });

  it('logs through awslogs to the stack’s log group, with a stream prefix the action can rebuild', () => {
    expect(runner.LogConfiguration).toEqual({
      LogDriver: 'awslogs',
      Options: { 'awslogs-group': '<RunnerLogGroup>', 'awslogs-region': REGION, 'awslogs-stream-prefix': 'runner' },
    });
    expect(stack.resources.RunnerLogGroup?.Properties.RetentionInDays).toBe('30');
  });

  it('has a read-only root file system with a writable /tmp', () => {
    expect(runner.ReadonlyRootFilesystem).toBe(true);
    expect(runner.MountPoints).toEqual([{ SourceVolume: 'tmp', ContainerPath: '/tmp', ReadOnly: false }]);
    expect(task.Volumes).toEqual([{ Name: 'tmp' }]);
  });

  it('runs the runner repository’s image unless another is given', () => {
    expect(runner.Image).toBe('<RunnerRepository.RepositoryUri>:latest');
    const custom = deployed.everything?.resources.RunnerTaskDefinition?.Properties.ContainerDefinitions as JsonObject[];
    expect(custom[0]?.Image).toBe('public.ecr.aws/acme/runner:1');
  });

  it('runs on a cluster that offers FARGATE and FARGATE_SPOT', () => {
    expect(stack.resources.RunnerCluster?.Properties.CapacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
  });

  it('pulls from ECR repositories that scan on push', () => {
    for (const name of ['TrainingRepository', 'RunnerRepository']) {
      expect(stack.resources[name]?.Properties.ImageScanningConfiguration).toEqual({ ScanOnPush: true });
    }
  });
});

describe('outputs', () => {
  it('give the roles, cluster, task definition, repositories and log group', () => {
    expect(Object.keys(template.Outputs)).toEqual(
      expect.arrayContaining([
        'SageMakerActionRoleArn',
        'FargateActionRoleArn',
        'RunnerTaskRoleArn',
        'RunnerExecutionRoleArn',
        'SageMakerExecutionRoleArn',
        'ClusterName',
        'TaskDefinitionFamily',
        'TrainingRepositoryUri',
        'RunnerRepositoryUri',
        'RunnerLogGroupName',
        'SageMakerConfigSnippet',
        'FargateConfigSnippet',
        'SageMakerWorkflowSnippet',
        'FargateWorkflowSnippet',
      ]),
    );
  });

  it.each(Object.keys(SCENARIOS).filter((s) => deployed[s]?.outputs.FargateConfigSnippet !== undefined))(
    'include a fargate configuration snippet that is valid YAML with the fargate block (%s)',
    (s) => {
      const outputs = (deployed[s] as Evaluated).outputs;
      const config = parse(scalar(outputs.FargateConfigSnippet ?? null)) as Record<string, Json>;
      expect(config.mode).toBe('fargate');
      expect(config.output).toBe('s3://acme-ml/ci/output/');
      expect(config.job).toEqual({ 'name-prefix': 'iris', 'role-arn': '<SageMakerExecutionRole.Arn>' });
      const fargate = config.fargate as Record<string, Json>;
      expect(fargate).toMatchObject({
        cluster: '<RunnerCluster>',
        'task-definition': 'sagemaker-training-runner',
        container: 'runner',
        'assign-public-ip': false,
        capacity: 'FARGATE',
      });
      expect(fargate['github-app-secret']).toBe(s === 'everything' ? APP_SECRET : undefined);
      expect(isObject(config.image) && config.image.repository).toBe('<TrainingRepository.RepositoryUri>');
    },
  );

  it.each(['sagemaker mode', 'everything'])('include a sagemaker configuration snippet (%s)', (s) => {
    const config = parse(scalar(deployed[s]?.outputs.SageMakerConfigSnippet ?? null)) as Record<string, Json>;
    expect(config).toEqual({
      mode: 'sagemaker',
      region: REGION,
      image: { repository: '<TrainingRepository.RepositoryUri>' },
      job: { 'name-prefix': 'iris', 'role-arn': '<SageMakerExecutionRole.Arn>' },
      output: 's3://acme-ml/ci/output/',
    });
    expect(deployed.defaults?.outputs.SageMakerConfigSnippet).toBeUndefined();
  });

  it('include the workflow step that assumes each mode’s role', () => {
    const step = (name: string, s: string) =>
      (parse(scalar(deployed[s]?.outputs[name])) as { uses: string; with: JsonObject }[])[0];
    expect(step('FargateWorkflowSnippet', 'defaults')?.uses).toMatch(/sagemaker-training-action@/);
    expect(step('FargateWorkflowSnippet', 'defaults')?.with).toEqual({
      mode: 'fargate',
      'role-to-assume': '<FargateActionRole.Arn>',
      region: REGION,
    });
    expect(step('SageMakerWorkflowSnippet', 'sagemaker mode')?.with).toEqual({
      mode: 'sagemaker',
      'role-to-assume': '<SageMakerActionRole.Arn>',
      region: REGION,
    });
  });
});
