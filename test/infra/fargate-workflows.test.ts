// The example fargate workflows: triggers, the permissions OIDC needs and no more, and only inputs the action declares.
import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, { branches?: string[] } | null>;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { if?: string; steps: Step[] }>;
}

const read = async (path: string): Promise<string> => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
const action = parse(await read('action.yml')) as { inputs: Record<string, unknown> };
const attached = parse(await read('examples/workflows/train-fargate.yml')) as Workflow;
const detached = parse(await read('examples/workflows/train-fargate-detached.yml')) as Workflow;

/** The step that runs the action (`uses: ./`). */
const actionStep = (workflow: Workflow): Step => {
  const step = Object.values(workflow.jobs)
    .flatMap((j) => j.steps)
    .find((s) => s.uses === './');
  if (!step) throw new Error('no step uses the action (./)');
  return step;
};

describe.each([
  ['train-fargate.yml', attached],
  ['train-fargate-detached.yml', detached],
])('examples/workflows/%s', (_name, workflow) => {
  it('runs the action in fargate mode with the role from a repository variable and the stable check name', () => {
    const step = actionStep(workflow);
    expect(step.with?.mode).toBe('fargate');
    expect(step.with?.['role-to-assume']).toBe('${{ vars.SAGEMAKER_TRAINING_ROLE_ARN }}');
    expect(step.with?.['check-name']).toBe('sagemaker-training');
  });

  it('passes only inputs the action declares', () => {
    const declared = Object.keys(action.inputs);
    for (const name of Object.keys(actionStep(workflow).with ?? {})) expect(declared).toContain(name);
  });

  it('asks for the OIDC token and read access (and check runs unless an App creates them), nothing broader', () => {
    expect(workflow.permissions).toMatchObject({ contents: 'read', 'id-token': 'write' });
    for (const [scope, level] of Object.entries(workflow.permissions)) {
      expect(['contents:read', 'checks:write', 'id-token:write', 'pull-requests:write']).toContain(`${scope}:${level}`);
    }
  });
});

describe('examples/workflows/train-fargate.yml', () => {
  it('runs on every pull request into master (no job-level skip), the merge queue, push to master and dispatch', () => {
    expect(attached.on.push?.branches).toEqual(['master']);
    expect(attached.on.pull_request?.branches).toEqual(['master']);
    expect(Object.keys(attached.on)).toEqual(expect.arrayContaining(['merge_group', 'workflow_dispatch']));
    expect(attached.jobs.train?.if).toBeUndefined();
  });

  it('may comment on the pull request, and cancels a superseded run', () => {
    expect(attached.permissions['pull-requests']).toBe('write');
    expect(actionStep(attached).with?.comment).toBe(true);
    expect(attached.concurrency?.['cancel-in-progress']).toBe(true);
    expect(attached.concurrency?.group).toContain('github.event.pull_request.number || github.ref');
  });
});

describe('examples/workflows/train-fargate-detached.yml', () => {
  it('returns once the runner runs (wait: false) and never cancels it with a newer run', () => {
    expect(actionStep(detached).with?.wait).toBe(false);
    expect(detached.concurrency).toBeUndefined();
    expect(detached.permissions['pull-requests']).toBeUndefined();
  });

  it('creates the check run with the App’s token (the runner, the same App, completes it), not the workflow’s', () => {
    const steps = Object.values(detached.jobs).flatMap((j) => j.steps) as (Step & { id?: string })[];
    const app = steps.find((s) => s.uses?.startsWith('actions/create-github-app-token@'));
    expect(app?.with).toMatchObject({ 'permission-checks': 'write', 'permission-contents': 'read' });
    expect(actionStep(detached).with?.['github-token']).toBe(`\${{ steps.${String(app?.id)}.outputs.token }}`);
    expect(detached.permissions.checks).toBeUndefined();
  });
});
