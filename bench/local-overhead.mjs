// What local mode adds to a bare `docker run` of the same trivial training image with the same mounts: the cost of
// building the /opt/ml layout, creating the container through the engine API, streaming logs and packing artifacts.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
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

// Both commands run under GNU time when it is there, for their CPU time (user + system): what the machine's load
// cannot inflate, unlike the wall times.
const TIME = '/usr/bin/time';
const cpuFile = join(dir, 'cpu.txt');
const timed = (command, args) => {
  if (!existsSync(TIME)) return { seconds: run(command, args).seconds };
  const { seconds } = run(TIME, ['-o', cpuFile, '-f', '%U %S', command, ...args]);
  const [user, system] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  return { seconds, cpu: user + system };
};

// The baseline: the same container, started by the docker CLI with the same mounts and the argument `train`.
const scratch = join(dir, 'bare');
const bare = () => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(join(scratch, 'model'), { recursive: true });
  mkdirSync(join(scratch, 'output'), { recursive: true });
  return timed('docker', [
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
  ]);
};
const tool = () => timed(process.execPath, [CLI, 'run', '--config', configFile]);

bare(); // warm-up of both: image layers, file cache, the engine's first container
tool();
const bareRuns = [];
const toolRuns = [];
for (let i = 0; i < RUNS; i++) {
  bareRuns.push(bare());
  toolRuns.push(tool());
}
const wall = (runs) => median(runs.map((r) => r.seconds));
const overhead = wall(toolRuns) - wall(bareRuns);
const cpu = (runs) => (runs[0]?.cpu === undefined ? '' : `, CPU ${median(runs.map((r) => r.cpu)).toFixed(2)} s`);
report(
  LABEL,
  `median ${overhead.toFixed(2)} s over ${RUNS} runs ` +
    `(sagemaker-train run ${wall(toolRuns).toFixed(2)} s${cpu(toolRuns)}, ` +
    `docker run --rm ${wall(bareRuns).toFixed(2)} s${cpu(bareRuns)}; ` +
    `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  `≤ ${TARGET_S.toFixed(2)} s`,
  overhead <= TARGET_S,
);
