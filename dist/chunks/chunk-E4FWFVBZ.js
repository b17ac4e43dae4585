import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  HostLog
} from "./chunk-GFDFRE4Q.js";
import {
  isAbortError,
  setLongTimeout,
  sleep
} from "./chunk-JNQNZV5F.js";
import {
  createS3Client,
  downloadObject,
  joinS3Key,
  listObjects,
  s3Uri,
  uploadStream
} from "./chunk-57ZJPNCC.js";
import {
  formatDuration
} from "./chunk-U5VYFFZZ.js";
import {
  messageOf
} from "./chunk-H2G727SZ.js";

// src/backends/local/index.ts
import { tmpdir } from "node:os";

// src/backends/local/container-credentials.ts
var defaultCredentialSource = async (region) => {
  const { clientConfig } = await import("./client-config-KBEZ6RO4.js");
  const installed = clientConfig(region).credentials;
  if (installed) return installed;
  const { fromNodeProviderChain } = await import("./dist-es-VINRGF32.js");
  return fromNodeProviderChain();
};
var SECRET_CREDENTIAL_VARIABLES = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];
function credentialVariables(credentials) {
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}
  };
}
async function containerCredentials(o) {
  let credentials;
  try {
    credentials = await (await o.source(o.region))();
  } catch (err) {
    throw new Error(
      `local.aws-credentials is true but no AWS credentials could be resolved (${messageOf(err)}). Configure credentials first (aws-actions/configure-aws-credentials, the input role-to-assume, or a profile), or remove local.aws-credentials.`,
      { cause: err }
    );
  }
  o.logger.mask?.(credentials.secretAccessKey);
  if (credentials.sessionToken) o.logger.mask?.(credentials.sessionToken);
  const { expiration } = credentials;
  const end = o.now().getTime() + o.maxRuntimeSeconds * 1e3;
  if (expiration && expiration.getTime() < end) {
    o.logger.warning(
      `The AWS credentials handed to the containers expire at ${expiration.toISOString()}, before max runtime (${formatDuration(o.maxRuntimeSeconds)}) could end: the containers cannot renew them, so AWS calls from the training code fail after that.`
    );
  }
  o.logger.info(
    `AWS credentials: the containers get access key ${credentials.accessKeyId}${credentials.sessionToken ? " with a session token" : ""} (local.aws-credentials)`
  );
  return credentialVariables(credentials);
}

// src/backends/local/ownership.ts
import { chown, lstat, mkdir, readdir } from "node:fs/promises";
import { dirname, join } from "node:path";

// src/backends/local/gpu.ts
var ALL_GPUS_DEVICE_REQUEST = { Driver: "", Count: -1, Capabilities: [["gpu"]] };
var GPU_FAMILY = /^(p|g|gr)\d/;
function instanceTypeHasGpu(instanceType) {
  const type = instanceType.trim().toLowerCase();
  if (type === "local_gpu") return true;
  const [prefix, family] = type.split(".");
  return prefix === "ml" && family !== void 0 && GPU_FAMILY.test(family);
}
function engineGpuSupport(info) {
  if (info.Runtimes && Object.keys(info.Runtimes).some((name) => name.toLowerCase().includes("nvidia"))) {
    return "nvidia runtime";
  }
  const cdi = (info.DiscoveredDevices ?? []).some(
    (device) => device.Source === "cdi" && (device.ID ?? "").toLowerCase().includes("gpu")
  );
  return cdi ? "CDI" : void 0;
}
function decideGpu(opts) {
  if (!instanceTypeHasGpu(opts.instanceType)) return { useGpu: false };
  if (opts.engineSupport) return { useGpu: true, via: opts.engineSupport };
  const demanded = opts.instanceType.trim().toLowerCase() === "local_gpu" || opts.policy === "required";
  if (demanded) {
    const why = opts.instanceType === "local_gpu" ? "instance type local_gpu needs GPUs" : `instance type ${opts.instanceType} has GPUs and local.gpu is "required"`;
    return {
      useGpu: true,
      via: "a device request for all GPUs (docker info lists no GPU runtime)",
      refusal: `${why}, but the Docker engine has no GPU runtime (no "nvidia" runtime in docker info, no CDI GPU devices, and the engine refused the device request). Install the NVIDIA Container Toolkit and configure Docker for it, or set local.gpu: optional (with an ml.* instance type) to run on CPU.`
    };
  }
  return {
    useGpu: false,
    warning: `Instance type ${opts.instanceType} has GPUs but the Docker engine has no GPU runtime: running on CPU because local.gpu is "optional".`
  };
}
function isGpuRefusal(err) {
  const message = messageOf(err);
  return /could not select device driver/i.test(message);
}

