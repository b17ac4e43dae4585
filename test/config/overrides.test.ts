import { describe, expect, it } from 'vitest';
import { OVERRIDES, overridesFromFlags, overridesFromInputs, parseScalarText } from '../../src/config/overrides.js';

describe('OVERRIDES', () => {
  it('lists the overridable settings in order', () => {
    expect(OVERRIDES.map((o) => [o.name, o.path.join('.'), o.kind])).toEqual([
      ['mode', 'mode', 'scalar'],
      ['region', 'region', 'scalar'],
      ['image-uri', 'image.uri', 'scalar'],
      ['build-args', 'image.build-args', 'mapping'],
      ['force-build', 'image.force-build', 'scalar'],
      ['registry-username', 'image.registry-username', 'scalar'],
      ['instance-type', 'job.instance-type', 'scalar'],
      ['instance-count', 'job.instance-count', 'scalar'],
      ['max-runtime', 'job.max-runtime', 'scalar'],
      ['job-name', 'job.name', 'scalar'],
      ['name-prefix', 'job.name-prefix', 'scalar'],
      ['role-arn', 'job.role-arn', 'scalar'],
      ['capacity-retries', 'job.capacity-retries', 'scalar'],
      ['price-per-hour', 'job.price-per-hour', 'scalar'],
      ['output', 'output', 'scalar'],
      ['hyperparameters', 'hyperparameters', 'mapping'],
      ['local-gpu', 'local.gpu', 'scalar'],
      ['wait', 'wait', 'scalar'],
      ['reuse', 'reuse', 'scalar'],
    ]);
    for (const o of OVERRIDES) expect(o.description.length).toBeGreaterThan(0);
  });
});

describe('parseScalarText', () => {
  it.each([
    ['2', 2],
    ['true', true],
    ['2h', '2h'],
    ['0.10', 0.1],
    ['"quoted"', 'quoted'],
    ['s3://b/p', 's3://b/p'],
    ['arn:aws:iam::123456789012:role/X', 'arn:aws:iam::123456789012:role/X'],
    ['repo@sha256:abc', 'repo@sha256:abc'],
    ['*not-an-alias', '*not-an-alias'],
    ['[1', '[1'],
    ['a: b', 'a: b'],
    ['  padded  ', 'padded'],
    ['null', null],
  ])('%j → %j', (raw, value) => {
    expect(parseScalarText(raw).value).toEqual(value);
    expect(parseScalarText(raw).text).toBe(raw.trim());
  });
});

describe('overridesFromInputs', () => {
  it('skips empty inputs and labels each value with its input', () => {
    const inputs: Record<string, string> = {
      mode: 'sagemaker',
      'instance-count': '2',
      'max-runtime': '',
      hyperparameters: 'epochs: 3\neta: 0.10\nflag: true',
      'build-args': '{ BASE: "python:3.12" }',
    };
    expect(overridesFromInputs((name) => inputs[name] ?? '')).toEqual([
      { path: ['mode'], value: 'sagemaker', text: 'sagemaker', source: 'input "mode"' },
      { path: ['image', 'build-args'], value: { BASE: 'python:3.12' }, source: 'input "build-args"' },
      { path: ['job', 'instance-count'], value: 2, text: '2', source: 'input "instance-count"' },
      { path: ['hyperparameters'], value: { epochs: '3', eta: '0.10', flag: true }, source: 'input "hyperparameters"' },
    ]);
  });

  it.each([
    ['[1,2', /must be a YAML mapping.*YAML error/],
    ['[1, 2]', /must be a YAML mapping.*got "\[1, 2\]"/],
    ['just text', /must be a YAML mapping/],
    ['a: 1\na: 2', /YAML error: Map keys must be unique/],
  ])('reports a malformed mapping %j as a problem of the input', (raw, problem) => {
    const [override] = overridesFromInputs((name) => (name === 'hyperparameters' ? raw : ''));
    expect(override).toMatchObject({ source: 'input "hyperparameters"', path: ['hyperparameters'] });
    expect(override?.problem).toMatch(problem);
  });
});

describe('overridesFromFlags', () => {
  it('reads named flags, --set, --hyperparameter and --build-arg', () => {
    expect(
      overridesFromFlags({
        values: { 'instance-type': 'ml.g5.xlarge', output: undefined, region: '' },
        sets: ['job.max-runtime=2h', 'job.environment.MODE=a=b'],
        hyperparameters: ['eta=0.10', 'name='],
        buildArgs: ['BASE=python:3.12'],
      }),
    ).toEqual([
      { path: ['job', 'instance-type'], value: 'ml.g5.xlarge', text: 'ml.g5.xlarge', source: 'flag --instance-type' },
      { path: ['job', 'max-runtime'], value: '2h', text: '2h', source: 'flag --set job.max-runtime' },
      { path: ['job', 'environment', 'MODE'], value: 'a=b', text: 'a=b', source: 'flag --set job.environment.MODE' },
      { path: ['hyperparameters', 'eta'], value: 0.1, text: '0.10', source: 'flag --hyperparameter eta' },
      { path: ['hyperparameters', 'name'], value: '', text: '', source: 'flag --hyperparameter name' },
      {
        path: ['image', 'build-args', 'BASE'],
        value: 'python:3.12',
        text: 'python:3.12',
        source: 'flag --build-arg BASE',
      },
    ]);
  });

  it.each([
    [{ values: {}, sets: ['job.max-runtime'] }, 'flag --set job.max-runtime', /--set <path>=<value>/],
    [{ values: {}, sets: ['job..x=1'] }, 'flag --set job..x', /dotted path/],
    [{ values: {}, sets: ['=1'] }, 'flag --set', /dotted path/],
    [{ values: {}, hyperparameters: ['eta'] }, 'flag --hyperparameter', /name=value/],
    [{ values: {}, buildArgs: ['BASE'] }, 'flag --build-arg', /KEY=VALUE/],
    [{ values: { 'instance-typ': 'x' } }, 'flag --instance-typ', /not a setting that can be overridden/],
  ])('reports malformed flags as problems: %j', (flags, source, problem) => {
    const [override] = overridesFromFlags(flags);
    expect(override?.source).toBe(source);
    expect(override?.problem).toMatch(problem);
  });
});
