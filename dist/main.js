import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  assertModeAvailable,
  runTraining
} from "./chunks/chunk-4RLUPHGN.js";
import "./chunks/chunk-KTFARFKW.js";
import {
  abortOnSignals
} from "./chunks/chunk-7CXTOET3.js";
import {
  ActionLogger,
  actionsCore,
  messageOf
} from "./chunks/chunk-ZINMQPF2.js";
import {
  createDocker
} from "./chunks/chunk-JQ4EZXZX.js";
import {
  DEFAULT_CONFIG_FILE,
  clip,
  clipBytes,
  codeBlock,
  escapeInline,
  formatDuration,
  formatNumber,
  inlineCode,
  loadRequest,
  overridesFromInputs,
  requestSummary
} from "./chunks/chunk-YTTCSWXQ.js";
import "./chunks/chunk-ME7YDMKM.js";
import {
  isStateKey
} from "./chunks/chunk-5IVUKNMN.js";
import "./chunks/chunk-FJMSXGPP.js";
import "./chunks/chunk-W2TOWP6Q.js";

// src/report/verdicts.ts
function checkThreshold(spec, value) {
  if (spec.threshold === void 0) return { verdict: "none" };
  if (value === void 0) return { verdict: "fail", note: "not reported" };
  if (spec.goal === void 0) return { verdict: "none", note: "threshold without a goal" };
  const ok = spec.goal === "maximize" ? value >= spec.threshold : value <= spec.threshold;
  if (ok) return { verdict: "pass" };
  return { verdict: "fail", note: spec.goal === "maximize" ? "below threshold" : "above threshold" };
}
function metricRows(result, request) {
  const rows = request.metrics.map((spec) => {
    const value = result.metrics[spec.name];
    return {
      name: spec.name,
      ...value !== void 0 ? { value } : {},
      ...spec.goal ? { goal: spec.goal } : {},
      ...spec.threshold !== void 0 ? { threshold: spec.threshold } : {},
      ...checkThreshold(spec, value)
    };
  });
  const configured = new Set(request.metrics.map((m) => m.name));
  for (const [name, value] of Object.entries(result.metrics)) {
    if (!configured.has(name)) rows.push({ name, value, verdict: "none" });
  }
  return rows;
}

