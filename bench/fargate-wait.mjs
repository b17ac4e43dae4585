// Waiting on a fargate runner task: a simulated 2-hour task (PROVISIONING → PENDING → RUNNING → STOPPED, exit 0) whose
// runner logs its job's status transitions and a few thousand host lines, followed by the real pipeline and
// FargateBackend on a virtual clock (bench/fargate-sim.mjs, bundled from src/ and run as a child so its peak RSS is the
// run's own), with real SDK clients against an HTTP stand-in of ECS, CloudWatch Logs and S3.
// Figures: API calls per hour of the task's life by operation, the shortest gap between two DescribeTasks,
// GetLogEvents per hour, how late STOPPED is noticed, peak RSS.
import { join } from 'node:path';
import { bundleSimulation } from './bundle-sim.mjs';
import { report, run, workDir } from './lib.mjs';

const LABEL = 'fargate wait';
const DESCRIBE_EVERY_S = 15; // at most one DescribeTasks per 15 s
const TARGET_LOG_GETS_PER_HOUR = 360; // at most one GetLogEvents per 10 s
const CALL_S = 0.05; // each call costs 50 ms of virtual time in the simulation
const TARGET_RSS_MB = 150;

const sim = await bundleSimulation('fargate-sim.mjs', join(workDir('fargate-wait'), 'sim'));
const r = JSON.parse(run(process.execPath, [sim]).stdout);

// The task's life: from RunTask to the run's end (STOPPED noticed, logs drained, result.json read).
const lifeS = r.simulatedSeconds - r.runTaskAtS;
const hours = lifeS / 3600;
const count = (n) => n.toLocaleString('en-US');
console.log(
  `${LABEL}: simulated ${hours.toFixed(2)} h runner task, ${count(r.logLines)} runner log lines ` +
    `(${count(r.runnerLinesLogged)} shown), ended ${r.status}${r.failureReason ? ` (${r.failureReason})` : ''}; ` +
    `real SDK clients against an in-process HTTP stand-in, ${r.runWallS.toFixed(1)} s wall and ${r.runCpuS.toFixed(1)} s CPU. ` +
    `Runner lines went to a logger that counts and discards them, so the figures are the backend's, not the terminal's.`,
);
for (const line of r.otherLogLines.filter((l) => /^(warning|error): /.test(l)))
  console.log(`${LABEL}: the run logged ${line}`);
console.log(`${LABEL}: API calls (each costs 50 ms of virtual time), per hour of the task's life`);
console.log(`  ${'operation'.padEnd(34)}${'calls'.padStart(8)}${'per hour'.padStart(10)}`);
// StopTask is listed even at 0: a run that ends on its own never stops the task.
for (const [operation, calls] of Object.entries({ StopTask: 0, ...r.calls }).sort()) {
  console.log(`  ${operation.padEnd(34)}${String(calls).padStart(8)}${(calls / hours).toFixed(1).padStart(10)}`);
}

const describesPerHour = (r.calls.DescribeTasks ?? 0) / hours;
report(
  `${LABEL}: DescribeTasks, ${describesPerHour.toFixed(1)} per hour; shortest gap between two`,
  `${r.minDescribeGapS.toFixed(1)} s`,
  `≥ ${DESCRIBE_EVERY_S} s, i.e. ≤ ${3600 / DESCRIBE_EVERY_S} per hour`,
  r.minDescribeGapS >= DESCRIBE_EVERY_S - 1e-6,
);
const logGetsPerHour = (r.calls.GetLogEvents ?? 0) / hours;
report(
  `${LABEL}: GetLogEvents per hour (the drain after STOPPED included; ${r.shortLogGaps} calls < 10 s after the ` +
    `previous while the task ran)`,
  logGetsPerHour.toFixed(1),
  `≤ ${TARGET_LOG_GETS_PER_HOUR}, one per 10 s`,
  logGetsPerHour <= TARGET_LOG_GETS_PER_HOUR,
);
const notice = r.stoppedSeenAtS - r.stoppedAtS;
report(
  `${LABEL}: STOPPED noticed after the task stopped (worst case, just after a DescribeTasks; the result came ` +
    `${(r.simulatedSeconds - r.stoppedAtS).toFixed(1)} s after, logs drained)`,
  `${notice.toFixed(2)} s`,
  `≤ ${DESCRIBE_EVERY_S} s + one call (${(DESCRIBE_EVERY_S + CALL_S).toFixed(2)} s)`,
  notice <= DESCRIBE_EVERY_S + CALL_S + 1e-6,
);
report(
  `${LABEL}: peak RSS of the whole simulated run (${r.startRssMiB.toFixed(0)} MB before the run)`,
  `${r.runMaxRssMiB.toFixed(0)} MB`,
  `≤ ${TARGET_RSS_MB} MB`,
  r.runMaxRssMiB <= TARGET_RSS_MB,
);
