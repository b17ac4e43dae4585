// Detached mode (wait: false): after the job ends and result.json is written, the runner completes the check run the
// action left in_progress, as the GitHub App (key from Secrets Manager, installation token for the one repository),
// with the same baseline, gate and output as the action's own report.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { StopTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { parseEmbeddedResult, embedResult } from '../../src/report/result-marker.js';
import { RunnerExit, type DetachedReport, type RunnerEnvelope } from '../../src/backends/fargate/contract.js';
import { parseAppSecret, secretRegion } from '../../src/runner/github-app.js';
import { MemoryLogger } from '../helpers/docker.js';
import { startFakeGithub, type FakeGithub, type StoredCheckRun } from '../helpers/fake-github.js';
import { awsError, resetMocks, smMock } from '../backends/sagemaker/fake-aws.js';
import { envelope, JOB } from './envelope.js';
import { completed, harness, inline, s3Mock, training, writtenResult } from './harness.js';
import { startFakeGithubApp, type FakeGithubApp } from './fake-github-app.js';

const secretsMock = mockClient(SecretsManagerClient);
const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:github-app-AbCdEf';
const SHA = 'c0ffee0000000000000000000000000000000001';
const BASE_SHA = 'ba5e000000000000000000000000000000000001';
const CHECK = 'SageMaker training';

let github: FakeGithub;
let app: FakeGithubApp;
let inProgress: StoredCheckRun;

function detached(overrides: Partial<DetachedReport> = {}): RunnerEnvelope {
  return envelope({
    request: { ...envelope().request, wait: false },
    report: {
      apiUrl: app.url,
      owner: 'octo',
      repo: 'repo',
      sha: SHA,
      checkRunId: inProgress.id,
      checkRunAppId: Number(app.appId),
      checkName: CHECK,
      baseBranch: 'main',
      baselineDepth: 20,
      appSecret: SECRET,
      annotationPath: '.github/sagemaker-training.yml',
      runUrl: 'https://github.com/octo/repo/actions/runs/42',
      ...overrides,
    },
  });
}

const secrets = (region: string): Promise<SecretsManagerClient> =>
  Promise.resolve(new SecretsManagerClient({ region }));

