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
var chunk_5X56SO76_exports = {};
__export(chunk_5X56SO76_exports, {
  conclude: () => conclude,
  judgeAndReport: () => judgeAndReport,
  trainAndJudge: () => trainAndJudge
});
module.exports = __defProp(chunk_5X56SO76_exports, "__esModule", { value: true });
var import_chunk_TERDQLG2 = require("./chunk-TERDQLG2.js");
var import_chunk_LKL6FYIQ = require("./chunk-LKL6FYIQ.js");
var import_chunk_OVMUTU22 = require("./chunk-OVMUTU22.js");
var import_chunk_3Y6ZB6SW = require("./chunk-3Y6ZB6SW.js");
var import_chunk_7U3WTFAM = require("./chunk-7U3WTFAM.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_UO73Q2OA = require("./chunk-UO73Q2OA.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
function conclude(input) {
  if (input.kind === "skipped") return { conclusion: "action_required", gate: "skipped", reason: input.reason };
  if (input.kind === "error") return { conclusion: "failure", gate: "failed", reason: input.reason };
  const { result, gate } = input;
  const why = result.failureReason ? `: ${result.failureReason}` : "";
  if (result.status === "Stopped") {
    return { conclusion: "cancelled", gate: "failed", reason: `Training job ${result.jobName} was stopped${why}` };
  }
  if (input.serve?.cancelled) {
    return {
      conclusion: "cancelled",
      gate: "failed",
      reason: `The serve test was stopped: ${input.serve.reason ?? ""}`
    };
  }
  if (result.status === "Failed") {
    return { conclusion: "failure", gate: "failed", reason: `Training job ${result.jobName} failed${why}` };
  }
  if (!gate.passed) {
    return {
      conclusion: "failure",
      gate: "failed",
      reason: `The model did not pass the gate: ${(0, import_chunk_3Y6ZB6SW.gateFailures)(gate).join("; ")}`
    };
  }
  if (input.serve && !input.serve.passed) {
    return {
      conclusion: "failure",
      gate: "failed",
      reason: `The model did not serve: ${input.serve.reason ?? "the serve test failed"}`
    };
  }
  if (input.baselineRequired && !gate.baseline) {
    const why2 = input.baselineRequired.missing ? ` (${input.baselineRequired.missing})` : "";
    return {
      conclusion: "failure",
      gate: "failed",
      reason: `No baseline to compare with${why2}, and the configuration says gate.baseline: required`
    };
  }
  return { conclusion: "success", gate: "passed", reason: "" };
}
function judgeTraining(specs, result, baseline, policy = {}) {
  const gate = (0, import_chunk_3Y6ZB6SW.evaluateGates)({ specs, metrics: result.metrics, ...baseline ? { baseline } : {} });
  const required = policy.baselineRequired ? { baselineRequired: policy.missing ? { missing: policy.missing } : {} } : {};
  const serve = policy.serve ? { serve: policy.serve } : {};
  return { gate, outcome: conclude({ kind: "trained", result, gate, ...required, ...serve }) };
}
function baselinePolicy(request, lookup) {
  return {
    baselineRequired: request.gate?.baseline === "required",
    ...lookup.missing !== void 0 ? { missing: lookup.missing } : {}
  };
}
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
    const reason = (0, import_chunk_OEPHYHQN.messageOf)(err);
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
function defaultBackendFor(deps, docker) {
  return (mode) => {
    return (0, import_chunk_7U3WTFAM.createBackend)(mode, {
      docker,
      identity: deps.identity ?? import_chunk_QBYG7RQS.NO_RUN_IDENTITY,
      ...deps.s3 ? { s3: deps.s3 } : {},
      ...deps.now ? { now: deps.now } : {}
    });
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
function jobNameOf(request, deps, startedAt) {
  return request.job.name ?? (0, import_chunk_UO73Q2OA.generateJobName)({
    prefix: request.job.namePrefix,
    identity: deps.identity ?? import_chunk_QBYG7RQS.NO_RUN_IDENTITY,
    now: startedAt,
    random: deps.random ?? Math.random,
    fingerprint: () => (0, import_chunk_UO73Q2OA.requestFingerprint)(request)
  });
}
async function imageStep(request, deps, notStarted) {
  if (deps.image) return { image: deps.image };
  deps.onPhase?.(request.image.kind === "build" ? "building" : "preparing");
  try {
    const image = await (0, import_chunk_LKL6FYIQ.resolveImage)(request, deps);
    if (deps.signal.aborted) return { ended: notStarted("Stopped", "Stopped before training started.") };
    return { image };
  } catch (err) {
    if (deps.signal.aborted)
      return { ended: notStarted("Stopped", "Stopped before training started (while building the image).") };
    deps.logger.debug(err instanceof Error && err.stack ? err.stack : (0, import_chunk_OEPHYHQN.messageOf)(err));
    return { ended: notStarted("Failed", `The image could not be built: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`) };
  }
}
async function runTraining(request, pipelineDeps) {
  const docker = (0, import_chunk_TERDQLG2.memoizeDocker)(pipelineDeps.docker);
  const deps = { ...pipelineDeps, docker };
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const backend = (deps.backendFor ?? defaultBackendFor(deps, docker))(request.mode);
  if (!deps.backendFor && (0, import_chunk_TERDQLG2.asksEngineInfo)(request)) void (0, import_chunk_TERDQLG2.prefetchEngineInfo)(docker);
  const unpinned = deps.runCache && !deps.image ? (0, import_chunk_OVMUTU22.unpinnedImageReason)(request) : void 0;
  if (unpinned) deps.logger.warning((0, import_chunk_OVMUTU22.notRecordedWarning)(unpinned));
  const cache = deps.runCache && !deps.image && !unpinned ? await Promise.resolve().then(() => require("./pipeline-hook-2LQ52SVQ.js")) : void 0;
  const verdict = cache ? await cache.checkRunCache(request, deps) : void 0;
  if (verdict?.kind === "reuse") return verdict.result;
  const startedAt = now();
  const jobName = jobNameOf(request, deps, startedAt);
  deps.onState?.("job-name", jobName);
  deps.logger.info(`Training job ${jobName} (${request.mode} mode)`);
  const fallbackImage = request.image.kind === "prebuilt" ? request.image.uri : (0, import_chunk_LKL6FYIQ.localImageTag)(request.job.namePrefix);
  const notStarted = (status, failureReason) => notStartedResult({
    request,
    jobName,
    imageUri: deps.image?.uri ?? fallbackImage,
    startedAt,
    endedAt: now(),
    status,
    failureReason
  });
  const lookedUp = verdict?.kind === "train" ? verdict.lookedUp : void 0;
  const step = await imageStep(request, { ...deps, ...lookedUp ? { lookedUp } : {} }, notStarted);
  if ("ended" in step) return step.ended;
  const runCache = await cache?.runCacheContext(verdict, request, step.image, deps);
  const trained = await train({ request, deps, backend, jobName, image: step.image, now, runCache });
  const result = runCache ? { ...trained, fingerprint: runCache.fingerprint } : trained;
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
    ...image.note ? { imageNote: image.note } : {},
    ...image.digest ? { imageDigest: image.digest } : {}
  };
}
async function serveStep(request, result, serve, ctx) {
  if (!request.serve || result.status !== "Completed") return void 0;
  if (!serve) return void 0;
  const docker = serve.docker ?? ctx.docker;
  if (!docker) return { passed: false, reason: "no Docker engine to run the serve test", samples: [], logTail: [] };
  const { pullImage, runServeTest } = await Promise.resolve().then(() => require("./serve-PVKIDZUD.js"));
  const engine = typeof docker === "function" ? docker : () => Promise.resolve(docker);
  const pull = (uri) => pullImage(uri, { docker: engine, logger: ctx.logger, ...ctx.ecr ? { ecr: ctx.ecr } : {} });
  const report = await ctx.logger.group(
    "Serve test",
    () => runServeTest({ ...request, serve: request.serve }, result, {
      logger: ctx.logger,
      signal: ctx.signal,
      ...ctx.onState ? { onState: ctx.onState } : {},
      ...ctx.s3 ? { s3: ctx.s3 } : {},
      pullImage: pull,
      ...serve,
      docker
    })
  );
  if (report.passed) ctx.logger.info(`Serve test passed (${report.samples.length} sample(s))`);
  else ctx.logger.warning(`Serve test failed: ${report.reason ?? ""}`);
  return report;
}
async function registerStep(request, result, outcome, register) {
  const spec = request.register;
  if (!spec) return void 0;
  if (outcome.gate !== "passed") return { skipped: "the gate did not pass" };
  if (!register) return { skipped: "this entry point does not register models" };
  const { registerModel, shouldRegister } = await Promise.resolve().then(() => require("./register-JOHNDJVS.js"));
  const when = shouldRegister(spec, register.event);
  if ("skipped" in when) return when;
  if (request.output.kind !== "s3") return { skipped: "register needs an S3 output" };
  const fingerprint = result.fingerprint ?? result.reused?.fingerprint;
  const sent = [...new Set(request.serve?.samples.map((s) => s.contentType) ?? [])];
  const accepted = [...new Set(request.serve?.samples.map((s) => s.accept) ?? [])].filter((t) => t !== "*/*");
  const types = {
    contentTypes: spec.contentTypes ?? (sent.length > 0 ? sent : ["text/csv"]),
    responseTypes: spec.responseTypes ?? (accepted.length > 0 ? accepted : ["application/json"])
  };
  try {
    return await registerModel(
      {
        spec: { ...spec, ...types },
        region: request.region,
        output: request.output,
        result,
        lineage: {
          repository: register.repository,
          commit: register.commit,
          run: register.run,
          hyperparameters: request.hyperparameters,
          ...fingerprint ? { fingerprint } : {}
        }
      },
      register.clients
    );
  } catch (err) {
    register.clients.logger.warning(`Registration failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    return { failed: (0, import_chunk_OEPHYHQN.messageOf)(err) };
  }
}
var NOT_LOOKED_UP = { missing: "it was not looked up" };
async function trainAndJudge(request, deps) {
  const { reporter } = deps;
  const alongside = deps.baseline?.when === "after" ? void 0 : lookUpBaseline(deps.baseline);
  let jobName;
  const result = await runTraining(request, {
    ...deps,
    onState: (key, value) => {
      if (key === "job-name") jobName = value;
      reporter.saveState?.(key, value);
    },
    onPhase: (phase) => reporter.phase?.(phase, jobName)
  });
  if (result.status === "InProgress") {
    await reporter.handedOff?.(request, result);
    return { handedOff: true, request, result };
  }
  const onState = (key, value) => reporter.saveState?.(key, value);
  const serve = await serveStep(request, result, deps.serve, {
    ...deps,
    onState,
    docker: deps.serve?.docker ?? deps.docker
  });
  return {
    handedOff: false,
    ...await judgeAndReport(request, result, {
      ...deps,
      ...alongside ? { alongside } : {},
      ...serve ? { serveReport: serve } : {}
    })
  };
}
function lookUpBaseline(source) {
  return source?.lookUp().catch((err) => ({ missing: `the lookup failed (${(0, import_chunk_OEPHYHQN.messageOf)(err)})` }));
}
async function judgeAndReport(request, result, deps) {
  await deps.reporter.recorded?.(request, result);
  const lookup = await (deps.alongside ?? lookUpBaseline(deps.baseline)) ?? NOT_LOOKED_UP;
  const serve = deps.serveReport;
  const policy = { ...baselinePolicy(request, lookup), ...serve ? { serve } : {} };
  const verdict = judgeTraining(request.metrics, result, lookup.baseline, policy);
  const registration = await registerStep(request, result, verdict.outcome, deps.register);
  const judged = {
    request,
    result,
    ...verdict,
    lookup,
    ...serve ? { serve } : {},
    ...registration ? { registration } : {}
  };
  await deps.reporter.report(judged);
  return judged;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  conclude,
  judgeAndReport,
  trainAndJudge
});
