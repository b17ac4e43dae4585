// Waiting on a SageMaker job: a simulated 2-hour job on 4 hosts writing 1 million log lines, followed by the real
// pipeline and SageMakerBackend on a virtual clock (bench/sagemaker-sim.mjs, bundled from src/ and run as a child so
// its peak RSS is the run's own). Run twice: real SDK clients against an HTTP stand-in of the JSON APIs (the figures),
// and fakes at the clients' send() (the backend without HTTP and the SDK's (de)serialisation, for comparison).
// Figures: API calls per hour by operation, how late completion is noticed, peak RSS, metric parser lines per second.
import { join } from 'node:path';
import { bundleSimulation } from './bundle-sim.mjs';
import { report, run, workDir } from './lib.mjs';

const LABEL = 'sagemaker wait';
const TARGET_DESCRIBES_PER_HOUR = 120; // at most one DescribeTrainingJob per 30 s
const TARGET_GETS_PER_STREAM_HOUR = 360; // at most one GetLogEvents per stream per 10 s
const TARGET_NOTICE_S = 35;
const TARGET_RSS_MB = 150;
const TARGET_LINES_PER_S = 50_000;

const dir = workDir('sagemaker-wait');
const out = join(dir, 'sim');
// Bundled as scripts/build.mjs bundles the action (split chunks, lazy modules), so the run loads what the action loads.
const sim = await bundleSimulation('sagemaker-sim.mjs', out);
const simulate = (...args) => JSON.parse(run(process.execPath, ['--expose-gc', sim, ...args]).stdout);
const r = simulate('http', '--parser');
const bare = simulate('send');

const hours = r.simulatedSeconds / 3600;
const count = (n) => n.toLocaleString('en-US');
console.log(
  `${LABEL}: simulated ${hours.toFixed(2)} h job on 4 hosts, ${count(r.linesServed)} log lines, ended ${r.status}; ` +
    `real SDK clients against an in-process HTTP stand-in, ${r.runWallS.toFixed(1)} s wall and ${r.runCpuS.toFixed(1)} s CPU ` +
    `(stand-in included: ${((r.runCpuS / r.simulatedSeconds) * 100).toFixed(2)}% of a core over the job). Host log lines ` +
    `went to a logger that counts and discards them (${count(r.hostLinesLogged)}), so the figures are the backend's, not the terminal's.`,
);
for (const line of r.otherLogLines.filter((l) => /^(warning|error): /.test(l)))
  console.log(`${LABEL}: the run logged ${line}`);
console.log(`${LABEL}: API calls (each costs 50 ms of virtual time)`);
console.log(`  ${'operation'.padEnd(34)}${'calls'.padStart(8)}${'per hour'.padStart(10)}`);
for (const [operation, calls] of Object.entries(r.calls).sort()) {
  console.log(`  ${operation.padEnd(34)}${String(calls).padStart(8)}${(calls / hours).toFixed(1).padStart(10)}`);
}
for (const s of r.perStream) {
  console.log(
    `  ${`  GetLogEvents ${s.stream.slice(s.stream.lastIndexOf('/') + 1)}`.padEnd(34)}${String(s.calls).padStart(8)}` +
      `${s.perHour.toFixed(1).padStart(10)}  per hour of the stream's life; ${s.shortGaps} calls < 10 s after the previous`,
  );
}

// "At most one per 30 s": no two Describes closer than 30 s (the per-hour figure counts the first one at creation too).
const describesPerHour = (r.calls.DescribeTrainingJob ?? 0) / hours;
report(
  `${LABEL}: DescribeTrainingJob, ${describesPerHour.toFixed(1)} per hour; shortest gap between two`,
  `${r.minDescribeGapS.toFixed(1)} s`,
  `≥ 30 s, i.e. ≤ ${TARGET_DESCRIBES_PER_HOUR} per hour`,
  r.minDescribeGapS >= 30,
);
const busiest = Math.max(...r.perStream.map((s) => s.perHour));
report(
  `${LABEL}: GetLogEvents per stream per hour (busiest stream)`,
  busiest.toFixed(1),
  `≤ ${TARGET_GETS_PER_STREAM_HOUR}, one per stream per 10 s`,
  busiest <= TARGET_GETS_PER_STREAM_HOUR,
);
const notice = r.completionSeenAtS - r.completedAtS;
report(
  `${LABEL}: completion noticed after the status changed (worst case, just after a Describe; the result came ` +
    `${(r.simulatedSeconds - r.completedAtS).toFixed(1)} s after, logs drained)`,
  `${notice.toFixed(1)} s`,
  `≤ ${TARGET_NOTICE_S} s`,
  notice <= TARGET_NOTICE_S,
);
report(
  `${LABEL}: peak RSS of the whole simulated run (${bare.runMaxRssMiB.toFixed(0)} MB with fakes at send(); ` +
    `${r.memory.startRssMiB.toFixed(0)} MB before the run)`,
  `${r.runMaxRssMiB.toFixed(0)} MB`,
  `≤ ${TARGET_RSS_MB} MB`,
  r.runMaxRssMiB <= TARGET_RSS_MB,
);
const parserRate = r.parser.lines / r.parser.seconds;
report(
  `${LABEL}: metric parser alone, ${count(r.parser.lines)} lines, ${count(r.parser.points)} points`,
  `${count(Math.round(parserRate))} lines/s`,
  `≥ ${count(TARGET_LINES_PER_S)} lines/s`,
  parserRate >= TARGET_LINES_PER_S,
);
console.log(
  `${LABEL}: end to end (no target; the stand-in's own work included): ` +
    `${count(Math.round(r.linesServed / r.runCpuS))} lines per CPU second over HTTP ` +
    `(${count(Math.round(r.linesServed / r.runWallS))} per wall second), ` +
    `${count(Math.round(bare.linesServed / bare.runWallS))} per wall second with fakes at send(); ` +
    `${count(r.seriesPoints)} metric points`,
);
