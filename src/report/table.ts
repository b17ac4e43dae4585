// The result as aligned plain text, for the command line. Pure.
import type { TrainingResult } from '../result.js';
import { alignColumns, formatDuration, formatNumber } from './format.js';

export function resultTable(result: TrainingResult): string {
  const rows: [string, string][] = [
    [
      'Status',
      result.secondaryStatus && result.secondaryStatus !== result.status
        ? `${result.status} (${result.secondaryStatus})`
        : result.status,
    ],
    ['Job name', result.jobName],
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

  const parts = [alignColumns(rows)];
  const metrics = Object.entries(result.metrics);
  if (metrics.length > 0) {
    parts.push(alignColumns([['Metric', 'Final'], ...metrics.map(([name, value]) => [name, formatNumber(value)])]));
  } else {
    parts.push('No metrics reported.');
  }
  return `${parts.join('\n\n')}\n`;
}