// src/report/summary.ts
var SUMMARY_MAX_BYTES = 1024 * 1024 - 4 * 1024;
var TRUNCATION_MARKER = "> [!WARNING]\n> This summary was truncated to stay under GitHub's 1 MiB job summary limit; the full log is in the step's output.";
var HEADLINES = {
  Completed: "\u2705 Training completed",
  Failed: "\u274C Training failed",
  Stopped: "\u23F9\uFE0F Training stopped"
};
var GOALS = { maximize: "\u2191 maximize", minimize: "\u2193 minimize" };
var MAX_LOG_LINE_CHARS = 2e3;
var VISIBLE_REASON_CHARS = 300;
function headline(result) {
  return `## ${HEADLINES[result.status]}: ${inlineCode(result.jobName)}`;
}
function facts(result) {
  const rows = [
    [
      "Status",
      result.secondaryStatus && result.secondaryStatus !== result.status ? `${result.status} (${escapeInline(result.secondaryStatus)})` : result.status
    ],
    ["Mode", result.mode],
    ["Image", inlineCode(result.imageUri)],
    ["Instances", `${inlineCode(result.instanceType)} \xD7 ${result.instanceCount}`],
    ["Duration", formatDuration(result.durationSeconds)]
  ];
  if (result.billableSeconds !== void 0) rows.push(["Billable", formatDuration(result.billableSeconds)]);
  if (result.hosts && result.hosts.length > 0) {
    const hosts = result.hosts.map(
      (h) => `${escapeInline(h.host)} (${h.exitCode === null ? "no exit code" : `exit ${h.exitCode}`})`
    );
    rows.push(["Hosts", hosts.join(", ")]);
  }
  rows.push(["Model artifacts", result.modelArtifacts ? inlineCode(result.modelArtifacts) : "\u2014"]);
  rows.push(["Output artifacts", result.outputArtifacts ? inlineCode(result.outputArtifacts) : "\u2014"]);
  if (result.links.length > 0) {
    rows.push(["Links", result.links.map((l) => `[${escapeInline(l.label)}](${encodeURI(l.url)})`).join(" \xB7 ")]);
  }
  return ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
}
function verdictCell(row) {
  if (row.verdict === "pass") return "\u2705 pass";
  if (row.verdict === "fail") return `\u274C ${row.note ?? "fail"}`;
  return row.note ? `\u26A0\uFE0F ${row.note}` : "\u2014";
}
function thresholdCell(row) {
  if (row.threshold === void 0) return "\u2014";
  const op = row.goal === "maximize" ? "\u2265 " : row.goal === "minimize" ? "\u2264 " : "";
  return `${op}${formatNumber(row.threshold)}`;
}
function metricsSection(result, request) {
  const rows = metricRows(result, request);
  if (rows.length === 0) return "### Metrics\n\n_No metrics were configured._";
  const withThresholds = rows.some((r) => r.threshold !== void 0);
  const header = withThresholds ? ["| Metric | Final | Goal | Threshold | Verdict |", "|---|---:|---|---:|---|"] : ["| Metric | Final | Goal |", "|---|---:|---|"];
  const lines = rows.map((row) => {
    const cells = [
      inlineCode(row.name),
      row.value === void 0 ? "_not reported_" : formatNumber(row.value),
      row.goal ? GOALS[row.goal] : "\u2014"
    ];
    if (withThresholds) cells.push(thresholdCell(row), verdictCell(row));
    return `| ${cells.join(" | ")} |`;
  });
  const parts = ["### Metrics", "", ...header, ...lines];
  const failed = rows.filter((r) => r.verdict === "fail").length;
  if (failed > 0)
    parts.push("", `**${failed} of ${rows.length} metric${rows.length === 1 ? "" : "s"} missed the threshold.**`);
  return parts.join("\n");
}
function failureSection(result, limits) {
  if (result.status === "Completed") return void 0;
  const parts = ["<details><summary>Failure details</summary>", ""];
  if (result.failureReason) {
    const reason = clip(result.failureReason, limits.reasonChars);
    parts.push("**Failure reason**", "", codeBlock(reason), "");
  }
  const total = result.logTail.length;
  const shown = Math.min(total, limits.tailLines);
  if (total === 0) {
    parts.push("_No log lines were captured._", "");
  } else {
    const lines = result.logTail.slice(total - shown).map((line) => clip(line, MAX_LOG_LINE_CHARS));
    const omitted = total - shown;
    parts.push(`**Last ${shown} log line${shown === 1 ? "" : "s"}**`, "");
    if (omitted > 0) parts.push(`_${omitted} earlier line${omitted === 1 ? "" : "s"} omitted._`, "");
    parts.push(codeBlock(lines.join("\n")), "");
  }
  parts.push("</details>");
  return parts.join("\n");
}
function render(result, request, limits, truncated) {
  const sections = [headline(result)];
  if (result.status !== "Completed" && result.failureReason) {
    sections.push(`**Reason:** ${escapeInline(clip(result.failureReason, VISIBLE_REASON_CHARS))}`);
  }
  if (truncated) sections.push(TRUNCATION_MARKER);
  sections.push(facts(result), metricsSection(result, request));
  const failure = failureSection(result, limits);
  if (failure) sections.push(failure);
  return `${sections.join("\n\n")}
`;
}
var bytes = (text) => Buffer.byteLength(text, "utf8");
function summaryMarkdown(result, request, options = {}) {
  const maxBytes = options.maxBytes ?? SUMMARY_MAX_BYTES;
  const full = { tailLines: result.logTail.length, reasonChars: Number.MAX_SAFE_INTEGER };
  const text = render(result, request, full, false);
  if (bytes(text) <= maxBytes) return text;
  const limits = { ...full };
  let candidate = render(result, request, limits, true);
  while (bytes(candidate) > maxBytes && limits.tailLines > 0) {
    limits.tailLines = Math.floor(limits.tailLines / 2);
    candidate = render(result, request, limits, true);
  }
  while (bytes(candidate) > maxBytes && limits.reasonChars > 200) {
    limits.reasonChars = Math.min(Math.floor(limits.reasonChars / 2), (result.failureReason ?? "").length);
    candidate = render(result, request, limits, true);
  }
  if (bytes(candidate) <= maxBytes) return candidate;
  const tail = `

\u2026

${TRUNCATION_MARKER}
`;
  return clipBytes(candidate, Math.max(0, maxBytes - bytes(tail))) + tail;
}

