// The one validated description of a training run. Built only by src/config/; every backend takes it as it is.
// All durations are in seconds, all paths absolute, all hyperparameter values strings (as the service writes them).

export type Mode = 'local' | 'sagemaker' | 'fargate';
export const MODES: readonly Mode[] = ['local', 'sagemaker', 'fargate'];

export type InputMode = 'File' | 'Pipe' | 'FastFile';
export type S3DistributionType = 'FullyReplicated' | 'ShardedByS3Key';
export type CompressionType = 'None' | 'Gzip';
export type RecordWrapperType = 'None' | 'RecordIO';

export interface S3Location {
  kind: 's3';
  /** As written, normalised to end with `/` when it names a prefix. */
  uri: string;
  bucket: string;
  /** Key prefix without a leading slash; may be empty. */
  key: string;
}

export interface LocalLocation {
  kind: 'local';
  /** Absolute path on the machine that runs the action or CLI. */
  path: string;
}

export type Location = S3Location | LocalLocation;

export interface ChannelSpec {
  name: string;
  source: Location;
  inputMode: InputMode;
  contentType?: string;
  distribution: S3DistributionType;
  compression: CompressionType;
  recordWrapper: RecordWrapperType;
}

export interface BuildImageSpec {
  kind: 'build';
  dockerfile: string;
  context: string;
  buildArgs: Record<string, string>;
  target?: string;
  platform: string;
  /** Registry repository (no tag) the remote modes push to; optional in local mode. */
  repository?: string;
  /** Build (and push) even when the content tag already exists. */
  forceBuild?: boolean;
  /** User name for a registry other than ECR. */
  registryUsername?: string;
  /** Name of the environment variable holding that registry's password (never the password itself). */
  registryPasswordEnv?: string;
  /** ECR: create the repository when it is missing (scan on push). */
  createRepository?: boolean;
  /** ECR: a repository created here gets immutable tags. */
  immutableTags?: boolean;
}

export interface PrebuiltImageSpec {
  kind: 'prebuilt';
  uri: string;
}

export type ImageSpec = BuildImageSpec | PrebuiltImageSpec;

export interface CheckpointSpec {
  s3Uri?: S3Location;
  /** Path inside the container (SageMaker's CheckpointConfig.LocalPath). */
  containerPath: string;
  /** Local mode: the host folder mounted at containerPath. */
  hostPath: string;
}

/** What local mode does when the instance type asks for GPUs and the engine has no GPU runtime. */
export type LocalGpuPolicy = 'required' | 'optional';

export interface JobSpec {
  /** Prefix of generated job names. */
  namePrefix: string;
  /** An explicit job name; when absent one is generated from namePrefix. */
  name?: string;
  roleArn?: string;
  /** `ml.*` instance type, or `local` / `local_gpu` (local mode only). */
  instanceType: string;
  instanceCount: number;
  volumeSizeGb: number;
  maxRuntimeSeconds: number;
  spot?: { maxWaitSeconds: number };
  checkpoint?: CheckpointSpec;
  environment: Record<string, string>;
  /** Replaces the image's entrypoint; absent means the image is run with the argument `train`. */
  entrypoint?: string[];
  /** Arguments passed after the entrypoint (ContainerArguments). */
  arguments?: string[];
  keepAliveSeconds?: number;
  maxRetryAttempts?: number;
  /** VpcConfig: the job's instances run in these subnets with these security groups. */
  vpc?: VpcSpec;
  /** EnableNetworkIsolation: the containers get no network access (channels and output still work). */
  networkIsolation?: boolean;
  /** EnableInterContainerTrafficEncryption between the hosts of a distributed job. */
  interContainerEncryption?: boolean;
  /** KMS key (id, ARN or alias) that encrypts the model artifacts and output in S3 (OutputDataConfig.KmsKeyId). */
  outputKmsKeyId?: string;
  /** KMS key that encrypts the instances' storage volumes (ResourceConfig.VolumeKmsKeyId). */
  volumeKmsKeyId?: string;
  /** Times a job that failed for lack of capacity is created again under a new name (default 0). */
  capacityRetries: number;
  /** USD per instance-hour for the estimated cost; when absent the built-in (approximate) table is used. */
  pricePerHour?: number;
}

