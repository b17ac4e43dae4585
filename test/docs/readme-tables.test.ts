// The README's inputs and outputs tables are what a user reads instead of action.yml: they must list exactly what
// action.yml declares, with its defaults.
import { readFileSync } from 'node:fs';
import { lexer, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
}

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml;
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows of the first table under the heading `title`, as the plain text of each cell. */
function tableUnder(markdown: string, title: string): string[][] {
  const tokens = lexer(markdown);
  const at = tokens.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).text === title);
  const table = tokens.slice(at + 1).find((t) => t.type === 'table' || t.type === 'heading');
  if (at < 0 || table?.type !== 'table') throw new Error(`no table under the heading "${title}"`);
  return (table as Tokens.Table).rows.map((row) => row.map((cell) => cell.text));
}

const names = (rows: string[][]): string[] => rows.map((row) => (row[0] ?? '').replace(/`/g, ''));

describe('the README', () => {
  it('lists every input of action.yml once, and no other', () => {
    const rows = tableUnder(readme, 'Inputs');
    expect(names(rows).sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it("gives each input action.yml's default", () => {
    const defaults = new Map(tableUnder(readme, 'Inputs').map((row) => [(row[0] ?? '').replace(/`/g, ''), row[1]]));
    for (const [name, input] of Object.entries(action.inputs)) {
      if (input.default !== undefined) expect(defaults.get(name), name).toContain(input.default);
    }
  });

  it('lists every output of action.yml once, and no other', () => {
    expect(names(tableUnder(readme, 'Outputs')).sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('finds no table under a heading that has none', () => {
    expect(() => tableUnder('## Inputs\n\ntext\n\n## Outputs\n\n| a |\n|---|\n| b |\n', 'Inputs')).toThrow(/no table/);
  });
});
