import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { loadRequest } from '../../src/config/load.js';
import { overridesFromFlags, overridesFromInputs } from '../../src/config/overrides.js';
import type { FargateSpec, JobSpec, TrainingRequest } from '../../src/request.js';
import { CONFIG_PATH, makeWorkspace, writeConfig } from '../fixtures/bad-configs.js';

const FULL_EXAMPLE = `
mode: local
region: us-east-1
image:
  dockerfile: examples/iris/Dockerfile
  context: examples/iris
  build-args: { BASE_IMAGE: python:3.12-slim }
  target: train
  platform: linux/amd64
  repository: 123456789012.dkr.ecr.us-east-1.amazonaws.com/iris-training
job:
  name-prefix: iris
  name: iris-manual-1
  role-arn: arn:aws:iam::123456789012:role/SageMakerTraining
  instance-type: ml.g5.xlarge
  instance-count: 1
  volume-size-gb: 30
  max-runtime: 2h
  spot: { max-wait: 4h, checkpoint-s3-uri: s3://my-bucket/checkpoints/iris/ }
  checkpoint: { s3-uri: s3://my-bucket/checkpoints/iris/, local-path: /opt/ml/checkpoints, host-path: .sagemaker-train/checkpoints/iris }
  environment: { LOG_LEVEL: info }
  entrypoint: [python3, /opt/program/train.py]
  arguments: [--verbose]
  keep-alive: 10m
  max-retry-attempts: 2
channels:
  training: examples/iris/data
  validation: { source: s3://b-1/p/, input-mode: File, content-type: text/csv, distribution: FullyReplicated, compression: None, record-wrapper: None }
output: s3://my-bucket/models/iris/
hyperparameters: { epochs: 1000, eta: 0.05 }
metrics:
  - { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9, max-regression: 0.01 }
  - { name: loss, regex: 'loss=([0-9.eE+-]+)', goal: minimize, max-regression: '1%' }
local: { gpu: required, cancel-grace: 5s }
tags: { team: ml }
`;

