import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  evaluateGates,
  gateFailures
} from "./chunk-ZVW3633E.js";

// src/gate/conclusion.ts
function conclude(input) {
  if (input.kind === "skipped") return { conclusion: "neutral", gate: "skipped", reason: input.reason };
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
  return { conclusion: "success", gate: "passed", reason: "" };
}
function judgeTraining(specs, result, baseline) {
  const gate = evaluateGates({ specs, metrics: result.metrics, ...baseline ? { baseline } : {} });
  return { gate, outcome: conclude({ kind: "trained", result, gate }) };
}

export {
  conclude,
  judgeTraining
};
