import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  costLabel
} from "./chunk-QH5WXBE7.js";
import {
  evaluateGates
} from "./chunk-ZVW3633E.js";
import {
  describeGithubError,
  errorText
} from "./chunk-5EXQTNPY.js";
import {
  clip,
  clipBytes,
  codeBlock,
  escapeInline,
  formatDelta,
  formatDuration,
  formatNumber,
  inlineCode
} from "./chunk-F7YBY3LO.js";

// src/report/result-marker.ts
var RESULT_MARKER = "sagemaker-train:result";
function embedResult(result) {
  const json = JSON.stringify(result).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return `<!-- ${RESULT_MARKER} ${json} -->`;
}
var PATTERN = new RegExp(`<!-- ${RESULT_MARKER} (\\{.*?\\}) -->`, "s");
var STATUSES = ["Completed", "Failed", "Stopped"];
function parseEmbeddedResult(text) {
  if (!text) return void 0;
  const json = PATTERN.exec(text)?.[1];
  if (json === void 0) return void 0;
  let value;
  try {
    value = JSON.parse(json);
  } catch {
    return void 0;
  }
  if (typeof value !== "object" || value === null) return void 0;
  const v = value;
  if (v.version !== 1 || typeof v.status !== "string" || !STATUSES.includes(v.status)) return void 0;
  if (typeof v.jobName !== "string" || typeof v.sha !== "string") return void 0;
  if (typeof v.metrics !== "object" || v.metrics === null || Array.isArray(v.metrics)) return void 0;
  const metrics = {};
  for (const [name, m] of Object.entries(v.metrics)) {
    if (typeof m === "number" && Number.isFinite(m)) metrics[name] = m;
  }
  return {
    version: 1,
    status: v.status,
    jobName: v.jobName,
    sha: v.sha,
    metrics,
    ...typeof v.conclusion === "string" ? { conclusion: v.conclusion } : {}
  };
}

// src/report/chart.ts
var MAX_CHART_POINTS = 50;
var MAX_CHARTS = 4;
function downsample(points, max = MAX_CHART_POINTS) {
  if (points.length <= max) return [...points];
  if (max <= 1) return points.slice(-1);
  const out = [];
  for (let i = 0; i < max; i++) {
    const index = Math.round(i * (points.length - 1) / (max - 1));
    out.push(points[index]);
  }
  return out;
}
function quoted(text) {
  return `"${text.replace(/["\r\n`]/g, " ")}"`;
}
function metricChart(name, series) {
  const finite = series.filter((p) => Number.isFinite(p.value));
  if (finite.length < 2) return void 0;
  const points = downsample(finite);
  const values = points.map((p) => formatNumber(p.value));
  const lines = [
    "```mermaid",
    "xychart-beta",
    `  title ${quoted(finite.length > points.length ? `${name} (${points.length} of ${finite.length} points)` : name)}`,
    `  x-axis "point" 1 --> ${points.length}`,
    `  y-axis ${quoted(name)}`,
    `  line [${values.join(", ")}]`,
    "```"
  ];
  return lines.join("\n");
}
function metricCharts(series, order) {
  const names = [.../* @__PURE__ */ new Set([...order, ...Object.keys(series)])];
  const charts = [];
  for (const name of names) {
    const chart = metricChart(name, series[name] ?? []);
    if (chart) charts.push(chart);
    if (charts.length >= MAX_CHARTS) break;
  }
  return charts;
}

