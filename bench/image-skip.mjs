// The common case: nothing in the image changed. Time for `sagemaker-train build` to conclude "already pushed" on an
// unchanged 200 MiB context, against the docker CLI's cached `docker build` + `docker push` of the same context to
// the same registry. The context is a folder of a committed git repository, as in a CI checkout (the action meets
// nothing else there): the target applies to it. The same context outside git (every byte hashed) is reported too.
// Pushed to a registry of the benchmark's own, deleted at the end with every blob (BENCH_REGISTRY names a shared one).
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { median, report, run, workDir } from './lib.mjs';
import {
  buildWithCli,
  loadNote,
  makeContext,
  REGISTRY,
  requireBuildCommand,
  startPrivateRegistry,
  untagAll,
  writeConfig,
} from './image-lib.mjs';

const LABEL = 'image-skip';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = 0.25;

requireBuildCommand(LABEL);
const dir = workDir('image');
const plain = makeContext(join(dir, 'ctx-200'), { megabytes: 200, files: 40 });
// The checkout: the same files in images/train of a repository with one commit.
const checkout = join(dir, 'checkout');
const context = join(checkout, 'images', 'train');
if (!existsSync(context)) cpSync(plain, context, { recursive: true });
makeContext(context, { megabytes: 200, files: 40 });
const git = (...args) =>
  run('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: checkout });
if (!existsSync(join(checkout, '.git'))) git('init', '-q');
if (git('status', '--porcelain').stdout.trim()) {
  git('add', '-A');
  git('commit', '-q', '-m', 'bench context');
}
const own = process.env.BENCH_REGISTRY ? undefined : await startPrivateRegistry(join(dir, 'skip-registry'));
const repository = `${own?.address ?? REGISTRY}/smt-bench/skip-${process.pid}`;
const config = writeConfig(dir, context, repository);
const plainConfig = writeConfig(dir, plain, `${repository}-plain`);

try {
  // Warm both: the first build and push of each.
  const first = buildWithCli(config, run);
  if (!first.imageBuilt) throw new Error('the first build was expected to build');
  buildWithCli(plainConfig, run);
  const cliTag = `${repository}:cli`;
  run('docker', ['build', '-q', '-t', cliTag, context], { env: { ...process.env, DOCKER_BUILDKIT: '0' } });
  run('docker', ['push', '-q', cliTag]);

  const ours = [];
  const oursPlain = [];
  const docker = [];
  for (let i = 0; i < RUNS; i++) {
    const answer = buildWithCli(config, run);
    const plainAnswer = buildWithCli(plainConfig, run);
    if (answer.imageBuilt || plainAnswer.imageBuilt) throw new Error('an unchanged context was built again');
    ours.push(answer.seconds);
    oursPlain.push(plainAnswer.seconds);
    const b = run('docker', ['build', '-q', '-t', cliTag, context], { env: { ...process.env, DOCKER_BUILDKIT: '0' } });
    const p = run('docker', ['push', '-q', cliTag]);
    docker.push(b.seconds + p.seconds);
  }
  const ratio = median(ours) / median(docker);
  report(
    `${LABEL}: unchanged 200 MiB context in a git checkout, "already pushed" vs cached docker build + push`,
    `${median(ours).toFixed(2)} s vs ${median(docker).toFixed(2)} s = ${ratio.toFixed(2)}× (${loadNote()})`,
    `≤ ${TARGET}×`,
    ratio <= TARGET,
  );
  // For information (no target): the same context outside git, where every byte is read and hashed.
  const plainRatio = median(oursPlain) / median(docker);
  console.log(
    `${LABEL}: the same context outside git: ${median(oursPlain).toFixed(2)} s vs ${median(docker).toFixed(2)} s = ${plainRatio.toFixed(2)}× (for information)`,
  );
} finally {
  // The two contexts hold the same files, so their images may share parents: untagged by name.
  untagAll(repository, `${repository}-plain`);
  for (const file of [config, plainConfig]) rmSync(file, { force: true });
  if (own) await own.stop();
}
