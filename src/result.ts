// The outcome of a run, the same shape from every backend. Reporting and gating read only this.

export type TrainingStatus = 'Completed' | 'Failed' | 'Stopped';

export interface MetricPoint {
  /** Milliseconds since the epoch when the line was seen. */
  timestamp: number;
  value: number;
}

export interface Link {
  label: string;
  url: string;
}

export interface HostOutcome {
  host: string;
  exitCode: number | null;
}

export interface TrainingResult {
  mode: 'local' | 'sagemaker' | 'fargate';
  jobName: string;
  status: TrainingStatus;
  /** Finer status where there is one (MaxRuntimeExceeded, Interrupted, …). */
  secondaryStatus?: string;
  failureReason?: string;
  /** Final value of each metric that was seen. */
  metrics: Record<string, number>;
  /** Every value seen, in order. */
  metricSeries: Record<string, MetricPoint[]>;
  /** URI (s3:// or file path) of model.tar.gz, when it was written. */
  modelArtifacts?: string;
  outputArtifacts?: string;
  imageUri: string;
  /** The image's content tag (`ctx-…`) when this tool built or found it; absent for a prebuilt image. */
  imageTag?: string;
  /** True when this run built the image (false when it was reused or prebuilt). */
  imageBuilt?: boolean;
  instanceType: string;
  instanceCount: number;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  trainingSeconds?: number;
  billableSeconds?: number;
  hosts?: HostOutcome[];
  /** Last log lines, for failure reports. */
  logTail: string[];
  links: Link[];
}
