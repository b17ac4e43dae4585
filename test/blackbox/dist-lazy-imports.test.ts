// Every name the bundle destructures from a lazy import() must exist in the chunk it loads. A CommonJS build behind a
// dynamic import gives the bundle a default export only, so `const { S3Client } = await import(...)` read undefined
// in dist/ while every test of src/ passed: this guards the whole class, whatever module comes next. dist/ is
// CommonJS: each lazy import() is a require() of its chunk there (see scripts/build.mjs).
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

import { beforeAll, describe, expect, it } from 'vitest';

import { DIST, ensureBuilt } from '../helpers/actions-env.js';

const LAZY_IMPORT =
  /const \{ ([^}]+) \} = await Promise\.resolve\(\)\.then\(\(\) => (?:__toESM\()?require\("(\.\.?\/[^"]+)"\)/g;

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
      // What the bundle gets: the chunk's exports.
      const mod = createRequire(lazy.target)(lazy.target) as Record<string, unknown>;
      for (const name of lazy.names) if (mod[name] === undefined) missing.push(`${name} from ${lazy.target}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('dockerode as dist/ bundles it', () => {
  // dist/ keeps dockerode's BuildKit progress decoder and tar-fs in their own files under chunks/lazy/, required on
  // first call through the chunk that holds dockerode: each must still be reachable from there.
  /** The path of the chunk that holds dockerode. */
  async function dockerChunk(): Promise<string> {
    const chunks = join(DIST, 'chunks');
    const file = (await readdir(chunks)).find((name) => /^docker-[A-Z0-9]+\.js$/.test(name));
    if (!file) throw new Error('no docker chunk in dist/chunks');
    return join(chunks, file);
  }

  async function dockerode(): Promise<new (opts: object) => Record<string, (...args: unknown[]) => unknown>> {
    const chunk = await dockerChunk();
    return (createRequire(chunk)(chunk) as { default: never }).default;
  }

  it('decodes a progress stream through the BuildKit module it requires on first use', async () => {
    const Docker = await dockerode();
    const docker = new Docker({ socketPath: '/nonexistent/docker.sock' });
    const { Readable } = await import('node:stream');
    const stream = Readable.from(['{"status":"Pulling fs layer","id":"a"}\n{"status":"Done"}\n']);
    const output = await new Promise((resolveOutput, reject) => {
      docker.followProgress?.(stream, (err: Error | null, out: unknown) => (err ? reject(err) : resolveOutput(out)));
    });
    expect(output).toEqual([{ status: 'Pulling fs layer', id: 'a' }, { status: 'Done' }]);
  });

  /**
   * Runs `lines` in a Node process of its own, after `docker` is made with `options` from the dist chunk (what this
   * process has loaded already says nothing), and returns what they print.
   */
  async function withFreshDockerode(options: string, lines: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
    const chunk = await dockerChunk();
    const script = [
      "import { createRequire } from 'node:module';",
      `const { default: Docker } = createRequire(${JSON.stringify(chunk)})(${JSON.stringify(chunk)});`,
      `const docker = new Docker(${options});`,
      ...lines,
    ];
    return execFileSync(process.execPath, ['--input-type=module', '-e', script.join('\n')], {
      encoding: 'utf8',
      cwd: tmpdir(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  }

  it("loads Node's https (and tls) only for an engine over TLS, not for one over its socket", async () => {
    const probe = (options: string): Promise<string> =>
      withFreshDockerode(options, [
        'const failure = await docker.ping().then(() => "answered", (err) => err.code ?? err.message);',
        'const loaded = process.moduleLoadList.filter((m) => /^NativeModule (https|tls)$/.test(m)).length;',
        'console.log(`${failure} ${loaded}`);',
      ]);
    expect(await probe("{ socketPath: '/nonexistent/docker.sock' }")).toBe('ENOENT 0');
    // Port 1 on the loopback: refused, after the request went through https.
    expect(await probe("{ protocol: 'https', host: '127.0.0.1', port: 1 }")).toBe('ECONNREFUSED 2');
  });

  it("loads Node's zlib only to gzip a context it packs itself, not to talk to the engine", async () => {
    const zlibLoaded = (call: string): Promise<string> =>
      withFreshDockerode("{ socketPath: '/nonexistent/docker.sock' }", [
        `await ${call}.catch(() => undefined);`,
        "console.log(process.moduleLoadList.includes('NativeModule zlib'));",
      ]);
    expect(await zlibLoaded('docker.ping()')).toBe('false');
    expect(await zlibLoaded("docker.buildImage({ context: '.', src: [] }, {})")).toBe('true');
  });

  it('writes no request or response to the log, even under DEBUG=modem: no credentials of a container reach it', async () => {
    // stderr joins stdout: whatever the client writes, the test sees.
    const output = await withFreshDockerode(
      "{ socketPath: '/nonexistent/docker.sock' }",
      [
        'process.stderr.write = process.stdout.write.bind(process.stdout);',
        "const env = ['AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG'];",
        "const failure = await docker.createContainer({ Image: 'train:1', Env: env }).catch((err) => err.code);",
        'console.log(failure);',
      ],
      { DEBUG: 'modem' },
    );
    expect(output).toBe('ENOENT');
  });

  it('packs a folder context through tar-fs, required on first use, before it connects', async () => {
    const Docker = await dockerode();
    const docker = new Docker({ socketPath: '/nonexistent/docker.sock' });
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const dir = await mkdtemp(join(tmpdir(), 'smt-lazy-tar-'));
    try {
      await writeFile(join(dir, 'Dockerfile'), 'FROM scratch\n');
      const build = docker.buildImage?.({ context: dir, src: ['Dockerfile'] }, {}) as Promise<unknown>;
      // The socket does not exist: the failure is the connection's, after tar-fs packed the folder.
      await expect(build).rejects.toThrow(/ENOENT.*nonexistent/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