export interface VpcSpec {
  subnets: string[];
  securityGroupIds: string[];
}

/** The merge gate's policy: `required` fails the gate when the base branch has no result to compare with. */
export interface GateSpec {
  baseline: 'optional' | 'required';
}

export type FargateCapacity = 'FARGATE' | 'FARGATE_SPOT';

/** mode: fargate — the ECS task that runs `sagemaker-train runner`, which launches and watches the SageMaker job. */
export interface FargateSpec {
  /** Cluster name or ARN. */
  cluster: string;
  /** Task definition family, family:revision or ARN. */
  taskDefinition: string;
  /** Name of the runner's container in the task definition (environment overrides go to it). */
  container: string;
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
  capacity: FargateCapacity;
  /**
   * Secrets Manager secret (name or ARN) holding the GitHub App (`{"appId": …, "privateKey": …}`) the runner uses to
   * complete the check run itself; required when wait is false.
   */
  githubAppSecret?: string;
}

export interface MaxRegression {
  kind: 'absolute' | 'relative';
  /** Absolute: in the metric's unit. Relative: a fraction (1% is 0.01). */
  value: number;
}

export interface MetricSpec {
  name: string;
  /** Source of a regular expression whose first capture group is the value. */
  regex: string;
  goal?: 'maximize' | 'minimize';
  threshold?: number;
  maxRegression?: MaxRegression;
  /** The metric's line in the configuration file, where annotations about it point; absent without a file. */
  line?: number;
}

/** How each local host's container is sized; absent fields take the defaults the README documents. */
export interface LocalResources {
  /** /dev/shm of each container, in bytes (default: half the engine's memory, as a Linux host's own /dev/shm). */
  shmSizeBytes?: number;
  /** GPUs each host gets (default: the engine's GPUs split evenly); `all`: every host sees every GPU. */
  gpusPerHost?: number | 'all';
  /** Locked-memory (bytes) and open-file limits of the training processes. */
  ulimits?: { memlock?: number | 'unlimited'; nofile?: number };
}

export interface LocalSpec extends LocalResources {
  gpu: LocalGpuPolicy;
  /**
   * Seconds between SIGTERM and SIGKILL when the run is cancelled (SIGINT/SIGTERM to us). Short by default because
   * GitHub kills a cancelled step about 10 s after its SIGINT. Reaching max runtime always gives 120 s, like the service.
   */
  cancelGraceSeconds: number;
  /**
   * Hand this process's AWS credentials to the training containers (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
   * AWS_SESSION_TOKEN), as the SageMaker SDK's local mode does, for training code that calls AWS itself. Off unless
   * set: on SageMaker the code runs as the execution role, which the runner's credentials are not.
   */
  awsCredentials?: boolean;
}

/** A response check of one sample request: a regular expression over the body, or a JSON path that must exist. */
export type ResponseMatch = { kind: 'regex'; pattern: string } | { kind: 'json-path'; path: string; equals?: string };

/** One sample request the serve test sends to `POST /invocations`. */
export interface ServeSample {
  /** Absolute path of the file sent as the body. */
  file: string;
  contentType: string;
  accept: string;
  /** The status the answer must have (default 200). */
  expectStatus: number;
  match?: ResponseMatch;
  /** The sample's line in the configuration file, when read from one. */
  line?: number;
}

