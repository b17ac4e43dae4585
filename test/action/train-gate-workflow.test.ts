// The example merge-gate workflow: the triggers, least privilege, cancellation of superseded runs, and only inputs
// the action declares.
import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Workflow {
  on: Record<string, { branches?: string[]; inputs?: Record<string, unknown> } | null>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
}

const read = async (path: string): Promise<string> => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
const workflow = parse(await read('examples/workflows/train-gate.yml')) as Workflow;
const action = parse(await read('action.yml')) as { inputs: Record<string, unknown> };

describe('examples/workflows/train-gate.yml', () => {
  it('runs on pull requests to master, the merge queue, push to master, and dispatch with mode, instance type and hyperparameters', () => {
    expect(workflow.on.push?.branches).toEqual(['master']);
    expect(Object.keys(workflow.on)).toContain('merge_group');
    expect(workflow.on.pull_request?.branches).toEqual(['master']);
    expect(Object.keys(workflow.on.workflow_dispatch?.inputs ?? {})).toEqual([
      'mode',
      'instance-type',
      'hyperparameters',
    ]);
  });

  it('asks for the least: read the code, write checks (and PR comments); id-token only commented', async () => {
    expect(workflow.permissions).toEqual({ contents: 'read', checks: 'write', 'pull-requests': 'write' });
    expect(await read('examples/workflows/train-gate.yml')).toContain('# id-token: write');
  });

  it('cancels a superseded run', () => {
    expect(workflow.concurrency['cancel-in-progress']).toBe(true);
    expect(workflow.concurrency.group).toContain('github.event.pull_request.number || github.ref');
  });

  it('passes only inputs the action declares, with the stable check name', () => {
    const step = Object.values(workflow.jobs)
      .flatMap((j) => j.steps)
      .find((s) => s.uses === './');
    expect(step?.with?.['check-name']).toBe('sagemaker-training');
    for (const name of Object.keys(step?.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
  });
});
