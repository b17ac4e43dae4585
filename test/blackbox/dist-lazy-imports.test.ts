// Every name the bundle destructures from a lazy import() must exist in the chunk it loads. A CommonJS build behind a
// dynamic import gives the bundle a default export only, so `const { S3Client } = await import(...)` read undefined
// in dist/ while every test of src/ passed: this guards the whole class, whatever module comes next.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { DIST, ensureBuilt } from '../helpers/actions-env.js';

const LAZY_IMPORT = /const \{ ([^}]+) \} = await import\("(\.\.?\/[^"]+)"\)/g;

interface LazyImport {
  from: string;
  target: string;
  names: string[];
}

async function jsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.js')).map((e) => join(e.parentPath, e.name));
}

async function lazyImports(): Promise<LazyImport[]> {
  const found: LazyImport[] = [];
  for (const file of await jsFiles(DIST)) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(LAZY_IMPORT)) {
      const names = (match[1] ?? '').split(',').map((part) => (part.split(':')[0] ?? '').trim());
      found.push({ from: file, target: resolve(dirname(file), match[2] ?? ''), names });
    }
  }
  return found;
}

beforeAll(async () => {
  await ensureBuilt();
});

describe('lazy imports in dist/', () => {
  it('resolve every destructured name (the AWS SDK clients and commands among them)', async () => {
    const imports = await lazyImports();
    const names = imports.flatMap((i) => i.names);
    // The lazily loaded clients this project relies on are among them.
    expect(names).toEqual(expect.arrayContaining(['S3Client', 'SageMakerClient', 'CloudWatchLogsClient', 'ECRClient']));
    const missing: string[] = [];
    for (const lazy of imports) {
      const mod = (await import(pathToFileURL(lazy.target).href)) as Record<string, unknown>;
      for (const name of lazy.names) if (mod[name] === undefined) missing.push(`${name} from ${lazy.target}`);
    }
    expect(missing).toEqual([]);
  });
});
