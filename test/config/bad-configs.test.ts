import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { loadRequest } from '../../src/config/load.js';
import { overridesFromInputs } from '../../src/config/overrides.js';
import { BAD_CONFIGS, makeWorkspace, writeConfig } from '../fixtures/bad-configs.js';

async function loadError(workspace: string, yaml: string, inputs: Record<string, string> = {}): Promise<ConfigError> {
  await writeConfig(workspace, yaml);
  try {
    await loadRequest({ workspace, overrides: overridesFromInputs((name) => inputs[name] ?? ''), env: {} });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but the configuration loaded');
}

describe('bad configurations', () => {
  let workspace: string;
  beforeAll(async () => {
    workspace = await makeWorkspace();
  });
  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it('has at least 34 distinct cases', () => {
    expect(BAD_CONFIGS.length).toBeGreaterThanOrEqual(34);
    expect(new Set(BAD_CONFIGS.map((c) => c.name)).size).toBe(BAD_CONFIGS.length);
    expect(new Set(BAD_CONFIGS.map((c) => `${c.yaml}${JSON.stringify(c.inputs)}`)).size).toBe(BAD_CONFIGS.length);
  });

  it.each(BAD_CONFIGS.map((c) => [c.name, c] as const))('%s', async (_name, config) => {
    const error = await loadError(workspace, config.yaml, config.inputs);
    expect(error.message).toMatch(/^Invalid configuration \(\d+ problems?\):\n- /);
    for (const pattern of config.expect) expect(error.message).toMatch(pattern);
  });

  it('reports every problem of a file at once, each with its line', async () => {
    const yaml = [
      'mode: sagemaker', // 1
      'output: out', // 2
      'job:', // 3
      '  instance-count: 2x', // 4
      '  max-runtime: 2 hours', // 5
      '  volume-size-gb: 0', // 6
      'channels:', // 7
      '  training: data/missing', // 8
      'metrics:', // 9
      "  - { name: acc, regex: 'acc=[0-9]+' }", // 10
      'hyperparameter:', // 11
      '  epochs: 3', // 12
    ].join('\n');
    const error = await loadError(workspace, yaml);
    const wheres = error.issues.map((i) => i.where);
    expect(wheres).toEqual(
      expect.arrayContaining([
        'hyperparameter (line 11)',
        'job.role-arn',
        'job.instance-count (line 4)',
        'job.max-runtime (line 5)',
        'job.volume-size-gb (line 6)',
        'image.repository',
        'channels.training (line 8)',
        'output (line 2)',
        'metrics[0].regex (line 10)',
      ]),
    );
    expect(error.issues.length).toBe(9);
    expect(error.message.split('\n')[0]).toBe('Invalid configuration (9 problems):');
    expect(error.message.split('\n')).toHaveLength(10);
  });

  it('attributes a bad override to the input, not to the YAML path it replaces', async () => {
    const error = await loadError(workspace, 'job:\n  instance-count: 2\n  max-runtime: 1h\n', {
      'instance-count': 'many',
      hyperparameters: 'epochs: [3',
    });
    expect(error.issues).toHaveLength(2);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { where: 'input "instance-count"', message: 'must be a whole number from 1 to 100 (got "many")' },
        expect.objectContaining({ where: 'input "hyperparameters"' }),
      ]),
    );
    expect(error.message).not.toMatch(/job\.instance-count/);
  });

  it('attributes a bad key inside a mapping override to the input and the key', async () => {
    const error = await loadError(workspace, '', { hyperparameters: '{ eta: 0.1, nested: { a: 1 } }' });
    expect(error.issues).toEqual([
      {
        where: 'input "hyperparameters" (hyperparameters.nested)',
        message: expect.stringMatching(/single value/) as string,
      },
    ]);
  });

  it('names the file and line of a YAML syntax error, and reports override problems with it', async () => {
    const error = await loadError(workspace, 'mode: local\njob:\n  instance-type: "ml.m5.large\n', {
      'instance-count': '0',
      hyperparameters: '[1,2',
    });
    expect(error.issues[0]?.where).toMatch(/^\.github\/sagemaker-training\.yml \(line \d+\)$/);
    expect(error.issues.some((i) => i.where === 'input "hyperparameters"')).toBe(true);
  });

  it('uses the singular for one problem', async () => {
    const error = await loadError(workspace, 'mode: cloud\n');
    expect(error.message).toBe(
      'Invalid configuration (1 problem):\n- mode (line 1): must be one of local, sagemaker, fargate (got "cloud")',
    );
  });
});
