import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  require_ignore
} from "./chunk-KTFARFKW.js";
import {
  generateJobName
} from "./chunk-ME7YDMKM.js";
import {
  LocalBackend,
  addEntry,
  require_tar_stream
} from "./chunk-FJMSXGPP.js";
import {
  __toESM
} from "./chunk-W2TOWP6Q.js";

// src/image/context-tar.ts
var import_dockerignore = __toESM(require_ignore(), 1);
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
var ignore = import_dockerignore.default.default;
function parseDockerignore(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
}
function contextFilter(patterns, dockerfileRel) {
  const base = ignore().add(patterns);
  const keep = [".dockerignore", ...dockerfileRel ? [dockerfileRel] : []].filter((p) => base.ignores(p));
  const ig = keep.length > 0 ? ignore().add([...patterns, ...keep.map((p) => `!${p}`)]) : base;
  return {
    excludes: (relPath) => ig.ignores(relPath),
    hasExceptions: patterns.some((p) => p.startsWith("!")) || keep.length > 0
  };
}
async function addTree(opts) {
  const names = (await readdir(opts.dir)).sort();
  for (const name of names) {
    const rel = opts.prefix + name;
    const full = join(opts.dir, name);
    const stat = await lstat(full);
    const excluded = opts.skip.has(rel) || opts.filter.excludes(rel);
    if (stat.isDirectory()) {
      if (excluded && !opts.filter.hasExceptions) continue;
      if (!excluded) await addEntry(opts.pack, { name: `${rel}/`, type: "directory", ...meta(stat) });
      await addTree({ ...opts, dir: full, prefix: `${rel}/` });
      continue;
    }
    if (excluded) continue;
    if (stat.isFile()) {
      const body = createReadStream(full, { highWaterMark: 1024 * 1024 });
      await addEntry(opts.pack, { name: rel, type: "file", size: stat.size, ...meta(stat) }, body);
    } else if (stat.isSymbolicLink()) {
      await addEntry(opts.pack, { name: rel, type: "symlink", linkname: await readlink(full), ...meta(stat) });
    }
  }
}
function meta(stat) {
  return { mode: stat.mode & 4095, mtime: stat.mtime, uid: 0, gid: 0 };
}
async function createContextTar(opts) {
  const context = resolve(opts.context);
  const dockerfilePath = resolve(context, opts.dockerfile);
  const contextStat = await lstat(context).catch(() => void 0);
  if (!contextStat?.isDirectory()) throw new Error(`Build context ${context} is not a folder`);
  const dockerfileBody = await readFile(dockerfilePath).catch((err) => {
    throw new Error(`Cannot read the Dockerfile ${dockerfilePath}: ${err.code ?? err.message}`);
  });
  const ignoreText = await readFile(join(context, ".dockerignore"), "utf8").catch(() => void 0);
  const rel = relative(context, dockerfilePath);
  const inside = rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
  const dockerfileName = inside ? rel.split(sep).join("/") : `.dockerfile.${randomBytes(10).toString("hex")}`;
  const filter = contextFilter(parseDockerignore(ignoreText ?? ""), inside ? dockerfileName : void 0);
  const pack = import_tar_stream.default.pack();
  const fill = async () => {
    const skip = new Set(inside ? [] : [".dockerignore"]);
    await addTree({ pack, dir: context, prefix: "", filter, skip });
    if (!inside) {
      const mtime = /* @__PURE__ */ new Date();
      await addEntry(pack, { name: dockerfileName, type: "file", mode: 420, mtime }, dockerfileBody);
      const ignoreBody = Buffer.from(`${ignoreText ?? ""}
${dockerfileName}
`);
      await addEntry(pack, { name: ".dockerignore", type: "file", mode: 420, mtime }, ignoreBody);
    }
    pack.finalize();
  };
  fill().catch((err) => pack.destroy(err));
  return { stream: pack, dockerfileName };
}

