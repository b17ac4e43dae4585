// A code change on a fresh runner: a base with a 1.5 GB layer, a RUN step writing 400 MB (other bytes every run, as a
// pip install's are), the code copied last; only the code changes; the engine emptied of the benchmark's images before
// each path. Medians of: `sagemaker-train build` (assembles in the registry), `docker build` + `docker push`, `docker
// pull` of the previous image + `docker build --cache-from` + push, and the limit (upload of the new code layer, a
// config and a manifest over HTTP). Registry GETs of our runs counted from the registry's access log: no blob of the
// base or of the dependency step may be read. Peak RSS of our process. Everything is pushed to a registry of the
// benchmark's own, deleted at the end with every blob in it (BENCH_REGISTRY names a shared one instead, whose
// manifests are then deleted; its blobs stay until that registry is garbage-collected).
/* global fetch */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { CLI, median, OFFLINE_BASE_IMAGE, report, run, workDir } from './lib.mjs';
import { randomFile, REGISTRY, requireBuildCommand, startPrivateRegistry, writeConfig } from './image-lib.mjs';

const LABEL = 'fresh-code-change';
const RUNS = Number(process.env.BENCH_RUNS_FRESH ?? 3);
const MIB = 1024 * 1024;
// The sizes the issue names; smaller ones only to try the benchmark itself out.
const BASE_MIB = Number(process.env.BENCH_FRESH_BASE_MIB ?? 1536);
const DEPS_MIB = Number(process.env.BENCH_FRESH_DEPS_MIB ?? 400);

requireBuildCommand(LABEL);
const dir = workDir('fresh-code-change');
const own = process.env.BENCH_REGISTRY ? undefined : await startPrivateRegistry(dir);
const HOST = own?.address ?? REGISTRY;
const REGISTRY_LOG = own?.log ?? process.env.BENCH_REGISTRY_LOG ?? '/var/tmp/sagemaker-train-env/registry.log';
const stamp = `${process.pid}-${Date.now().toString(36)}`;
const baseRef = `${HOST}/smt-bench/fresh-base-${stamp}:1`;
const ours = `${HOST}/smt-bench/fresh-ours-${stamp}`;
const cliRepo = `${HOST}/smt-bench/fresh-cli-${stamp}`;
const cacheRepo = `${HOST}/smt-bench/fresh-cache-${stamp}`;
const repositories = [baseRef.replace(/:1$/, ''), ours, cliRepo, cacheRepo];
const env = { env: { ...process.env, DOCKER_BUILDKIT: '0' } };

function removeImages() {
  for (const repository of repositories) {
    const ids = run('docker', [
      'images',
      '-q',
      '--filter',
      `reference=${repository}`,
      '--filter',
      `reference=${repository}:*`,
    ])
      .stdout.split('\n')
      .filter(Boolean);
    if (ids.length) spawnSync('docker', ['rmi', '-f', ...new Set(ids)], { encoding: 'utf8' });
  }
  spawnSync('docker', ['image', 'prune', '-f', '--filter', `label=bench=${stamp}`], { encoding: 'utf8' });
}

function writeContext(context, version) {
  mkdirSync(context, { recursive: true });
  writeFileSync(
    join(context, 'Dockerfile'),
    [
      `FROM ${baseRef}`,
      'WORKDIR /opt/ml/code',
      'COPY requirements.txt .',
      `RUN head -c ${DEPS_MIB}M /dev/urandom > /opt/deps.bin`,
      'COPY . .',
      'ENTRYPOINT ["python3", "train.py"]',
      '',
    ].join('\n'),
  );
  writeFileSync(join(context, 'requirements.txt'), 'numpy\n');
  writeFileSync(join(context, 'train.py'), `print("version ${version}")\n`);
  writeFileSync(join(context, '.dockerignore'), 'sagemaker-training.yml\n');
}

