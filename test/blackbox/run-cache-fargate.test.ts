// The run cache through dist/main.js in fargate mode, against the stand-ins (AWS_ENDPOINT_URL): the first run writes
// request.json with the fingerprint in it and asks ECS for the runner; the runner (`dist/cli.js runner`, as the task
// runs it) trains and records the index entry under that fingerprint; a second identical run reuses that result with
// no RunTask and no CreateTrainingJob.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt, runAction, type ActionRun } from '../helpers/actions-env.js';
import { startAwsStandin, type AwsStandin } from '../helpers/aws-standin.js';

const DIGEST = `sha256:${'cd'.repeat(32)}`;
const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/train@${DIGEST}`;
const SHA = '89abcdef0123456789abcdef0123456789abcdef';
const CONFIG = [
  'mode: fargate',
  'region: us-east-1',
  `image: { uri: '${IMAGE}' }`,
  "job: { role-arn: 'arn:aws:iam::123456789012:role/SageMakerTraining', instance-type: ml.g5.xlarge, name-prefix: rcf }",
  'channels: { training: s3://bucket/data/ }',
  'output: s3://bucket/models/',
  'hyperparameters: { epochs: 10 }',
  "metrics: [ { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9 } ]",
  'fargate:',
  '  cluster: training',
  '  task-definition: sagemaker-training-runner',
  '  container: runner',
  '  subnets: [subnet-0abc1234]',
  '  security-groups: [sg-0abc1234]',
  '',
].join('\n');

let aws: AwsStandin;
let ws: string;

function main(): Promise<ActionRun> {
  return runAction('main', { workspace: ws, env: { ...aws.env, GITHUB_SHA: SHA }, timeoutMs: 60_000 });
}

/** `dist/cli.js runner` as the Fargate task runs it, with the request the action wrote. */
function runner(requestUri: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'runner'], {
      env: { PATH: process.env.PATH ?? '', ...aws.env, AWS_REGION: 'us-east-1', TRAINING_REQUEST_URI: requestUri },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

const keys = (): string[] => [...(aws.s3.buckets.get('bucket')?.keys() ?? [])];

beforeAll(async () => {
  await ensureBuilt();
  ws = await mkdtemp(join(tmpdir(), 'smt-bb-cache-fargate-'));
  await mkdir(join(ws, '.github'));
  await writeFile(join(ws, '.github', 'sagemaker-training.yml'), CONFIG);
  aws = await startAwsStandin({ job: 'completes' });
  for (let i = 0; i < 3; i++) aws.s3.put('bucket', `data/part-${i}.csv`, `1,2,${i}\n`);
}, 120_000);

afterAll(async () => {
  await aws.close();
  await rm(ws, { recursive: true, force: true });
});

/** The action's run, with the runner run as the task: started when RunTask is asked, the task stopped with its code. */
async function mainWithRunner(): Promise<{ action: ActionRun; runner?: { code: number | null; out: string } }> {
  const before = aws.ecs.tasks.length;
  const action = main();
  let done = false;
  void action.finally(() => (done = true));
  while (!done && aws.ecs.tasks.length === before) await new Promise((r) => setTimeout(r, 50));
  const launched = aws.ecs.tasks.length > before;
  if (!launched) return { action: await action };
  const task = aws.ecs.tasks.at(-1);
  if (!task) throw new Error('RunTask was asked, but no task was started');
  const ran = await runner(task.environment.TRAINING_REQUEST_URI ?? '');
  aws.ecs.stop(task.taskArn, ran.code ?? 1);
  return { action: await action, runner: ran };
}

describe('dist/main.js with the run cache (fargate mode)', () => {
  it('hands the fingerprint to the runner, which records it; the next identical run reuses it without ECS', async () => {
    const first = await mainWithRunner();
    expect(first.runner?.code, first.runner?.out).toBe(0);
    expect(first.action.code, first.action.stdout).toBe(0);
    expect(first.action.outputs).toMatchObject({ status: 'Completed', reused: 'false' });
    const entries = keys().filter((k) => k.startsWith('models/_results/'));
    expect(entries).toHaveLength(1);
    const entry = JSON.parse(aws.s3.text('bucket', entries[0] ?? '') ?? '') as Record<string, unknown>;
    expect(entry).toMatchObject({ jobName: first.action.outputs['job-name'], commit: SHA });
    expect(aws.callsTo('RunTask')).toHaveLength(1);
    expect(aws.callsTo('CreateTrainingJob')).toHaveLength(1);

    const second = await mainWithRunner();
    expect(second.runner).toBeUndefined();
    expect(second.action.code, second.action.stdout).toBe(0);
    expect(second.action.outputs).toMatchObject({
      status: 'Completed',
      reused: 'true',
      'reused-from-job': first.action.outputs['job-name'],
      'reused-from-commit': SHA,
    });
    // Nothing was launched: no runner task, no training job.
    expect(aws.callsTo('RunTask')).toHaveLength(1);
    expect(aws.callsTo('CreateTrainingJob')).toHaveLength(1);
  }, 120_000);
});