// src/image/build-local.ts
var TAIL_LINES = 20;
var STEP = /^Step \d+\/\d+ : /;
var NOISE = /^( ---> |Removing intermediate container |Successfully (built|tagged) )/;
var SGR = /\u001b\[[0-9;]*m/g;
var BuildProgress = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  imageId;
  error;
  step;
  tail = [];
  partial = "";
  push(message) {
    if (message.aux?.ID) this.imageId = message.aux.ID;
    if (message.stream !== void 0) this.pushText(message.stream);
    else if (message.status !== void 0) this.line(message.status);
    if (message.error !== void 0 || message.errorDetail?.message !== void 0) {
      this.flush();
      this.error = (message.errorDetail?.message ?? message.error ?? "").trim();
    }
  }
  flush() {
    if (this.partial !== "") this.line(this.partial);
    this.partial = "";
  }
  /** The error to throw: the failing step, the engine's message and the step's last output lines. */
  failureMessage(tag) {
    const where = this.step ? ` at ${this.step}` : "";
    const lines = this.tail.length > 0 ? `
Last output lines:
${this.tail.map((l) => `  ${l}`).join("\n")}` : "";
    return `Image build of ${tag} failed${where}: ${this.error ?? "unknown error"}${lines}`;
  }
  pushText(text) {
    const parts = (this.partial + text).split("\n");
    this.partial = parts.pop() ?? "";
    for (const part of parts) this.line(part.replace(/\r$/, ""));
  }
  line(raw) {
    const line = raw.replace(SGR, "");
    this.onLine(line);
    if (STEP.test(line)) {
      this.step = line.replace(/ : /, ": ").trim();
      this.tail = [];
    } else if (line.trim() !== "" && !NOISE.test(line)) {
      this.tail.push(line);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
    }
  }
};
async function readMessages(stream, onMessage) {
  let buffered = "";
  const parse = (line) => {
    const text = line.trim();
    if (text === "") return;
    try {
      onMessage(JSON.parse(text));
    } catch {
      onMessage({ stream: `${text}
` });
    }
  };
  for await (const chunk of stream) {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    lines.forEach(parse);
  }
  parse(buffered);
}
function buildOptions(opts) {
  const { spec } = opts;
  return {
    t: opts.tag,
    dockerfile: opts.dockerfileName,
    rm: true,
    forcerm: true,
    ...Object.keys(spec.buildArgs).length > 0 ? { buildargs: spec.buildArgs } : {},
    ...spec.target ? { target: spec.target } : {},
    ...spec.platform ? { platform: spec.platform } : {},
    ...opts.labels && Object.keys(opts.labels).length > 0 ? { labels: opts.labels } : {}
  };
}
async function buildLocalImage(opts) {
  const { docker, spec, tag, logger } = opts;
  return logger.group(`Build image ${tag}`, async () => {
    const context = await createContextTar({ context: spec.context, dockerfile: spec.dockerfile });
    const options = buildOptions({ spec, tag, dockerfileName: context.dockerfileName, labels: opts.labels });
    let response;
    try {
      response = await docker.buildImage(context.stream, {
        ...options,
        ...opts.signal ? { abortSignal: opts.signal } : {}
      });
    } catch (err) {
      context.stream.destroy();
      throw new Error(`Image build of ${tag} could not start: ${err instanceof Error ? err.message : String(err)}`);
    }
    const progress = new BuildProgress((line) => logger.info(line));
    await readMessages(response, (message) => progress.push(message));
    progress.flush();
    opts.signal?.throwIfAborted();
    if (progress.error !== void 0) throw new Error(progress.failureMessage(tag));
    const imageId = progress.imageId ?? (await docker.getImage(tag).inspect()).Id;
    logger.info(`Built ${tag} (${imageId})`);
    return { imageId, tag };
  });
}

// src/metrics/parser.ts
var FLOAT = /^[+-]?(?:\d+(?:_\d+)*\.?(?:\d+(?:_\d+)*)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?$/;
function parseMetricValue(text) {
  if (text === void 0) return void 0;
  const trimmed = text.trim();
  if (!FLOAT.test(trimmed)) return void 0;
  const value = Number(trimmed.replaceAll("_", ""));
  return Number.isFinite(value) ? value : void 0;
}
function compile(spec) {
  try {
    return { name: spec.name, pattern: new RegExp(spec.regex, "g") };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`metric "${spec.name}": invalid regular expression ${JSON.stringify(spec.regex)}: ${reason}`);
  }
}
function createMetricParser(specs, now = Date.now) {
  const metrics = specs.map(compile);
  const seen = /* @__PURE__ */ new Map();
  return {
    feed(line) {
      if (metrics.length === 0) return;
      const text = line.endsWith("\r") ? line.slice(0, -1) : line;
      let timestamp;
      for (const { name, pattern } of metrics) {
        for (const match of text.matchAll(pattern)) {
          const value = parseMetricValue(match[1]);
          if (value === void 0) continue;
          timestamp ??= now();
          let points = seen.get(name);
          if (!points) {
            points = [];
            seen.set(name, points);
          }
          points.push({ timestamp, value });
        }
      }
    },
    finals() {
      const out = {};
      for (const [name, points] of seen) {
        const last = points.at(-1);
        if (last) out[name] = last.value;
      }
      return out;
    },
    series() {
      const out = {};
      for (const [name, points] of seen) out[name] = points.map((p) => ({ ...p }));
      return out;
    }
  };
}