describe('detached hand-off', () => {
  beforeEach(async () => {
    s3Mock.reset();
    resetMocks();
    secretsMock.reset();
    github = await startFakeGithub();
    app = await startFakeGithubApp(github);
    // The base branch's last result (the baseline), and the check run the action created in_progress.
    github.commits.main = [BASE_SHA];
    github.addCheckRun({
      head_sha: BASE_SHA,
      name: CHECK,
      output: {
        title: 'accuracy 0.93',
        summary: 'done',
        text: embedResult({
          version: 1,
          status: 'Completed',
          jobName: 'old',
          sha: BASE_SHA,
          metrics: { accuracy: 0.93 },
        }),
      },
    });
    // Created by the same App the runner authenticates as (only the creating App may complete it).
    inProgress = github.addCheckRun({
      head_sha: SHA,
      name: CHECK,
      status: 'in_progress',
      conclusion: null,
      app_id: Number(app.appId),
    });
    secretsMock
      .on(GetSecretValueCommand, { SecretId: SECRET })
      .resolves({ SecretString: JSON.stringify({ appId: app.appId, privateKey: app.privateKey }) });
  });

  afterEach(async () => {
    await app.close();
    await github.close();
    secretsMock.reset();
  });

  it('completes the action’s check run as the App once result.json is written', async () => {
    let githubCallsAtPut = -1;
    const h = harness(
      { states: [training, completed(60)] },
      { onPut: () => (githubCallsAtPut = github.requests.length) },
    );
    const code = await h.run(inline(detached()), { secrets });
    expect(code, h.out.text).toBe(RunnerExit.Completed);

    // result.json first: nothing had been asked of GitHub when it was written.
    expect(writtenResult(h).status).toBe('Completed');
    expect(githubCallsAtPut).toBe(0);

    // The App's JWT got the installation, then a token for this repository only, with the permissions it needs.
    expect(app.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /repos/octo/repo/installation',
      `POST /app/installations/${app.installationId}/access_tokens`,
    ]);
    expect(app.calls.flatMap((c) => c.problems)).toEqual([]);
    expect(app.calls[1]?.body).toEqual({
      repositories: ['repo'],
      permissions: { checks: 'write', contents: 'read', pull_requests: 'read' },
    });

    // Every REST call used the installation token and matches GitHub's OpenAPI description.
    expect(github.problems()).toEqual([]);
    expect(github.requests.length).toBeGreaterThan(0);
    expect(github.requests.every((r) => r.authorization === `token ${app.token}`)).toBe(true);

    // The same check run, completed: no second one.
    expect(github.checkRuns.filter((r) => r.head_sha === SHA)).toHaveLength(1);
    expect(inProgress).toMatchObject({ status: 'completed', conclusion: 'success' });
    // Compared with the base branch's last result: the change is in the title.
    expect(inProgress.output.title).toBe('Gate passed: accuracy 0.95 ▲2.2%');
    expect(parseEmbeddedResult(inProgress.output.text)).toMatchObject({
      status: 'Completed',
      jobName: JOB,
      sha: SHA,
      metrics: { accuracy: 0.95 },
    });

    // Neither the key nor the token reach the log.
    const keyLine = app.privateKey.split('\n')[1] ?? '';
    expect(keyLine.length).toBeGreaterThan(16);
    expect(h.out.text).not.toContain(keyLine);
    expect(h.out.text).not.toContain(app.token);
    expect(h.out.text).toContain(`Check run "${CHECK}" completed: success`);
  });

  it('a gate the model misses concludes failure (the job still completed: exit 0)', async () => {
    const h = harness({ states: [training, completed(60)] });
    const e = detached();
    e.request.metrics = [{ name: 'accuracy', regex: 'accuracy=([0-9.]+)', goal: 'maximize', threshold: 0.99 }];
    const code = await h.run(inline(e), { secrets });
    expect(code).toBe(RunnerExit.Completed);
    expect(inProgress).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(inProgress.output.title).toMatch(/accuracy 0\.95/);
  });

  it('a stopped job (SIGTERM) concludes cancelled after StopTrainingJob and result.json', async () => {
    const h = harness({ states: [training] });
    smMock.on(StopTrainingJobCommand).callsFake(() => {
      h.order.push('StopTrainingJob');
      return {};
    });
    h.clock.onSleep = () => {
      if (h.signals.listenerCount('SIGTERM') === 0) return;
      h.signals.emit('SIGTERM', 'SIGTERM');
      h.clock.onSleep = undefined;
    };
    const code = await h.run(inline(detached()), { secrets });
    expect(code).toBe(RunnerExit.JobStopped);
    expect(h.order).toEqual(['StopTrainingJob', 'PutObject']);
    expect(inProgress).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
  });

  it('a secret it cannot read: the failure is logged, result.json is still written, the exit code is the job’s', async () => {
    secretsMock.reset();
    secretsMock.on(GetSecretValueCommand).rejects(awsError('AccessDeniedException', 400, 'not authorized'));
    const h = harness({ states: [training, completed(60)] });
    const code = await h.run(inline(detached()), { secrets });
    expect(code).toBe(RunnerExit.Completed);
    expect(writtenResult(h).status).toBe('Completed');
    expect(h.out.text).toMatch(
      /error: Could not complete check run \d+ on octo\/repo: no GitHub token \(not authorized\)/,
    );
    expect(inProgress.status).toBe('in_progress');
  });

  it('an App other than the one that created the check run: refused before the job is launched', async () => {
    const byWorkflowToken = github.addCheckRun({ head_sha: SHA, name: CHECK, status: 'in_progress', conclusion: null });
    const h = harness({ states: [completed(0)] });
    const code = await h.run(inline(detached({ checkRunId: byWorkflowToken.id, checkRunAppId: 15368 })), { secrets });
    expect(code).toBe(RunnerExit.BadRequest);
    expect(h.out.text).toContain(
      `check run ${byWorkflowToken.id} was created by GitHub App 15368, but ${SECRET} holds App 424242: only the App that created a check run may complete it`,
    );
    expect(h.out.text).toContain('Nothing was launched.');
    expect(github.requests).toEqual([]);
  });

  it('an envelope without the creating App (an older action): GitHub refuses the completion, and the log says why', async () => {
    const byWorkflowToken = github.addCheckRun({ head_sha: SHA, name: CHECK, status: 'in_progress', conclusion: null });
    const h = harness({ states: [completed(0)] });
    const code = await h.run(inline(detached({ checkRunId: byWorkflowToken.id, checkRunAppId: undefined })), {
      secrets,
    });
    expect(code).toBe(RunnerExit.Completed);
    expect(h.out.text).toContain(
      'Invalid app_id `15368` - check run can only be modified by the GitHub App that created it',
    );
    expect(h.out.text).toContain('another GitHub App created it');
    expect(byWorkflowToken.status).toBe('in_progress');
  });

  it('an App not installed on the repository says so', async () => {
    const h = harness({ states: [completed(0)] });
    const code = await h.run(inline(detached({ repo: 'other' })), { secrets });
    expect(code).toBe(RunnerExit.Completed);
    expect(h.out.text).toMatch(/The GitHub App 424242 is not installed on octo\/other: install it on the repository/);
    expect(inProgress.status).toBe('in_progress');
  });
});

describe('the App secret', () => {
  it('accepts a numeric id and a key with escaped newlines, and masks the key', () => {
    const masked: string[] = [];
    const key = '-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEAabcdefghijklmnop\\n-----END RSA PRIVATE KEY-----\\n';
    const logger = Object.assign(new MemoryLogger(), { mask: (s: string) => void masked.push(s) });
    const creds = parseAppSecret('s', JSON.stringify({ appId: 123, privateKey: key }), logger);
    expect(creds.appId).toBe('123');
    expect(creds.privateKey.split('\n')[1]).toBe('MIIEowIBAAKCAQEAabcdefghijklmnop');
    expect(masked).toContain('MIIEowIBAAKCAQEAabcdefghijklmnop');
  });

  it.each([
    ['not JSON', 'appId=1', /is not JSON/],
    ['no key', JSON.stringify({ appId: '1' }), /must hold \{"appId"/],
    ['a name for an id', JSON.stringify({ appId: 'my-app', privateKey: '-----BEGIN x' }), /numeric id/],
  ])('rejects %s with the shape it needs', (_name, text, message) => {
    expect(() => parseAppSecret('github-app', text, new MemoryLogger())).toThrow(message);
  });

  it('takes the region from a secret ARN', () => {
    expect(secretRegion(SECRET)).toBe('eu-west-1');
    expect(secretRegion('github-app')).toBeUndefined();
  });
});
