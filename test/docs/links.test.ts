import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

import { anchorsOf, brokenLinks, documentationFiles, linkTargets } from './markdown-links.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the documentation', () => {
  it.each(documentationFiles(root).map((file) => [file.slice(root.length), file]))(
    '%s has no broken relative link or anchor',
    (_name, file) => {
      expect(brokenLinks(file, root)).toEqual([]);
    },
  );
});

describe('the link checker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docs-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reports a missing file, a missing heading here and in another page, and nothing else', () => {
    mkdirSync(join(dir, 'docs'), { recursive: true });
    write('docs/page.md', '# A page\n\n## The `wait: false` case\n\n<a id="custom"></a>\n');
    const readme = write(
      'README.md',
      [
        '# Title',
        '',
        '## Same heading',
        '## Same heading',
        '',
        '[ok](docs/page.md) [ok](docs/page.md#the-wait-false-case) [ok](docs/page.md#custom) [ok](#same-heading-1)',
        '[ok](https://example.com/x.md#nope) [ok](docs)',
        '[gone](docs/missing.md)',
        '[gone](#nowhere)',
        '[gone](docs/page.md#no-such-heading)',
        '<img src="pictures/missing.png">',
        '',
        '```md',
        '[in code](not-checked.md)',
        '```',
      ].join('\n'),
    );
    expect(brokenLinks(readme, dir)).toEqual([
      { file: 'README.md', line: 8, href: 'docs/missing.md', why: 'no such file or folder: docs/missing.md' },
      { file: 'README.md', line: 9, href: '#nowhere', why: 'no heading #nowhere in this file' },
      {
        file: 'README.md',
        line: 10,
        href: 'docs/page.md#no-such-heading',
        why: 'no heading #no-such-heading in docs/page.md',
      },
      {
        file: 'README.md',
        line: 11,
        href: 'pictures/missing.png',
        why: 'no such file or folder: pictures/missing.png',
      },
    ]);
  });

  it('slugs headings as GitHub does', () => {
    expect([
      ...anchorsOf('# The merge gate\n## Make the check required\n## `sagemaker-train run`\n# A & B, C.\n'),
    ]).toEqual(['the-merge-gate', 'make-the-check-required', 'sagemaker-train-run', 'a--b-c']);
  });

  it('finds links in tables and lists, not in code', () => {
    expect(linkTargets('| a |\n|---|\n| [t](t.md) |\n\n- [l](l.md)\n\n`[c](c.md)`\n')).toEqual(['t.md', 'l.md']);
  });
});
