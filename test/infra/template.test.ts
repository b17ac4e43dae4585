// infra/sagemaker-training.yml: plain YAML, every reference defined, and every IAM policy least-privilege as IAM would
// receive it (the template is evaluated with concrete parameters, conditions included, by ./cfn.ts).
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
import { ACCOUNT, APP_SECRET, BASE, EXISTING_PROVIDER, REGION, SCENARIOS } from './scenarios.js';

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

/**
 * Actions without resource-level permissions (the Service Authorization Reference lists no resource type for them), so
 * `Resource: '*'` is the only form IAM accepts: ecr:GetAuthorizationToken (a registry-wide login), ecs:DescribeTaskDefinition
 * (task definitions are not a resource type for it), cloudwatch:PutMetricData (scoped by the cloudwatch:namespace
 * condition instead), and EC2's Describe* calls SageMaker makes for jobs in a VPC.
 */
const NO_RESOURCE_LEVEL = new Set([
  'ecr:GetAuthorizationToken',
  'ecs:DescribeTaskDefinition',
  'cloudwatch:PutMetricData',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeVpcs',
  'ec2:DescribeDhcpOptions',
  'ec2:DescribeSubnets',
  'ec2:DescribeSecurityGroups',
]);

/**
 * What the runner calls (docs/fargate.md, "AWS calls"): `sagemaker-train runner` (src/runner/) reads request.json and
 * writes result.json (src/backends/fargate/contract.ts, src/aws/s3.ts), runs the job with the direct backend
 * (src/backends/sagemaker/run.ts: CreateTrainingJob with Tags, which needs AddTags; DescribeTrainingJob; ListTags;
 * stop.ts: StopTrainingJob), tails its logs (src/wait/cloudwatch-logs.ts: DescribeLogStreams, GetLogEvents), and in
 * detached mode reads the GitHub App key. Change this set, the code and the template together.
 */
const RUNNER_TASK_ACTIONS = [
  'iam:PassRole',
  'logs:DescribeLogStreams',
  'logs:GetLogEvents',
  's3:GetObject',
  's3:PutObject',
  'sagemaker:AddTags',
  'sagemaker:CreateTrainingJob',
  'sagemaker:DescribeTrainingJob',
  'sagemaker:ListTags',
  'sagemaker:StopTrainingJob',
];

/**
 * What the action calls in fargate mode (docs/aws-setup.md): the ECR push (src/image/), request.json and
 * result.json, the channel upload of src/backends/sagemaker/channels.ts (HeadObject is s3:GetObject; lib-storage's
 * Upload aborts a failed multipart upload), RunTask/DescribeTasks/StopTask/DescribeTaskDefinition, PassRole of the
 * two task roles, the runner's log stream, and StopTrainingJob/DescribeTrainingJob for cancellation (plus ListTags: the
 * post step stops a job only when its run tag is this run's, src/backends/sagemaker/stop.ts).
 */
