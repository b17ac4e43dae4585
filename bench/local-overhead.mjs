// What local mode adds to a bare `docker run` of the same trivial training image with the same mounts: the cost of
// building the /opt/ml layout, creating the container through the engine API, streaming logs and packing artifacts.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, OFFLINE_BASE_IMAGE, median, report, requireCli, run, workDir } from './lib.mjs';

const LABEL = 'local-mode overhead';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_S = 0.25;
const IMAGE = 'sagemaker-train/bench-trivial:latest';

requireCli(LABEL);
const dir = workDir('local-overhead');

// The image: the offline base plus a `train` that prints a metric and leaves a one-file model.
const context = join(dir, 'image');
mkdirSync(context, { recursive: true });
writeFileSync(join(context, 'train'), '#!/bin/sh\necho "accuracy=1.0"\necho ok > /opt/ml/model/model.txt\n', {
  mode: 0o755,
});
writeFileSync(join(context, 'Dockerfile'), `FROM ${OFFLINE_BASE_IMAGE}\nCOPY train /usr/local/bin/train\n`);
run('docker', ['build', '-q', '-t', IMAGE, context]);

const data = join(dir, 'data');
const config = join(dir, 'config');
mkdirSync(data, { recursive: true });
mkdirSync(config, { recursive: true });
writeFileSync(join(data, 'rows.csv'), 'x,y\n1,2\n');
writeFileSync(join(config, 'hyperparameters.json'), '{"epochs":"1"}\n');
writeFileSync(join(config, 'resourceconfig.json'), '{"current_host":"algo-1","hosts":["algo-1"]}\n');

const output = join(dir, 'output');
const configFile = join(dir, 'sagemaker-training.yml');
writeFileSync(
  configFile,
  [
    'mode: local',
    `image: { uri: ${IMAGE} }`,
    'job: { name-prefix: bench, instance-type: local, max-runtime: 5m }',
    `channels: { training: ${data} }`,
    `output: ${output}`,
    'hyperparameters: { epochs: 1 }',
    "metrics: [ { name: accuracy, regex: 'accuracy=([0-9.]+)' } ]",
    '',
  ].join('\n'),
);

// The baseline: the same container, started by the docker CLI with the same mounts and the argument `train`.
const scratch = join(dir, 'bare');
const bare = () => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(join(scratch, 'model'), { recursive: true });
  mkdirSync(join(scratch, 'output'), { recursive: true });
  return run('docker', [
    'run',
    '--rm',
    '-v',
    `${data}:/opt/ml/input/data/training:ro`,
    '-v',
    `${config}:/opt/ml/input/config:ro`,
    '-v',
    `${join(scratch, 'model')}:/opt/ml/model`,
    '-v',
    `${join(scratch, 'output')}:/opt/ml/output`,
    IMAGE,
    'train',
  ]).seconds;
};
const tool = () => run(process.execPath, [CLI, 'run', '--config', configFile]).seconds;

bare(); // warm-up of both: image layers, file cache, the engine's first container
tool();
const bareTimes = [];
const toolTimes = [];
for (let i = 0; i < RUNS; i++) {
  bareTimes.push(bare());
  toolTimes.push(tool());
}
const overhead = median(toolTimes) - median(bareTimes);
report(
  LABEL,
  `median ${overhead.toFixed(2)} s over ${RUNS} runs ` +
    `(sagemaker-train run ${median(toolTimes).toFixed(2)} s, docker run --rm ${median(bareTimes).toFixed(2)} s)`,
  `≤ ${TARGET_S.toFixed(2)} s`,
  overhead <= TARGET_S,
);
