// How long `sagemaker-train validate` takes from a cold process: what a user waits for before anything else happens.
import { CLI, median, report, requireCli, run } from './lib.mjs';

const LABEL = 'cli startup (validate)';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET_MS = 300;

requireCli(LABEL);
const args = [CLI, 'validate', '--config', 'examples/iris/sagemaker-training.yml'];
run(process.execPath, args); // warm-up: file cache
const times = Array.from({ length: RUNS }, () => run(process.execPath, args).seconds * 1000);
const bare = median(Array.from({ length: RUNS }, () => run(process.execPath, ['-e', '']).seconds * 1000));

const ms = median(times);
report(
  LABEL,
  `median ${ms.toFixed(0)} ms over ${RUNS} runs (node itself: ${bare.toFixed(0)} ms)`,
  `≤ ${TARGET_MS} ms`,
  ms <= TARGET_MS,
);
