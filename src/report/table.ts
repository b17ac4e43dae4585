// The result as aligned plain text, for the command line. Pure.
import { medianLatency, type ServeReport } from '../serving.js';
import type { GateReport, MetricGate } from '../gate/evaluate.js';
import type { TrainingResult } from '../result.js';
import { alignColumns, formatDuration, formatNumber } from './format.js';
import { reusedRow } from './reused.js';

function verdict(gate: MetricGate): string {
  if (gate.verdict === 'pass') return 'pass';
  if (gate.verdict === 'fail') return `FAIL: ${gate.notes.join('; ')}`;
  return gate.notes.length > 0 ? `- (${gate.notes.join('; ')})` : '-';
}

function threshold(gate: MetricGate): string {
  if (gate.threshold === undefined) return '-';
  return `${gate.goal === 'maximize' ? '>= ' : gate.goal === 'minimize' ? '<= ' : ''}${formatNumber(gate.threshold)}`;
}

/** The result as aligned text; with a gate report, the metrics get their thresholds and verdicts. */
/** `passed: /ping 412 ms, 2 samples, median 3 ms`, `failed: <reason>` or `stopped: <reason>` (cancelled). */
function serveLine(serve: ServeReport): string {
  if (!serve.passed) return `${serve.cancelled ? 'stopped' : 'failed'}: ${serve.reason ?? ''}`;
  const median = medianLatency(serve.samples);
  const ping = serve.pingMs !== undefined ? `/ping ${Math.round(serve.pingMs)} ms, ` : '';
  const latency = median !== undefined ? `, median ${Math.round(median)} ms` : '';
  return `passed: ${ping}${serve.samples.length} sample(s)${latency}`;
}

export function resultTable(result: TrainingResult, gate?: GateReport, serve?: ServeReport): string {
  const rows: [string, string][] = [
    [
      'Status',
      result.secondaryStatus && result.secondaryStatus !== result.status
        ? `${result.status} (${result.secondaryStatus})`
        : result.status,
    ],
    ['Job name', result.jobName],
    ...[reusedRow(result)].filter((row): row is [string, string] => row !== undefined),
    ['Mode', result.mode],
    ['Image', result.imageUri],
    ['Instances', `${result.instanceType} x ${result.instanceCount}`],
    ['Duration', formatDuration(result.durationSeconds)],
  ];
  if (result.hosts && result.hosts.length > 0) {
    rows.push(['Hosts', result.hosts.map((h) => `${h.host} (exit ${h.exitCode ?? '?'})`).join(', ')]);
  }
  if (result.modelArtifacts) rows.push(['Model artifacts', result.modelArtifacts]);
  if (result.outputArtifacts) rows.push(['Output artifacts', result.outputArtifacts]);
  if (result.failureReason) rows.push(['Failure reason', result.failureReason.replace(/\s*\r?\n\s*/g, ' ')]);
  for (const link of result.links) rows.push([link.label, link.url]);
  if (serve) rows.push(['Serve test', serveLine(serve)]);

  const parts = [alignColumns(rows)];
  const metrics = Object.entries(result.metrics);
  if (gate && gate.metrics.some((g) => g.verdict !== 'none' || g.threshold !== undefined)) {
    parts.push(
      alignColumns([
        ['Metric', 'Final', 'Threshold', 'Verdict'],
        ...gate.metrics.map((g) => [
          g.name,
          g.value === undefined ? 'not reported' : formatNumber(g.value),
          threshold(g),
          verdict(g),
        ]),
      ]),
    );
    parts.push(gate.passed && serve?.passed !== false ? 'Gate: passed' : 'Gate: FAILED');
  } else if (metrics.length > 0) {
    parts.push(alignColumns([['Metric', 'Final'], ...metrics.map(([name, value]) => [name, formatNumber(value)])]));
  } else {
    parts.push('No metrics reported.');
  }
  return `${parts.join('\n\n')}\n`;
}
