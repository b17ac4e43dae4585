// The rare case: the image changed. A cold build and push of a 200 MiB context by `sagemaker-train build` against
// `docker build` + `docker push` of the same context: fresh repositories and a new top layer every run (a file with
// the run's id), the built images removed between runs, the same base image. Pushed to a registry of the benchmark's
// own, deleted at the end with every blob (BENCH_REGISTRY names a shared one instead).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, OFFLINE_BASE_IMAGE, report, run, workDir } from './lib.mjs';
import {
  buildWithCli,
  loadNote,
  makeContext,
  REGISTRY,
  requireBuildCommand,
  startPrivateRegistry,
  writeConfig,
} from './image-lib.mjs';

const LABEL = 'image-cold';
// Three pairs: each run is ~10 s of the engine's gzip and push, whose time varies by a few tenths between runs; the
// median of three is steadier than the mean of two.
const RUNS = Number(process.env.BENCH_RUNS_COLD ?? 3);
const TARGET = 1.1;

requireBuildCommand(LABEL);
const dir = workDir('image');
const context = makeContext(join(dir, 'ctx-200'), { megabytes: 200, files: 40 });
const own = process.env.BENCH_REGISTRY ? undefined : await startPrivateRegistry(join(dir, 'cold-registry'));
const HOST = own?.address ?? REGISTRY;
const stamp = `${process.pid}-${Date.now().toString(36)}`;
const repositories = [];
const configs = [];

function removeImages() {
  for (const repository of repositories) {
    const ids = run('docker', ['images', '-q', '--filter', `reference=${repository}`])
      .stdout.split('\n')
      .filter(Boolean);
    if (ids.length) run('docker', ['rmi', '-f', ...new Set(ids)]);
  }
}

try {
  // The base in the registry first (as in a long-lived registry): both sides then mount its layers, neither uploads them.
  const base = `${HOST}/smt-bench/cold-base-${stamp}:1`;
  run('docker', ['tag', OFFLINE_BASE_IMAGE, base]);
  run('docker', ['push', '-q', base]);
  run('docker', ['rmi', base]);
  const ours = [];
  const docker = [];
  for (let i = 0; i < RUNS; i++) {
    // Ours.
    writeFileSync(join(context, 'run-id.txt'), `ours ${stamp} ${i}\n`);
    const mine = `${HOST}/smt-bench/cold-ours-${stamp}-${i}`;
    repositories.push(mine);
    configs.push(writeConfig(dir, context, mine));
    const answer = buildWithCli(configs.at(-1), run);
    if (!answer.imageBuilt) throw new Error('a changed context was not built');
    ours.push(answer.seconds);
    removeImages();
    // The docker CLI.
    writeFileSync(join(context, 'run-id.txt'), `docker ${stamp} ${i}\n`);
    const theirs = `${HOST}/smt-bench/cold-cli-${stamp}-${i}`;
    repositories.push(theirs);
    const env = { env: { ...process.env, DOCKER_BUILDKIT: '0' } };
    const b = run('docker', ['build', '-q', '-t', `${theirs}:x`, context], env);
    const p = run('docker', ['push', '-q', `${theirs}:x`]);
    docker.push(b.seconds + p.seconds);
    removeImages();
  }
  const ratio = median(ours) / median(docker);
  report(
    `${LABEL}: cold build and push of a 200 MiB context vs docker build + docker push`,
    `${median(ours).toFixed(2)} s vs ${median(docker).toFixed(2)} s = ${ratio.toFixed(2)}× (${loadNote()})`,
    `≤ ${TARGET}×`,
    ratio <= TARGET,
  );
} finally {
  removeImages();
  for (const file of configs) rmSync(file, { force: true });
  if (own) await own.stop();
}