// src/report/summary.ts
var SUMMARY_MAX_BYTES = 1024 * 1024 - 4 * 1024;
var TRUNCATION_MARKER = "> [!WARNING]\n> This summary was truncated to stay under GitHub's 1 MiB job summary limit; the full log is in the step's output.";
var HEADLINES = {
  Completed: "\u2705 Training completed",
  Failed: "\u274C Training failed",
  Stopped: "\u23F9\uFE0F Training stopped",
  InProgress: "\u23F3 Training in progress"
};
var GOALS = { maximize: "\u2191 maximize", minimize: "\u2193 minimize" };
var MAX_LOG_LINE_CHARS = 2e3;
var VISIBLE_REASON_CHARS = 300;
function headline(result, gate) {
  const text = result.status === "Completed" && !gate.passed ? "\u274C Gate failed" : HEADLINES[result.status];
  return `## ${text}: ${inlineCode(result.jobName)}`;
}
function spotSavings(result) {
  const { billableSeconds: billable, trainingSeconds: training } = result;
  const times = billable !== void 0 && training !== void 0 ? ` (billed ${formatDuration(billable)} of ${formatDuration(training)} training)` : "";
  if (result.spotSavingsPercent !== void 0) return `${formatNumber(result.spotSavingsPercent)}%${times}`;
  if (billable === void 0 || training === void 0 || training <= 0 || billable >= training) return void 0;
  return `${Math.round((1 - billable / training) * 100)}%${times}`;
}
function estimatedCost(result) {
  if (!result.cost) return void 0;
  return `${costLabel(result.cost)} at $${formatNumber(result.cost.pricePerHour)} per instance-hour`;
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
  if (result.trainingSeconds !== void 0) rows.push(["Training time", formatDuration(result.trainingSeconds)]);
  if (result.billableSeconds !== void 0) {
    rows.push(["Billable", `${formatDuration(result.billableSeconds)} (${Math.round(result.billableSeconds)} s)`]);
  }
  const cost = estimatedCost(result);
  if (cost) rows.push(["Estimated cost", cost]);
  const savings = spotSavings(result);
  if (savings) rows.push(["Spot savings", savings]);
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
  const notes = row.notes.map(escapeInline).join("; ");
  if (row.verdict === "pass") return "\u2705 pass";
  if (row.verdict === "fail") return `\u274C ${notes || "fail"}`;
  return notes ? `\u26A0\uFE0F ${notes}` : "\u2014";
}
function thresholdCell(row) {
  if (row.threshold === void 0) return "\u2014";
  const op = row.goal === "maximize" ? "\u2265 " : row.goal === "minimize" ? "\u2264 " : "";
  return `${op}${formatNumber(row.threshold)}`;
}
function regressionCell(row) {
  if (!row.maxRegression) return "\u2014";
  const { kind, value } = row.maxRegression;
  return kind === "relative" ? `${formatNumber(value * 100)}%` : formatNumber(value);
}
function baselineLine(gate, options) {
  const branch = options.baseBranch ? inlineCode(options.baseBranch) : "the base branch";
  const base = gate.baseline;
  if (base) {
    const sha = inlineCode(base.sha.slice(0, 7));
    const at = base.url ? `[${sha}](${encodeURI(base.url)})` : sha;
    const job = base.jobName ? ` (job ${inlineCode(base.jobName)})` : "";
    return `Compared with ${branch} at ${at}${job}.`;
  }
  if (options.baselineMissing !== void 0) {
    return `_No baseline on ${branch}: ${escapeInline(options.baselineMissing)}. Only the thresholds were checked._`;
  }
  return void 0;
}
function metricsSection(gate, options) {
  const rows = gate.metrics;
  if (rows.length === 0) return "### Metrics\n\n_No metrics were configured._";
  const hasBase = gate.baseline !== void 0;
  const withThresholds = rows.some((r) => r.threshold !== void 0);
  const withRegression = hasBase && rows.some((r) => r.maxRegression !== void 0);
  const withVerdict = withThresholds || withRegression || rows.some((r) => r.verdict !== "none");
  const columns = [
    ["Metric", "---"],
    ["Final", "---:"]
  ];
  if (hasBase) columns.push(["Base", "---:"], ["\u0394", "---:"]);
  columns.push(["Goal", "---"]);
  if (withThresholds) columns.push(["Threshold", "---:"]);
  if (withRegression) columns.push(["Max regression", "---:"]);
  if (withVerdict) columns.push(["Verdict", "---"]);
  const header = [`| ${columns.map((c) => c[0]).join(" | ")} |`, `|${columns.map((c) => c[1]).join("|")}|`];
  const lines = rows.map((row) => {
    const cells = [inlineCode(row.name), row.value === void 0 ? "_not reported_" : formatNumber(row.value)];
    if (hasBase) {
      cells.push(
        row.base === void 0 ? "\u2014" : formatNumber(row.base),
        row.delta === void 0 ? "\u2014" : formatDelta(row.delta)
      );
    }
    cells.push(row.goal ? GOALS[row.goal] : "\u2014");
    if (withThresholds) cells.push(thresholdCell(row));
    if (withRegression) cells.push(regressionCell(row));
    if (withVerdict) cells.push(verdictCell(row));
    return `| ${cells.join(" | ")} |`;
  });
  const parts = ["### Metrics", "", ...header, ...lines];
  const failed = rows.filter((r) => r.verdict === "fail").length;
  if (failed > 0) {
    parts.push("", `**${failed} of ${rows.length} metric${rows.length === 1 ? "" : "s"} failed the gate.**`);
  }
  const baseline = baselineLine(gate, options);
  if (baseline) parts.push("", baseline);
  return parts.join("\n");
}
function chartsSection(result, request) {
  const charts = metricCharts(
    result.metricSeries,
    request.metrics.map((m) => m.name)
  );
  if (charts.length === 0) return void 0;
  return ["<details open><summary>Metric series</summary>", "", charts.join("\n\n"), "", "</details>"].join("\n");
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
function render(result, request, options, limits, truncated) {
  const sections = [headline(result, options.gate)];
  if (result.status !== "Completed" && result.failureReason) {
    sections.push(`**Reason:** ${escapeInline(clip(result.failureReason, VISIBLE_REASON_CHARS))}`);
  }
  if (truncated) sections.push(TRUNCATION_MARKER);
  sections.push(facts(result), metricsSection(options.gate, options));
  const charts = options.charts === false ? void 0 : chartsSection(result, request);
  if (charts) sections.push(charts);
  const failure = failureSection(result, limits);
  if (failure) sections.push(failure);
  return `${sections.join("\n\n")}
`;
}
var bytes = (text) => Buffer.byteLength(text, "utf8");
function summaryMarkdown(result, request, options = {}) {
  const maxBytes = options.maxBytes ?? SUMMARY_MAX_BYTES;
  const opts = { ...options, gate: options.gate ?? evaluateGates({ specs: request.metrics, metrics: result.metrics }) };
  const full = { tailLines: result.logTail.length, reasonChars: Number.MAX_SAFE_INTEGER };
  const text = render(result, request, opts, full, false);
  if (bytes(text) <= maxBytes) return text;
  const limits = { ...full };
  let candidate = render(result, request, opts, limits, true);
  while (bytes(candidate) > maxBytes && limits.tailLines > 0) {
    limits.tailLines = Math.floor(limits.tailLines / 2);
    candidate = render(result, request, opts, limits, true);
  }
  while (bytes(candidate) > maxBytes && limits.reasonChars > 200) {
    limits.reasonChars = Math.min(Math.floor(limits.reasonChars / 2), (result.failureReason ?? "").length);
    candidate = render(result, request, opts, limits, true);
  }
  if (bytes(candidate) <= maxBytes) return candidate;
  const tail = `

\u2026

${TRUNCATION_MARKER}
`;
  return clipBytes(candidate, Math.max(0, maxBytes - bytes(tail))) + tail;
}

// src/report/check-run.ts
var CHECK_TEXT_MAX_CHARS = 65535;
var CHECK_TITLE_MAX_CHARS = 1e3;
var MAX_ANNOTATIONS = 50;
var ANNOTATION_MESSAGE_MAX_BYTES = 64 * 1024 - 1;
var TITLE_METRICS = 4;
function oneLine(text) {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}
function metricPhrase(gate, baseBranch) {
  const value = gate.value === void 0 ? "not reported" : formatNumber(gate.value);
  const extras = [];
  if (gate.delta !== void 0) extras.push(`${formatDelta(gate.delta)} vs ${baseBranch ?? "base"}`);
  if (gate.verdict === "fail") extras.push(...gate.notes.filter((n) => n !== "not reported"));
  return `${gate.name} ${value}${extras.length > 0 ? ` (${extras.join(", ")})` : ""}`;
}
function metricsTitle(gate, baseBranch) {
  const ordered = [
    ...gate.metrics.filter((m) => m.verdict === "fail"),
    ...gate.metrics.filter((m) => m.verdict !== "fail")
  ];
  const shown = ordered.slice(0, TITLE_METRICS).map((m) => metricPhrase(m, baseBranch));
  const more = ordered.length - shown.length;
  return [...shown, ...more > 0 ? [`+${more} more`] : []].join(" \xB7 ");
}
function checkTitle(o) {
  const { result, gate, outcome } = o;
  let title;
  if (result.status === "Stopped") title = `Training stopped${result.failureReason ? `: ${result.failureReason}` : ""}`;
  else if (result.status === "Failed")
    title = `Training failed${result.failureReason ? `: ${result.failureReason}` : ""}`;
  else {
    const metrics = metricsTitle(gate, o.baseBranch);
    title = outcome.gate === "failed" ? `Gate failed \xB7 ${metrics}` : metrics || "Training completed";
  }
  return clip(oneLine(title), CHECK_TITLE_MAX_CHARS);
}
function clipMessage(text) {
  let out = text;
  while (Buffer.byteLength(out, "utf8") > ANNOTATION_MESSAGE_MAX_BYTES) out = clip(out, Math.floor(out.length * 0.9));
  return out;
}
function annotations(o) {
  if (!o.annotationPath || o.outcome.conclusion === "success") return void 0;
  const at = { path: o.annotationPath, start_line: 1, end_line: 1 };
  const list = [];
  if (o.result.status !== "Completed") {
    const tail = o.result.logTail.slice(-20).join("\n");
    list.push({
      ...at,
      annotation_level: o.result.status === "Stopped" ? "warning" : "failure",
      title: clip(`Training job ${o.result.jobName} ${o.result.status === "Stopped" ? "stopped" : "failed"}`, 255),
      message: clipMessage(
        [
          o.result.failureReason ?? "No failure reason was reported.",
          ...tail ? ["", "Last log lines:", tail] : []
        ].join("\n")
      )
    });
  }
  for (const m of o.gate.metrics) {
    if (m.verdict !== "fail") continue;
    list.push({
      ...at,
      annotation_level: "failure",
      title: clip(`Metric ${m.name} failed the gate`, 255),
      message: clipMessage(`${metricPhrase(m, o.baseBranch)}: ${m.notes.join("; ")}`)
    });
  }
  return list.slice(0, MAX_ANNOTATIONS);
}
function costSentence(result) {
  const parts = [];
  if (result.cost) parts.push(`Estimated cost ${costLabel(result.cost)}`);
  if (result.spotSavingsPercent !== void 0) {
    parts.push(`${parts.length > 0 ? "spot" : "Spot"} savings ${formatNumber(result.spotSavingsPercent)}%`);
  }
  return parts.length > 0 ? ` ${parts.join("; ")}.` : "";
}
function completedCheckOutput(o) {
  const summary = summaryMarkdown(o.result, o.request, {
    maxBytes: CHECK_TEXT_MAX_CHARS,
    gate: o.gate,
    ...o.baseBranch !== void 0 ? { baseBranch: o.baseBranch } : {},
    ...o.baselineMissing !== void 0 ? { baselineMissing: o.baselineMissing } : {}
  });
  const marker = embedResult({
    version: 1,
    status: o.result.status,
    jobName: o.result.jobName,
    sha: o.sha,
    metrics: o.result.metrics,
    conclusion: o.outcome.conclusion
  });
  const text = clip(
    `${marker}

Training job ${inlineCode(o.result.jobName)} on ${inlineCode(o.sha)}.${costSentence(o.result)}`,
    CHECK_TEXT_MAX_CHARS
  );
  const list = annotations(o);
  return {
    title: checkTitle(o),
    summary,
    // The marker is what later runs read: if even it does not fit, leave the text out rather than cut it.
    ...text.startsWith(marker) ? { text } : {},
    ...list && list.length > 0 ? { annotations: list } : {}
  };
}
function skippedCheckOutput(reason) {
  return {
    title: clip(oneLine(`Training skipped: ${reason}`), CHECK_TITLE_MAX_CHARS),
    summary: clip(`## \u23ED\uFE0F Training skipped

${escapeInline(reason)}
`, CHECK_TEXT_MAX_CHARS)
  };
}
function configAnnotations(reason, path, problems) {
  const located = problems.flatMap((p) => {
    const match = /^(.*) \(line (\d+)\)$/.exec(p.where);
    return match ? [{ key: match[1], line: Number(match[2]), message: p.message }] : [];
  });
  const annotation = (line, title, message) => ({
    path,
    start_line: line,
    end_line: line,
    annotation_level: "failure",
    title: clip(title, 255),
    message: clipMessage(message)
  });
  if (located.length === 0) return [annotation(1, "Training could not run", reason)];
  const annotations2 = located.map((p) => annotation(p.line, `Invalid configuration: ${p.key}`, p.message));
  if (located.length < problems.length) annotations2.push(annotation(1, "Training could not run", reason));
  return annotations2.slice(0, MAX_ANNOTATIONS);
}
function errorCheckOutput(reason, annotationPath, problems = []) {
  return {
    title: clip(oneLine(`Training could not run: ${reason}`), CHECK_TITLE_MAX_CHARS),
    summary: clip(
      `## \u274C Training could not run

\`\`\`text
${reason.replace(/```/g, "'''")}
\`\`\`
`,
      CHECK_TEXT_MAX_CHARS
    ),
    ...annotationPath ? { annotations: configAnnotations(reason, annotationPath, problems) } : {}
  };
}
var PHASES = {
  starting: "Starting",
  building: "Building the image",
  preparing: "Preparing the image",
  pushing: "Pushing the image",
  launching: "Launching the training job",
  training: "Training",
  reporting: "Reporting"
};
function progressCheckOutput(phase, jobName) {
  const words = PHASES[phase] ?? phase;
  const job = jobName ? ` ${inlineCode(jobName)}` : "";
  return {
    title: clip(`${words}\u2026`, CHECK_TITLE_MAX_CHARS),
    summary: `## \u23F3 ${escapeInline(words)}${job}

The result appears here when the run finishes.
`
  };
}
var COMMENT_MARKER_PREFIX = "sagemaker-train:comment";
function commentMarker(checkName) {
  return `<!-- ${COMMENT_MARKER_PREFIX} ${checkName.replace(/-->/g, "")} -->`;
}
var COMMENT_MAX_CHARS = 65536;
function commentBody(checkName, summary) {
  const marker = commentMarker(checkName);
  return `${marker}
${clip(summary, COMMENT_MAX_CHARS - marker.length - 1)}`;
}