// src/backends/local/containers.ts
var JOB_LABEL = "sagemaker-train.job";
var HOST_LABEL = "sagemaker-train.host";
var CONFIG_DIR = "/opt/ml/input/config";
var MODEL_DIR = "/opt/ml/model";
var OUTPUT_DIR = "/opt/ml/output";
var OUTPUT_DATA_DIR = "/opt/ml/output/data";
var FAILURE_FILE = "/opt/ml/output/failure";
function trainingJobArn(region, jobName) {
  return `arn:aws:sagemaker:${region}:000000000000:training-job/${jobName.toLowerCase()}`;
}
function containerEnv(opts) {
  const env = {
    ...opts.environment,
    TRAINING_JOB_NAME: opts.jobName,
    TRAINING_JOB_ARN: trainingJobArn(opts.region, opts.jobName),
    AWS_REGION: opts.region,
    ...opts.credentials
  };
  return Object.entries(env).map(([key, value]) => `${key}=${value}`);
}
function containerCommand(job) {
  if (job.entrypoint && job.entrypoint.length > 0)
    return { Entrypoint: [...job.entrypoint], Cmd: [...job.arguments ?? []] };
  const ignored = job.arguments && job.arguments.length > 0 ? [...job.arguments] : void 0;
  return { Cmd: ["train"], ...ignored ? { ignoredArguments: ignored } : {} };
}
function trainingContainerOptions(opts) {
  const { Entrypoint, Cmd } = containerCommand(opts.request.job);
  const mounts = opts.mounts.map((m) => ({
    Type: "bind",
    Source: m.source,
    Target: m.target,
    ReadOnly: m.readOnly
  }));
  return {
    name: `${opts.jobName}-${opts.host}`,
    Image: opts.imageUri,
    Hostname: opts.host,
    ...Entrypoint ? { Entrypoint } : {},
    Cmd,
    Env: containerEnv({
      region: opts.request.region,
      jobName: opts.jobName,
      environment: opts.request.job.environment,
      ...opts.credentials ? { credentials: opts.credentials } : {}
    }),
    Labels: { [JOB_LABEL]: opts.jobName, [HOST_LABEL]: opts.host },
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    OpenStdin: false,
    // Model and output live in anonymous volumes, never on host folders (root-owned files on the host are a known
    // local-mode defect); they are read back with getArchive and removed with the container.
    Volumes: { [MODEL_DIR]: {}, [OUTPUT_DIR]: {}, [OUTPUT_DATA_DIR]: {} },
    HostConfig: {
      Mounts: mounts,
      ...opts.network ? { NetworkMode: opts.network } : {},
      ...opts.gpu ? { DeviceRequests: [ALL_GPUS_DEVICE_REQUEST] } : {}
    },
    ...opts.network ? { NetworkingConfig: { EndpointsConfig: { [opts.network]: { Aliases: [opts.host] } } } } : {}
  };
}

// src/backends/local/ownership.ts
function processUser() {
  return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
}
function needsChown(user) {
  const me = processUser();
  return me.uid !== user.uid || me.gid !== user.gid;
}
async function chownTo(path, user, logger) {
  if (!needsChown(user)) return;
  try {
    await chown(path, user.uid, user.gid);
  } catch (err) {
    logger.warning(`Could not give ${path} to uid ${user.uid}: ${err.message}`);
  }
}
async function ensureDir(dir, user, logger) {
  const first = await mkdir(dir, { recursive: true });
  if (first === void 0 || !needsChown(user)) return;
  const created = [];
  for (let current = dir; ; current = dirname(current)) {
    created.push(current);
    if (current === first || dirname(current) === current) break;
  }
  for (const path of created.reverse()) await chownTo(path, user, logger);
}
async function findForeignOwned(dir, user) {
  const stat2 = await lstat(dir).catch(() => void 0);
  if (!stat2) return void 0;
  if (stat2.uid !== user.uid || stat2.gid !== user.gid) return dir;
  if (!stat2.isDirectory()) return void 0;
  for (const entry of await readdir(dir)) {
    const found = await findForeignOwned(join(dir, entry), user);
    if (found) return found;
  }
  return void 0;
}
var HELPER_MOUNT = "/mnt/sagemaker-train-chown";
async function chownWithHelperContainer(opts) {
  const container = await opts.docker.createContainer({
    name: `${opts.jobName}-chown`,
    Image: opts.image,
    User: "0:0",
    Entrypoint: ["chown"],
    Cmd: ["-R", `${opts.user.uid}:${opts.user.gid}`, HELPER_MOUNT],
    Labels: { [JOB_LABEL]: opts.jobName, "sagemaker-train.role": "chown" },
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: "none",
      Mounts: [{ Type: "bind", Source: opts.hostPath, Target: HELPER_MOUNT, ReadOnly: false }]
    }
  });
  opts.onCreated?.(container.id);
  try {
    await container.start();
    const { StatusCode } = await container.wait();
    if (StatusCode !== 0) {
      const output = await container.logs({ stdout: true, stderr: true, follow: false });
      throw new Error(
        `chown -R ${opts.user.uid}:${opts.user.gid} in image ${opts.image} exited with code ${StatusCode}: ` + stripFrameHeaders(output).trim().slice(-500)
      );
    }
  } finally {
    await container.remove({ force: true, v: true }).catch(() => void 0);
  }
}
function stripFrameHeaders(buffer) {
  const parts = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(parts).toString("utf8");
}