function ourBuild(config) {
  const started = performance.now();
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', 'maxrss %M', process.execPath, CLI, 'build', '--workspace', dir, '--config', config, '--json'],
    {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_SHA: '' },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`sagemaker-train build failed:\n${child.stderr}`);
  const rss = Number(/maxrss (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024;
  return { ...JSON.parse(child.stdout), seconds, rss };
}

/** GETs of blobs and manifests of `repository` in the registry's log after `offset`. */
function registryGets(offset, repository) {
  if (!existsSync(REGISTRY_LOG)) return undefined;
  const text = readFileSync(REGISTRY_LOG).subarray(offset).toString('utf8');
  const path = repository.slice(repository.indexOf('/') + 1);
  const gets = [...text.matchAll(/"GET \/v2\/([^ ]+) HTTP/g)]
    .map((m) => m[1])
    .filter((uri) => uri.startsWith(`${path}/`));
  return gets.map((uri) => uri.slice(path.length + 1));
}

const logSize = () => (existsSync(REGISTRY_LOG) ? statSync(REGISTRY_LOG).size : 0);

async function registryJson(path, accept) {
  const res = await fetch(`http://${HOST}/v2/${path}`, { headers: { Accept: accept } });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return {
    body: Buffer.from(await res.arrayBuffer()),
    type: res.headers.get('content-type'),
    digest: res.headers.get('docker-content-digest'),
  };
}

async function uploadBlob(name, bytes) {
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  const start = await fetch(`http://${HOST}/v2/${name}/blobs/uploads/`, { method: 'POST' });
  const url = new URL(start.headers.get('location'), `http://${HOST}`);
  url.searchParams.set('digest', digest);
  const put = await fetch(url, { method: 'PUT', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } });
  if (put.status !== 201) throw new Error(`blob upload: HTTP ${put.status}`);
  return digest;
}

/** The limit: a new code layer (the size ours made), a config and a manifest, uploaded over HTTP, no more. */
async function limit(name, tag, codeLayerBytes) {
  const { body: manifestBody, type } = await registryJson(
    `${name}/manifests/${tag}`,
    'application/vnd.docker.distribution.manifest.v2+json',
  );
  const manifest = JSON.parse(manifestBody.toString());
  const config = (await registryJson(`${name}/blobs/${manifest.config.digest}`, '*/*')).body;
  const layer = gzipSync(randomBytes(codeLayerBytes));
  const started = performance.now();
  const digest = await uploadBlob(name, layer);
  const configDigest = await uploadBlob(name, Buffer.concat([config, Buffer.from(' ')]));
  manifest.layers[manifest.layers.length - 1] = { ...manifest.layers.at(-1), digest, size: layer.length };
  manifest.config = { ...manifest.config, digest: configDigest, size: config.length + 1 };
  const res = await fetch(`http://${HOST}/v2/${name}/manifests/limit-${tag}`, {
    method: 'PUT',
    body: JSON.stringify(manifest),
    headers: { 'Content-Type': type },
  });
  if (res.status !== 201) throw new Error(`manifest: HTTP ${res.status}`);
  return (performance.now() - started) / 1000;
}

async function deleteManifests(repository) {
  const name = repository.slice(repository.indexOf('/') + 1).replace(/:1$/, '');
  const tags = await fetch(`http://${HOST}/v2/${name}/tags/list`).then((r) => (r.ok ? r.json() : { tags: [] }));
  for (const tag of tags.tags ?? []) {
    const head = await fetch(`http://${HOST}/v2/${name}/manifests/${tag}`, {
      method: 'HEAD',
      headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
    });
    const digest = head.headers.get('docker-content-digest');
    if (digest) await fetch(`http://${HOST}/v2/${name}/manifests/${digest}`, { method: 'DELETE' });
  }
}

const baseDir = join(dir, 'base');
const context = join(dir, 'app');
try {
  // The base: the offline image and a 1.5 GB layer, in the registry only.
  mkdirSync(baseDir, { recursive: true });
  randomFile(join(baseDir, 'big.bin'), BASE_MIB);
  writeFileSync(join(baseDir, 'Dockerfile'), `FROM ${OFFLINE_BASE_IMAGE}\nCOPY big.bin /opt/big.bin\n`);
  run('docker', ['build', '-q', '-t', baseRef, baseDir], env);
  run('docker', ['push', '-q', baseRef]);
  rmSync(join(baseDir, 'big.bin'));
  writeContext(context, 0);
  const config = writeConfig(dir, context, ours);
  // The previous image: built by the engine once (the state a repository is in after its first run).
  const seed = ourBuild(config);
  if (seed.imageSource !== 'built')
    throw new Error(`the first build was expected to use the engine, not ${seed.imageSource}`);
  const seedManifest = JSON.parse(
    (
      await registryJson(
        `${ours.slice(ours.indexOf('/') + 1)}/manifests/${seed.imageTag}`,
        'application/vnd.docker.distribution.manifest.v2+json',
      )
    ).body,
  );
  const heavy = new Set(
    seedManifest.layers.filter((l) => l.size >= Math.min(100, DEPS_MIB) * MIB).map((l) => l.digest),
  );
  run('docker', ['tag', `${ours}:${seed.imageTag}`, `${cliRepo}:prev`]);
  run('docker', ['push', '-q', `${cliRepo}:prev`]);
  removeImages();

  const times = { ours: [], docker: [], cache: [], limit: [] };
  let rss = 0;
  let heavyGets = 0;
  let gets = 0;
  for (let i = 1; i <= RUNS; i++) {
    writeContext(context, i);
    const offset = logSize();
    const mine = ourBuild(config);
    if (mine.imageSource !== 'assembled') throw new Error(`a code change was not assembled (${mine.imageSource})`);
    times.ours.push(mine.seconds);
    rss = Math.max(rss, mine.rss);
    const mineGets = registryGets(offset, ours) ?? [];
    gets += mineGets.length;
    heavyGets += mineGets.filter((uri) => [...heavy].some((d) => uri.endsWith(d))).length;
    const codeLayer = seedManifest.layers.at(-1).size;
    times.limit.push(await limit(ours.slice(ours.indexOf('/') + 1), mine.imageTag, codeLayer));

    removeImages();
    const b = run('docker', ['build', '-q', '-t', `${cliRepo}:${i}`, context], env);
    const p = run('docker', ['push', '-q', `${cliRepo}:${i}`]);
    times.docker.push(b.seconds + p.seconds);
    removeImages();

    const pulled = run('docker', ['pull', '-q', `${cliRepo}:prev`]);
    const c = run(
      'docker',
      ['build', '-q', '--cache-from', `${cliRepo}:prev`, '-t', `${cacheRepo}:${i}`, context],
      env,
    );
    const cp = run('docker', ['push', '-q', `${cacheRepo}:${i}`]);
    times.cache.push(pulled.seconds + c.seconds + cp.seconds);
    removeImages();
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  console.log(
    `${LABEL}: medians of ${RUNS}: ours ${m.ours.toFixed(2)} s, docker build + push ${m.docker.toFixed(2)} s, ` +
      `pull + --cache-from + push ${m.cache.toFixed(2)} s, the limit ${m.limit.toFixed(3)} s ` +
      `(load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
  );
  report(
    `${LABEL}: ours vs pull + --cache-from + push`,
    `${(m.ours / m.cache).toFixed(3)}×`,
    '≤ 0.1×',
    m.ours / m.cache <= 0.1,
  );
  report(`${LABEL}: ours above the limit`, `${(m.ours - m.limit).toFixed(2)} s`, '≤ 0.5 s', m.ours - m.limit <= 0.5);
  report(
    `${LABEL}: base or dependency blobs read by ours`,
    `${heavyGets} (of ${gets} registry GETs)`,
    '0',
    heavyGets === 0,
  );
  report(`${LABEL}: peak RSS of ours`, `${rss.toFixed(0)} MB`, '≤ 150 MB', rss <= 150);
} finally {
  removeImages();
  if (own) await own.stop();
  else for (const repository of repositories) await deleteManifests(repository).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
