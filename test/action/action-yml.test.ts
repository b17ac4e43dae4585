import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { Input } from '../../src/action/inputs.js';
import { OVERRIDES } from '../../src/config/overrides.js';
import { GateOutput } from '../../src/report/gate-outputs.js';
import { ServingOutput } from '../../src/report/serving.js';
import { actionOutputs } from '../../src/report/outputs.js';
import { makeResult } from '../report/fixtures.js';

interface ActionYml {
  name: string;
  description: string;
  author: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string; post: string };
}

const action = parse(await readFile(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('declares an input for every override, and the action-only inputs', () => {
    const inputs = Object.keys(action.inputs);
    for (const o of OVERRIDES) expect(inputs, `input ${o.name}`).toContain(o.name);
    for (const name of Object.values(Input)) expect(inputs, `input ${name}`).toContain(name);
  });

  it('declares no input the action does not read', () => {
    const known = new Set<string>([...OVERRIDES.map((o) => o.name), ...Object.values(Input)]);
    expect(Object.keys(action.inputs).filter((name) => !known.has(name))).toEqual([]);
  });

  it('declares every output the action sets, and no other', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        ...Object.keys(actionOutputs(makeResult())),
        ...Object.values(GateOutput),
        ...Object.values(ServingOutput),
      ].sort(),
    );
  });

  it('describes every input and output', () => {
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toBeTruthy();
    for (const [name, output] of Object.entries(action.outputs)) expect(output.description, name).toBeTruthy();
  });

  it('runs the bundled main and post steps on node24, with branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/main.js', post: 'dist/post.js' });
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
    expect(action.name && action.description && action.author).toBeTruthy();
  });

  it('defaults config to the default file and github-token to the workflow token', () => {
    expect(action.inputs.config?.default).toBe('.github/sagemaker-training.yml');
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
  });

  it('defaults the gate inputs to what the code defaults them to', () => {
    expect(action.inputs['check-name']?.default).toBe('sagemaker-training');
    expect(action.inputs.comment?.default).toBe('false');
    expect(action.inputs['baseline-depth']?.default).toBe('20');
  });
});
