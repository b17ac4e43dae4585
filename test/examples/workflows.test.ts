// Every example workflow, loaded as GitHub would read it, against the properties that keep a required check honest:
// a workflow that gates pull requests also runs in the merge queue; no job that runs the action is skipped by a
// job-level `if:` (a skipped job never posts its check, and a required check then blocks every pull request); a
// develop → master pull request is trained once (no push trigger on a branch pull requests come from); master keeps a
// result of its own after every merge method; the action gets only inputs it declares; and the fork pattern's two
// halves fit together (the artifact's name and file, the workflow name, the check name, a checkout of the base only).
import { readdir, readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}
interface Job {
  if?: string;
  steps: Step[];
}
type Trigger = { branches?: string[]; workflows?: string[]; types?: string[] } | null;
interface Workflow {
  name: string;
  on: Record<string, Trigger>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const DIR = new URL('../../examples/workflows/', import.meta.url);
const files = (await readdir(DIR)).filter((f) => /\.ya?ml$/.test(f)).sort();
const workflows = await Promise.all(
  files.map(async (file) => [file, parse(await readFile(new URL(file, DIR), 'utf8')) as Workflow] as const),
);
const action = parse(await readFile(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, unknown>;
};

const actionSteps = (w: Workflow): Step[] =>
  Object.values(w.jobs).flatMap((j) => j.steps.filter((s) => s.uses === './'));
const actionJobs = (w: Workflow): Job[] => Object.values(w.jobs).filter((j) => j.steps.some((s) => s.uses === './'));
/** Trains (rather than posts a saved result) and reports pull requests: a merge gate. */
const gates = (w: Workflow): boolean =>
  'pull_request' in w.on && actionSteps(w).some((s) => s.with?.['publish-result'] === undefined);
const byName = (name: string): Workflow | undefined => workflows.find(([, w]) => w.name === name)?.[1];

describe('examples/workflows/', () => {
  it('holds the workflows the docs name', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'local-pr.yml',
        'publish-fork-result.yml',
        'train-gate.yml',
        'train-fargate.yml',
        'train-fargate-detached.yml',
        'train-matrix.yml',
      ]),
    );
  });
});

describe.each(workflows)('examples/workflows/%s', (_file, w) => {
  it('runs the action with only the inputs it declares', () => {
    expect(actionSteps(w).length).toBeGreaterThan(0);
    for (const step of actionSteps(w))
      for (const name of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
  });

  it('never skips the job that runs the action with a job-level if: (its check would be missing)', () => {
    for (const job of actionJobs(w)) expect(job.if).toBeUndefined();
    for (const step of actionSteps(w)) expect(step.if).toBeUndefined();
  });

  it.runIf(gates(w))('gates: runs in the merge queue too', () => {
    expect(Object.keys(w.on)).toContain('merge_group');
  });

  it.runIf(gates(w))('gates: trains a pull request’s commit once (no push on a branch pull requests come from)', () => {
    const bases = w.on.pull_request?.branches ?? [];
    expect(bases.length).toBeGreaterThan(0);
    for (const branch of w.on.push?.branches ?? []) expect(bases).toContain(branch);
  });

  it.runIf(gates(w))('gates: the base branch gets a result of its own after every merge method (push)', () => {
    expect(w.on.push?.branches).toEqual(w.on.pull_request?.branches);
  });
});

describe('the fork pattern (local-pr.yml → publish-fork-result.yml)', () => {
  const train = byName('train-local');
  const publish = byName('publish-fork-result');
  const trainStep = train && actionSteps(train)[0];
  const publishStep = publish && actionSteps(publish)[0];
  const upload =
    train && Object.values(train.jobs)[0]?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
  const download =
    publish && Object.values(publish.jobs)[0]?.steps.find((s) => s.uses?.startsWith('actions/download-artifact'));

  it('the training run saves its result and uploads that file, even when the step failed', () => {
    expect(trainStep?.with?.['save-result']).toBe('sagemaker-result/result.json');
    expect(upload?.with?.path).toBe(trainStep?.with?.['save-result']);
    expect(upload?.if).toContain('always()');
  });

  it('the posting workflow runs when that workflow completes, and downloads that run’s artifact', () => {
    expect(publish?.on.workflow_run).toEqual({ workflows: [train?.name], types: ['completed'] });
    expect(download?.with).toMatchObject({
      name: upload?.with?.name,
      'run-id': '${{ github.event.workflow_run.id }}',
    });
    expect(publishStep?.with?.['publish-result']).toBe(`${String(download?.with?.path)}/result.json`);
    // A run that saved nothing still gets a (failed) check from the next step.
    expect(download?.['continue-on-error']).toBe(true);
  });

  it('posts the same check name as the training run, with the base’s configuration', () => {
    expect(publishStep?.with?.['check-name']).toBe(trainStep?.with?.['check-name']);
    expect(publishStep?.with?.config).toBe(trainStep?.with?.config);
  });

  it('checks out only the base (never the fork’s head) and asks for what it does and no more', () => {
    const checkouts = Object.values(publish?.jobs ?? {}).flatMap((j) =>
      j.steps.filter((s) => s.uses?.startsWith('actions/checkout')),
    );
    expect(checkouts.length).toBe(1);
    expect(checkouts[0]?.with).toBeUndefined();
    expect(publish?.permissions).toEqual({
      contents: 'read',
      actions: 'read',
      checks: 'write',
      'pull-requests': 'write',
    });
  });
});