// src/github/check-run.ts
var DEFAULT_UPDATE_INTERVAL_MS = 6e4;
var CheckRun = class {
  constructor(o) {
    this.o = o;
    this.now = o.now ?? Date.now;
  }
  o;
  id;
  url;
  /** Why the check run is not posted, once that is known for good (the token lacks the permission). */
  disabled;
  lastUpdate = Number.NEGATIVE_INFINITY;
  lastPhase;
  queue = Promise.resolve();
  now;
  get where() {
    return { owner: this.o.owner, repo: this.o.repo };
  }
  warn(action, err) {
    const info = describeGithubError(err);
    if (info.kind === "permission") {
      this.disabled = `the token cannot ${action} (${errorText(info)}); give the job \`permissions: checks: write\``;
      this.o.logger.warning(`The check run was not posted: ${this.disabled}.`);
      return;
    }
    const what = info.kind === "rate-limit" ? "GitHub rate limit" : "GitHub API error";
    this.o.logger.warning(`Could not ${action} (${what}: ${errorText(info)}); the result is in the job summary.`);
  }
  /** Creates the check run in_progress. Returns its id, or undefined when it could not be created. */
  async start(phase = "starting") {
    try {
      const { data } = await this.o.github.request("POST /repos/{owner}/{repo}/check-runs", {
        ...this.where,
        name: this.o.name,
        head_sha: this.o.sha,
        status: "in_progress",
        started_at: new Date(this.now()).toISOString(),
        ...this.o.detailsUrl ? { details_url: this.o.detailsUrl } : {},
        ...this.o.externalId ? { external_id: this.o.externalId } : {},
        output: progressCheckOutput(phase)
      });
      this.id = Number(data.id);
      this.url = data.html_url ?? void 0;
      this.lastUpdate = this.now();
      this.lastPhase = phase;
      this.o.logger.info(
        `Check run "${this.o.name}" created on ${this.o.sha.slice(0, 7)}${this.url ? `: ${this.url}` : ""}`
      );
      return this.id;
    } catch (err) {
      this.warn("create the check run", err);
      return void 0;
    }
  }
  /** Reports a new phase, unless the last update was less than the interval ago. Never waits, never throws. */
  phase(phase, jobName) {
    if (this.id === void 0 || this.disabled || phase === this.lastPhase) return;
    const now = this.now();
    if (now - this.lastUpdate < (this.o.minUpdateIntervalMs ?? DEFAULT_UPDATE_INTERVAL_MS)) return;
    this.lastUpdate = now;
    this.lastPhase = phase;
    const id = this.id;
    this.queue = this.queue.then(async () => {
      try {
        await this.o.github.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
          ...this.where,
          check_run_id: id,
          status: "in_progress",
          output: progressCheckOutput(phase, jobName)
        });
      } catch (err) {
        this.warn("update the check run", err);
      }
    });
  }
  /**
   * Replaces the output now, leaving the check run in progress (a detached run: the runner completes it later). Waits
   * for any queued phase update so it cannot land after this. True when GitHub has it. Never throws.
   */
  async update(output) {
    await this.queue;
    if (this.id === void 0 || this.disabled) return false;
    this.lastPhase = void 0;
    try {
      await this.o.github.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
        ...this.where,
        check_run_id: this.id,
        status: "in_progress",
        output
      });
      return true;
    } catch (err) {
      this.warn("update the check run", err);
      return false;
    }
  }
  /** Completes the check run (creating it completed if it could not be created before). True when GitHub has it. */
  async complete(conclusion, output) {
    await this.queue;
    if (this.disabled) return false;
    const body = {
      status: "completed",
      conclusion,
      completed_at: new Date(this.now()).toISOString(),
      output
    };
    try {
      if (this.id !== void 0) {
        await this.o.github.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
          ...this.where,
          check_run_id: this.id,
          ...body
        });
      } else {
        const { data } = await this.o.github.request("POST /repos/{owner}/{repo}/check-runs", {
          ...this.where,
          name: this.o.name,
          head_sha: this.o.sha,
          ...this.o.detailsUrl ? { details_url: this.o.detailsUrl } : {},
          ...this.o.externalId ? { external_id: this.o.externalId } : {},
          ...body
        });
        this.id = Number(data.id);
        this.url = data.html_url ?? void 0;
      }
      this.o.logger.info(`Check run "${this.o.name}" completed: ${conclusion}`);
      return true;
    } catch (err) {
      this.warn("complete the check run", err);
      return false;
    }
  }
};
async function cancelCheckRun(options) {
  const conclusion = options.conclusion ?? "cancelled";
  const output = conclusion === "cancelled" ? {
    title: "Cancelled",
    summary: "## \u23F9\uFE0F Cancelled\n\nThe workflow run was cancelled before the training finished.\n"
  } : {
    title: `Training finished: ${conclusion}`,
    summary: `The result could not be posted here; it is in the workflow run's job summary.
`
  };
  await options.github.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    owner: options.owner,
    repo: options.repo,
    check_run_id: options.checkRunId,
    status: "completed",
    conclusion,
    completed_at: new Date((options.now ?? Date.now)()).toISOString(),
    output
  });
}

export {
  parseEmbeddedResult,
  summaryMarkdown,
  completedCheckOutput,
  skippedCheckOutput,
  errorCheckOutput,
  commentMarker,
  commentBody,
  CheckRun,
  cancelCheckRun
};
