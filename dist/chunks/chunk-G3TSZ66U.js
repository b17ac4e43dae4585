import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  localImageTag,
  resolveImage
} from "./chunk-HVM26UHR.js";
import {
  lazySageMakerBackend
} from "./chunk-JX5TPMG2.js";
import {
  createCloudWatchLogsClient,
  createEcsClient,
  createSageMakerClient
} from "./chunk-6K5YUH5B.js";
import {
  LocalBackend
} from "./chunk-E4FWFVBZ.js";
import {
  sleep
} from "./chunk-JNQNZV5F.js";
import {
  createS3Client
} from "./chunk-57ZJPNCC.js";
import {
  generateJobName,
  requestFingerprint
} from "./chunk-NSEUCI5W.js";
import {
  messageOf
} from "./chunk-H2G727SZ.js";

// src/backends/fargate/index.ts
var MIN_DESCRIBE_TASKS_INTERVAL_MS = 15e3;
var DEFAULT_RUN_TASK_ATTEMPTS = 6;
var FargateBackend = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  async run(ctx) {
    const { FargateRun } = await import("./run-TKMK5ZHA.js");
    const { logs, logsFor, request } = { ...this.deps, request: ctx.request };
    const describe = Math.max(
      this.deps.pollIntervalMs?.describe ?? MIN_DESCRIBE_TASKS_INTERVAL_MS,
      MIN_DESCRIBE_TASKS_INTERVAL_MS
    );
    return new FargateRun(
      {
        ecs: this.deps.ecs,
        s3: this.deps.s3,
        sagemaker: this.deps.sagemaker,
        logs: (region) => region === request.region ? Promise.resolve(logs) : (logsFor ?? createCloudWatchLogsClient)(region),
        sleep: this.deps.sleep ?? sleep,
        now: this.deps.now ?? (() => /* @__PURE__ */ new Date()),
        random: this.deps.random ?? Math.random,
        env: this.deps.env ?? process.env,
        pollIntervalMs: { describe, logs: this.deps.pollIntervalMs?.logs ?? 1e4 },
        runTaskAttempts: this.deps.runTaskAttempts ?? DEFAULT_RUN_TASK_ATTEMPTS
      },
      ctx
    ).execute();
  }
};
function lazyFargateBackend(deps = {}) {
  return {
    async run(ctx) {
      const region = ctx.request.region;
      const [ecs, s3, logs, sagemaker] = await Promise.all([
        (deps.ecs ?? createEcsClient)(region),
        (deps.s3 ?? createS3Client)(region),
        (deps.logs ?? createCloudWatchLogsClient)(region),
        (deps.sagemaker ?? createSageMakerClient)(region)
      ]);
      return new FargateBackend({
        ...deps,
        ecs,
        s3,
        logs,
        sagemaker,
        logsFor: deps.logs ?? createCloudWatchLogsClient
      }).run(ctx);
    }
  };
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
    const reason = messageOf(err);
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
var AVAILABLE_MODES = ["local", "sagemaker", "fargate"];
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
    if (mode === "sagemaker") {
      return lazySageMakerBackend({
        env: deps.env ?? {},
        ...deps.s3 ? { s3: deps.s3 } : {},
        ...deps.now ? { now: deps.now } : {}
      });
    }
    if (mode === "fargate") {
      return lazyFargateBackend({
        env: deps.env ?? {},
        ...deps.s3 ? { s3: deps.s3 } : {},
        ...deps.now ? { now: deps.now } : {}
      });
    }
    throw new ModeNotAvailableError(mode);
  };
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
    random: deps.random ?? Math.random,
    fingerprint: requestFingerprint(request)
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
  let image;
  deps.onPhase?.(request.image.kind === "build" ? "building" : "preparing");
  try {
    image = await resolveImage(request, deps);
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
  const imageUri = image.uri;
  deps.onPhase?.("training");
  const parser = createMetricParser(request.metrics, () => now().getTime());
  const result = await logger.group(
    `Train ${jobName}`,
    () => backend.run({
      request,
      imageUri,
      ...image.tag !== void 0 ? { imageTag: image.tag } : {},
      imageBuilt: image.built,
      jobName,
      logger,
      signal,
      ...deps.onState ? { onState: deps.onState } : {},
      ...deps.onPhase ? { onPhase: deps.onPhase } : {},
      ...deps.detachedReport ? { detachedReport: deps.detachedReport } : {},
      onLogLine: (_host, line) => parser.feed(line)
    })
  );
  return {
    ...result,
    metrics: { ...parser.finals(), ...result.metrics },
    metricSeries: { ...parser.series(), ...result.metricSeries },
    ...image.tag !== void 0 ? { imageTag: image.tag } : {},
    imageBuilt: image.built
  };
}

export {
  ModeNotAvailableError,
  AVAILABLE_MODES,
  assertModeAvailable,
  defaultBackendFor,
  runTraining
};
