// A code change that carries a large file: the training code's folder holds a 200 MiB file of random bytes (weights,
// a data sample: nothing deflate can shrink) that changes between commits. The last step is a COPY of that folder, so
// the tool assembles the new layer in the registry; the docker CLI builds it with the engine (its cache holds the
// steps before) and pushes it. Medians of both. No target is named for it; printed for information. Everything goes
// to a registry of the benchmark's own, deleted at the end.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, OFFLINE_BASE_IMAGE, run, workDir } from './lib.mjs';
import {
  buildWithCli,
  loadNote,
  randomFile,
  REGISTRY,
  requireBuildCommand,
  startPrivateRegistry,
  untagAll,
  writeConfig,
} from './image-lib.mjs';

const LABEL = 'large-code-change';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FILE_MIB = Number(process.env.BENCH_LARGE_MIB ?? 200);

requireBuildCommand(LABEL);
const dir = workDir('large-code-change');
const context = join(dir, 'context');
mkdirSync(context, { recursive: true });
writeFileSync(
  join(context, 'Dockerfile'),
  [
    `FROM ${OFFLINE_BASE_IMAGE}`,
    'RUN touch /ran',
    'COPY . /opt/ml/code/',
    'ENTRYPOINT ["python3", "/opt/ml/code/train.py"]',
    '',
  ].join('\n'),
);
writeFileSync(join(context, 'train.py'), 'print("trained")\n');

/** New random bytes in the large file. */
const changeWeights = () => randomFile(join(context, 'weights.bin'), FILE_MIB);

const own = process.env.BENCH_REGISTRY ? undefined : await startPrivateRegistry(dir);
const repository = `${own?.address ?? REGISTRY}/smt-bench/large-${process.pid}`;
const config = writeConfig(dir, context, repository);
const engine = { env: { ...process.env, DOCKER_BUILDKIT: '0' } };

try {
  changeWeights();
  const first = buildWithCli(config, run);
  if (first.imageSource !== 'built')
    throw new Error(`the first build was expected to use the engine: ${first.imageSource}`);
  run('docker', ['build', '-q', '-t', `${repository}:cli`, context], engine);
  run('docker', ['push', '-q', `${repository}:cli`]);

  const ours = [];
  const docker = [];
  for (let i = 0; i < RUNS; i++) {
    changeWeights();
    const answer = buildWithCli(config, run);
    if (answer.imageSource !== 'assembled') throw new Error(`expected an assembled image, got ${answer.imageSource}`);
    ours.push(answer.seconds);
    // A tag per run, so that each image is removed by name at the end.
    const built = run('docker', ['build', '-q', '-t', `${repository}:cli-${i}`, context], engine);
    const pushed = run('docker', ['push', '-q', `${repository}:cli-${i}`]);
    docker.push(built.seconds + pushed.seconds);
  }
  console.log(
    `${LABEL}: a ${FILE_MIB} MiB incompressible file changed, assembled in the registry vs docker build + push: ` +
      `${median(ours).toFixed(2)} s vs ${median(docker).toFixed(2)} s = ${(median(ours) / median(docker)).toFixed(2)}× ` +
      `over ${RUNS} runs (${loadNote()}) (for information)`,
  );
} finally {
  untagAll(repository);
  rmSync(config, { force: true });
  rmSync(join(context, 'weights.bin'), { force: true });
  if (own) await own.stop();
}
