import { describe, expect, it } from 'vitest';
import { createMetricParser, parseMetricValue } from '../../src/metrics/index.js';
import type { MetricSpec } from '../../src/request.js';

const spec = (name: string, regex: string): MetricSpec => ({ name, regex });

describe('parseMetricValue', () => {
  it.each([
    ['0.9', 0.9],
    [' 0.9 ', 0.9],
    ['-1.5', -1.5],
    ['+2', 2],
    ['.5', 0.5],
    ['5.', 5],
    ['1e-3', 0.001],
    ['2.5E+2', 250],
    ['1_000.5', 1000.5],
    ['0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseMetricValue(text)).toBe(value);
  });

  it.each([
    [''],
    ['  '],
    ['nan'],
    ['NaN'],
    ['inf'],
    ['-Infinity'],
    ['0x10'],
    ['0b1'],
    ['1.2.3'],
    ['abc'],
    ['1e999'],
    ['e5'],
  ])('rejects %j', (text) => {
    expect(parseMetricValue(text)).toBeUndefined();
  });

  it('rejects a missing capture', () => {
    expect(parseMetricValue(undefined)).toBeUndefined();
  });
});

describe('createMetricParser', () => {
  const cases: {
    name: string;
    specs: MetricSpec[];
    lines: string[];
    finals: Record<string, number>;
    values?: Record<string, number[]>;
  }[] = [
    {
      name: 'one metric per line',
      specs: [spec('accuracy', 'accuracy=([0-9.]+)')],
      lines: ['epoch 1 accuracy=0.5', 'epoch 2 accuracy=0.75'],
      finals: { accuracy: 0.75 },
      values: { accuracy: [0.5, 0.75] },
    },
    {
      name: 'several metrics in one line',
      specs: [spec('accuracy', 'accuracy=([0-9.]+)'), spec('loss', 'loss=([0-9.]+)')],
      lines: ['accuracy=0.9 loss=0.1'],
      finals: { accuracy: 0.9, loss: 0.1 },
    },
    {
      name: 'every match of a regex in a line counts (global), the last one is final',
      specs: [spec('loss', 'loss: ([0-9.]+)')],
      lines: ['batch loss: 0.4, loss: 0.3, loss: 0.2'],
      finals: { loss: 0.2 },
      values: { loss: [0.4, 0.3, 0.2] },
    },
    {
      name: 'values that are not finite numbers are ignored, the rest of the line still counts',
      specs: [spec('loss', 'loss=(\\S+)')],
      lines: ['loss=nan loss=0.7', 'loss=inf', 'loss=', 'loss=1e999'],
      finals: { loss: 0.7 },
      values: { loss: [0.7] },
    },
    {
      name: 'metrics never seen are absent',
      specs: [spec('accuracy', 'accuracy=([0-9.]+)'), spec('f1', 'f1=([0-9.]+)')],
      lines: ['accuracy=1'],
      finals: { accuracy: 1 },
    },
    {
      name: 'a regex without a capture group yields nothing',
      specs: [spec('accuracy', 'accuracy=[0-9.]+')],
      lines: ['accuracy=1'],
      finals: {},
    },
    {
      name: 'the first capture group is the value, later groups are ignored',
      specs: [spec('val', '(\\d+\\.\\d+) \\((\\d+)\\)')],
      lines: ['val 0.25 (3)'],
      finals: { val: 0.25 },
    },
    {
      name: 'SageMaker-style regexes with anchors and escapes',
      specs: [spec('train:loss', '^#quality_metric: host=\\S+, train loss <loss>=(\\S+)$')],
      lines: ['#quality_metric: host=algo-1, train loss <loss>=0.0625'],
      finals: { 'train:loss': 0.0625 },
    },
    {
      name: 'a carriage return at the end of a line does not break $ anchors',
      specs: [spec('loss', 'loss=([0-9.]+)$')],
      lines: ['loss=0.5\r'],
      finals: { loss: 0.5 },
    },
    {
      name: 'scientific notation and signs',
      specs: [spec('delta', 'delta=([-+0-9.eE]+)')],
      lines: ['delta=-1.5e-2'],
      finals: { delta: -0.015 },
    },
    {
      name: 'two metrics may share a regex source',
      specs: [spec('a', 'v=([0-9]+)'), spec('b', 'v=([0-9]+)')],
      lines: ['v=3'],
      finals: { a: 3, b: 3 },
    },
    { name: 'no metrics configured', specs: [], lines: ['accuracy=1'], finals: {} },
  ];

  it.each(cases)('$name', ({ specs, lines, finals, values }) => {
    const parser = createMetricParser(specs, () => 1000);
    for (const line of lines) parser.feed(line);
    expect(parser.finals()).toEqual(finals);
    if (values) {
      const series = parser.series();
      for (const [name, expected] of Object.entries(values)) {
        expect(series[name]?.map((p) => p.value)).toEqual(expected);
      }
    }
    expect(Object.keys(parser.series()).sort()).toEqual(Object.keys(finals).sort());
  });

  it('stamps each point with the clock at the time its line was fed', () => {
    let clock = 100;
    const parser = createMetricParser([spec('loss', 'loss=([0-9.]+)')], () => clock);
    parser.feed('loss=0.3');
    clock = 250;
    parser.feed('loss=0.2 loss=0.1');
    expect(parser.series()).toEqual({
      loss: [
        { timestamp: 100, value: 0.3 },
        { timestamp: 250, value: 0.2 },
        { timestamp: 250, value: 0.1 },
      ],
    });
  });

  it('returns copies, so callers cannot change what it saw', () => {
    const parser = createMetricParser([spec('loss', 'loss=([0-9.]+)')], () => 1);
    parser.feed('loss=1');
    parser.series().loss?.push({ timestamp: 2, value: 2 });
    expect(parser.series().loss).toHaveLength(1);
  });

  it('keeps working across many lines with a global regex (no lastIndex leaks)', () => {
    const parser = createMetricParser([spec('step', 'step=(\\d+)')], () => 1);
    for (let i = 0; i < 100; i++) parser.feed(`step=${i}`);
    expect(parser.finals()).toEqual({ step: 99 });
    expect(parser.series().step).toHaveLength(100);
  });

  it('names the metric when its regex does not compile', () => {
    expect(() => createMetricParser([spec('bad', '(unclosed')])).toThrow(/metric "bad": invalid regular expression/);
  });

  it.each([
    ['epoch=100 loss=0.41 accuracy=0.95', 100],
    ['Epoch 7/10 - loss=0.41', 7],
    ['epoch: 12 loss=0.41', 12],
    ['final loss=0.41 accuracy=0.95 (0.21 s)', undefined],
    ['epochs=1000 loss=0.41', undefined],
  ])('gives a point the epoch its line names: %j', (line, epoch) => {
    const parser = createMetricParser([spec('loss', 'loss=([0-9.]+)')], () => 1);
    parser.feed(line);
    expect(parser.series().loss).toEqual([{ timestamp: 1, value: 0.41, ...(epoch === undefined ? {} : { epoch }) }]);
  });
});
