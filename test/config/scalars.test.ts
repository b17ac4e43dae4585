import { parseDocument, isMap, isScalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ScalarError, stringifyScalar } from '../../src/config/scalars.js';

/** Parses `v: <text>` and stringifies the value with its source text, as the loader does. */
function fromYaml(text: string): string {
  const doc = parseDocument(`v: ${text}`);
  if (!isMap(doc.contents)) throw new Error('not a map');
  const node = doc.contents.items[0]?.value;
  if (!isScalar(node)) throw new Error('not a scalar');
  return stringifyScalar(node.value, node.source);
}

describe('stringifyScalar from YAML', () => {
  it.each([
    ['1000', '1000'],
    ['0.05', '0.05'],
    ['1e-3', '1e-3'],
    ['1.0', '1.0'],
    ['2.50', '2.50'],
    ['.5', '.5'],
    ['-0.1', '-0.1'],
    ['1E6', '1E6'],
    ['-7', '-7'],
    ['+7', '7'],
    ['0x1F', '31'],
    ['0o17', '15'],
    ['12345678901234567890', '12345678901234567890'],
    ['true', 'true'],
    ['false', 'false'],
    ['adam', 'adam'],
    ['"0.050"', '0.050'],
    ["'true'", 'true'],
    ['""', ''],
    ['yes', 'yes'],
    ['1_000', '1_000'],
  ])('%s → %j', (text, expected) => {
    expect(fromYaml(text)).toBe(expected);
  });

  it.each([['~'], ['null'], [''], ['.inf'], ['-.inf'], ['.nan']])('rejects %j', (text) => {
    expect(() => fromYaml(text)).toThrow(ScalarError);
  });
});

describe('stringifyScalar without source text', () => {
  it.each([
    [3, '3'],
    [0.1, '0.1'],
    [1e21, '1e+21'],
    [true, 'true'],
    ['x', 'x'],
  ] as const)('%j → %j', (value, expected) => {
    expect(stringifyScalar(value)).toBe(expected);
  });

  it.each([
    [null, /not null/],
    [undefined, /not null/],
    [[1], /not a list/],
    [{ a: 1 }, /not a mapping/],
    [Number.NaN, /finite/],
  ])('rejects %j', (value, message) => {
    expect(() => stringifyScalar(value)).toThrow(message);
  });
});