// src/backends/local/run.ts
import { createWriteStream } from "node:fs";
import { mkdir as mkdir3, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join as join3 } from "node:path";
import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";

// src/backends/local/channels.ts
import { mkdir as mkdir2, stat } from "node:fs/promises";
import { basename, dirname as dirname2, isAbsolute, join as join2, posix } from "node:path";
var CHANNEL_ROOT = "/opt/ml/input/data";
function channelRelativePath(location, key) {
  const prefix = location.key;
  let rel;
  if (key === prefix && prefix !== "" && !prefix.endsWith("/")) rel = posix.basename(key);
  else {
    const folder = prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
    if (!key.startsWith(folder)) return void 0;
    rel = key.slice(folder.length);
  }
  if (rel === "" || rel.endsWith("/")) return void 0;
  const segments = rel.split("/");
  if (isAbsolute(rel) || segments.includes("..")) {
    throw new Error(
      `S3 object ${s3Uri(location.bucket, key)} cannot be downloaded: its key would be written outside the channel folder ("${rel}"). Rename the object or narrow the channel's S3 prefix.`
    );
  }
  return segments.filter((s) => s !== "" && s !== ".").join("/") || void 0;
}
function shardIndex(objectIndex, hostCount) {
  return objectIndex % hostCount;
}
function planS3Channel(opts) {
  const items = [];
  const exact = opts.keys.includes(opts.location.key) && !opts.location.key.endsWith("/") && opts.location.key !== "";
  const keys = exact ? [opts.location.key] : opts.keys;
  for (const key of keys) {
    const relPath = channelRelativePath(opts.location, key);
    if (relPath === void 0) continue;
    items.push({ key, relPath });
  }
  if (opts.distribution === "ShardedByS3Key" && opts.hostCount > 1) {
    items.forEach((item, i) => item.host = shardIndex(i, opts.hostCount));
  }
  return items;
}
async function runPool(items, concurrency, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
async function downloadS3Channel(opts) {
  const { channel, client, dir, hostCount, signal } = opts;
  const keys = [];
  let bytes = 0;
  for await (const object of listObjects(client, {
    bucket: channel.source.bucket,
    prefix: channel.source.key,
    signal
  })) {
    keys.push(object.key);
    bytes += object.size;
  }
  const plan = planS3Channel({ location: channel.source, keys, distribution: channel.distribution, hostCount });
  const sharded = plan.some((item) => item.host !== void 0);
  const folders = sharded ? Array.from({ length: hostCount }, (_, i) => join2(dir, `algo-${i + 1}`)) : [dir];
  await Promise.all(folders.map((folder) => mkdir2(folder, { recursive: true })));
  opts.logger.info(
    `Channel ${channel.name}: downloading ${plan.length} object(s), ${(bytes / 1024 / 1024).toFixed(1)} MiB, from ${channel.source.uri}${sharded ? ` sharded across ${hostCount} hosts` : ""}`
  );
  await runPool(plan, 8, async (item) => {
    const file = join2(folders[item.host ?? 0], ...item.relPath.split("/"));
    await mkdir2(dirname2(file), { recursive: true });
    await downloadObject(client, { bucket: channel.source.bucket, key: item.key, file, signal });
  });
  return sharded ? folders : Array.from({ length: hostCount }, () => dir);
}
async function localChannelMount(channel) {
  const target = posix.join(CHANNEL_ROOT, channel.name);
  const info = await stat(channel.source.path).catch(() => void 0);
  if (!info) throw new Error(`Channel ${channel.name}: local path ${channel.source.path} does not exist`);
  if (info.isDirectory()) return { source: channel.source.path, target };
  return { source: channel.source.path, target: posix.join(target, basename(channel.source.path)) };
}

// src/backends/local/cleanup.ts
function statusOf(err) {
  return typeof err === "object" && err !== null ? err.statusCode : void 0;
}
async function removeContainer(docker, id, logger) {
  try {
    await docker.getContainer(id).remove({ force: true, v: true });
    logger.debug(`Removed container ${id.slice(0, 12)}`);
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 409) return;
    logger.warning(`Could not remove container ${id.slice(0, 12)}: ${err.message}`);
  }
}
async function removeNetwork(docker, id, logger) {
  try {
    await docker.getNetwork(id).remove();
    logger.debug(`Removed network ${id.slice(0, 12)}`);
  } catch (err) {
    if (statusOf(err) === 404) return;
    logger.warning(`Could not remove network ${id.slice(0, 12)}: ${err.message}`);
  }
}
async function cleanupLocalRun(docker, state, logger) {
  try {
    const containers = (state.containers ?? []).map((id) => id.trim()).filter((id) => id !== "");
    await Promise.all(containers.map((id) => removeContainer(docker, id, logger)));
    if (state.network) await removeNetwork(docker, state.network, logger);
  } catch (err) {
    logger.warning(`Cleanup of the local run failed: ${messageOf(err)}`);
  }
}