/** `serve:` — after training, the image is started as SageMaker hosting starts it, and must answer. */
export interface ServeSpec {
  /** Seconds `GET /ping` has to answer 200 after the container starts. */
  pingTimeoutSeconds: number;
  /** Seconds each `POST /invocations` may take (SageMaker's real-time limit is 60). */
  invocationTimeoutSeconds: number;
  samples: ServeSample[];
  /** The model's environment (a SageMaker Model's container Environment). */
  environment: Record<string, string>;
  /** The largest model.tar.gz downloaded from S3 for the test, in bytes. */
  maxModelBytes: number;
}

export type ApprovalStatus = 'Approved' | 'PendingManualApproval' | 'Rejected';

/** `register:` — on the base branch, a model package version in a Model Package Group, with its lineage. */
export interface RegisterSpec {
  /** The Model Package Group (created when missing). */
  group: string;
  approval: ApprovalStatus;
  /** Also register on workflow_dispatch (always on a push to the base branch). */
  onDispatch: boolean;
  /** The base branch a push must be to (default: the repository's default branch, as the event names it). */
  branch?: string;
  /** The section of the model quality report the metrics go in (SageMaker's report is by problem type). */
  problemType: 'regression' | 'binary-classification' | 'multiclass-classification';
  /** Content and response types the package declares (default: the serve samples' types, or text/csv and JSON). */
  contentTypes?: string[];
  responseTypes?: string[];
}

/** What every mode's request holds. */
interface RequestBase {
  /** Folder relative paths were resolved against. */
  workspace: string;
  /** The configuration file read, when one was. */
  configFile?: string;
  region: string;
  image: ImageSpec;
  channels: ChannelSpec[];
  hyperparameters: Record<string, string>;
  metrics: MetricSpec[];
  local: LocalSpec;
  tags: Record<string, string>;
  /** The `gate:` section, present when it says more than the defaults. */
  gate?: GateSpec;
  /**
   * False: return once the remote work is running and let it report the end itself (fargate mode only, where the
   * runner completes the check run). Default true.
   */
  wait: boolean;
  /**
   * Report an earlier completed run with the same fingerprint instead of training (the run cache). The configuration
   * always sets it (default true); absent means true.
   */
  reuse?: boolean;
  /** The serve smoke test, part of the gate; absent: off. */
  serve?: ServeSpec;
  /** Registration in the model registry on the base branch; absent: off. */
  register?: RegisterSpec;
}

/** A job SageMaker runs: it needs the role it runs as. */
export interface RemoteJobSpec extends JobSpec {
  roleArn: string;
}

/** mode: local — containers on this machine's Docker engine. */
export interface LocalRequest extends RequestBase {
  mode: 'local';
  job: JobSpec;
  output: Location;
  fargate?: never;
}

/** mode: sagemaker — a training job created and watched from here. */
export interface SageMakerRequest extends RequestBase {
  mode: 'sagemaker';
  job: RemoteJobSpec;
  output: S3Location;
  fargate?: never;
}

/** mode: fargate — an ECS task that creates and watches the training job. */
export interface FargateRequest extends RequestBase {
  mode: 'fargate';
  job: RemoteJobSpec;
  output: S3Location;
  fargate: FargateSpec;
}

/** The requests SageMaker runs (directly, or through the Fargate runner). */
export type RemoteRequest = SageMakerRequest | FargateRequest;

export type TrainingRequest = LocalRequest | RemoteRequest;

/** A request as read, before its mode's rules were checked (src/config/ turns it into a TrainingRequest). */
export interface DraftRequest extends RequestBase {
  mode: Mode;
  job: JobSpec;
  output: Location;
  fargate?: FargateSpec;
}

/**
 * What a SageMaker training job needs, whatever the mode: the SageMaker backend's request. The Fargate runner runs one
 * of these (the task's own settings were used by the action that launched it).
 */
export type RemoteJobRequest = Omit<DraftRequest, 'job' | 'output'> & { job: RemoteJobSpec; output: S3Location };

/** The request's type for a mode. */
export type RequestOf<M extends Mode> = Extract<TrainingRequest, { mode: M }>;
