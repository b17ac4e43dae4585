// The example hyperparameter matrix: one check run per leg (a name with the leg's value), legs that do not cancel each
// other, only inputs the action declares, and distinct training job names for legs of one run.
import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { loadRequest } from '../../src/config/load.js';
import { overridesFromInputs } from '../../src/config/overrides.js';
import { generateJobName, requestFingerprint } from '../../src/naming.js';
import { readRunIdentity } from '../../src/run-identity.js';

interface Step {
  uses?: string;
  with?: Record<string, string>;
}
interface Workflow {
  permissions: Record<string, string>;
  concurrency: { 'cancel-in-progress': boolean };
  jobs: Record<string, { strategy: { 'fail-fast': boolean; matrix: Record<string, string[]> }; steps: Step[] }>;
}

const read = async (path: string): Promise<string> => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
const workflow = parse(await read('examples/workflows/train-matrix.yml')) as Workflow;
const action = parse(await read('action.yml')) as { inputs: Record<string, unknown> };
const job = workflow.jobs.train;
const step = job?.steps.find((s) => s.uses === './');

/** `${{ matrix.eta }}` → the leg's value, as Actions expands it. */
const expand = (text: string, leg: Record<string, string>): string =>
  text.replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, key: string) => leg[key] ?? '');

describe('examples/workflows/train-matrix.yml', () => {
  it('runs every leg to its own verdict under its own check name, with only declared inputs', () => {
    expect(job?.strategy['fail-fast']).toBe(false);
    expect(job?.strategy.matrix.eta?.length).toBeGreaterThan(1);
    expect(step?.with?.['check-name']).toContain('${{ matrix.eta }}');
    for (const name of Object.keys(step?.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
    expect(workflow.permissions).toEqual({ contents: 'read', checks: 'write', 'id-token': 'write' });
    expect(workflow.concurrency['cancel-in-progress']).toBe(true);
  });

  it('gives the legs of one run different job names, each stable for its own leg', async () => {
    const actions = { GITHUB_RUN_ID: '9001', GITHUB_RUN_ATTEMPT: '1', GITHUB_REPOSITORY: 'o/r', GITHUB_JOB: 'train' };
    const names = await Promise.all(
      (job?.strategy.matrix.eta ?? []).map(async (eta) => {
        const leg = { eta, epochs: job?.strategy.matrix.epochs?.[0] ?? '' };
        const hyperparameters = expand(step?.with?.hyperparameters ?? '', leg);
        const request = await loadRequest({
          workspace: new URL('../../', import.meta.url).pathname,
          configFile: 'examples/iris/sagemaker-training.yml',
          overrides: overridesFromInputs((name) => (name === 'hyperparameters' ? hyperparameters : '')),
          env: {},
        });
        expect(request.hyperparameters.eta).toBe(eta);
        const name = (): string =>
          generateJobName({
            prefix: request.job.namePrefix,
            identity: readRunIdentity(actions),
            now: new Date(),
            random: Math.random,
            fingerprint: () => requestFingerprint(request),
          });
        expect(name()).toBe(name());
        return name();
      }),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});