// src/backends/local/config-files.ts
var GROUP_NAME = "homogeneousCluster";
function hostNames(count) {
  return Array.from({ length: count }, (_, i) => `algo-${i + 1}`);
}
function hyperparametersConfig(hyperparameters) {
  return Object.fromEntries(Object.entries(hyperparameters).map(([key, value]) => [key, String(value)]));
}
function resourceConfig(opts) {
  return {
    current_host: opts.currentHost,
    current_instance_type: opts.instanceType,
    current_group_name: GROUP_NAME,
    hosts: [...opts.hosts],
    instance_groups: [{ instance_group_name: GROUP_NAME, instance_type: opts.instanceType, hosts: [...opts.hosts] }],
    network_interface_name: "eth0"
  };
}
function inputDataConfig(channels) {
  return Object.fromEntries(
    channels.map((channel) => [
      channel.name,
      {
        TrainingInputMode: channel.inputMode,
        ...channel.contentType !== void 0 ? { ContentType: channel.contentType } : {},
        S3DistributionType: channel.distribution,
        RecordWrapperType: channel.recordWrapper
      }
    ])
  );
}
function checkpointConfig(checkpoint) {
  return {
    LocalPath: checkpoint.containerPath,
    ...checkpoint.s3Uri ? { S3Uri: checkpoint.s3Uri.uri } : {}
  };
}
function hostConfigFiles(opts) {
  return {
    "hyperparameters.json": hyperparametersConfig(opts.hyperparameters),
    "resourceconfig.json": resourceConfig(opts),
    "inputdataconfig.json": inputDataConfig(opts.channels),
    ...opts.checkpoint ? { "checkpointconfig.json": checkpointConfig(opts.checkpoint) } : {}
  };
}

// src/backends/local/logs.ts
import { StringDecoder } from "node:string_decoder";
var KINDS = { 0: "stdin", 1: "stdout", 2: "stderr" };
var DockerStreamDemuxer = class {
  constructor(onPayload) {
    this.onPayload = onPayload;
  }
  onPayload;
  pending = [];
  pendingBytes = 0;
  frame;
  raw = false;
  push(chunk) {
    if (this.raw) {
      this.onPayload("stdout", chunk);
      return;
    }
    let offset = 0;
    while (offset < chunk.length) {
      if (this.frame) {
        const take = Math.min(this.frame.remaining, chunk.length - offset);
        this.onPayload(this.frame.kind, chunk.subarray(offset, offset + take));
        this.frame.remaining -= take;
        offset += take;
        if (this.frame.remaining === 0) this.frame = void 0;
        continue;
      }
      const need = 8 - this.pendingBytes;
      const piece = chunk.subarray(offset, offset + need);
      this.pending.push(piece);
      this.pendingBytes += piece.length;
      offset += piece.length;
      if (this.pendingBytes < 8) return;
      const header = Buffer.concat(this.pending, 8);
      this.pending = [];
      this.pendingBytes = 0;
      const kind = KINDS[header[0] ?? -1];
      if (!kind || header[1] !== 0 || header[2] !== 0 || header[3] !== 0) {
        this.raw = true;
        this.onPayload("stdout", Buffer.concat([header, chunk.subarray(offset)]));
        return;
      }
      const size = header.readUInt32BE(4);
      if (size > 0) this.frame = { kind, remaining: size };
    }
  }
  /** Bytes of an unfinished header at the end of the stream (only a raw stream shorter than 8 bytes has them). */
  end() {
    if (this.pendingBytes > 0) this.onPayload("stdout", Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }
};
var MAX_LINE_CHARS = 64 * 1024;
var LineSplitter = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  decoder = new StringDecoder("utf8");
  partial = "";
  push(chunk) {
    const text = this.partial + this.decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      this.emit(text.slice(start, nl));
      start = nl + 1;
    }
    this.partial = text.slice(start);
    while (this.partial.length > MAX_LINE_CHARS) {
      this.onLine(this.partial.slice(0, MAX_LINE_CHARS));
      this.partial = this.partial.slice(MAX_LINE_CHARS);
    }
  }
  /** Emits the last line when the stream ended without a newline. */
  flush() {
    const rest = this.partial + this.decoder.end();
    this.partial = "";
    if (rest !== "") this.emit(rest);
  }
  emit(line) {
    this.onLine(line.endsWith("\r") ? line.slice(0, -1) : line);
  }
};
function followContainerOutput(stream, onLine) {
  const splitters = {
    stdin: new LineSplitter((line) => onLine(line, "stdin")),
    stdout: new LineSplitter((line) => onLine(line, "stdout")),
    stderr: new LineSplitter((line) => onLine(line, "stderr"))
  };
  const demuxer = new DockerStreamDemuxer((kind, payload) => splitters[kind].push(payload));
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      demuxer.end();
      for (const splitter of Object.values(splitters)) splitter.flush();
      resolve();
    };
    stream.on("data", (chunk) => demuxer.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk));
    stream.once("end", finish);
    stream.once("close", finish);
    stream.once("error", finish);
  });
}

