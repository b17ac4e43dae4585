// The model a remote run left in S3, as the serve test reads it: streamed from S3 (the stand-in keeps S3's rules:
// signed requests, 403 vs 404), refused past serve.max-model-size before it is read, and extracted only inside its
// folder: an entry that climbs out, an absolute one, or a symbolic link that points or leads out is refused.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { extractModel } from '../../src/serve/model.js';
import { S3Standin } from '../helpers/s3-standin.js';

type Entry = { name: string; body?: string; linkname?: string; type?: 'file' | 'directory' | 'symlink' };

async function tarGz(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise<void>((ok) => pack.on('end', () => ok()));
  for (const e of entries) {
    const type = e.type ?? (e.linkname ? 'symlink' : 'file');
    pack.entry({ name: e.name, type, ...(e.linkname ? { linkname: e.linkname } : {}) }, e.body ?? '');
  }
  pack.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

const s3 = new S3Standin({ buckets: { models: { access: 'read-only' } } });
let outside = '';
const savedTmpdir = process.env.TMPDIR;

beforeAll(async () => {
  await s3.start();
  outside = await mkdtemp(join(tmpdir(), 'smt-model-outside-'));
  // A private temporary folder, so that what extractions leave is ours alone (other test runs share /tmp).
  process.env.TMPDIR = await mkdtemp(join(outside, 'tmp-'));
});

afterAll(async () => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  await s3.close();
  await rm(outside, { recursive: true, force: true });
});

let n = 0;
async function download(archive: Buffer, maxBytes = 1 << 20) {
  const key = `job-${++n}/output/model.tar.gz`;
  s3.put('models', key, archive);
  const model = await extractModel(`s3://models/${key}`, {
    region: 'eu-west-1',
    maxBytes,
    signal: new AbortController().signal,
    s3: () => Promise.resolve(s3.client()),
  });
  return model;
}

/** Folders the extraction left in the temporary folder (a refused one must leave none). */
async function leftFolders(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(tmpdir())).filter((f) => f.startsWith('sagemaker-train-model-'));
}

describe('the model downloaded from S3 for the serve test', () => {
  it('extracts files, folders and links that stay inside', async () => {
    const model = await download(
      await tarGz([
        { name: 'model.json', body: '{"w":1}' },
        { name: 'code/', type: 'directory' },
        { name: 'code/inference.py', body: 'print(1)' },
        { name: 'code/model.json', linkname: '../model.json' },
      ]),
    );
    try {
      expect(await readFile(join(model.dir, 'model.json'), 'utf8')).toBe('{"w":1}');
      expect(await readFile(join(model.dir, 'code/inference.py'), 'utf8')).toBe('print(1)');
      expect(await readlink(join(model.dir, 'code/model.json'))).toBe('../model.json');
      expect(await readFile(join(model.dir, 'code/model.json'), 'utf8')).toBe('{"w":1}');
    } finally {
      await model.remove();
    }
    expect(existsSync(model.dir)).toBe(false);
  });

  it('refuses a model over serve.max-model-size from its announced size, before reading the body', async () => {
    const before = await leftFolders();
    const big = await tarGz([{ name: 'weights.bin', body: 'x'.repeat(64 * 1024) + Math.random().toString() }]);
    const raw = Buffer.concat([big, Buffer.alloc(3 << 20)]); // 3 MiB of trailing bytes: never read
    await expect(download(raw, 1 << 20)).rejects.toThrow(
      new RegExp(
        `^s3://models/job-\\d+/output/model.tar.gz is ${raw.length} bytes, larger than serve.max-model-size \\(1048576 bytes\\)$`,
      ),
    );
    expect(await leftFolders()).toEqual(before);
  });

  it('refuses a local model.tar.gz over the bound while streaming it', async () => {
    const dir = await mkdtemp(join(outside, 'local-'));
    const file = join(dir, 'model.tar.gz');
    const { randomBytes } = await import('node:crypto');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, await tarGz([{ name: 'weights.bin', body: randomBytes(256 * 1024).toString('base64') }]));
    await expect(
      extractModel(file, { region: 'eu-west-1', maxBytes: 64 * 1024, signal: new AbortController().signal }),
    ).rejects.toThrow(`${file} is larger than serve.max-model-size (65536 bytes)`);
  });

  it.each([
    [
      'climbs out with ..',
      [{ name: '../escaped.txt', body: 'x' }],
      /"\.\.\/escaped\.txt" climbs out of the model folder/,
    ],
    ['climbs out inside a path', [{ name: 'a/../../escaped.txt', body: 'x' }], /climbs out of the model folder/],
    [
      'is absolute',
      [{ name: '/tmp/smt-absolute-escape.txt', body: 'x' }],
      /"\/tmp\/smt-absolute-escape\.txt" is an absolute path/,
    ],
    [
      'is a link to an absolute path',
      [{ name: 'passwd', linkname: '/etc/passwd' }],
      /"passwd" is a symbolic link to "\/etc\/passwd", outside/,
    ],
    [
      'is a link that climbs out',
      [{ name: 'up', linkname: '../..' }],
      /"up" is a symbolic link to "\.\.\/\.\.", outside/,
    ],
  ])('refuses an entry that %s, naming it, and leaves nothing', async (_what, entries, message) => {
    const before = await leftFolders();
    await expect(download(await tarGz([{ name: 'model.json', body: '{}' }, ...entries]))).rejects.toThrow(message);
    expect(await leftFolders()).toEqual(before);
    expect(existsSync('/tmp/smt-absolute-escape.txt')).toBe(false);
    expect(existsSync(join(tmpdir(), 'escaped.txt'))).toBe(false);
  });

  it('refuses a chain of links that leads out, though each link reads as inside', async () => {
    // `self` is the folder itself; `self/..` reads as the folder but really is its parent.
    const archive = await tarGz([
      { name: 'self', linkname: '.' },
      { name: 'parent', linkname: 'self/..' },
    ]);
    await expect(download(archive)).rejects.toThrow(/"parent" is a symbolic link that leads outside the model folder/);
  });

  it('writes no file through a link: links are made after every file, so a file never lands outside', async () => {
    const name = `smt-pwned-${process.pid}-${Date.now()}.txt`;
    const archive = await tarGz([
      { name: 'self', linkname: '.' },
      { name: 'parent', linkname: 'self/..' },
      { name: `parent/${name}`, body: 'written through a link' },
    ]);
    await expect(download(archive)).rejects.toThrow();
    expect(existsSync(join(tmpdir(), name))).toBe(false);
  });
});