// src/report/outputs.ts
function actionOutputs(result) {
  return {
    ["job-name" /* JobName */]: result.jobName,
    ["status" /* Status */]: result.status,
    ["failure-reason" /* FailureReason */]: result.failureReason ?? "",
    ["model-artifacts" /* ModelArtifacts */]: result.modelArtifacts ?? "",
    ["output-artifacts" /* OutputArtifacts */]: result.outputArtifacts ?? "",
    ["metrics" /* Metrics */]: JSON.stringify(result.metrics),
    ["image-uri" /* ImageUri */]: result.imageUri,
    ["duration-seconds" /* DurationSeconds */]: String(Math.round(result.durationSeconds))
  };
}

// src/action/inputs.ts
import { isAbsolute, resolve } from "node:path";
function readInputs(source, env, cwd) {
  const githubToken = source.getInput("github-token" /* GithubToken */).trim();
  if (githubToken) source.setSecret(githubToken);
  const base = env.GITHUB_WORKSPACE?.trim() || cwd;
  const workspaceInput = source.getInput("workspace" /* Workspace */).trim();
  const workspace = workspaceInput ? isAbsolute(workspaceInput) ? workspaceInput : resolve(base, workspaceInput) : base;
  const configInput = source.getInput("config" /* Config */).trim();
  const configFile = configInput || DEFAULT_CONFIG_FILE;
  return {
    workspace: resolve(workspace),
    configFile,
    configFileExplicit: configInput !== "" && configInput !== DEFAULT_CONFIG_FILE,
    overrides: overridesFromInputs((name) => source.getInput(name)),
    githubToken
  };
}

// src/action/main-step.ts
function failureMessage(result) {
  if (result.status === "Completed") return void 0;
  const reason = result.failureReason ? `: ${result.failureReason}` : "";
  return result.status === "Stopped" ? `Training job ${result.jobName} was stopped${reason}` : `Training job ${result.jobName} failed${reason}`;
}
async function report(core, result, request) {
  for (const [name, value] of Object.entries(actionOutputs(result))) core.setOutput(name, value);
  try {
    await core.writeSummary(summaryMarkdown(result, request));
  } catch (err) {
    core.warning(`Could not write the job summary: ${messageOf(err)}`);
  }
}
async function runMainStep(deps) {
  const { core } = deps;
  try {
    const inputs = readInputs(core, deps.env, deps.cwd);
    const logger = new ActionLogger(core);
    const request = await logger.group("Configuration", async () => {
      const loaded = await loadRequest({
        workspace: inputs.workspace,
        configFile: inputs.configFile,
        configFileExplicit: inputs.configFileExplicit,
        overrides: inputs.overrides,
        env: deps.env
      });
      logger.info(requestSummary(loaded).trimEnd());
      return loaded;
    });
    if (!deps.pipeline?.backendFor) assertModeAvailable(request.mode);
    const controller = new AbortController();
    const removeHandlers = abortOnSignals({ controller, logger, ...deps.signals ? { source: deps.signals } : {} });
    try {
      const docker = await (deps.createDocker ?? createDocker)();
      const result = await runTraining(request, {
        ...deps.pipeline,
        docker,
        logger,
        signal: controller.signal,
        env: deps.env,
        onState: (key, value) => {
          if (isStateKey(key)) core.saveState(key, value);
          else logger.debug(`Not saving unknown state ${key}`);
        }
      });
      core.saveState("finished" /* Finished */, "true");
      await logger.group("Report", () => report(core, result, request));
      const failure = failureMessage(result);
      if (failure) core.setFailed(failure);
      else logger.info(`Training job ${result.jobName} completed.`);
    } finally {
      removeHandlers();
    }
  } catch (err) {
    core.setFailed(messageOf(err));
  }
}

// src/main.ts
await runMainStep({ core: actionsCore, env: process.env, cwd: process.cwd() });