const ACTION_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:CompleteLayerUpload',
  'ecr:DescribeImages',
  'ecr:GetAuthorizationToken',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
  'ecs:DescribeTaskDefinition',
  'ecs:DescribeTasks',
  'ecs:RunTask',
  'ecs:StopTask',
  'iam:PassRole',
  'logs:GetLogEvents',
  's3:AbortMultipartUpload',
  's3:GetObject',
  's3:ListBucket',
  's3:PutObject',
  'sagemaker:DescribeTrainingJob',
  'sagemaker:ListTags',
  'sagemaker:StopTrainingJob',
];

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
  it('parses without errors or warnings, with no short-form (!Sub, !Ref …) tags', () => {
    const doc = parseDocument(source);
    expect(doc.errors).toEqual([]);
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

  it('allows only, with Action and Resource (never NotAction or NotResource)', () => {
    for (const s of all) {
      expect(s.Effect, s.Sid).toBe('Allow');
      expect(s.NotAction ?? s.NotResource, s.Sid).toBeUndefined();
      expect(list(s.Action).length, s.Sid).toBeGreaterThan(0);
      expect(list(s.Resource).length, s.Sid).toBeGreaterThan(0);
    }
  });

  it('names every action: no `*`, no service-wide or partial wildcard (sagemaker:*, s3:Get*)', () => {
    for (const s of all)
      for (const action of list(s.Action)) expect(action, `${s.role}/${s.Sid}`).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/);
  });

  it('uses Resource "*" only for actions without resource-level permissions', () => {
    for (const s of all.filter((st) => list(st.Resource).includes('*'))) {
      expect(list(s.Resource), s.Sid).toEqual(['*']);
      for (const action of list(s.Action)) expect(NO_RESOURCE_LEVEL, `${s.role}/${s.Sid}`).toContain(action);
    }
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
    expect(passes.length).toBe(2);
    for (const s of passes) {
      expect(list(s.Action), s.Sid).toEqual(['iam:PassRole']);
      expect(s.Condition?.StringEquals?.['iam:PassedToService'], s.Sid).toMatch(/^[a-z-]+\.amazonaws\.com$/);
      for (const r of list(s.Resource)) expect(r, s.Sid).toMatch(/^<\w+Role\.Arn>$/);
    }
  });

  it('lets the action run only the runner task definition, only on the cluster', () => {
    const run = permissions(stack, 'GitHubActionRole').filter((s) => list(s.Action).includes('ecs:RunTask'));
    expect(run).toHaveLength(1);
    expect(list(run[0]?.Action)).toEqual(['ecs:RunTask']);
    expect(run[0]?.Resource).toBe(`arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/sagemaker-training-runner:*`);
    expect(run[0]?.Condition).toEqual({ ArnEquals: { 'ecs:cluster': '<RunnerCluster.Arn>' } });
    const watch = permissions(stack, 'GitHubActionRole').find((s) => list(s.Action).includes('ecs:StopTask'));
    expect(watch?.Resource).toBe(`arn:aws:ecs:${REGION}:${ACCOUNT}:task/<RunnerCluster>/*`);
  });

  it('gives the action exactly its calls, on the request and result objects, the training repository and the prefix', () => {
    const statements = permissions(stack, 'GitHubActionRole');
    expect(actionsOf(statements)).toEqual(ACTION_ACTIONS);
    const on = (action: string): string[] =>
      statements.filter((s) => list(s.Action).includes(action)).flatMap((s) => list(s.Resource));
    expect(on('s3:PutObject')).toEqual([`${OUTPUT}*/request.json`, `${OUTPUT}_channels/*`]);
    expect(on('s3:GetObject')).toEqual([`${OUTPUT}*/result.json`, `${OUTPUT}_channels/*`]);
    expect(on('ecr:PutImage')).toEqual(['<TrainingRepository.Arn>']);
    expect(on('logs:GetLogEvents')).toEqual([
      `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:<RunnerLogGroup>:log-stream:*`,
    ]);
    expect(on('sagemaker:StopTrainingJob')).toEqual([`arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/iris*`]);
  });

  it('gives the runner task role exactly the runner’s calls, scoped to the job prefix, its S3 objects and the SageMaker role', () => {
    const statements = permissions(stack, 'RunnerTaskRole');
    const secret = scenario === 'everything';
    expect(actionsOf(statements)).toEqual(
      [...RUNNER_TASK_ACTIONS, ...(secret ? ['secretsmanager:GetSecretValue'] : [])].sort(),
    );
    const on = (action: string): string[] =>
      statements.filter((s) => list(s.Action).includes(action)).flatMap((s) => list(s.Resource));
    for (const action of RUNNER_TASK_ACTIONS.filter((a) => a.startsWith('sagemaker:'))) {
      expect(on(action)).toEqual([`arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/iris*`]);
    }
    expect(on('s3:GetObject')).toEqual([`${OUTPUT}*/request.json`]);
    expect(on('s3:PutObject')).toEqual([`${OUTPUT}*/result.json`]);
    expect(on('iam:PassRole')).toEqual(['<SageMakerExecutionRole.Arn>']);
    const pass = statements.find((s) => list(s.Action).includes('iam:PassRole'));
    expect(pass?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } });
    expect(on('logs:GetLogEvents')).toEqual([
      `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/TrainingJobs`,
      `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/TrainingJobs:*`,
    ]);
    expect(on('secretsmanager:GetSecretValue')).toEqual(secret ? [APP_SECRET] : []);
  });

  it('gives the task execution role only the runner image pull and its log stream writes', () => {
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
    expect(service('RunnerTaskRole')).toEqual({ Service: 'ecs-tasks.amazonaws.com' });
    expect(service('RunnerExecutionRole')).toEqual({ Service: 'ecs-tasks.amazonaws.com' });
    expect(service('SageMakerExecutionRole')).toEqual({ Service: 'sagemaker.amazonaws.com' });
    expect(trust(stack, 'RunnerTaskRole')[0]?.Condition?.StringEquals?.['aws:SourceAccount']).toBe(ACCOUNT);
    for (const name of roleNames(stack)) expect(trust(stack, name)).toHaveLength(1);
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

describe('the action role’s OIDC trust', () => {
  const oidc = (params: Record<string, string>): Statement => {
    const statements = trust(evaluate(template, { ...BASE, ...params }), 'GitHubActionRole');
    expect(statements).toHaveLength(1);
    return statements[0] as Statement;
  };
  const subjects = (s: Statement): string[] =>
    list(s.Condition?.StringLike?.['token.actions.githubusercontent.com:sub']);

  it('pins the audience to STS and the subject to the repository’s configured branches', () => {
    const s = oidc({});
    expect(s.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(s.Condition?.StringEquals).toEqual({ 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' });
    expect(subjects(s)).toEqual(['repo:acme/models:ref:refs/heads/develop', 'repo:acme/models:ref:refs/heads/master']);
    expect(Object.keys(s.Condition ?? {}).sort()).toEqual(['StringEquals', 'StringLike']);
  });

  it.each([
    ['one branch', 'main', ['main']],
    ['five branches', 'a,b,c,d,e', ['a', 'b', 'c', 'd', 'e']],
    ['spaces around commas', 'develop, release/2026', ['develop', 'release/2026']],
  ])('takes %s', (_label, branches, expected) => {
    expect(subjects(oidc({ GitHubBranches: branches }))).toEqual(
      expected.map((b) => `repo:acme/models:ref:refs/heads/${b}`),
    );
  });

  it('trusts pull requests only when AllowPullRequests is true', () => {
    expect(subjects(oidc({}))).not.toContain('repo:acme/models:pull_request');
    expect(subjects(oidc({ AllowPullRequests: 'true' }))).toEqual([
      'repo:acme/models:ref:refs/heads/develop',
      'repo:acme/models:ref:refs/heads/master',
      'repo:acme/models:pull_request',
    ]);
  });

  it('never trusts another repository or a wildcard repository', () => {
    const variants: Record<string, string>[] = [{}, { AllowPullRequests: 'true', GitHubBranches: 'a,b,c,d,e' }];
    for (const params of variants) {
      for (const sub of subjects(oidc(params))) {
        expect(sub.startsWith('repo:acme/models:')).toBe(true);
        expect(sub).not.toMatch(/^repo:\*|\*/);
      }
    }
  });

  it('federates with the provider it creates, or with the account’s existing one (then creating none)', () => {
    expect(oidc({}).Principal).toEqual({ Federated: '<GitHubOidcProvider>' });
    expect(oidc({ ExistingOidcProviderArn: EXISTING_PROVIDER }).Principal).toEqual({ Federated: EXISTING_PROVIDER });
    expect(deployed.everything?.resources.GitHubOidcProvider).toBeUndefined();
    const provider = deployed.defaults?.resources.GitHubOidcProvider?.Properties;
    expect(provider?.Url).toBe('https://token.actions.githubusercontent.com');
    expect(provider?.ClientIdList).toEqual(['sts.amazonaws.com']);
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
        'ActionRoleArn',
        'RunnerTaskRoleArn',
        'RunnerExecutionRoleArn',
        'SageMakerExecutionRoleArn',
        'ClusterName',
        'TaskDefinitionFamily',
        'TrainingRepositoryUri',
        'RunnerRepositoryUri',
        'RunnerLogGroupName',
        'ConfigSnippet',
        'WorkflowSnippet',
      ]),
    );
  });

  it.each(Object.keys(SCENARIOS))(
    'include a configuration snippet that is valid YAML with the fargate block (%s)',
    (s) => {
      const outputs = (deployed[s] as Evaluated).outputs;
      const config = parse(scalar(outputs.ConfigSnippet ?? null)) as Record<string, Json>;
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

  it('include the workflow step that assumes the action role', () => {
    const step = parse(scalar(deployed.defaults?.outputs.WorkflowSnippet)) as { uses: string; with: JsonObject }[];
    expect(step[0]?.uses).toMatch(/sagemaker-training-action@/);
    expect(step[0]?.with).toEqual({ mode: 'fargate', 'role-to-assume': '<GitHubActionRole.Arn>', region: REGION });
  });
});
