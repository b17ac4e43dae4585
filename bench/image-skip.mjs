// The common case: nothing in the image changed. Time for `sagemaker-train build` to conclude "already pushed" on an
// unchanged 200 MiB context, against the docker CLI's cached `docker build` + `docker push` of the same context to
// the same registry.
import { join } from 'node:path';
import { median, report, run, workDir } from './lib.mjs';
import { buildWithCli, makeContext, REGISTRY, requireBuildCommand, writeConfig } from './image-lib.mjs';

const LABEL = 'image-skip';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = 0.25;

requireBuildCommand(LABEL);
const dir = workDir('image');
const context = makeContext(join(dir, 'ctx-200'), { megabytes: 200, files: 40 });
const repository = `${REGISTRY}/smt-bench/skip-${process.pid}`;
const config = writeConfig(dir, context, repository);

try {
  // Warm both: the first build and push of each.
  const first = buildWithCli(config, run);
  if (!first.imageBuilt) throw new Error('the first build was expected to build');
  const cliTag = `${repository}:cli`;
  run('docker', ['build', '-q', '-t', cliTag, context], { env: { ...process.env, DOCKER_BUILDKIT: '0' } });
  run('docker', ['push', '-q', cliTag]);

  const ours = [];
  const docker = [];
  for (let i = 0; i < RUNS; i++) {
    const answer = buildWithCli(config, run);
    if (answer.imageBuilt) throw new Error('an unchanged context was built again');
    ours.push(answer.seconds);
    const b = run('docker', ['build', '-q', '-t', cliTag, context], { env: { ...process.env, DOCKER_BUILDKIT: '0' } });
    const p = run('docker', ['push', '-q', cliTag]);
    docker.push(b.seconds + p.seconds);
  }
  const ratio = median(ours) / median(docker);
  report(
    `${LABEL}: unchanged 200 MiB context, "already pushed" vs cached docker build + push`,
    `${median(ours).toFixed(2)} s vs ${median(docker).toFixed(2)} s = ${ratio.toFixed(2)}×`,
    `≤ ${TARGET}×`,
    ratio <= TARGET,
  );
} finally {
  const images = run('docker', ['images', '-q', '--filter', `reference=${repository}`])
    .stdout.split('\n')
    .filter(Boolean);
  if (images.length) run('docker', ['rmi', '-f', ...new Set(images)]);
}
