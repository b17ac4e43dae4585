import { describe, expect, it } from 'vitest';
import {
  alignColumns,
  clip,
  clipBytes,
  codeBlock,
  escapeInline,
  formatDuration,
  formatNumber,
  inlineCode,
} from '../../src/report/format.js';

describe('formatNumber', () => {
  it.each([
    [1, '1'],
    [0.9, '0.9'],
    [0.30000000000000004, '0.3'],
    [123.456789, '123.457'],
    [1e-8, '1e-8'],
    [-2.5, '-2.5'],
  ])('%d → %s', (value, text) => expect(formatNumber(value)).toBe(text));
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [4.23, '4.2s'],
    [59.9, '59.9s'],
    [65, '1m 05s'],
    [3723, '1h 02m 03s'],
    [-1, 'unknown'],
    [Number.NaN, 'unknown'],
  ])('%d → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('markdown escaping', () => {
  it('keeps table cells on one line and their pipes literal', () => {
    expect(escapeInline('a|b\nc <d> & e')).toBe('a\\|b c &lt;d&gt; &amp; e');
  });

  it.each([
    ['plain', '`plain`'],
    ['has `tick` here', '``has `tick` here``'],
    ['`edge`', '`` `edge` ``'],
    ['a|b', '`a\\|b`'],
  ])('inlineCode(%j)', (text, md) => expect(inlineCode(text)).toBe(md));

  it('fences code with more backticks than the text holds', () => {
    expect(codeBlock('x\n````\ny')).toBe('`````text\nx\n````\ny\n`````');
    expect(codeBlock('x')).toBe('```text\nx\n```');
  });
});

describe('clipping', () => {
  it('clips characters with an ellipsis', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
  });

  it('clips bytes on character boundaries', () => {
    expect(clipBytes('héllo', 2)).toBe('h');
    expect(clipBytes('héllo', 3)).toBe('hé');
    expect(clipBytes('✅✅', 4)).toBe('✅');
    expect(clipBytes('abc', 10)).toBe('abc');
  });
});

describe('alignColumns', () => {
  it('pads every column but the last', () => {
    expect(
      alignColumns([
        ['Status', 'Completed'],
        ['Job name', 'x'],
      ]),
    ).toBe('Status    Completed\nJob name  x');
  });
});
