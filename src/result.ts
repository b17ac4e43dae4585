// The outcome of a run, the same shape from every backend. Reporting and gating read only this.

/** `InProgress`: a detached run (wait: false) that goes on without us and reports its own end. */
export type TrainingStatus = 'Completed' | 'Failed' | 'Stopped' | 'InProgress';

export interface MetricPoint {
  /** Milliseconds since the epoch when the line was seen. */
  timestamp: number;
  value: number;
  /** The epoch the log line named (`epoch=12`, `epoch 12`, `Epoch: 12`), when it named one: the charts' x-axis. */
  epoch?: number;
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
  /** How the image was made: assembled in the registry, built by the engine, or found already made. */
  imageSource?: 'assembled' | 'built' | 'found';
  /** One line on it: the steps reused and the bytes uploaded, or why the engine built it. */
  imageNote?: string;
  /** The image's manifest digest in its registry (`sha256:…`), when known: the model registry's lineage. */
  imageDigest?: string;
  instanceType: string;
  instanceCount: number;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  trainingSeconds?: number;
  billableSeconds?: number;
  hosts?: HostOutcome[];
  /** Estimated cost of the billable time; approximate unless the price was configured. */
  cost?: CostEstimate;
  /** Managed spot: percent saved against on-demand, 100 × (1 − billable / training seconds). */
  spotSavingsPercent?: number;
  /** Fargate mode: the runner's ECS task. */
  taskArn?: string;
  /** Set when status is InProgress: where the detached run's end will be written. */
  detached?: DetachedRun;
  /** Last log lines, for failure reports. */
  logTail: string[];
  /** The run cache's fingerprint of what was trained (data, code, settings), when the cache computed one. */
  fingerprint?: string;
  links: Link[];
  /** Set when nothing was trained: this is an earlier run's result, found in the result index (run cache). */
  reused?: ReusedFrom;
}

/** Where a reused result came from. */
export interface ReusedFrom {
  /** The job that trained it (also the result's jobName). */
  jobName: string;
  /** The commit that job trained, when it was known. */
  commit?: string;
  /** When that job ended. */
  ranAt: string;
  fingerprint: string;
  /** The index entry read: s3:// URI or local path. */
  entry: string;
}

export interface CostEstimate {
  /** billableSeconds × instanceCount / 3600 × pricePerHour, rounded to cents. */
  usd: number;
  pricePerHour: number;
  /** `configured`: job.price-per-hour; `table`: the built-in list of approximate on-demand us-east-1 prices. */
  priceSource: 'configured' | 'table';
}

export interface DetachedRun {
  /** s3:// URI the runner writes the TrainingResult JSON to. */
  resultUri: string;
  /** The check run the runner completes, when there is one. */
  checkRunId?: number;
}
