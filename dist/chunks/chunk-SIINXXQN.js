import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  runTraining
} from "./chunk-PQ2WWX2G.js";
import {
  evaluateGates,
  gateFailures
} from "./chunk-7JYDKPKG.js";
import {
  messageOf
} from "./chunk-H2G727SZ.js";

// src/gate/conclusion.ts
function conclude(input) {
  if (input.kind === "skipped") return { conclusion: "action_required", gate: "skipped", reason: input.reason };
  if (input.kind === "error") return { conclusion: "failure", gate: "failed", reason: input.reason };
  const { result, gate } = input;
  const why = result.failureReason ? `: ${result.failureReason}` : "";
  if (result.status === "Stopped") {
    return { conclusion: "cancelled", gate: "failed", reason: `Training job ${result.jobName} was stopped${why}` };
  }
  if (result.status === "Failed") {
    return { conclusion: "failure", gate: "failed", reason: `Training job ${result.jobName} failed${why}` };
  }
  if (!gate.passed) {
    return {
      conclusion: "failure",
      gate: "failed",
      reason: `The model did not pass the gate: ${gateFailures(gate).join("; ")}`
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
  const gate = evaluateGates({ specs, metrics: result.metrics, ...baseline ? { baseline } : {} });
  const required = policy.baselineRequired ? { baselineRequired: policy.missing ? { missing: policy.missing } : {} } : {};
  return { gate, outcome: conclude({ kind: "trained", result, gate, ...required }) };
}
function baselinePolicy(request, lookup) {
  return {
    baselineRequired: request.gate?.baseline === "required",
    ...lookup.missing !== void 0 ? { missing: lookup.missing } : {}
  };
}

// src/pipeline/train-and-judge.ts
var NOT_LOOKED_UP = { missing: "it was not looked up" };
async function trainAndJudge(request, deps) {
  const { reporter } = deps;
  const alongside = deps.baseline?.when === "after" ? void 0 : lookUpBaseline(deps.baseline);
  let jobName;
  const result = await runTraining(request, {
    ...deps,
    onState: (key, value) => {
      if (key === "job-name" /* JobName */) jobName = value;
      reporter.saveState?.(key, value);
    },
    onPhase: (phase) => reporter.phase?.(phase, jobName)
  });
  if (result.status === "InProgress") {
    await reporter.handedOff?.(request, result);
    return { handedOff: true, request, result };
  }
  return {
    handedOff: false,
    ...await judgeAndReport(request, result, { ...deps, ...alongside ? { alongside } : {} })
  };
}
function lookUpBaseline(source) {
  return source?.lookUp().catch((err) => ({ missing: `the lookup failed (${messageOf(err)})` }));
}
async function judgeAndReport(request, result, deps) {
  await deps.reporter.recorded?.(request, result);
  const lookup = await (deps.alongside ?? lookUpBaseline(deps.baseline)) ?? NOT_LOOKED_UP;
  const verdict = judgeTraining(request.metrics, result, lookup.baseline, baselinePolicy(request, lookup));
  const judged = { request, result, ...verdict, lookup };
  await deps.reporter.report(judged);
  return judged;
}

export {
  conclude,
  trainAndJudge,
  judgeAndReport
};
