// A short, aligned description of a validated request, for `sagemaker-train validate`. Pure.
import type { JobSpec, Location, TrainingRequest } from '../request.js';
import { alignColumns, formatDuration, formatNumber } from './format.js';

function location(loc: Location): string {
  return loc.kind === 's3' ? loc.uri : loc.path;
}

function image(request: TrainingRequest): string {
  const spec = request.image;
  if (spec.kind === 'prebuilt') return spec.uri;
  const target = spec.target ? `, target ${spec.target}` : '';
  return `build ${spec.dockerfile} (context ${spec.context}${target}, ${spec.platform})`;
}

function keyValues(map: Record<string, string>): string {
  const entries = Object.entries(map);
  return entries.length === 0 ? '—' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

/** Encryption beyond the defaults: traffic between hosts, and the customer KMS keys (named: key IDs are not secret). */
function encryption(job: JobSpec): string | undefined {
  const parts = [
    job.interContainerEncryption ? 'inter-container traffic' : undefined,
    job.outputKmsKeyId ? `output with KMS key ${job.outputKmsKeyId}` : undefined,
    job.volumeKmsKeyId ? `volumes with KMS key ${job.volumeKmsKeyId}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Rows only for settings that differ from the defaults, so a plain request reads as before. */
function remoteRows(request: TrainingRequest): [string, string][] {
  const { job, fargate } = request;
  const rows: [string, string][] = [];
  if (job.vpc) {
    rows.push(['VPC', `subnets ${job.vpc.subnets.join(', ')}; security groups ${job.vpc.securityGroupIds.join(', ')}`]);
  }
  if (job.networkIsolation) rows.push(['Network isolation', 'on (the containers have no network access)']);
  const encrypted = encryption(job);
  if (encrypted) rows.push(['Encryption', encrypted]);
  if (job.capacityRetries > 0) rows.push(['Capacity retries', String(job.capacityRetries)]);
  if (job.pricePerHour !== undefined) rows.push(['Price', `$${formatNumber(job.pricePerHour)} per instance-hour`]);
  if (fargate) {
    rows.push([
      'Fargate runner',
      `cluster ${fargate.cluster}, task definition ${fargate.taskDefinition} (${fargate.container}), ${fargate.capacity}`,
    ]);
  }
  if (!request.wait) rows.push(['Wait', 'no: detached, the runner completes the check run']);
  return rows;
}

export function requestSummary(request: TrainingRequest): string {
  const { job } = request;
  const rows: [string, string][] = [
    ['Mode', request.mode],
    ['Configuration', request.configFile ?? '(none: inputs only)'],
    ['Workspace', request.workspace],
  ];
  if (request.mode !== 'local') rows.push(['Region', request.region]);
  rows.push(
    ['Image', image(request)],
    ['Job name', job.name ?? `${job.namePrefix}-<generated>`],
    ['Instances', `${job.instanceType} x ${job.instanceCount}`],
    ['Max runtime', formatDuration(job.maxRuntimeSeconds)],
  );
  if (job.roleArn) rows.push(['Role', job.roleArn]);
  if (job.spot) rows.push(['Spot', `max wait ${formatDuration(job.spot.maxWaitSeconds)}`]);
  rows.push(...remoteRows(request));
  for (const channel of request.channels) {
    rows.push([`Channel ${channel.name}`, `${location(channel.source)} (${channel.inputMode})`]);
  }
  if (request.channels.length === 0) rows.push(['Channels', '—']);
  rows.push(['Output', location(request.output)]);
  if (job.checkpoint) rows.push(['Checkpoints', job.checkpoint.s3Uri?.uri ?? job.checkpoint.hostPath]);
  rows.push(['Hyperparameters', keyValues(request.hyperparameters)]);
  const metrics = request.metrics.map((m) => {
    const details = [m.goal, m.threshold !== undefined ? `threshold ${formatNumber(m.threshold)}` : undefined].filter(
      (d): d is string => d !== undefined,
    );
    return details.length > 0 ? `${m.name} (${details.join(', ')})` : m.name;
  });
  rows.push(['Metrics', metrics.length > 0 ? metrics.join(', ') : '—']);
  if (request.mode === 'local') rows.push(['Local GPU', request.local.gpu]);
  return `${alignColumns(rows)}\n`;
}