describe('loadRequest', () => {
  let workspace: string;
  beforeEach(async () => {
    workspace = await makeWorkspace();
  });
  afterEach(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  async function makeIrisExample(): Promise<void> {
    await mkdir(path.join(workspace, 'examples/iris/data'), { recursive: true });
    await writeFile(path.join(workspace, 'examples/iris/Dockerfile'), 'FROM python:3.12-slim\n');
  }

  it('maps the full example into the expected request', async () => {
    await makeIrisExample();
    await writeConfig(workspace, FULL_EXAMPLE);
    const request = await loadRequest({ workspace, overrides: [], env: {} });
    const expected: TrainingRequest = {
      mode: 'local',
      workspace,
      configFile: path.join(workspace, CONFIG_PATH),
      region: 'us-east-1',
      image: {
        kind: 'build',
        dockerfile: path.join(workspace, 'examples/iris/Dockerfile'),
        context: path.join(workspace, 'examples/iris'),
        buildArgs: { BASE_IMAGE: 'python:3.12-slim' },
        target: 'train',
        platform: 'linux/amd64',
        repository: '123456789012.dkr.ecr.us-east-1.amazonaws.com/iris-training',
      },
      job: {
        namePrefix: 'iris',
        name: 'iris-manual-1',
        roleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
        instanceType: 'ml.g5.xlarge',
        instanceCount: 1,
        volumeSizeGb: 30,
        maxRuntimeSeconds: 7200,
        spot: { maxWaitSeconds: 14_400 },
        checkpoint: {
          s3Uri: { kind: 's3', uri: 's3://my-bucket/checkpoints/iris/', bucket: 'my-bucket', key: 'checkpoints/iris/' },
          containerPath: '/opt/ml/checkpoints',
          hostPath: path.join(workspace, '.sagemaker-train/checkpoints/iris'),
        },
        environment: { LOG_LEVEL: 'info' },
        entrypoint: ['python3', '/opt/program/train.py'],
        arguments: ['--verbose'],
        keepAliveSeconds: 600,
        maxRetryAttempts: 2,
        capacityRetries: 0,
      },
      channels: [
        {
          name: 'training',
          source: { kind: 'local', path: path.join(workspace, 'examples/iris/data') },
          inputMode: 'File',
          distribution: 'FullyReplicated',
          compression: 'None',
          recordWrapper: 'None',
        },
        {
          name: 'validation',
          source: { kind: 's3', uri: 's3://b-1/p/', bucket: 'b-1', key: 'p/' },
          inputMode: 'File',
          contentType: 'text/csv',
          distribution: 'FullyReplicated',
          compression: 'None',
          recordWrapper: 'None',
        },
      ],
      output: { kind: 's3', uri: 's3://my-bucket/models/iris/', bucket: 'my-bucket', key: 'models/iris/' },
      hyperparameters: { epochs: '1000', eta: '0.05' },
      metrics: [
        {
          name: 'accuracy',
          regex: 'accuracy=([0-9.]+)',
          goal: 'maximize',
          threshold: 0.9,
          maxRegression: { kind: 'absolute', value: 0.01 },
        },
        {
          name: 'loss',
          regex: 'loss=([0-9.eE+-]+)',
          goal: 'minimize',
          maxRegression: { kind: 'relative', value: 0.01 },
        },
      ],
      local: { gpu: 'required', cancelGraceSeconds: 5 },
      tags: { team: 'ml' },
      wait: true,
    };
    expect(request).toEqual(expected);
  });

  it('applies defaults when there is no file at all', async () => {
    const request = await loadRequest({ workspace, overrides: [], env: {} });
    expect(request).toEqual({
      mode: 'local',
      workspace,
      region: 'us-east-1',
      image: {
        kind: 'build',
        dockerfile: path.join(workspace, 'Dockerfile'),
        context: workspace,
        buildArgs: {},
        platform: 'linux/amd64',
      },
      job: {
        namePrefix: 'training',
        instanceType: 'ml.m5.large',
        instanceCount: 1,
        volumeSizeGb: 30,
        maxRuntimeSeconds: 86_400,
        environment: {},
        capacityRetries: 0,
      },
      channels: [],
      output: { kind: 'local', path: path.join(workspace, '.sagemaker-train/output') },
      hyperparameters: {},
      metrics: [],
      local: { gpu: 'required', cancelGraceSeconds: 5 },
      tags: {},
      wait: true,
    } satisfies TrainingRequest);
  });

  it('takes the region from AWS_REGION, then AWS_DEFAULT_REGION', async () => {
    const load = (env: Record<string, string | undefined>) => loadRequest({ workspace, overrides: [], env });
    expect((await load({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' })).region).toBe('eu-west-1');
    expect((await load({ AWS_DEFAULT_REGION: 'us-west-2' })).region).toBe('us-west-2');
    expect((await load({ AWS_REGION: '' })).region).toBe('us-east-1');
    await expect(load({ AWS_REGION: 'moon' })).rejects.toThrow(/env AWS_REGION: must be an AWS region/);
    await writeConfig(workspace, 'region: ap-southeast-2\n');
    expect((await load({ AWS_REGION: 'eu-west-1' })).region).toBe('ap-southeast-2');
  });

  it('works with overrides only when the default file is missing', async () => {
    const overrides = overridesFromInputs(
      (name) =>
        ({
          mode: 'sagemaker',
          'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1.0',
          'role-arn': 'arn:aws:iam::123456789012:role/SageMakerTraining',
          output: 's3://my-bucket/models',
          'instance-count': '2',
          hyperparameters: 'epochs: 3\neta: 0.10',
        })[name] ?? '',
    );
    const request = await loadRequest({ workspace, overrides, env: {} });
    expect(request.configFile).toBeUndefined();
    expect(request.mode).toBe('sagemaker');
    expect(request.image).toEqual({ kind: 'prebuilt', uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1.0' });
    expect(request.job.instanceCount).toBe(2);
    expect(request.output).toEqual({ kind: 's3', uri: 's3://my-bucket/models/', bucket: 'my-bucket', key: 'models/' });
    expect(request.hyperparameters).toEqual({ epochs: '3', eta: '0.10' });
  });

  it('reports a missing file the user named', async () => {
    const load = loadRequest({
      workspace,
      configFile: 'ci/training.yml',
      configFileExplicit: true,
      overrides: [],
      env: {},
    });
    await expect(load).rejects.toThrow(ConfigError);
    await expect(load).rejects.toThrow(/- ci\/training\.yml: configuration file not found/);
  });

  it('reads a named file relative to the workspace, or absolute', async () => {
    await mkdir(path.join(workspace, 'ci'));
    await writeFile(path.join(workspace, 'ci/training.yml'), 'job: { instance-count: 3 }\n');
    const relative = await loadRequest({
      workspace,
      configFile: 'ci/training.yml',
      configFileExplicit: true,
      overrides: [],
      env: {},
    });
    expect(relative.job.instanceCount).toBe(3);
    expect(relative.configFile).toBe(path.join(workspace, 'ci/training.yml'));
    const absolute = await loadRequest({
      workspace,
      configFile: path.join(workspace, 'ci/training.yml'),
      overrides: [],
      env: {},
    });
    expect(absolute.job.instanceCount).toBe(3);
  });

  it('treats an empty file as no settings', async () => {
    await writeConfig(workspace, '# nothing yet\n');
    const request = await loadRequest({ workspace, overrides: [], env: {} });
    expect(request.mode).toBe('local');
    expect(request.configFile).toBe(path.join(workspace, CONFIG_PATH));
  });

  it('rejects a file that is not a mapping', async () => {
    await writeConfig(workspace, '- mode: local\n');
    await expect(loadRequest({ workspace, overrides: [], env: {} })).rejects.toThrow(
      /\.github\/sagemaker-training\.yml \(line 1\): must be a mapping of settings/,
    );
  });

  describe('overrides', () => {
    const FILE = `
mode: local
image:
  dockerfile: Dockerfile
  build-args: { A: '1', B: '2' }
job:
  instance-type: ml.m5.large
  instance-count: 1
  max-runtime: 1h
  name-prefix: iris
hyperparameters: { epochs: 10, eta: 0.05 }
local: { gpu: required }
`;

    it('win over the file, and mappings merge key by key', async () => {
      await writeConfig(workspace, FILE);
      const inputs: Record<string, string> = {
        'instance-type': 'ml.g5.xlarge',
        'instance-count': '2',
        'max-runtime': '90m',
        'job-name': 'iris-pr-12',
        'name-prefix': 'iris-ci',
        'build-args': '{ B: three, C: 4 }',
        hyperparameters: 'epochs: 3',
        'local-gpu': 'optional',
        region: 'eu-central-1',
      };
      const request = await loadRequest({
        workspace,
        overrides: overridesFromInputs((name) => inputs[name] ?? ''),
        env: { AWS_REGION: 'us-west-2' },
      });
      expect(request.region).toBe('eu-central-1');
      expect(request.job).toMatchObject({
        instanceType: 'ml.g5.xlarge',
        instanceCount: 2,
        maxRuntimeSeconds: 5400,
        name: 'iris-pr-12',
        namePrefix: 'iris-ci',
      });
      expect(request.image).toMatchObject({ kind: 'build', buildArgs: { A: '1', B: 'three', C: '4' } });
      expect(request.hyperparameters).toEqual({ epochs: '3', eta: '0.05' });
      expect(request.local.gpu).toBe('optional');
    });

    it('image-uri replaces the build settings of the file', async () => {
      await writeConfig(workspace, FILE);
      const overrides = overridesFromFlags({ values: { 'image-uri': 'python:3.12-slim' } });
      const request = await loadRequest({ workspace, overrides, env: {} });
      expect(request.image).toEqual({ kind: 'prebuilt', uri: 'python:3.12-slim' });
    });

    it('image-uri together with a build-args override is a conflict', async () => {
      await writeConfig(workspace, FILE);
      const overrides = overridesFromFlags({ values: { 'image-uri': 'python:3.12-slim' }, buildArgs: ['X=1'] });
      await expect(loadRequest({ workspace, overrides, env: {} })).rejects.toThrow(
        /flag --build-arg X: cannot be combined with image\.uri/,
      );
    });

    it('--set, --hyperparameter and --build-arg flags', async () => {
      await writeConfig(workspace, FILE);
      const overrides = overridesFromFlags({
        values: { mode: 'local' },
        sets: ['job.max-runtime=2h', 'job.environment.LOG_LEVEL=debug', 'channels.training=data'],
        hyperparameters: ['eta=0.10', 'note=hello world', 'flag=true'],
        buildArgs: ['B=x=y'],
      });
      const request = await loadRequest({ workspace, overrides, env: {} });
      expect(request.job.maxRuntimeSeconds).toBe(7200);
      expect(request.job.environment).toEqual({ LOG_LEVEL: 'debug' });
      expect(request.channels.map((c) => [c.name, c.source])).toEqual([
        ['training', { kind: 'local', path: path.join(workspace, 'data') }],
      ]);
      expect(request.hyperparameters).toEqual({ epochs: '10', eta: '0.10', note: 'hello world', flag: 'true' });
      expect(request.image).toMatchObject({ buildArgs: { A: '1', B: 'x=y' } });
    });

    it('a misspelled --set path is an unknown setting attributed to the flag', async () => {
      const overrides = overridesFromFlags({ values: {}, sets: ['job.max-runtim=2h', 'job.instance-count'] });
      const error = await loadRequest({ workspace, overrides, env: {} }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues).toEqual([
        { where: 'flag --set job.instance-count', message: expect.stringMatching(/--set <path>=<value>/) as string },
        {
          where: 'flag --set job.max-runtim',
          message: expect.stringMatching(/unknown setting "max-runtim" \(did you mean "max-runtime"\?\)/) as string,
        },
      ]);
    });

    it('keeps the text of override values meant as strings', async () => {
      const overrides = overridesFromInputs((name) => (name === 'job-name' ? '0123' : ''));
      const request = await loadRequest({ workspace, overrides, env: {} });
      expect(request.job.name).toBe('0123');
    });

    it('cannot set a key below a single value', async () => {
      await writeConfig(workspace, 'channels:\n  training: data\n');
      const overrides = overridesFromFlags({ values: {}, sets: ['channels.training.input-mode=Pipe'] });
      await expect(loadRequest({ workspace, overrides, env: {} })).rejects.toThrow(
        /flag --set channels\.training\.input-mode: cannot set channels\.training\.input-mode: channels\.training is a single value in the configuration \(channels\.training \(line 2\)\), not a mapping/,
      );
    });
  });

  describe('mode rules', () => {
    const FARGATE_BLOCK = 'fargate: { cluster: training, task-definition: runner, subnets: [subnet-0abc] }\n';
    const REMOTE = `
image: { uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1.0 }
job: { role-arn: 'arn:aws:iam::123456789012:role/SageMakerTraining' }
output: s3://my-bucket/models/
channels: { training: data }
`;

    it('allows local-folder channels in remote modes (they are uploaded), but needs S3 output', async () => {
      for (const mode of ['sagemaker', 'fargate']) {
        await writeConfig(workspace, mode === 'fargate' ? `${REMOTE}${FARGATE_BLOCK}` : REMOTE);
        const overrides = overridesFromInputs((name) => (name === 'mode' ? mode : ''));
        const request = await loadRequest({ workspace, overrides, env: {} });
        expect(request.mode).toBe(mode);
        expect(request.channels[0]?.source).toEqual({ kind: 'local', path: path.join(workspace, 'data') });
      }
    });

    it('rejects absolute paths in remote modes but allows them in local mode', async () => {
      const absolute = path.join(workspace, 'data');
      await writeConfig(workspace, `${REMOTE.replace('training: data', `training: ${absolute}`)}`);
      const local = await loadRequest({ workspace, overrides: [], env: {} });
      expect(local.channels[0]?.source).toEqual({ kind: 'local', path: absolute });
      const overrides = overridesFromInputs((name) => (name === 'mode' ? 'sagemaker' : ''));
      await expect(loadRequest({ workspace, overrides, env: {} })).rejects.toThrow(
        /channels\.training \(line 5\): must be relative to the workspace in sagemaker mode/,
      );
    });

    it('names the input that chose the mode', async () => {
      const overrides = overridesFromInputs((name) => (name === 'mode' ? 'sagemaker' : ''));
      await expect(loadRequest({ workspace, overrides, env: {} })).rejects.toThrow(
        /job\.role-arn: is required in sagemaker mode \(mode set by input "mode"\)/,
      );
    });

    it('needs a checkpoint S3 URI for a checkpoint block in remote modes', async () => {
      await writeConfig(
        workspace,
        `mode: sagemaker\n${REMOTE.replace('job: {', 'job: { checkpoint: { local-path: /ckpt },')}`,
      );
      await expect(loadRequest({ workspace, overrides: [], env: {} })).rejects.toThrow(
        /job\.checkpoint\.s3-uri: is required in sagemaker mode when checkpointing/,
      );
    });

    it('sets the checkpoint from a spot checkpoint URI alone, with default paths', async () => {
      await writeConfig(
        workspace,
        'job:\n  name-prefix: iris\n  spot: { max-wait: 2d, checkpoint-s3-uri: s3://my-bucket/ckpt }\n',
      );
      const request = await loadRequest({ workspace, overrides: [], env: {} });
      expect(request.job.spot).toEqual({ maxWaitSeconds: 172_800 });
      expect(request.job.checkpoint).toEqual({
        s3Uri: { kind: 's3', uri: 's3://my-bucket/ckpt/', bucket: 'my-bucket', key: 'ckpt/' },
        containerPath: '/opt/ml/checkpoints',
        hostPath: path.join(workspace, '.sagemaker-train/checkpoints/iris'),
      });
    });
  });

  describe('remote job settings and fargate', () => {
    const FARGATE_FILE = `
mode: fargate
region: eu-west-1
image: { uri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/iris:1.0 }
job:
  role-arn: arn:aws:iam::123456789012:role/SageMakerTraining
  instance-type: ml.p3.2xlarge
  vpc:
    subnets: [subnet-0123456789abcdef0, subnet-0fedcba9876543210]
    security-groups: [sg-0123456789abcdef0]
  network-isolation: true
  inter-container-encryption: false
  output-kms-key: alias/training-output
  volume-kms-key: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
  capacity-retries: 3
  price-per-hour: 1.41
output: s3://my-bucket/models/
fargate:
  cluster: arn:aws:ecs:eu-west-1:123456789012:cluster/training
  task-definition: sagemaker-train-runner:7
  container: train-runner
  subnets: [subnet-0123456789abcdef0]
  security-groups: [sg-0123456789abcdef0, sg-00000000000000001]
  assign-public-ip: true
  capacity: FARGATE_SPOT
  github-app-secret: github-app/sagemaker-train
wait: false
`;

    it('maps a full fargate configuration and the remote job settings into the request', async () => {
      await writeConfig(workspace, FARGATE_FILE);
      const request = await loadRequest({ workspace, overrides: [], env: {} });
      expect(request.mode).toBe('fargate');
      expect(request.job).toEqual({
        namePrefix: 'training',
        roleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
        instanceType: 'ml.p3.2xlarge',
        instanceCount: 1,
        volumeSizeGb: 30,
        maxRuntimeSeconds: 86_400,
        environment: {},
        vpc: {
          subnets: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
          securityGroupIds: ['sg-0123456789abcdef0'],
        },
        networkIsolation: true,
        interContainerEncryption: false,
        outputKmsKeyId: 'alias/training-output',
        volumeKmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        capacityRetries: 3,
        pricePerHour: 1.41,
      } satisfies JobSpec);
      expect(request.fargate).toEqual({
        cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/training',
        taskDefinition: 'sagemaker-train-runner:7',
        container: 'train-runner',
        subnets: ['subnet-0123456789abcdef0'],
        securityGroups: ['sg-0123456789abcdef0', 'sg-00000000000000001'],
        assignPublicIp: true,
        capacity: 'FARGATE_SPOT',
        githubAppSecret: 'github-app/sagemaker-train',
      } satisfies FargateSpec);
      expect(request.wait).toBe(false);
    });

    it('gives the fargate block its defaults, and waits by default', async () => {
      await writeConfig(
        workspace,
        `mode: fargate
image: { uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1.0 }
job: { role-arn: 'arn:aws:iam::123456789012:role/SageMakerTraining' }
output: s3://my-bucket/models/
fargate: { cluster: training, task-definition: sagemaker-train-runner, subnets: [subnet-0abc] }
`,
      );
      const request = await loadRequest({ workspace, overrides: [], env: {} });
      expect(request.fargate).toEqual({
        cluster: 'training',
        taskDefinition: 'sagemaker-train-runner',
        container: 'runner',
        subnets: ['subnet-0abc'],
        securityGroups: [],
        assignPublicIp: false,
        capacity: 'FARGATE',
      } satisfies FargateSpec);
      expect(request.wait).toBe(true);
      expect(request.job.capacityRetries).toBe(0);
      expect(request.job).not.toHaveProperty('vpc');
      expect(request.job).not.toHaveProperty('pricePerHour');
    });

    it('takes wait, capacity-retries and price-per-hour from inputs and flags', async () => {
      await writeConfig(workspace, FARGATE_FILE.replace('wait: false', 'wait: true'));
      const inputs: Record<string, string> = { wait: 'false', 'capacity-retries': '5', 'price-per-hour': '0.25' };
      const fromInputs = await loadRequest({
        workspace,
        overrides: overridesFromInputs((name) => inputs[name] ?? ''),
        env: {},
      });
      expect([fromInputs.wait, fromInputs.job.capacityRetries, fromInputs.job.pricePerHour]).toEqual([false, 5, 0.25]);
      const fromFlags = await loadRequest({
        workspace,
        overrides: overridesFromFlags({ values: { 'capacity-retries': '0', 'price-per-hour': '2' } }),
        env: {},
      });
      expect([fromFlags.wait, fromFlags.job.capacityRetries, fromFlags.job.pricePerHour]).toEqual([true, 0, 2]);
    });

    it('accepts every form of KMS key SageMaker takes: keys for both, aliases for the output only', async () => {
      const keys = [
        '1234abcd-12ab-34cd-56ef-1234567890ab',
        'mrk-1234abcd12ab34cd56ef1234567890ab',
        'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      ];
      for (const key of keys) {
        await writeConfig(workspace, `job: { output-kms-key: '${key}', volume-kms-key: '${key}' }\n`);
        const { job } = await loadRequest({ workspace, overrides: [], env: {} });
        expect([job.outputKmsKeyId, job.volumeKmsKeyId]).toEqual([key, key]);
      }
      for (const alias of ['alias/aws/s3', 'arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/training']) {
        await writeConfig(workspace, `job: { output-kms-key: '${alias}' }\n`);
        expect((await loadRequest({ workspace, overrides: [], env: {} })).job.outputKmsKeyId).toBe(alias);
        await writeConfig(workspace, `job: { volume-kms-key: '${alias}' }\n`);
        await expect(loadRequest({ workspace, overrides: [], env: {} })).rejects.toThrow(
          /job\.volume-kms-key \(line 1\): must be a KMS key ID .* or key ARN .*; SageMaker takes no alias here/,
        );
      }
    });

    it('reads local.aws-credentials: true only when set, and refuses what is not a boolean', async () => {
      await writeConfig(workspace, 'local: { aws-credentials: true }\n');
      expect((await loadRequest({ workspace, overrides: [], env: {} })).local.awsCredentials).toBe(true);
      await writeConfig(workspace, 'local: { aws-credentials: false }\n');
      expect((await loadRequest({ workspace, overrides: [], env: {} })).local).toEqual({
        gpu: 'required',
        cancelGraceSeconds: 5,
      });
      await writeConfig(workspace, 'local:\n  aws-credentials: "yes"\n');
      await expect(loadRequest({ workspace, overrides: [], env: {} })).rejects.toThrow(
        /local\.aws-credentials \(line 2\): must be true or false \(got "yes"\)/,
      );
    });

    it('checks ml.* types against the training list only in the remote modes', async () => {
      await writeConfig(workspace, 'job: { instance-type: ml.t2.medium }\n');
      const local = await loadRequest({ workspace, overrides: [], env: {} });
      expect(local.job.instanceType).toBe('ml.t2.medium');
      const overrides = overridesFromInputs((name) => (name === 'mode' ? 'sagemaker' : ''));
      await expect(loadRequest({ workspace, overrides, env: {} })).rejects.toThrow(
        /job\.instance-type \(line 1\): must be an instance type SageMaker offers for training.*\(did you mean "ml\.t3\.medium"\?\)/,
      );
    });

    it('reads the remote-only job settings in local mode too, so one file serves every mode', async () => {
      await writeConfig(
        workspace,
        'job:\n  vpc: { subnets: [subnet-0abc], security-groups: [sg-0abc] }\n  network-isolation: true\n  capacity-retries: 1\n',
      );
      const request = await loadRequest({ workspace, overrides: [], env: {} });
      expect(request.mode).toBe('local');
      expect(request.job).toMatchObject({
        vpc: { subnets: ['subnet-0abc'], securityGroupIds: ['sg-0abc'] },
        networkIsolation: true,
        capacityRetries: 1,
      });
      expect(request.fargate).toBeUndefined();
    });
  });

  it('resolves YAML anchors and aliases', async () => {
    await writeConfig(workspace, 'x-env: &env { A: "1" }\n');
    await expect(loadRequest({ workspace, overrides: [], env: {} })).rejects.toThrow(/unknown setting "x-env"/);
    await writeConfig(workspace, 'job:\n  environment: &env { A: "1" }\ntags: *env\n');
    const request = await loadRequest({ workspace, overrides: [], env: {} });
    expect(request.tags).toEqual({ A: '1' });
  });
});
