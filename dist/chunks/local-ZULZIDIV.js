var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var local_ZULZIDIV_exports = {};
__export(local_ZULZIDIV_exports, {
  JOB_LABEL: () => JOB_LABEL,
  LocalBackend: () => LocalBackend,
  cleanupLocalRun: () => import_chunk_E32V7DX2.cleanupLocalRun,
  instanceTypeHasGpu: () => import_chunk_4VGYOB5M.instanceTypeHasGpu
});
module.exports = __defProp(local_ZULZIDIV_exports, "__esModule", { value: true });
var import_chunk_UMA3BQCH = require("./chunk-UMA3BQCH.js");
var import_chunk_NBTSJA7Y = require("./chunk-NBTSJA7Y.js");
var import_chunk_HNNMNGSZ = require("./chunk-HNNMNGSZ.js");
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_4VGYOB5M = require("./chunk-4VGYOB5M.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_E32V7DX2 = require("./chunk-E32V7DX2.js");
var import_chunk_AJ4NKK5M = require("./chunk-AJ4NKK5M.js");
var import_chunk_Q3ZBZB5P = require("./chunk-Q3ZBZB5P.js");
var import_chunk_HIONJ6JB = require("./chunk-HIONJ6JB.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var import_node_os = require("node:os");
var import_promises = require("node:fs/promises");
var import_promises2 = require("node:fs/promises");
var import_node_path = require("node:path");
var import_promises3 = require("node:fs/promises");
var import_node_path2 = require("node:path");
var import_node_fs = require("node:fs");
var import_promises4 = require("node:fs/promises");
var import_node_path3 = require("node:path");
var import_node_fs2 = require("node:fs");
var import_promises5 = require("node:fs/promises");
var import_node_path4 = require("node:path");
var import_promises6 = require("node:fs/promises");
var import_node_path5 = require("node:path");
var import_node_fs3 = require("node:fs");
var import_promises7 = require("node:fs/promises");
var import_node_path6 = require("node:path");
var import_node_stream = require("node:stream");
var import_promises8 = require("node:stream/promises");
var import_promises9 = require("node:fs/promises");
var import_node_path7 = require("node:path");
var import_promises10 = require("node:fs/promises");
var import_node_path8 = require("node:path");
var defaultCredentialSource = async (region) => {
  const { clientConfig } = await Promise.resolve().then(() => require("./client-config-N44BCY6C.js"));
  const installed = clientConfig(region).credentials;
  if (installed) return installed;
  const { fromNodeProviderChain } = await Promise.resolve().then(() => require("./dist-es-EZWE5TBL.js"));
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
      `local.aws-credentials is true but no AWS credentials could be resolved (${(0, import_chunk_OEPHYHQN.messageOf)(err)}). Configure credentials first (aws-actions/configure-aws-credentials, the input role-to-assume, or a profile), or remove local.aws-credentials.`,
      { cause: err }
    );
  }
  o.logger.mask?.(credentials.secretAccessKey);
  if (credentials.sessionToken) o.logger.mask?.(credentials.sessionToken);
  const { expiration } = credentials;
  const end = o.now().getTime() + o.maxRuntimeSeconds * 1e3;
  if (expiration && expiration.getTime() < end) {
    o.logger.warning(
      `The AWS credentials handed to the containers expire at ${expiration.toISOString()}, before max runtime (${(0, import_chunk_HIONJ6JB.formatDuration)(o.maxRuntimeSeconds)}) could end: the containers cannot renew them, so AWS calls from the training code fail after that.`
    );
  }
  o.logger.info(
    `AWS credentials: the containers get access key ${credentials.accessKeyId}${credentials.sessionToken ? " with a session token" : ""} (local.aws-credentials)`
  );
  return credentialVariables(credentials);
}
var NVIDIA_PROC_GPUS = "/proc/driver/nvidia/gpus";
function engineIsLocal(dockerHost) {
  return dockerHost === void 0 || dockerHost === "" || dockerHost.startsWith("unix://");
}
function defaultEngineGpuCount(opts) {
  return async (info) => {
    const cdi = (0, import_chunk_4VGYOB5M.cdiGpuCount)(info);
    if (cdi !== void 0 || !engineIsLocal(opts.dockerHost)) return cdi;
    const entries = await (0, import_promises.readdir)(opts.procDir ?? NVIDIA_PROC_GPUS).catch(() => void 0);
    return entries && entries.length > 0 ? entries.length : void 0;
  };
}
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
function boundVolume(source, target, jobName) {
  return {
    Type: "volume",
    Source: "",
    Target: target,
    VolumeOptions: {
      NoCopy: false,
      Labels: { [JOB_LABEL]: jobName },
      DriverConfig: { Name: "local", Options: { type: "none", o: "bind", device: source } }
    }
  };
}
var SHM_TMPFS = "rw,nosuid,nodev,noexec,mode=1777";
function trainingContainerOptions(opts) {
  const { Entrypoint, Cmd } = containerCommand(opts.request.job);
  const mounts = [
    ...opts.mounts.map((m) => ({
      Type: "bind",
      Source: m.source,
      Target: m.target,
      ReadOnly: m.readOnly
    })),
    boundVolume(opts.artifacts.model, MODEL_DIR, opts.jobName),
    boundVolume(opts.artifacts.output, OUTPUT_DIR, opts.jobName),
    boundVolume(opts.artifacts.outputData, OUTPUT_DATA_DIR, opts.jobName)
  ];
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
    HostConfig: {
      Mounts: mounts,
      ...opts.network ? { NetworkMode: opts.network } : {},
      ...opts.gpus ? { DeviceRequests: [opts.gpus] } : {},
      ...opts.shmSizeBytes !== void 0 ? { ShmSize: opts.shmSizeBytes } : { Tmpfs: { "/dev/shm": SHM_TMPFS } },
      ...opts.ulimits && opts.ulimits.length > 0 ? { Ulimits: opts.ulimits } : {}
    },
    ...opts.network ? { NetworkingConfig: { EndpointsConfig: { [opts.network]: { Aliases: [opts.host] } } } } : {}
  };
}
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
    await (0, import_promises2.chown)(path, user.uid, user.gid);
  } catch (err) {
    logger.warning(`Could not give ${path} to uid ${user.uid}: ${err.message}`);
  }
}
async function ensureDir(dir, user, logger) {
  const first = await (0, import_promises2.mkdir)(dir, { recursive: true });
  if (first === void 0 || !needsChown(user)) return;
  const created = [];
  for (let current = dir; ; current = (0, import_node_path.dirname)(current)) {
    created.push(current);
    if (current === first || (0, import_node_path.dirname)(current) === current) break;
  }
  for (const path of created.reverse()) await chownTo(path, user, logger);
}
async function findForeignOwned(dir, user) {
  const stat3 = await (0, import_promises2.lstat)(dir).catch(() => void 0);
  if (!stat3) return void 0;
  if (stat3.uid !== user.uid || stat3.gid !== user.gid) return dir;
  if (!stat3.isDirectory()) return void 0;
  for (const entry of await (0, import_promises2.readdir)(dir)) {
    const found = await findForeignOwned((0, import_node_path.join)(dir, entry), user);
    if (found) return found;
  }
  return void 0;
}
var HELPER_MOUNT = "/mnt/sagemaker-train-chown";
async function chownWithHelperContainer(opts) {
  const container = await (0, import_chunk_AJ4NKK5M.createContainer)(opts.docker, {
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
function artifactRoot(workDir) {
  return (0, import_node_path3.join)(workDir, "artifacts");
}
function artifactDirsOf(workDir, host) {
  const base = (0, import_node_path3.join)(artifactRoot(workDir), host);
  return { model: (0, import_node_path3.join)(base, "model"), output: (0, import_node_path3.join)(base, "output"), outputData: (0, import_node_path3.join)(base, "output-data") };
}
async function makeArtifactDirs(dirs) {
  await Promise.all(
    [dirs.model, dirs.output, dirs.outputData].map(async (dir) => {
      await (0, import_promises4.mkdir)(dir, { recursive: true });
      await (0, import_promises4.chmod)(dir, 493);
    })
  );
}
async function firstBlockedPath(dir, me) {
  if (me.uid === 0) return void 0;
  const stat3 = await (0, import_promises4.lstat)(dir).catch(() => void 0);
  if (!stat3 || stat3.isSymbolicLink()) return void 0;
  const foreign = stat3.uid !== me.uid;
  if (!stat3.isDirectory()) return foreign && !await canAccess(dir, import_node_fs.constants.R_OK) ? dir : void 0;
  if (foreign && !await canAccess(dir, import_node_fs.constants.R_OK | import_node_fs.constants.X_OK)) return dir;
  const entries = await (0, import_promises4.readdir)(dir);
  if (foreign && entries.length > 0) return dir;
  for (const entry of entries) {
    const found = await firstBlockedPath((0, import_node_path3.join)(dir, entry), me);
    if (found) return found;
  }
  return void 0;
}
async function canAccess(path, mode) {
  return (0, import_promises4.access)(path, mode).then(
    () => true,
    () => false
  );
}
async function makeArtifactsRemovable(opts) {
  const root = artifactRoot(opts.workDir);
  const blocked = await firstBlockedPath(root, opts.me);
  if (!blocked) return;
  opts.logger.debug(`${blocked} was written by another user: giving the artifact folders to uid ${opts.me.uid}`);
  await chownWithHelperContainer({
    docker: opts.docker,
    image: opts.image,
    hostPath: root,
    user: opts.me,
    jobName: opts.jobName,
    logger: opts.logger,
    onCreated: opts.onCreated
  });
}
var CHANNEL_ROOT = "/opt/ml/input/data";
function channelRelativePath(location, key) {
  const prefix = location.key;
  let rel;
  if (key === prefix && prefix !== "" && !prefix.endsWith("/")) rel = import_node_path5.posix.basename(key);
  else {
    const folder = prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
    if (!key.startsWith(folder)) return void 0;
    rel = key.slice(folder.length);
  }
  if (rel === "" || rel.endsWith("/")) return void 0;
  const segments = rel.split("/");
  if ((0, import_node_path5.isAbsolute)(rel) || segments.includes("..")) {
    throw new Error(
      `S3 object ${(0, import_chunk_G3PK4UPH.s3Uri)(location.bucket, key)} cannot be downloaded: its key would be written outside the channel folder ("${rel}"). Rename the object or narrow the channel's S3 prefix.`
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
  for await (const object of (0, import_chunk_G3PK4UPH.listObjects)(client, {
    bucket: channel.source.bucket,
    prefix: channel.source.key,
    signal
  })) {
    keys.push(object.key);
    bytes += object.size;
  }
  const plan = planS3Channel({ location: channel.source, keys, distribution: channel.distribution, hostCount });
  const sharded = plan.some((item) => item.host !== void 0);
  const folders = sharded ? Array.from({ length: hostCount }, (_, i) => (0, import_node_path5.join)(dir, `algo-${i + 1}`)) : [dir];
  await Promise.all(folders.map((folder) => (0, import_promises6.mkdir)(folder, { recursive: true })));
  opts.logger.info(
    `Channel ${channel.name}: downloading ${plan.length} object(s), ${(bytes / 1024 / 1024).toFixed(1)} MiB, from ${channel.source.uri}${sharded ? ` sharded across ${hostCount} hosts` : ""}`
  );
  await runPool(plan, 8, async (item) => {
    const file = (0, import_node_path5.join)(folders[item.host ?? 0], ...item.relPath.split("/"));
    await (0, import_promises6.mkdir)((0, import_node_path5.dirname)(file), { recursive: true });
    await (0, import_chunk_G3PK4UPH.downloadObject)(client, { bucket: channel.source.bucket, key: item.key, file, signal });
  });
  return sharded ? folders : Array.from({ length: hostCount }, () => dir);
}
async function localChannelMount(channel) {
  const target = import_node_path5.posix.join(CHANNEL_ROOT, channel.name);
  const info = await (0, import_promises6.stat)(channel.source.path).catch(() => void 0);
  if (!info) throw new Error(`Channel ${channel.name}: local path ${channel.source.path} does not exist`);
  if (info.isDirectory()) return { source: channel.source.path, target };
  return { source: channel.source.path, target: import_node_path5.posix.join(target, (0, import_node_path5.basename)(channel.source.path)) };
}
var fingerprint = (size, mtimeMs) => `${size}:${Math.floor(mtimeMs)}`;
var CheckpointSync = class {
  constructor(opts) {
    this.opts = opts;
  }
  opts;
  uploaded = /* @__PURE__ */ new Map();
  timer;
  running;
  warned = /* @__PURE__ */ new Set();
  /** Downloads every object under the location into the folder. */
  async download() {
    const { location, dir, signal } = this.opts;
    try {
      const client = await this.opts.s3();
      let count = 0;
      for await (const object of (0, import_chunk_G3PK4UPH.listObjects)(client, {
        bucket: location.bucket,
        prefix: folderKey(location.key),
        signal
      })) {
        const rel = channelRelativePath({ ...location, key: folderKey(location.key) }, object.key);
        if (rel === void 0) continue;
        const file = (0, import_node_path4.join)(dir, ...rel.split("/"));
        await (0, import_promises5.mkdir)((0, import_node_path4.dirname)(file), { recursive: true });
        await (0, import_chunk_G3PK4UPH.downloadObject)(client, { bucket: location.bucket, key: object.key, file, signal });
        const info = await (0, import_promises5.stat)(file);
        this.uploaded.set(rel, fingerprint(info.size, info.mtimeMs));
        count += 1;
      }
      this.opts.logger.info(`Checkpoints: ${count} file(s) downloaded from ${location.uri} into ${dir}`);
    } catch (err) {
      if (signal.aborted) throw err;
      this.warnOnce(
        "download",
        `could not download ${location.uri} (${(0, import_chunk_OEPHYHQN.messageOf)(err)}); the job starts from ${dir} as it is`
      );
    }
  }
  /** Uploads new and changed files every interval until `finish`. */
  start() {
    this.timer = setInterval(() => {
      if (!this.running && !this.opts.signal.aborted)
        this.running = this.upload("during").finally(() => this.running = void 0);
    }, this.opts.intervalMs);
    this.timer.unref();
  }
  /** Stops the interval, lets an upload in flight end, and uploads what changed since, within finalTimeoutMs. */
  async finish() {
    clearInterval(this.timer);
    await this.running;
    const bound = AbortSignal.timeout(this.opts.finalTimeoutMs);
    await this.upload("end", bound);
  }
  async upload(phase, signal = this.opts.signal) {
    const { location, dir } = this.opts;
    let count = 0;
    try {
      const client = await this.opts.s3();
      for (const file of await changedFiles(dir, this.uploaded)) {
        signal.throwIfAborted();
        const { PutObjectCommand } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
        await client.send(
          new PutObjectCommand({
            Bucket: location.bucket,
            Key: (0, import_chunk_G3PK4UPH.joinS3Key)(folderKey(location.key), file.rel),
            Body: (0, import_node_fs2.createReadStream)(file.path),
            ContentLength: file.size
          }),
          { abortSignal: signal }
        );
        this.uploaded.set(file.rel, file.fingerprint);
        count += 1;
      }
      if (count > 0 || phase === "end") {
        this.opts.logger.info(
          `Checkpoints: ${count} new or changed file(s) uploaded to ${location.uri}${phase === "end" ? " at the end" : ""}`
        );
      }
    } catch (err) {
      this.warnOnce(
        phase,
        `could not upload to ${location.uri}${phase === "end" ? " at the end" : " while the job runs"} (${(0, import_chunk_OEPHYHQN.messageOf)(err)}); the checkpoints are kept in ${dir}`
      );
    }
  }
  warnOnce(phase, text) {
    if (this.warned.has(phase)) this.opts.logger.debug(`Checkpoints: ${text}`);
    else this.opts.logger.warning(`Checkpoints: ${text}`);
    this.warned.add(phase);
  }
};
function folderKey(key) {
  return key === "" || key.endsWith("/") ? key : `${key}/`;
}
async function changedFiles(dir, known) {
  const entries = await (0, import_promises5.readdir)(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const changed = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = (0, import_node_path4.join)(entry.parentPath, entry.name);
    const info = await (0, import_promises5.stat)(path).catch(() => void 0);
    if (!info) continue;
    const rel = (0, import_node_path4.relative)(dir, path).split(import_node_path4.sep).join("/");
    const print = fingerprint(info.size, info.mtimeMs);
    if (known.get(rel) !== print) changed.push({ path, rel, size: info.size, fingerprint: print });
  }
  return changed.sort((a, b) => a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);
}
async function giveBackCheckpoints(opts) {
  const { checkpoint, hostUser: user, logger } = opts;
  if (user.uid === 0) return;
  try {
    const foreign = await findForeignOwned(checkpoint.hostPath, user);
    if (!foreign) return;
    logger.info(`Giving the checkpoint files in ${checkpoint.hostPath} back to uid ${user.uid}`);
    await chownWithHelperContainer({
      docker: opts.docker,
      image: opts.image,
      hostPath: checkpoint.hostPath,
      user,
      jobName: opts.jobName,
      logger,
      onCreated: opts.onCreated
    });
  } catch (err) {
    logger.warning(`Checkpoint files in ${checkpoint.hostPath} may still be owned by root: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  }
}
function statusOf(err) {
  return typeof err === "object" && err !== null ? err.statusCode : void 0;
}
async function allSettledOrThrow(promises) {
  const results = await Promise.allSettled(promises);
  const failure = results.find((r) => r.status === "rejected");
  if (failure) throw failure.reason;
}
var FAILURE_REASON_MAX = 1024;
async function collectArtifacts(opts) {
  const started = opts.hosts.filter((h) => h.started);
  if (started.length === 0) return {};
  const order = [...started].reverse().map(opts.dirsOf);
  const failure = opts.readFailure ? readFailureReason(opts) : Promise.resolve(void 0);
  const dir = localOutputDir(opts);
  if (dir) await ensureDir(dir, opts.hostUser, opts.logger);
  const model = writeArchive(
    opts,
    "model.tar.gz",
    order.map((d) => d.model)
  );
  const output = writeArchive(
    opts,
    "output.tar.gz",
    order.map((d) => d.outputData)
  );
  await allSettledOrThrow([model, output]);
  return { model: await model, output: await output, failure: await failure };
}
function localOutputDir(opts) {
  return opts.output.kind === "local" ? (0, import_node_path6.join)(opts.output.path, opts.jobName, "output") : void 0;
}
async function writeArchive(opts, name, dirs) {
  const [target, { packDirectoriesToTarGz }] = await Promise.all([openArtifactTarget(opts, name), opts.packer()]);
  await Promise.all([packDirectoriesToTarGz(dirs, target.stream), target.done]);
  await target.afterWrite?.();
  return target.uri;
}
async function openArtifactTarget(opts, name) {
  if (opts.output.kind === "s3") return openS3Target(opts, opts.output, name);
  const file = (0, import_node_path6.join)(localOutputDir(opts), name);
  const stream = (0, import_node_fs3.createWriteStream)(file);
  return {
    uri: file,
    stream,
    done: (0, import_promises8.finished)(stream),
    afterWrite: () => chownTo(file, opts.hostUser, opts.logger)
  };
}
async function openS3Target(opts, output, name) {
  const key = (0, import_chunk_G3PK4UPH.joinS3Key)(output.key, opts.jobName, "output", name);
  const body = new import_node_stream.PassThrough({ highWaterMark: 1024 * 1024 });
  const client = await opts.s3();
  const done = (0, import_chunk_G3PK4UPH.uploadStream)(client, { bucket: output.bucket, key, body, contentType: "application/gzip" }).catch(
    (err) => {
      body.destroy(err);
      throw err;
    }
  );
  return { uri: (0, import_chunk_G3PK4UPH.s3Uri)(output.bucket, key), stream: body, done };
}
async function readTextFile(path, maxBytes) {
  const handle = await (0, import_promises7.open)(path, import_node_fs3.constants.O_RDONLY | import_node_fs3.constants.O_NOFOLLOW | import_node_fs3.constants.O_NONBLOCK).catch(
    () => void 0
  );
  if (!handle) return void 0;
  try {
    if (!(await handle.stat()).isFile()) return void 0;
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}
async function readFailureReason(opts) {
  const candidates = [opts.firstFailed, ...opts.hosts.filter((h) => h !== opts.firstFailed)].filter(
    (h) => !!h?.started
  );
  const texts = await Promise.all(
    candidates.map(async (h) => {
      try {
        return (await readTextFile((0, import_node_path6.join)(opts.dirsOf(h).output, "failure"), FAILURE_REASON_MAX * 4))?.trim();
      } catch (err) {
        opts.logger.debug(`Could not read ${FAILURE_FILE} of ${h.host}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
        return void 0;
      }
    })
  );
  return texts.find((text) => !!text);
}
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
function containerUlimits(local, gpu) {
  const memlock = local.ulimits?.memlock ?? (gpu ? "unlimited" : void 0);
  const limits = [];
  if (memlock !== void 0) {
    const value = memlock === "unlimited" ? -1 : memlock;
    limits.push({ Name: "memlock", Soft: value, Hard: value });
  }
  const nofile = local.ulimits?.nofile;
  if (nofile !== void 0) limits.push({ Name: "nofile", Soft: nofile, Hard: nofile });
  return limits;
}
var ALL_GPUS = { Driver: "", Count: -1, Capabilities: [["gpu"]] };
function gpuDevices(ids) {
  return { Driver: "", Count: 0, DeviceIDs: ids, Capabilities: [["gpu"]] };
}
function planGpus(opts) {
  const { hostCount, perHost, engineGpus } = opts;
  const everyHost = (note) => ({
    requests: Array.from({ length: hostCount }, () => ALL_GPUS),
    ...note ? { note } : {}
  });
  if (perHost === "all" || perHost === void 0 && hostCount === 1) return everyHost();
  if (perHost !== void 0) {
    if (engineGpus !== void 0 && perHost * hostCount > engineGpus) {
      return {
        error: `local.gpus-per-host is ${perHost} for ${hostCount} host(s), ${perHost * hostCount} GPUs, but the engine has ${engineGpus}: lower local.gpus-per-host or job.instance-count, or set it to all`
      };
    }
    return { requests: split(hostCount, perHost) };
  }
  if (engineGpus === void 0) {
    return everyHost(
      "the number of GPUs of the Docker engine is unknown (no CDI device list, no /proc/driver/nvidia/gpus here), so every host sees every GPU; set local.gpus-per-host to give each host its own"
    );
  }
  const each = Math.floor(engineGpus / hostCount);
  if (each === 0) {
    return everyHost(
      `the engine has ${engineGpus} GPU(s) for ${hostCount} hosts, too few to give each its own, so every host sees every GPU`
    );
  }
  const spare = engineGpus - each * hostCount;
  return {
    requests: split(hostCount, each),
    ...spare > 0 ? { note: `${each} GPU(s) per host; ${spare} of the engine's ${engineGpus} stay unused` } : {}
  };
}
function split(hostCount, each) {
  return Array.from(
    { length: hostCount },
    (_, host) => gpuDevices(Array.from({ length: each }, (_2, i) => String(host * each + i)))
  );
}
function isUlimitRefusal(err) {
  const message = err instanceof Error ? err.message : String(err);
  return /setting rlimit/i.test(message) && /operation not permitted/i.test(message);
}
function explainUlimitRefusal(err, asked) {
  if (!isUlimitRefusal(err) || !asked) return err;
  return new Error(
    `The Docker engine refused local.ulimits (${JSON.stringify(asked)}): it cannot raise a limit above its own without CAP_SYS_RESOURCE. Lower the values or remove local.ulimits. It said: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`
  );
}
function memlockKeptWarning(err) {
  return `memlock: the Docker engine cannot raise the locked-memory limit (its daemon lacks CAP_SYS_RESOURCE, as a rootless engine or one inside a container does), so the hosts keep the engine's limit. It said: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`;
}
function withoutDefaultMemlock(limits) {
  return limits.filter((limit) => limit.Name !== "memlock");
}
async function resolveHostSettings(opts) {
  const { request, logger } = opts;
  const shm = request.local.shmSizeBytes;
  logger.info(
    shm === void 0 ? "/dev/shm: half the engine's memory per host (a tmpfs of the kernel's default size)" : `/dev/shm: ${(shm / 1024 ** 3).toFixed(1)} GiB per host (local.shm-size)`
  );
  const gpu = await resolveGpus(opts);
  const ulimits = containerUlimits(request.local, gpu.gpus !== void 0);
  return { ...gpu, ...shm !== void 0 ? { shmSizeBytes: shm } : {}, ulimits };
}
async function resolveGpus(opts) {
  const { request, logger } = opts;
  const { instanceType, instanceCount } = request.job;
  if (!(0, import_chunk_4VGYOB5M.instanceTypeHasGpu)(instanceType)) return {};
  const info = await opts.info();
  const decision = (0, import_chunk_4VGYOB5M.decideGpu)({ instanceType, policy: request.local.gpu, engineSupport: (0, import_chunk_4VGYOB5M.engineGpuSupport)(info) });
  if (!decision.useGpu) {
    if (decision.warning) logger.warning(decision.warning);
    return {};
  }
  const plan = planGpus({
    hostCount: instanceCount,
    ...request.local.gpusPerHost !== void 0 ? { perHost: request.local.gpusPerHost } : {},
    ...await countOrUndefined(opts, info)
  });
  if ("error" in plan) throw new Error(plan.error);
  if (plan.note) logger.warning(`GPUs: ${plan.note}`);
  const first = plan.requests[0];
  const what = first?.DeviceIDs ? `devices ${plan.requests.map((r) => r.DeviceIDs?.join(",")).join(" | ")}` : "all";
  logger.info(`GPUs: ${what} (${decision.via})`);
  return { gpus: plan.requests, ...decision.refusal ? { gpuRefusal: decision.refusal } : {} };
}
async function countOrUndefined(opts, info) {
  const count = await opts.engineGpuCount(info).catch(() => void 0);
  return count !== void 0 ? { engineGpus: count } : {};
}
var MAX_RUNTIME_GRACE_SECONDS = 120;
var LOG_DRAIN_TIMEOUT_MS = 5e3;
var HostLifecycle = class {
  constructor(opts) {
    this.opts = opts;
  }
  opts;
  stopReason;
  firstFailed;
  trainingStart;
  trainingEnd;
  /** Starts the hosts that were created, follows their output and resolves once every one has exited. */
  async run() {
    const hosts = this.opts.hosts.filter((h) => !!h.container);
    const streams = await Promise.all(
      hosts.map(
        async (h) => await h.container.attach({ stream: true, stdout: true, stderr: true })
      )
    );
    const logsDone = hosts.map(
      (h, i) => (0, import_chunk_E32V7DX2.followContainerOutput)(streams[i], (line) => this.opts.hostLog.line(h.host, line))
    );
    const { signal } = this.opts;
    const onAbort = () => this.stopAll("aborted", this.opts.cancelGraceSeconds);
    signal.addEventListener("abort", onAbort, { once: true });
    const cancelMaxRuntime = (0, import_chunk_NHSZ5FW5.setLongTimeout)(() => this.onMaxRuntime(), this.opts.maxRuntimeSeconds * 1e3);
    try {
      if (signal.aborted) {
        this.stopReason ??= "aborted";
        for (const stream of streams) stream.destroy();
        return;
      }
      this.trainingStart = this.opts.now();
      this.opts.logger.info(`Starting ${hosts.map((h) => h.host).join(", ")} (image ${this.opts.imageUri})`);
      const starting = allSettledOrThrow(hosts.map((h) => this.startHost(h)));
      this.opts.whileStarting?.();
      await starting;
      await Promise.all(hosts.map((h) => this.waitHost(h)));
      this.trainingEnd = this.opts.now();
      await drainLogs(logsDone, streams);
    } finally {
      cancelMaxRuntime();
      signal.removeEventListener("abort", onAbort);
    }
  }
  /** After an error mid-run: hosts still running are stopped before their artifacts are read. */
  async stopRunning() {
    const running = this.opts.hosts.filter((h) => h.started && h.exitCode === void 0);
    await Promise.all(running.map((h) => this.stopHost(h, this.opts.cancelGraceSeconds)));
  }
  onMaxRuntime() {
    this.opts.logger.warning(
      `Max runtime of ${this.opts.maxRuntimeSeconds} s reached: stopping (SIGTERM, ${MAX_RUNTIME_GRACE_SECONDS} s grace)`
    );
    this.stopAll("maxRuntime", MAX_RUNTIME_GRACE_SECONDS);
  }
  async startHost(h) {
    try {
      await h.container.start();
    } catch (err) {
      if (this.opts.gpuRefusal && (0, import_chunk_4VGYOB5M.isGpuRefusal)(err))
        throw new Error(`${this.opts.gpuRefusal} The engine said: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
      throw err;
    }
    h.started = true;
    if (this.stopReason) await this.stopHost(h, this.opts.cancelGraceSeconds);
  }
  async waitHost(h) {
    const { StatusCode } = await h.container.wait();
    h.exitCode = StatusCode;
    if (StatusCode !== 0 && !this.stopReason) {
      this.firstFailed = h;
      this.opts.logger.error(`${h.host} exited with code ${StatusCode}: stopping the other hosts`);
      this.stopAll("hostFailed", this.opts.cancelGraceSeconds);
    }
  }
  /** Records why the run stops (the first reason wins) and stops every running host with `graceSeconds`. */
  stopAll(reason, graceSeconds) {
    this.stopReason ??= reason;
    for (const h of this.opts.hosts) void this.stopHost(h, graceSeconds);
  }
  async stopHost(h, graceSeconds) {
    if (!h.container || !h.started || h.exitCode !== void 0) return;
    try {
      await h.container.stop({ t: Math.max(0, Math.round(graceSeconds)) });
    } catch (err) {
      const status = statusOf(err);
      if (status !== 304 && status !== 404) this.opts.logger.warning(`Could not stop ${h.host}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    }
  }
};
async function drainLogs(logsDone, streams) {
  const drained = new AbortController();
  await Promise.race([Promise.all(logsDone), (0, import_chunk_NHSZ5FW5.sleep)(LOG_DRAIN_TIMEOUT_MS, drained.signal).catch(() => void 0)]);
  drained.abort();
  for (const stream of streams) stream.destroy();
}
var INHIBIT_IPV4 = "com.docker.network.bridge.inhibit_ipv4";
function jobNetworkOptions(jobName, isolated) {
  return {
    Name: jobName,
    Driver: "bridge",
    CheckDuplicate: true,
    Labels: { [JOB_LABEL]: jobName },
    ...isolated ? { Internal: true, Options: { [INHIBIT_IPV4]: "true" } } : {}
  };
}
function isolationLimit(serverVersion) {
  const match = /^(\d+)\.(\d+)/.exec(serverVersion ?? "");
  if (!match) {
    return "the engine did not report its version: if it is older than 20.10 the hosts can still reach this machine";
  }
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major > 20 || major === 20 && minor >= 10) return void 0;
  return `Docker ${serverVersion} keeps an address for the bridge on this machine (the option that removes it came in 20.10): the hosts can still reach this machine, and beyond it when the engine runs without iptables`;
}
function localOutcome(opts) {
  switch (opts.stopReason) {
    case "aborted":
      return { status: "Stopped", secondaryStatus: "Stopped" };
    case "maxRuntime":
      return {
        status: "Failed",
        secondaryStatus: "MaxRuntimeExceeded",
        failureReason: `MaxRuntimeExceeded: Training job runtime exceeded MaxRuntimeInSeconds provided (${opts.maxRuntimeSeconds} s)`
      };
    case "hostFailed": {
      const failed = opts.firstFailed;
      const reason = opts.failureText ? `AlgorithmError: ${opts.failureText}` : `AlgorithmError: ${failed.host} exited with code ${failed.exitCode}`;
      return { status: "Failed", secondaryStatus: "Failed", failureReason: reason.slice(0, FAILURE_REASON_MAX) };
    }
    default:
      if (opts.artifactError) {
        return { status: "Failed", secondaryStatus: "Failed", failureReason: `ClientError: ${opts.artifactError}` };
      }
      return { status: "Completed", secondaryStatus: "Completed" };
  }
}
function localResult(opts) {
  const { outcome, startedAt, endedAt, trainingStart } = opts;
  const hosts = opts.hosts.map((h) => ({ host: h.host, exitCode: h.exitCode ?? null }));
  const training = trainingStart ? ((opts.trainingEnd ?? endedAt).getTime() - trainingStart.getTime()) / 1e3 : void 0;
  return {
    mode: "local",
    jobName: opts.jobName,
    status: outcome.status,
    secondaryStatus: outcome.secondaryStatus,
    ...outcome.failureReason ? { failureReason: outcome.failureReason } : {},
    metrics: {},
    metricSeries: {},
    ...opts.artifacts.model ? { modelArtifacts: opts.artifacts.model } : {},
    ...opts.artifacts.output ? { outputArtifacts: opts.artifacts.output } : {},
    imageUri: opts.imageUri,
    instanceType: opts.instanceType,
    instanceCount: opts.hosts.length,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    durationSeconds: (endedAt.getTime() - startedAt.getTime()) / 1e3,
    ...training !== void 0 ? { trainingSeconds: training } : {},
    hosts,
    logTail: opts.logTail,
    links: []
  };
}
function planLocalShards(keys, hostCount) {
  const root = { kind: "s3", uri: "", bucket: "", key: "" };
  return planS3Channel({ location: root, keys, distribution: "ShardedByS3Key", hostCount }).map((item) => ({
    key: item.relPath,
    host: item.host ?? 0
  }));
}
async function place(source, target) {
  await (0, import_promises10.mkdir)((0, import_node_path8.dirname)(target), { recursive: true });
  try {
    await (0, import_promises10.link)(source, target);
    return "linked";
  } catch {
    await (0, import_promises10.copyFile)(source, target);
    return "copied";
  }
}
async function shardLocalChannel(opts) {
  const { channel, dir, hostCount } = opts;
  const files = await (0, import_chunk_HNNMNGSZ.listChannelFiles)(channel.source.path);
  const byKey = new Map(files.map((f) => [f.key, f.path]));
  const folders = Array.from({ length: hostCount }, (_, i) => (0, import_node_path8.join)(dir, `algo-${i + 1}`));
  await Promise.all(folders.map((folder) => (0, import_promises10.mkdir)(folder, { recursive: true })));
  const plan = planLocalShards(
    files.map((f) => f.key),
    hostCount
  );
  const how = /* @__PURE__ */ new Set();
  for (const item of plan) {
    const target = (0, import_node_path8.join)(folders[item.host], ...item.key.split("/"));
    how.add(await place(byKey.get(item.key), target));
  }
  opts.logger.info(
    `Channel ${channel.name}: ${plan.length} file(s) of ${channel.source.path} sharded across ${hostCount} hosts by key, as SageMaker shards the uploaded objects (${[...how].join(" and ") || "nothing to place"})`
  );
  return folders;
}
async function writeConfigFiles(workDir, hosts, request) {
  const names = hosts.map((h) => h.host);
  await Promise.all(
    hosts.map(async (h) => {
      const dir = (0, import_node_path7.join)(workDir, h.host, "input", "config");
      await (0, import_promises9.mkdir)(dir, { recursive: true, mode: 493 });
      const files = hostConfigFiles({
        currentHost: h.host,
        hosts: names,
        instanceType: request.job.instanceType,
        hyperparameters: request.hyperparameters,
        channels: request.channels,
        checkpoint: request.job.checkpoint
      });
      await Promise.all(
        Object.entries(files).map(
          ([name, content]) => (0, import_promises9.writeFile)((0, import_node_path7.join)(dir, name), JSON.stringify(content), { mode: 420 })
        )
      );
      h.mounts.unshift({ source: dir, target: CONFIG_DIR, readOnly: true });
    })
  );
}
async function prepareChannels(workDir, hosts, channels, deps) {
  await Promise.all(channels.map((channel) => prepareChannel(workDir, hosts, channel, deps)));
}
async function prepareChannel(workDir, hosts, channel, deps) {
  const source = channel.source;
  if (source.kind === "local" && channel.distribution === "ShardedByS3Key" && hosts.length > 1) {
    const folders2 = await shardLocalChannel({
      channel: { ...channel, source },
      dir: (0, import_node_path7.join)(workDir, "data", channel.name),
      hostCount: hosts.length,
      logger: deps.logger
    });
    for (const h of hosts) {
      h.mounts.push({ source: folders2[h.index], target: `${CHANNEL_ROOT}/${channel.name}`, readOnly: true });
    }
    return;
  }
  if (source.kind === "local") {
    const mount = await localChannelMount({ ...channel, source });
    for (const h of hosts) h.mounts.push({ ...mount, readOnly: true });
    return;
  }
  const folders = await downloadS3Channel({
    channel: { ...channel, source },
    client: await deps.s3(),
    dir: (0, import_node_path7.join)(workDir, "data", channel.name),
    hostCount: hosts.length,
    logger: deps.logger,
    signal: deps.signal
  });
  for (const h of hosts) {
    h.mounts.push({ source: folders[h.index], target: `${CHANNEL_ROOT}/${channel.name}`, readOnly: true });
  }
}
var FINAL_CHECKPOINT_UPLOAD_MS = 6e4;
var LocalRun = class {
  constructor(deps, ctx) {
    this.deps = deps;
    this.ctx = ctx;
    this.request = ctx.request;
    this.logger = ctx.logger;
    this.hostLog = new import_chunk_UMA3BQCH.HostLog(ctx.logger, ctx.onLogLine);
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
  /** Containers not yet removed. */
  containerIds = [];
  recordedIds = [];
  hostLog;
  workDir;
  networkId;
  s3Client;
  lifecycle;
  checkpointSync;
  aborted = false;
  artifactError;
  /** The packer (tar-stream) loads while the containers start and run, not before the first engine call. */
  packer;
  async execute() {
    const startedAt = this.deps.now();
    let error;
    let artifacts = {};
    try {
      this.validate();
      if (this.ctx.signal.aborted) this.aborted = true;
      else await this.train();
    } catch (err) {
      error = err;
    } finally {
      await this.lifecycle?.stopRunning();
      const removing = this.removeContainers();
      artifacts = await this.collect();
      await this.checkpointSync?.finish();
      await this.afterRun();
      await this.teardown(removing);
    }
    if (error !== void 0) {
      if (!this.ctx.signal.aborted) throw error instanceof Error ? error : new Error((0, import_chunk_OEPHYHQN.messageOf)(error));
      if (!(0, import_chunk_NHSZ5FW5.isAbortError)(error)) this.logger.debug(`After cancellation: ${(0, import_chunk_OEPHYHQN.messageOf)(error)}`);
      this.aborted = true;
    }
    return this.result(startedAt, artifacts);
  }
  async train() {
    let asked;
    const info = () => asked ??= (0, import_chunk_AJ4NKK5M.engineInfo)(this.deps.docker);
    if ((0, import_chunk_4VGYOB5M.needsEngineInfo)(this.request.job)) info().catch(() => void 0);
    const settings = resolveHostSettings({
      request: this.request,
      info,
      engineGpuCount: this.deps.engineGpuCount,
      logger: this.logger
    });
    const credentials = this.resolveCredentials();
    await allSettledOrThrow([settings, credentials, this.prepare(info)]);
    this.checkpointSync?.start();
    try {
      await this.createAndRun(await settings, await credentials);
    } catch (err) {
      const defaultMemlock = this.request.local.ulimits?.memlock === void 0;
      if (!isUlimitRefusal(err) || !defaultMemlock || this.hosts.some((h) => h.started)) {
        throw explainUlimitRefusal(err, this.request.local.ulimits);
      }
      this.logger.warning(memlockKeptWarning(err));
      await this.removeContainers();
      const ulimits = withoutDefaultMemlock((await settings).ulimits);
      await this.createAndRun({ ...await settings, ulimits }, await credentials).catch((again) => {
        throw explainUlimitRefusal(again, this.request.local.ulimits);
      });
    }
  }
  async createAndRun(settings, credentials) {
    await this.createContainers(settings, credentials);
    this.lifecycle = new HostLifecycle({
      hosts: this.hosts,
      logger: this.logger,
      hostLog: this.hostLog,
      signal: this.ctx.signal,
      imageUri: this.ctx.imageUri,
      maxRuntimeSeconds: this.request.job.maxRuntimeSeconds,
      cancelGraceSeconds: this.request.local.cancelGraceSeconds,
      now: this.deps.now,
      ...settings.gpuRefusal ? { gpuRefusal: settings.gpuRefusal } : {},
      // The packer loads while the engine starts the containers, not between its requests.
      whileStarting: () => void this.artifactsModule().catch(() => void 0)
      // its error is seen when packing
    });
    await this.lifecycle.run();
  }
  /** Removes the containers not yet removed (a helper recorded later is removed by the next call). */
  async removeContainers() {
    const ids = this.containerIds.splice(0);
    await Promise.all(ids.map((id) => (0, import_chunk_E32V7DX2.removeContainer)(this.deps.docker, id, this.logger)));
    for (const h of this.hosts) if (h.container && ids.includes(h.container.id)) delete h.container;
  }
  artifactsModule() {
    this.packer ??= Promise.resolve().then(() => require("./artifacts-DJMUKEIW.js"));
    return this.packer;
  }
  validate() {
    const { ignoredArguments } = containerCommand(this.request.job);
    if (ignoredArguments) {
      this.logger.warning(
        `job.arguments (${ignoredArguments.join(" ")}) are not passed: without job.entrypoint the image runs with the single argument "train", as on SageMaker. Set job.entrypoint to pass arguments.`
      );
    }
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
  async prepare(info) {
    const workDir = await (0, import_promises3.mkdtemp)((0, import_node_path2.join)(this.deps.tmpDir, `sagemaker-train-${this.ctx.jobName}-`));
    this.workDir = workDir;
    const tasks = [
      ...this.hosts.map((h) => makeArtifactDirs(this.dirsOf(h))),
      writeConfigFiles(workDir, this.hosts, this.request),
      prepareChannels(workDir, this.hosts, this.request.channels, {
        s3: () => this.s3(),
        logger: this.logger,
        signal: this.ctx.signal
      })
    ];
    if (this.hosts.length > 1 || this.isolated) tasks.push(this.createNetwork(info));
    const checkpoint = this.request.job.checkpoint;
    if (checkpoint) {
      this.checkpointSync = this.syncOf(checkpoint);
      tasks.push(
        ensureDir(checkpoint.hostPath, this.deps.hostUser, this.logger).then(() => this.checkpointSync?.download())
      );
      for (const h of this.hosts)
        h.mounts.push({ source: checkpoint.hostPath, target: checkpoint.containerPath, readOnly: false });
    }
    await allSettledOrThrow(tasks);
  }
  syncOf(checkpoint) {
    if (!checkpoint.s3Uri) return void 0;
    return new CheckpointSync({
      location: checkpoint.s3Uri,
      dir: checkpoint.hostPath,
      s3: () => this.s3(),
      logger: this.logger,
      intervalMs: this.deps.checkpointUploadIntervalMs,
      signal: this.ctx.signal,
      finalTimeoutMs: FINAL_CHECKPOINT_UPLOAD_MS
    });
  }
  s3() {
    this.s3Client ??= this.deps.s3(this.request.region);
    return this.s3Client;
  }
  get isolated() {
    return this.request.job.networkIsolation === true;
  }
  /** The job network, created while the engine's info is on its way (only the isolation note needs it). */
  async createNetwork(info) {
    const network = await this.deps.docker.createNetwork(jobNetworkOptions(this.ctx.jobName, this.isolated));
    this.networkId = network.id;
    this.ctx.onState?.("network", network.id);
    if (!this.isolated) return;
    const limit = isolationLimit((await info()).ServerVersion);
    if (limit) this.logger.warning(`Network isolation is not fully enforced: ${limit}`);
    else {
      this.logger.info(
        "Network isolation: the hosts are on an internal network with no route out; channels were downloaded first"
      );
    }
  }
  async createContainers(settings, credentials) {
    await allSettledOrThrow(
      this.hosts.map(async (h) => {
        const options = trainingContainerOptions({
          request: this.request,
          jobName: this.ctx.jobName,
          host: h.host,
          imageUri: this.ctx.imageUri,
          mounts: h.mounts,
          artifacts: this.dirsOf(h),
          network: this.networkId ? this.ctx.jobName : void 0,
          ...settings.gpus ? { gpus: settings.gpus[h.index] } : {},
          ...settings.shmSizeBytes !== void 0 ? { shmSizeBytes: settings.shmSizeBytes } : {},
          ulimits: settings.ulimits,
          ...credentials ? { credentials } : {}
        });
        try {
          h.container = await (0, import_chunk_AJ4NKK5M.createContainer)(this.deps.docker, options);
        } catch (err) {
          if (statusOf(err) === 404) {
            throw new Error(
              `Image ${this.ctx.imageUri} is not in the Docker engine (local mode does not pull): ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`
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
    this.recordedIds.push(id);
    this.ctx.onState?.("containers", this.recordedIds.join(","));
  }
  /** A host's artifact folders, under the work folder (which exists before any container does). */
  dirsOf(h) {
    return artifactDirsOf(this.workDir ?? "", h.host);
  }
  async collect() {
    if (!this.workDir || !this.hosts.some((h) => h.started)) return {};
    try {
      await makeArtifactsRemovable({
        docker: this.deps.docker,
        image: this.ctx.imageUri,
        workDir: this.workDir,
        me: processUser(),
        jobName: this.ctx.jobName,
        logger: this.logger,
        onCreated: (id) => this.recordContainer(id)
      });
      return await collectArtifacts({
        hosts: this.hosts,
        dirsOf: (h) => this.dirsOf(h),
        readFailure: this.lifecycle?.stopReason === "hostFailed",
        ...this.lifecycle?.firstFailed ? { firstFailed: this.lifecycle.firstFailed } : {},
        output: this.request.output,
        jobName: this.ctx.jobName,
        hostUser: this.deps.hostUser,
        logger: this.logger,
        s3: () => this.s3(),
        packer: () => this.artifactsModule()
      });
    } catch (err) {
      this.artifactError = `could not write the model and output artifacts: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`;
      this.logger.error(`Local run ${this.ctx.jobName}: ${this.artifactError}`);
      return {};
    }
  }
  /** What must happen once the hosts are done and before anything is removed. */
  async afterRun() {
    const checkpoint = this.request.job.checkpoint;
    if (checkpoint && this.hosts.some((h) => h.started)) {
      await giveBackCheckpoints({
        checkpoint,
        docker: this.deps.docker,
        hostUser: this.deps.hostUser,
        image: this.ctx.imageUri,
        jobName: this.ctx.jobName,
        logger: this.logger,
        onCreated: (id) => this.recordContainer(id)
      });
    }
  }
  async teardown(removing) {
    const removeDocker = async () => {
      await Promise.all([removing, this.removeContainers()]);
      if (this.networkId) await (0, import_chunk_E32V7DX2.removeNetwork)(this.deps.docker, this.networkId, this.logger);
    };
    const removeWorkDir = async () => {
      if (!this.workDir) return;
      await (0, import_promises3.rm)(this.workDir, { recursive: true, force: true }).catch(
        (err) => this.logger.warning(`Could not remove ${this.workDir}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`)
      );
    };
    await Promise.all([removeDocker(), removeWorkDir()]);
  }
  result(startedAt, artifacts) {
    const lifecycle = this.lifecycle;
    const outcome = localOutcome({
      stopReason: this.aborted ? "aborted" : lifecycle?.stopReason,
      ...lifecycle?.firstFailed ? { firstFailed: lifecycle.firstFailed } : {},
      ...artifacts.failure ? { failureText: artifacts.failure } : {},
      maxRuntimeSeconds: this.request.job.maxRuntimeSeconds,
      ...this.artifactError ? { artifactError: this.artifactError } : {}
    });
    return localResult({
      outcome,
      jobName: this.ctx.jobName,
      imageUri: this.ctx.imageUri,
      instanceType: this.request.job.instanceType,
      hosts: this.hosts,
      artifacts,
      startedAt,
      endedAt: this.deps.now(),
      ...lifecycle?.trainingStart ? { trainingStart: lifecycle.trainingStart } : {},
      ...lifecycle?.trainingEnd ? { trainingEnd: lifecycle.trainingEnd } : {},
      logTail: this.hostLog.lastLines()
    });
  }
};
var LocalBackend = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  /** The engine; an object is never wrapped in a promise (a test's recording proxy would look thenable). */
  async engine() {
    const { docker } = this.deps;
    return { docker: typeof docker === "function" ? await docker() : docker };
  }
  async run(ctx) {
    const run = new LocalRun(
      {
        docker: (await this.engine()).docker,
        s3: this.deps.s3 ?? import_chunk_G3PK4UPH.createS3Client,
        hostUser: this.deps.hostUser ?? processUser(),
        tmpDir: this.deps.tmpDir ?? (0, import_node_os.tmpdir)(),
        now: this.deps.now ?? (() => /* @__PURE__ */ new Date()),
        credentials: this.deps.credentials ?? defaultCredentialSource,
        engineGpuCount: this.deps.engineGpuCount ?? defaultEngineGpuCount({ dockerHost: process.env.DOCKER_HOST }),
        checkpointUploadIntervalMs: this.deps.checkpointUploadIntervalMs ?? 3e4
      },
      ctx
    );
    return run.execute();
  }
  /** Removes the containers (with their volumes) and the network a killed run recorded. */
  async cleanup(saved, ctx) {
    if (saved.containers.length === 0 && saved.network === void 0) {
      ctx.logger.debug("No containers or network were recorded: nothing to clean up.");
      return;
    }
    const what = [`${saved.containers.length} container(s)`, ...saved.network ? ["a network"] : []].join(" and ");
    ctx.logger.info(`The run did not finish${saved.jobName ? ` job ${saved.jobName}` : ""}: removing ${what}.`);
    let docker;
    try {
      ({ docker } = await this.engine());
    } catch (err) {
      ctx.logger.warning(`Cleanup failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
      return;
    }
    await (0, import_chunk_E32V7DX2.cleanupLocalRun)(
      docker,
      { containers: saved.containers, ...saved.network ? { network: saved.network } : {} },
      ctx.logger
    );
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  JOB_LABEL,
  LocalBackend,
  cleanupLocalRun,
  instanceTypeHasGpu
});