// src/pipeline.ts
var ModeNotAvailableError = class extends Error {
  constructor(mode) {
    super(`mode "${mode}" is not available in this version yet; use mode: local`);
    this.mode = mode;
    this.name = "ModeNotAvailableError";
  }
  mode;
};
var AVAILABLE_MODES = ["local"];
function assertModeAvailable(mode) {
  if (!AVAILABLE_MODES.includes(mode)) throw new ModeNotAvailableError(mode);
}
function defaultBackendFor(deps) {
  return (mode) => {
    assertModeAvailable(mode);
    if (mode === "local") {
      return new LocalBackend({
        docker: deps.docker,
        ...deps.s3 ? { s3: deps.s3 } : {},
        ...deps.now ? { now: deps.now } : {}
      });
    }
    throw new ModeNotAvailableError(mode);
  };
}
function localImageTag(namePrefix) {
  const name = namePrefix.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "job";
  return `sagemaker-train/${name}:local`;
}
function messageOf(err) {
  return err instanceof Error ? err.message : String(err);
}
async function resolveImage(request, deps, jobName) {
  const spec = request.image;
  if (spec.kind === "prebuilt") {
    deps.logger.info(`Using the prebuilt image ${spec.uri}`);
    return spec.uri;
  }
  const build = deps.buildImage ?? buildLocalImage;
  const tag = localImageTag(request.job.namePrefix);
  const built = await build({
    docker: deps.docker,
    spec,
    tag,
    logger: deps.logger,
    signal: deps.signal,
    labels: { "sagemaker-train.job-name": jobName }
  });
  return built.tag;
}
function notStartedResult(o) {
  return {
    mode: o.request.mode,
    jobName: o.jobName,
    status: o.status,
    failureReason: o.failureReason,
    metrics: {},
    metricSeries: {},
    imageUri: o.imageUri,
    instanceType: o.request.job.instanceType,
    instanceCount: o.request.job.instanceCount,
    startedAt: o.startedAt.toISOString(),
    endedAt: o.endedAt.toISOString(),
    durationSeconds: Math.max(0, (o.endedAt.getTime() - o.startedAt.getTime()) / 1e3),
    logTail: [],
    links: []
  };
}
async function runTraining(request, deps) {
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const { logger, signal } = deps;
  const backend = (deps.backendFor ?? defaultBackendFor(deps))(request.mode);
  const startedAt = now();
  const jobName = request.job.name ?? generateJobName({
    prefix: request.job.namePrefix,
    env: deps.env ?? {},
    now: startedAt,
    random: deps.random ?? Math.random
  });
  deps.onState?.("job-name" /* JobName */, jobName);
  logger.info(`Training job ${jobName} (${request.mode} mode)`);
  const fallbackImage = request.image.kind === "prebuilt" ? request.image.uri : localImageTag(request.job.namePrefix);
  const stopped = (reason) => notStartedResult({
    request,
    jobName,
    imageUri: fallbackImage,
    startedAt,
    endedAt: now(),
    status: "Stopped",
    failureReason: reason
  });
  let imageUri;
  try {
    imageUri = await resolveImage(request, deps, jobName);
  } catch (err) {
    if (signal.aborted) return stopped("Stopped before training started (while building the image).");
    logger.debug(err instanceof Error && err.stack ? err.stack : messageOf(err));
    return notStartedResult({
      request,
      jobName,
      imageUri: fallbackImage,
      startedAt,
      endedAt: now(),
      status: "Failed",
      failureReason: `The image could not be built: ${messageOf(err)}`
    });
  }
  if (signal.aborted) return stopped("Stopped before training started.");
  const parser = createMetricParser(request.metrics, () => now().getTime());
  const result = await logger.group(
    `Train ${jobName}`,
    () => backend.run({
      request,
      imageUri,
      jobName,
      logger,
      signal,
      ...deps.onState ? { onState: deps.onState } : {},
      onLogLine: (_host, line) => parser.feed(line)
    })
  );
  return {
    ...result,
    metrics: { ...parser.finals(), ...result.metrics },
    metricSeries: { ...parser.series(), ...result.metricSeries }
  };
}

export {
  ModeNotAvailableError,
  AVAILABLE_MODES,
  assertModeAvailable,
  defaultBackendFor,
  localImageTag,
  runTraining
};
