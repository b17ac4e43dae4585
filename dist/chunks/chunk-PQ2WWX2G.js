import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  localImageTag,
  resolveImage
} from "./chunk-NXKZVDYV.js";
import {
  createBackend
} from "./chunk-UPP6HN6O.js";
import {
  generateJobName,
  requestFingerprint
} from "./chunk-NSEUCI5W.js";
import {
  messageOf
} from "./chunk-H2G727SZ.js";

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
var EPOCH = /\bepoch\b\s*[=:]?\s*(\d{1,9})\b/i;
function createMetricParser(specs, now = Date.now) {
  const metrics = specs.map(compile);
  const seen = /* @__PURE__ */ new Map();
  return {
    feed(line) {
      if (metrics.length === 0) return;
      const text = line.endsWith("\r") ? line.slice(0, -1) : line;
      let timestamp;
      const epochText = EPOCH.exec(text)?.[1];
      const epoch = epochText === void 0 ? {} : { epoch: Number(epochText) };
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
          points.push({ timestamp, value, ...epoch });
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

// src/pipeline/run-training.ts
async function connectDocker() {
  return (await import("./docker-client-U6TOGKRG.js")).createDocker();
}
function memoizeDocker(docker = connectDocker) {
  if (typeof docker !== "function") return docker;
  let connected;
  return () => connected ??= docker();
}
function defaultBackendFor(deps, docker) {
  return (mode) => createBackend(mode, {
    docker,
    env: deps.env ?? {},
    ...deps.s3 ? { s3: deps.s3 } : {},
    ...deps.now ? { now: deps.now } : {}
  });
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
function jobNameOf(request, deps, startedAt) {
  return request.job.name ?? generateJobName({
    prefix: request.job.namePrefix,
    env: deps.env ?? {},
    now: startedAt,
    random: deps.random ?? Math.random,
    fingerprint: requestFingerprint(request)
  });
}
async function imageStep(request, deps, notStarted) {
  if (deps.image) return { image: deps.image };
  deps.onPhase?.(request.image.kind === "build" ? "building" : "preparing");
  try {
    const image = await resolveImage(request, deps);
    if (deps.signal.aborted) return { ended: notStarted("Stopped", "Stopped before training started.") };
    return { image };
  } catch (err) {
    if (deps.signal.aborted)
      return { ended: notStarted("Stopped", "Stopped before training started (while building the image).") };
    deps.logger.debug(err instanceof Error && err.stack ? err.stack : messageOf(err));
    return { ended: notStarted("Failed", `The image could not be built: ${messageOf(err)}`) };
  }
}
async function runTraining(request, pipelineDeps) {
  const docker = memoizeDocker(pipelineDeps.docker);
  const deps = { ...pipelineDeps, docker };
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const backend = (deps.backendFor ?? defaultBackendFor(deps, docker))(request.mode);
  const cache = deps.runCache && !deps.image ? await import("./pipeline-hook-RUHPW35R.js") : void 0;
  const verdict = cache ? await cache.checkRunCache(request, deps) : void 0;
  if (verdict?.kind === "reuse") return verdict.result;
  const startedAt = now();
  const jobName = jobNameOf(request, deps, startedAt);
  deps.onState?.("job-name" /* JobName */, jobName);
  deps.logger.info(`Training job ${jobName} (${request.mode} mode)`);
  const fallbackImage = request.image.kind === "prebuilt" ? request.image.uri : localImageTag(request.job.namePrefix);
  const notStarted = (status, failureReason) => notStartedResult({
    request,
    jobName,
    imageUri: deps.image?.uri ?? fallbackImage,
    startedAt,
    endedAt: now(),
    status,
    failureReason
  });
  const step = await imageStep(request, deps, notStarted);
  if ("ended" in step) return step.ended;
  const runCache = cache?.runCacheContext(verdict, request, step.image, deps);
  const result = await train({ request, deps, backend, jobName, image: step.image, now, runCache });
  if (runCache && request.mode !== "fargate") await cache?.recordRun(request, runCache, result, deps);
  return result;
}
async function train({ request, deps, backend, jobName, image, now, runCache }) {
  deps.onPhase?.("training");
  const parser = createMetricParser(request.metrics, () => now().getTime());
  const result = await deps.logger.group(
    `Train ${jobName}`,
    () => backend.run({
      request,
      imageUri: image.uri,
      ...image.tag !== void 0 ? { imageTag: image.tag } : {},
      imageBuilt: image.built,
      jobName,
      logger: deps.logger,
      signal: deps.signal,
      ...deps.onState ? { onState: deps.onState } : {},
      ...deps.onPhase ? { onPhase: deps.onPhase } : {},
      ...deps.detachedReport ? { detachedReport: deps.detachedReport } : {},
      ...runCache ? { runCache } : {},
      onLogLine: (_host, line) => parser.feed(line)
    })
  );
  return {
    ...result,
    metrics: { ...parser.finals(), ...result.metrics },
    metricSeries: { ...parser.series(), ...result.metricSeries },
    ...image.tag !== void 0 ? { imageTag: image.tag } : {},
    imageBuilt: image.built,
    ...image.source ? { imageSource: image.source } : {},
    ...image.note ? { imageNote: image.note } : {}
  };
}

export {
  memoizeDocker,
  runTraining
};