// src/backends/local/run.ts
var MAX_RUNTIME_GRACE_SECONDS = 120;
var LOG_DRAIN_TIMEOUT_MS = 5e3;
var FAILURE_REASON_MAX = 1024;
function statusOf2(err) {
  return typeof err === "object" && err !== null ? err.statusCode : void 0;
}
async function allSettledOrThrow(promises) {
  const results = await Promise.allSettled(promises);
  const failure = results.find((r) => r.status === "rejected");
  if (failure) throw failure.reason;
}
var LocalRun = class {
  constructor(deps, ctx) {
    this.deps = deps;
    this.ctx = ctx;
    this.request = ctx.request;
    this.logger = ctx.logger;
    this.hostLog = new HostLog(ctx.logger, ctx.onLogLine);
    this.hosts = hostNames(this.request.job.instanceCount).map((host, index) => ({
      host,
      index,
      mounts: [],
      started: false
    }));
  }
  deps;
  ctx;
  request;
  logger;
  hosts;
  containerIds = [];
  hostLog;
  workDir;
  networkId;
  s3Client;
  stopReason;
  firstFailed;
  /** The clear error for an engine that refuses the GPU request docker info gave no sign it could serve. */
  gpuRefusal;
  trainingStart;
  trainingEnd;
  artifactError;
  /**
   * The packer (tar-stream) is needed only once the containers have exited: it loads while they start and run, not
   * before the first engine call.
   */
  artifacts;
  artifactsModule() {
    this.artifacts ??= import("./artifacts-SSGVW4TV.js");
    return this.artifacts;
  }
  async execute() {
    const startedAt = this.deps.now();
    let error;
    let artifacts = {};
    try {
      this.validate();
      if (this.ctx.signal.aborted) this.stopReason = "aborted";
      else {
        const gpu = await this.resolveGpu();
        const credentials = await this.resolveCredentials();
        await this.prepare();
        await this.createContainers(gpu, credentials);
        void this.artifactsModule().catch(() => void 0);
        await this.startAndWait();
      }
    } catch (err) {
      error = err;
    } finally {
      await this.stopRunning(this.request.local.cancelGraceSeconds);
      try {
        artifacts = await this.collectArtifacts();
      } catch (err) {
        this.artifactError = `could not write the model and output artifacts: ${messageOf(err)}`;
        this.logger.error(`Local run ${this.ctx.jobName}: ${this.artifactError}`);
      }
      await this.giveBackCheckpoints();
      await this.teardown();
    }
    if (error !== void 0) {
      if (!this.ctx.signal.aborted) throw error instanceof Error ? error : new Error(messageOf(error));
      if (!isAbortError(error)) this.logger.debug(`After cancellation: ${messageOf(error)}`);
      this.stopReason = "aborted";
    }
    return this.result(startedAt, artifacts);
  }
  validate() {
    const pipe = this.request.channels.find((c) => c.inputMode === "Pipe");
    if (pipe) {
      throw new Error(
        `Channel ${pipe.name} uses Pipe input mode, which local mode does not support: use File or FastFile`
      );
    }
    const { ignoredArguments } = containerCommand(this.request.job);
    if (ignoredArguments) {
      this.logger.warning(
        `job.arguments (${ignoredArguments.join(" ")}) are not passed: without job.entrypoint the image runs with the single argument "train", as on SageMaker. Set job.entrypoint to pass arguments.`
      );
    }
  }
  /** Asks the engine about GPUs only when the instance type wants them (a CPU run saves the round trip). */
  async resolveGpu() {
    const { instanceType } = this.request.job;
    if (!instanceTypeHasGpu(instanceType)) return false;
    const info = await this.deps.docker.info();
    const decision = decideGpu({ instanceType, policy: this.request.local.gpu, engineSupport: engineGpuSupport(info) });
    if (!decision.useGpu) {
      if (decision.warning) this.logger.warning(decision.warning);
      return false;
    }
    this.gpuRefusal = decision.refusal;
    this.logger.info(`GPUs: all of the engine's GPUs are requested (${decision.via})`);
    return true;
  }
  async resolveCredentials() {
    if (!this.request.local.awsCredentials) return void 0;
    const variables = await containerCredentials({
      region: this.request.region,
      source: this.deps.credentials,
      logger: this.logger,
      maxRuntimeSeconds: this.request.job.maxRuntimeSeconds,
      now: this.deps.now
    });
    for (const name of SECRET_CREDENTIAL_VARIABLES) this.hostLog.hide(variables[name] ?? "");
    return variables;
  }
  async prepare() {
    const workDir = await mkdtemp(join3(this.deps.tmpDir, `sagemaker-train-${this.ctx.jobName}-`));
    this.workDir = workDir;
    const tasks = [this.writeConfigFiles(workDir), this.prepareChannels(workDir)];
    if (this.hosts.length > 1) tasks.push(this.createNetwork());
    const checkpoint = this.request.job.checkpoint;
    if (checkpoint) {
      tasks.push(ensureDir(checkpoint.hostPath, this.deps.hostUser, this.logger));
      for (const h of this.hosts)
        h.mounts.push({ source: checkpoint.hostPath, target: checkpoint.containerPath, readOnly: false });
    }
    await allSettledOrThrow(tasks);
  }
  async writeConfigFiles(workDir) {
    const hosts = this.hosts.map((h) => h.host);
    await Promise.all(
      this.hosts.map(async (h) => {
        const dir = join3(workDir, h.host, "input", "config");
        await mkdir3(dir, { recursive: true, mode: 493 });
        const files = hostConfigFiles({
          currentHost: h.host,
          hosts,
          instanceType: this.request.job.instanceType,
          hyperparameters: this.request.hyperparameters,
          channels: this.request.channels,
          checkpoint: this.request.job.checkpoint
        });
        await Promise.all(
          Object.entries(files).map(
            ([name, content]) => writeFile(join3(dir, name), JSON.stringify(content), { mode: 420 })
          )
        );
        h.mounts.unshift({ source: dir, target: CONFIG_DIR, readOnly: true });
      })
    );
  }
  async prepareChannels(workDir) {
    await Promise.all(this.request.channels.map((channel) => this.prepareChannel(channel, workDir)));
  }
  async prepareChannel(channel, workDir) {
    const source = channel.source;
    if (source.kind === "local") {
      const mount = await localChannelMount({ ...channel, source });
      for (const h of this.hosts) h.mounts.push({ ...mount, readOnly: true });
      return;
    }
    const folders = await downloadS3Channel({
      channel: { ...channel, source },
      client: await this.s3(),
      dir: join3(workDir, "data", channel.name),
      hostCount: this.hosts.length,
      logger: this.logger,
      signal: this.ctx.signal
    });
    for (const h of this.hosts) {
      h.mounts.push({ source: folders[h.index], target: `${CHANNEL_ROOT}/${channel.name}`, readOnly: true });
    }
  }
  s3() {
    this.s3Client ??= this.deps.s3(this.request.region);
    return this.s3Client;
  }
  async createNetwork() {
    const network = await this.deps.docker.createNetwork({
      Name: this.ctx.jobName,
      Driver: "bridge",
      CheckDuplicate: true,
      Labels: { [JOB_LABEL]: this.ctx.jobName }
    });
    this.networkId = network.id;
    this.ctx.onState?.("network", network.id);
  }
  async createContainers(gpu, credentials) {
    await allSettledOrThrow(
      this.hosts.map(async (h) => {
        const options = trainingContainerOptions({
          request: this.request,
          jobName: this.ctx.jobName,
          host: h.host,
          imageUri: this.ctx.imageUri,
          mounts: h.mounts,
          network: this.networkId ? this.ctx.jobName : void 0,
          gpu,
          ...credentials ? { credentials } : {}
        });
        try {
          h.container = await this.deps.docker.createContainer(options);
        } catch (err) {
          if (statusOf2(err) === 404) {
            throw new Error(
              `Image ${this.ctx.imageUri} is not in the Docker engine (local mode does not pull): ${messageOf(err)}`
            );
          }
          throw err;
        }
        this.recordContainer(h.container.id);
      })
    );
  }
  recordContainer(id) {
    this.containerIds.push(id);
    this.ctx.onState?.("containers", this.containerIds.join(","));
  }
  async startAndWait() {
    const hosts = this.hosts.filter((h) => !!h.container);
    const streams = await Promise.all(
      hosts.map(
        async (h) => await h.container.attach({ stream: true, stdout: true, stderr: true })
      )
    );
    const logsDone = hosts.map(
      (h, i) => followContainerOutput(streams[i], (line) => this.hostLog.line(h.host, line))
    );
    const onAbort = () => this.stopAll("aborted", this.request.local.cancelGraceSeconds);
    this.ctx.signal.addEventListener("abort", onAbort, { once: true });
    const cancelMaxRuntime = setLongTimeout(() => {
      this.logger.warning(
        `Max runtime of ${this.request.job.maxRuntimeSeconds} s reached: stopping (SIGTERM, ${MAX_RUNTIME_GRACE_SECONDS} s grace)`
      );
      this.stopAll("maxRuntime", MAX_RUNTIME_GRACE_SECONDS);
    }, this.request.job.maxRuntimeSeconds * 1e3);
    try {
      if (this.ctx.signal.aborted) {
        this.stopReason ??= "aborted";
        for (const stream of streams) stream.destroy();
        return;
      }
      this.trainingStart = this.deps.now();
      this.logger.info(`Starting ${hosts.map((h) => h.host).join(", ")} (image ${this.ctx.imageUri})`);
      await Promise.all(hosts.map((h) => this.startHost(h)));
      await Promise.all(hosts.map((h) => this.waitHost(h)));
      this.trainingEnd = this.deps.now();
      await this.drainLogs(logsDone, streams);
    } finally {
      cancelMaxRuntime();
      this.ctx.signal.removeEventListener("abort", onAbort);
    }
  }
  /** The attach streams end when the containers exit; a stream the engine keeps open is cut after a short wait. */
  async drainLogs(logsDone, streams) {
    const drained = new AbortController();
    await Promise.race([Promise.all(logsDone), sleep(LOG_DRAIN_TIMEOUT_MS, drained.signal).catch(() => void 0)]);
    drained.abort();
    for (const stream of streams) stream.destroy();
  }
  async startHost(h) {
    try {
      await h.container.start();
    } catch (err) {
      if (this.gpuRefusal && isGpuRefusal(err))
        throw new Error(`${this.gpuRefusal} The engine said: ${messageOf(err)}`);
      throw err;
    }
    h.started = true;
    if (this.stopReason) await this.stopHost(h, this.request.local.cancelGraceSeconds);
  }
  async waitHost(h) {
    const { StatusCode } = await h.container.wait();
    h.exitCode = StatusCode;
    if (StatusCode !== 0 && !this.stopReason) {
      this.firstFailed = h;
      this.logger.error(`${h.host} exited with code ${StatusCode}: stopping the other hosts`);
      this.stopAll("hostFailed", this.request.local.cancelGraceSeconds);
    }
  }
  /** Records why the run stops (the first reason wins) and stops every running host with `graceSeconds`. */
  stopAll(reason, graceSeconds) {
    this.stopReason ??= reason;
    for (const h of this.hosts) void this.stopHost(h, graceSeconds);
  }
  async stopHost(h, graceSeconds) {
    if (!h.container || !h.started || h.exitCode !== void 0) return;
    try {
      await h.container.stop({ t: Math.max(0, Math.round(graceSeconds)) });
    } catch (err) {
      const status = statusOf2(err);
      if (status !== 304 && status !== 404) this.logger.warning(`Could not stop ${h.host}: ${messageOf(err)}`);
    }
  }
  /** After an error mid-run: hosts still running are stopped before their artifacts are read. */
  async stopRunning(graceSeconds) {
    const running = this.hosts.filter((h) => h.started && h.exitCode === void 0);
    if (running.length === 0) return;
    await Promise.all(running.map((h) => this.stopHost(h, graceSeconds)));
  }
  async collectArtifacts() {
    const started = this.hosts.filter((h) => h.started && h.container);
    if (started.length === 0) return {};
    const order = [...started].reverse();
    const failure = this.stopReason === "hostFailed" ? this.readFailureReason() : Promise.resolve(void 0);
    await this.ensureLocalOutputDir();
    const model = this.writeArchive("model.tar.gz", order, MODEL_DIR);
    const output = this.writeArchive("output.tar.gz", order, OUTPUT_DATA_DIR);
    await allSettledOrThrow([model, output]);
    return { model: await model, output: await output, failure: await failure };
  }
  localOutputDir() {
    const output = this.request.output;
    return output.kind === "local" ? join3(output.path, this.ctx.jobName, "output") : void 0;
  }
  async ensureLocalOutputDir() {
    const dir = this.localOutputDir();
    if (dir) await ensureDir(dir, this.deps.hostUser, this.logger);
  }
  async writeArchive(name, hosts, containerPath) {
    const [target, { writeTarGz, appendRerootedArchive }] = await Promise.all([
      this.openArtifactTarget(name),
      this.artifactsModule()
    ]);
    const writing = writeTarGz(target.stream, async (pack) => {
      const seen = /* @__PURE__ */ new Set();
      for (const h of hosts) {
        const source = await this.archiveOf(h, containerPath);
        if (source) await appendRerootedArchive(pack, source, seen);
      }
    });
    await Promise.all([writing, target.done]);
    await target.afterWrite?.();
    return target.uri;
  }
  async openArtifactTarget(name) {
    const output = this.request.output;
    if (output.kind === "local") {
      const file = join3(this.localOutputDir(), name);
      const stream = createWriteStream(file);
      return {
        uri: file,
        stream,
        done: finished(stream),
        afterWrite: () => chownTo(file, this.deps.hostUser, this.logger)
      };
    }
    return this.openS3Target(output, name);
  }
  async openS3Target(output, name) {
    const key = joinS3Key(output.key, this.ctx.jobName, "output", name);
    const body = new PassThrough({ highWaterMark: 1024 * 1024 });
    const client = await this.s3();
    const done = uploadStream(client, { bucket: output.bucket, key, body, contentType: "application/gzip" }).catch(
      (err) => {
        body.destroy(err);
        throw err;
      }
    );
    return { uri: s3Uri(output.bucket, key), stream: body, done };
  }
  /** Docker's tar of a path in a (stopped) container, or undefined when the path does not exist. */
  async archiveOf(h, path) {
    try {
      return await h.container?.getArchive({ path });
    } catch (err) {
      if (statusOf2(err) === 404) return void 0;
      throw err;
    }
  }
  /** /opt/ml/output/failure of the host that failed first, else of any other host, in host order. */
  async readFailureReason() {
    const candidates = [this.firstFailed, ...this.hosts.filter((h) => h !== this.firstFailed)].filter(
      (h) => !!h?.started
    );
    const texts = await Promise.all(
      candidates.map(async (h) => {
        try {
          const [source, { readFirstFileText }] = await Promise.all([
            this.archiveOf(h, FAILURE_FILE),
            this.artifactsModule()
          ]);
          return source ? (await readFirstFileText(source, FAILURE_REASON_MAX * 4))?.trim() : void 0;
        } catch (err) {
          this.logger.debug(`Could not read ${FAILURE_FILE} of ${h.host}: ${messageOf(err)}`);
          return void 0;
        }
      })
    );
    return texts.find((text) => !!text);
  }
  /** Checkpoints written by a root container are given back to the invoking user (see ownership.ts). */
  async giveBackCheckpoints() {
    const checkpoint = this.request.job.checkpoint;
    const user = this.deps.hostUser;
    if (!checkpoint || user.uid === 0 || !this.hosts.some((h) => h.started)) return;
    try {
      const foreign = await findForeignOwned(checkpoint.hostPath, user);
      if (!foreign) return;
      this.logger.info(`Giving the checkpoint files in ${checkpoint.hostPath} back to uid ${user.uid}`);
      await chownWithHelperContainer({
        docker: this.deps.docker,
        image: this.ctx.imageUri,
        hostPath: checkpoint.hostPath,
        user,
        jobName: this.ctx.jobName,
        logger: this.logger,
        onCreated: (id) => this.recordContainer(id)
      });
    } catch (err) {
      this.logger.warning(`Checkpoint files in ${checkpoint.hostPath} may still be owned by root: ${messageOf(err)}`);
    }
  }
  async teardown() {
    const removeDocker = async () => {
      await Promise.all(this.containerIds.map((id) => removeContainer(this.deps.docker, id, this.logger)));
      if (this.networkId) await removeNetwork(this.deps.docker, this.networkId, this.logger);
    };
    const removeWorkDir = async () => {
      if (!this.workDir) return;
      await rm(this.workDir, { recursive: true, force: true }).catch(
        (err) => this.logger.warning(`Could not remove ${this.workDir}: ${messageOf(err)}`)
      );
    };
    await Promise.all([removeDocker(), removeWorkDir()]);
  }
  result(startedAt, artifacts) {
    const endedAt = this.deps.now();
    const { status, secondaryStatus, failureReason } = this.outcome(artifacts.failure);
    const hosts = this.hosts.map((h) => ({ host: h.host, exitCode: h.exitCode ?? null }));
    const training = this.trainingStart ? ((this.trainingEnd ?? endedAt).getTime() - this.trainingStart.getTime()) / 1e3 : void 0;
    return {
      mode: "local",
      jobName: this.ctx.jobName,
      status,
      secondaryStatus,
      ...failureReason ? { failureReason } : {},
      metrics: {},
      metricSeries: {},
      ...artifacts.model ? { modelArtifacts: artifacts.model } : {},
      ...artifacts.output ? { outputArtifacts: artifacts.output } : {},
      imageUri: this.ctx.imageUri,
      instanceType: this.request.job.instanceType,
      instanceCount: this.request.job.instanceCount,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationSeconds: (endedAt.getTime() - startedAt.getTime()) / 1e3,
      ...training !== void 0 ? { trainingSeconds: training } : {},
      hosts,
      logTail: this.hostLog.lastLines(),
      links: []
    };
  }
  outcome(failureText) {
    switch (this.stopReason) {
      case "aborted":
        return { status: "Stopped", secondaryStatus: "Stopped" };
      case "maxRuntime":
        return {
          status: "Failed",
          secondaryStatus: "MaxRuntimeExceeded",
          failureReason: `MaxRuntimeExceeded: Training job runtime exceeded MaxRuntimeInSeconds provided (${this.request.job.maxRuntimeSeconds} s)`
        };
      case "hostFailed": {
        const failed = this.firstFailed;
        const reason = failureText ? `AlgorithmError: ${failureText}` : `AlgorithmError: ${failed.host} exited with code ${failed.exitCode}`;
        return { status: "Failed", secondaryStatus: "Failed", failureReason: reason.slice(0, FAILURE_REASON_MAX) };
      }
      default:
        if (this.artifactError) {
          return { status: "Failed", secondaryStatus: "Failed", failureReason: `ClientError: ${this.artifactError}` };
        }
        return { status: "Completed", secondaryStatus: "Completed" };
    }
  }
};

// src/backends/local/index.ts
var LocalBackend = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  run(ctx) {
    const run = new LocalRun(
      {
        docker: this.deps.docker,
        s3: this.deps.s3 ?? createS3Client,
        hostUser: this.deps.hostUser ?? processUser(),
        tmpDir: this.deps.tmpDir ?? tmpdir(),
        now: this.deps.now ?? (() => /* @__PURE__ */ new Date()),
        credentials: this.deps.credentials ?? defaultCredentialSource
      },
      ctx
    );
    return run.execute();
  }
};

export {
  instanceTypeHasGpu,
  JOB_LABEL,
  cleanupLocalRun,
  LocalBackend
};
