var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var chunk_STZI2M2M_exports = {};
__export(chunk_STZI2M2M_exports, {
  CheckRun: () => CheckRun,
  DEFAULT_CHECK_NAME: () => DEFAULT_CHECK_NAME,
  DEFAULT_UPDATE_INTERVAL_MS: () => DEFAULT_UPDATE_INTERVAL_MS,
  cancelCheckRun: () => cancelCheckRun,
  commentBody: () => commentBody,
  commentMarker: () => commentMarker,
  completedCheckOutput: () => completedCheckOutput,
  errorCheckOutput: () => errorCheckOutput,
  parseEmbeddedResult: () => parseEmbeddedResult,
  runLinks: () => runLinks,
  servingOutputs: () => servingOutputs,
  skippedCheckOutput: () => skippedCheckOutput,
  summaryMarkdown: () => summaryMarkdown
});
module.exports = __defProp(chunk_STZI2M2M_exports, "__esModule", { value: true });
var import_chunk_FNUKYPLP = require("./chunk-FNUKYPLP.js");
var import_chunk_VX7BJFZM = require("./chunk-VX7BJFZM.js");
var import_chunk_3Y6ZB6SW = require("./chunk-3Y6ZB6SW.js");
var import_chunk_XZEEPGY5 = require("./chunk-XZEEPGY5.js");
var import_chunk_NYTR2SKW = require("./chunk-NYTR2SKW.js");
var MAX_CHART_POINTS = 50;
var MAX_CHARTS = 4;
var MIN_CHART_POINTS = 3;
var CHART_WIDTH = 640;
var CHART_HEIGHT = 300;
var LINE_COLOURS = { series: "#0969da", threshold: "#cf222e", baseline: "#8250df" };
var LEGEND = { series: "\u{1F7E6}", threshold: "\u{1F7E5}", baseline: "\u{1F7EA}" };
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
function chartPoints(series) {
  const finite = series.filter((p) => Number.isFinite(p.value));
  if (finite.some((p) => p.epoch !== void 0)) return finite.filter((p) => p.epoch !== void 0);
  const last = finite.at(-1);
  const before = finite.at(-2);
  if (last && before && last.value === before.value) return finite.slice(0, -1);
  return finite;
}
var evenlySpaced = (xs) => {
  if (xs.length < 3) return true;
  const step = ((xs.at(-1) ?? 0) - (xs[0] ?? 0)) / (xs.length - 1);
  if (step <= 0) return false;
  return xs.every((x, i) => Math.abs(x - ((xs[0] ?? 0) + i * step)) <= step * 0.1);
};
function elapsedLabel(ms2) {
  const s = Math.round(ms2 / 1e3);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}`;
}
function xAxis(points) {
  const epochs = points.map((p) => p.epoch);
  if (epochs.every((e) => e !== void 0)) {
    if (evenlySpaced(epochs)) return { label: "epoch", line: `x-axis "epoch" ${epochs[0]} --> ${epochs.at(-1)}` };
    return { label: "epoch", line: `x-axis "epoch" [${epochs.join(", ")}]` };
  }
  const start = points[0]?.timestamp ?? 0;
  const elapsed = points.map((p) => p.timestamp - start);
  const increasing = elapsed.every((t, i) => i === 0 || t > (elapsed[i - 1] ?? 0));
  if (increasing && (elapsed.at(-1) ?? 0) >= 2e3 * (points.length - 1)) {
    return { label: "elapsed", line: `x-axis "elapsed" [${elapsed.map((t) => `"${elapsedLabel(t)}"`).join(", ")}]` };
  }
  return { label: "step", line: `x-axis "step" 1 --> ${points.length}` };
}
function roundOut(value, step, up) {
  const rounded = (up ? Math.ceil(value / step) : Math.floor(value / step)) * step;
  return Number(rounded.toPrecision(6));
}
function yRange(values) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  const span = Math.max(hi - lo, magnitude * 0.1, 1e-9);
  const centre = (hi + lo) / 2;
  let min = Math.min(lo, centre - span / 2) - span * 0.1;
  let max = Math.max(hi, centre + span / 2) + span * 0.1;
  if (lo >= 0 && min < 0) min = 0;
  const step = 10 ** (Math.floor(Math.log10(max - min)) - 1);
  min = roundOut(min, step, false);
  max = roundOut(max, step, true);
  return { min, max };
}
function quoted(text) {
  return `"${text.replace(/["\r\n`]/g, " ")}"`;
}
function configBlock(colours) {
  return [
    "---",
    "config:",
    "  xyChart:",
    `    width: ${CHART_WIDTH}`,
    `    height: ${CHART_HEIGHT}`,
    "  themeVariables:",
    "    xyChart:",
    `      plotColorPalette: "${colours.join(", ")}"`,
    "---"
  ];
}
function baseValues(base, count) {
  if (base.series && base.series.length >= MIN_CHART_POINTS) return downsample(base.series, count).slice(0, count);
  return base.value === void 0 ? void 0 : Array(count).fill(base.value);
}
function metricChart(input) {
  const all = chartPoints(input.series);
  if (all.length < MIN_CHART_POINTS) return void 0;
  const points = downsample(all);
  const values = points.map((p) => p.value);
  const threshold = input.spec?.threshold;
  const base = input.base ? baseValues(input.base, points.length) : void 0;
  const extra = [...threshold !== void 0 ? [threshold] : [], ...base ?? []];
  const { min, max } = yRange([...values, ...extra]);
  const axis = xAxis(points);
  const colours = [LINE_COLOURS.series];
  const lines = [`  line [${values.map(import_chunk_NYTR2SKW.formatNumber).join(", ")}]`];
  const legend = [`${LEGEND.series} ${input.name}`];
  if (threshold !== void 0) {
    colours.push(LINE_COLOURS.threshold);
    lines.push(`  line [${Array(points.length).fill((0, import_chunk_NYTR2SKW.formatNumber)(threshold)).join(", ")}]`);
    legend.push(
      `${LEGEND.threshold} threshold ${input.spec?.goal === "minimize" ? "\u2264" : "\u2265"} ${(0, import_chunk_NYTR2SKW.formatNumber)(threshold)}`
    );
  }
  if (base && input.base) {
    colours.push(LINE_COLOURS.baseline);
    lines.push(`  line [${base.map(import_chunk_NYTR2SKW.formatNumber).join(", ")}]`);
    const flat = input.base.series === void 0 || input.base.series.length < MIN_CHART_POINTS;
    const value = flat && input.base.value !== void 0 ? ` (${(0, import_chunk_NYTR2SKW.formatNumber)(input.base.value)})` : "";
    legend.push(`${LEGEND.baseline} ${input.base.label}${value}`);
  }
  const sampled = all.length > points.length ? ` (${points.length} of ${all.length} points)` : "";
  return [
    "```mermaid",
    ...configBlock(colours),
    "xychart-beta",
    `  title ${quoted(`${input.name}${sampled}`)}`,
    `  ${axis.line}`,
    `  y-axis ${quoted(input.name)} ${(0, import_chunk_NYTR2SKW.formatNumber)(min)} --> ${(0, import_chunk_NYTR2SKW.formatNumber)(max)}`,
    ...lines,
    "```",
    "",
    legend.join(" \xB7 ")
  ].join("\n");
}
function metricCharts(inputs) {
  const charts = [];
  for (const input of inputs) {
    const chart = metricChart(input);
    if (chart) charts.push(chart);
    if (charts.length >= MAX_CHARTS) break;
  }
  return charts;
}
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
  const series = readSeries(v.series);
  return {
    version: 1,
    status: v.status,
    jobName: v.jobName,
    sha: v.sha,
    metrics,
    ...typeof v.conclusion === "string" ? { conclusion: v.conclusion } : {},
    ...series ? { series } : {}
  };
}
function readSeries(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return void 0;
  const out = {};
  for (const [name, list] of Object.entries(value)) {
    if (!Array.isArray(list)) continue;
    const values = list;
    if (values.every((n) => typeof n === "number" && Number.isFinite(n))) out[name] = values;
  }
  return Object.keys(out).length > 0 ? out : void 0;
}
function mdLink(text, url) {
  return `[${(0, import_chunk_NYTR2SKW.escapeInline)(text).replace(/[[\]]/g, "\\$&")}](${safeUrl(url)})`;
}
function safeUrl(url) {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
function commitUrl(links, sha) {
  return links.repositoryUrl ? `${links.repositoryUrl}/commit/${sha}` : void 0;
}
function commitLink(links, sha) {
  const url = commitUrl(links, sha);
  return url ? mdLink(sha.slice(0, 7), url) : (0, import_chunk_NYTR2SKW.inlineCode)(sha.slice(0, 7));
}
function artifactsUrl(links) {
  return links.runUrl ? `${links.runUrl}#artifacts` : void 0;
}
function configUrl(links, line) {
  const { repositoryUrl, sha, configPath } = links;
  if (!repositoryUrl || !sha || !configPath) return void 0;
  const path = configPath.split("/").map(encodeURIComponent).join("/");
  return `${repositoryUrl}/blob/${sha}/${path}${line !== void 0 ? `#L${line}` : ""}`;
}
var S3_URI = /^s3:\/\/([^/]+)\/?(.*)$/;
function s3ConsoleUrl(uri, region) {
  const match = S3_URI.exec(uri);
  if (!match) return void 0;
  const [, bucket = "", key = ""] = match;
  const regionQuery = region ? `region=${encodeURIComponent(region)}&` : "";
  const base = "https://s3.console.aws.amazon.com/s3";
  if (key === "" || key.endsWith("/")) {
    return `${base}/buckets/${encodeURIComponent(bucket)}?${regionQuery}prefix=${encodeURIComponent(key)}`;
  }
  return `${base}/object/${encodeURIComponent(bucket)}?${regionQuery}prefix=${encodeURIComponent(key)}`;
}
function artifactCell(location, links) {
  const console = s3ConsoleUrl(location, links.region);
  if (console) return `${mdLink(location.split("/").pop() || location, console)} (${(0, import_chunk_NYTR2SKW.inlineCode)(location)})`;
  return `${(0, import_chunk_NYTR2SKW.inlineCode)(location)} (on the runner)`;
}
function runLinks(o) {
  const repositoryUrl = o.serverUrl && o.owner && o.repo ? `${o.serverUrl.replace(/\/+$/, "")}/${o.owner}/${o.repo}` : o.runUrl?.replace(/\/actions\/runs\/.*$/, "");
  return {
    ...repositoryUrl ? { repositoryUrl } : {},
    ...o.runUrl ? { runUrl: o.runUrl } : {},
    ...o.sha ? { sha: o.sha } : {},
    ...o.configPath ? { configPath: o.configPath } : {},
    ...o.region ? { region: o.region } : {}
  };
}
var CHECK_TITLE_VISIBLE_CHARS = 60;
function metricChange(gate) {
  const { delta, base, goal } = gate;
  if (delta === void 0 || base === void 0) return void 0;
  const rounded = Number(delta.toPrecision(6));
  const relative = base === 0 ? void 0 : delta / Math.abs(base);
  const rel = relative === void 0 ? {} : { relative };
  if (rounded === 0) return { arrow: "", ...rel };
  const arrow = rounded > 0 ? "\u25B2" : "\u25BC";
  if (goal === void 0) return { arrow, ...rel };
  return { arrow, good: goal === "maximize" ? rounded > 0 : rounded < 0, ...rel };
}
function formatPercent(ratio) {
  const percent = ratio * 100;
  const abs = Math.abs(percent);
  const shown = abs >= 10 ? String(Math.round(abs)) : String(Number(abs.toPrecision(2)));
  if (Number(shown) === 0) return "\xB10%";
  return `${percent > 0 ? "+" : "\u2212"}${shown}%`;
}
var COLOUR = { good: "\u{1F7E2}", bad: "\u{1F534}", neutral: "\u26AA" };
function changeLabel(gate, plain = false) {
  const change = metricChange(gate);
  if (!change) return void 0;
  const amount = change.relative !== void 0 ? formatPercent(change.relative) : `${(gate.delta ?? 0) >= 0 ? "+" : "\u2212"}${(0, import_chunk_NYTR2SKW.formatNumber)(Math.abs(gate.delta ?? 0))}`;
  if (plain) return change.arrow === "" ? "\xB10" : `${change.arrow}${amount.replace(/^[+−]/, "")}`;
  const colour = change.good === void 0 ? COLOUR.neutral : change.good ? COLOUR.good : COLOUR.bad;
  return change.arrow === "" ? `${colour} \xB10` : `${colour} ${change.arrow} ${amount}`;
}
function verdictMetrics(gate) {
  const gated = gate.metrics.filter((m) => m.verdict !== "none" || m.threshold !== void 0);
  const list = gated.length > 0 ? gated : gate.metrics.filter((m) => m.goal !== void 0);
  return [...list.filter((m) => m.verdict === "fail"), ...list.filter((m) => m.verdict !== "fail")];
}
var shortNumber = (value) => Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3)));
function whyFailed(m) {
  if (m.value === void 0) return "not reported";
  if (m.threshold !== void 0 && m.notes.some((n) => n.includes("threshold"))) {
    return `${m.goal === "minimize" ? "above" : "below"} ${(0, import_chunk_NYTR2SKW.formatNumber)(m.threshold)}`;
  }
  if (m.notes.some((n) => n.startsWith("regressed"))) return "regressed";
  return m.notes.join("; ");
}
function metricMarkdown(m) {
  const value = m.value === void 0 ? "_not reported_" : (0, import_chunk_NYTR2SKW.formatNumber)(m.value);
  const change = changeLabel(m);
  const failed = m.verdict === "fail" && m.value !== void 0 ? ` (${(0, import_chunk_NYTR2SKW.escapeInline)(whyFailed(m))})` : "";
  return `${(0, import_chunk_NYTR2SKW.escapeInline)(m.name)} **${value}**${change ? ` ${change}` : ""}${failed}`;
}
var HEADS = {
  passed: "\u2705 Gate passed",
  failed: "\u274C Gate failed",
  completed: "\u2705 Training completed",
  trainingFailed: "\u274C Training failed",
  stopped: "\u23F9\uFE0F Training stopped",
  serveStopped: "\u23F9\uFE0F Serve test stopped",
  inProgress: "\u23F3 Training in progress"
};
function verdictLine(result, gate, serve) {
  if (result.status === "Failed" || result.status === "Stopped") {
    const head2 = result.status === "Failed" ? HEADS.trainingFailed : HEADS.stopped;
    const reason = result.failureReason ? `: ${(0, import_chunk_NYTR2SKW.escapeInline)((0, import_chunk_NYTR2SKW.clip)(firstLine(result.failureReason), 200))}` : "";
    return `## ${head2}${reason}`;
  }
  if (result.status === "InProgress") return `## ${HEADS.inProgress}`;
  if (serve?.cancelled) return `## ${HEADS.serveStopped}: ${(0, import_chunk_NYTR2SKW.escapeInline)(serve.reason ?? "")}`;
  const metrics = verdictMetrics(gate);
  const gated = gate.metrics.some((m) => m.verdict !== "none");
  const served = serve && !serve.passed ? ["the model did not serve"] : [];
  const head = !gate.passed || served.length > 0 ? HEADS.failed : gated ? HEADS.passed : HEADS.completed;
  const phrases = [...served, ...metrics.map(metricMarkdown)];
  return `## ${head}${phrases.length > 0 ? `: ${phrases.join(" \xB7 ")}` : ""}`;
}
function firstLine(text) {
  return (text.split(/\r?\n/).find((l) => l.trim() !== "") ?? text).trim();
}
function metricTitle(m) {
  const value = m.value === void 0 ? "not reported" : shortNumber(m.value);
  const change = changeLabel(m, true);
  const mark = m.verdict === "fail" && m.value !== void 0 && !change ? ` (${whyFailed(m)})` : "";
  return `${m.name} ${value}${change ? ` ${change}` : ""}${mark}`;
}
function fitMetrics(head, phrases, max) {
  let title = head;
  for (let i = 0; i < phrases.length; i++) {
    const sep = i === 0 ? ": " : " \xB7 ";
    const rest = phrases.length - i - 1;
    const more = rest > 0 ? ` +${rest} more` : "";
    const next = `${title}${sep}${phrases[i]}`;
    if ((next + more).length <= max) {
      title = next;
      continue;
    }
    return i === 0 ? (0, import_chunk_NYTR2SKW.clip)(next, max) : `${title} +${phrases.length - i} more`;
  }
  return title;
}
function verdictTitle(result, gate, outcome, max = CHECK_TITLE_VISIBLE_CHARS, serve) {
  if (result.status === "Failed" || result.status === "Stopped") {
    const head2 = result.status === "Failed" ? "Training failed" : "Training stopped";
    const reason = result.failureReason ? `: ${firstLine(result.failureReason)}` : "";
    return (0, import_chunk_NYTR2SKW.clip)(`${head2}${reason}`.replace(/\s+/g, " "), max);
  }
  if (serve?.cancelled) return (0, import_chunk_NYTR2SKW.clip)(`Serve test stopped: ${serve.reason ?? ""}`, max);
  const metrics = verdictMetrics(gate);
  const gated = gate.metrics.some((m) => m.verdict !== "none");
  const head = outcome.gate === "failed" ? "Gate failed" : gated ? "Gate passed" : "Training completed";
  const served = serve && !serve.passed ? ["did not serve"] : [];
  const phrases = [...served, ...metrics.map((m) => metricTitle(m).replace(/\s+/g, " "))];
  const title = fitMetrics(head, phrases, max);
  return (0, import_chunk_NYTR2SKW.clip)(title, max);
}
function criteria(row) {
  const out = [];
  if (row.threshold !== void 0 && row.goal)
    out.push(`${row.goal === "maximize" ? "\u2265" : "\u2264"} ${(0, import_chunk_NYTR2SKW.formatNumber)(row.threshold)}`);
  if (row.maxRegression && row.base !== void 0) {
    const { kind, value } = row.maxRegression;
    out.push(`at most ${kind === "relative" ? `${(0, import_chunk_NYTR2SKW.formatNumber)(value * 100)}%` : (0, import_chunk_NYTR2SKW.formatNumber)(value)} worse than base`);
  }
  return out;
}
function gateCell(row) {
  if (row.verdict === "pass") return `\u2705 ${criteria(row).join(", ") || "pass"}`;
  if (row.verdict === "fail") return `\u274C ${row.notes.map(import_chunk_NYTR2SKW.escapeInline).join("; ") || "fail"}`;
  return row.notes.length > 0 ? `\u26A0\uFE0F ${row.notes.map(import_chunk_NYTR2SKW.escapeInline).join("; ")}` : "\u2014";
}
function changeCell(row) {
  if (row.delta === void 0) return "\u2014";
  return `${changeLabel(row) ?? ""} (${(0, import_chunk_NYTR2SKW.formatDelta)(row.delta)})`;
}
function baselineLine(gate, links, context) {
  const branch = context.baseBranch ? (0, import_chunk_NYTR2SKW.inlineCode)(context.baseBranch) : "the base branch";
  const base = gate.baseline;
  if (base) {
    const viaPull = base.via === "pull-request" && base.pullRequest !== void 0 ? `, the head of pull request #${base.pullRequest}` + (base.baseSha ? ` (merged into ${branch} as ${commitLink(links, base.baseSha)})` : "") : "";
    const parts = [`Base: ${branch} at ${commitLink(links, base.sha)}${viaPull}`];
    if (base.url) parts.push(mdLink(base.jobName ? `its result (${base.jobName})` : "its result", base.url));
    else if (base.jobName) parts.push(`job ${(0, import_chunk_NYTR2SKW.inlineCode)(base.jobName)}`);
    const how = context.baselineFoundBy ? ` (${(0, import_chunk_NYTR2SKW.escapeInline)(context.baselineFoundBy)})` : "";
    return `${parts.join(" \xB7 ")}${how}.`;
  }
  if (context.baselineMissing !== void 0) {
    return `_No baseline on ${branch}: ${(0, import_chunk_NYTR2SKW.escapeInline)(context.baselineMissing)}. Only the thresholds were checked._`;
  }
  return void 0;
}
function metricsTable(gate) {
  const rows = gate.metrics;
  if (rows.length === 0) return "_No metrics were configured._";
  const hasBase = gate.baseline !== void 0;
  const hasGate = rows.some((r) => r.verdict !== "none" || r.notes.length > 0);
  const columns = [
    ["Metric", "---"],
    ["Value", "---:"]
  ];
  if (hasBase) columns.push(["Base", "---:"], ["Change", "---"]);
  if (hasGate) columns.push(["Gate", "---"]);
  const header = [`| ${columns.map((c) => c[0]).join(" | ")} |`, `|${columns.map((c) => c[1]).join("|")}|`];
  const lines = rows.map((row) => {
    const cells = [(0, import_chunk_NYTR2SKW.inlineCode)(row.name), row.value === void 0 ? "_not reported_" : `**${(0, import_chunk_NYTR2SKW.formatNumber)(row.value)}**`];
    if (hasBase) cells.push(row.base === void 0 ? "\u2014" : (0, import_chunk_NYTR2SKW.formatNumber)(row.base), changeCell(row));
    if (hasGate) cells.push(gateCell(row));
    return `| ${cells.join(" | ")} |`;
  });
  return [...header, ...lines].join("\n");
}
function status(result) {
  const secondary = result.secondaryStatus && result.secondaryStatus !== result.status;
  return secondary ? `${result.status} (${(0, import_chunk_NYTR2SKW.escapeInline)(result.secondaryStatus ?? "")})` : result.status;
}
function spotSavings(result) {
  const { billableSeconds: billable, trainingSeconds: training } = result;
  const times = billable !== void 0 && training !== void 0 ? ` (billed ${(0, import_chunk_NYTR2SKW.formatDuration)(billable)} of ${(0, import_chunk_NYTR2SKW.formatDuration)(training)} training)` : "";
  if (result.spotSavingsPercent !== void 0) return `${(0, import_chunk_NYTR2SKW.formatNumber)(result.spotSavingsPercent)}%${times}`;
  if (billable === void 0 || training === void 0 || training <= 0 || billable >= training) return void 0;
  return `${Math.round((1 - billable / training) * 100)}%${times}`;
}
function timeAndCost(result) {
  const rows = [["Duration", (0, import_chunk_NYTR2SKW.formatDuration)(result.durationSeconds)]];
  if (result.trainingSeconds !== void 0) rows.push(["Training time", (0, import_chunk_NYTR2SKW.formatDuration)(result.trainingSeconds)]);
  if (result.billableSeconds !== void 0) {
    rows.push(["Billable", `${(0, import_chunk_NYTR2SKW.formatDuration)(result.billableSeconds)} (${Math.round(result.billableSeconds)} s)`]);
  }
  if (result.cost) {
    rows.push([
      "Estimated cost",
      `${(0, import_chunk_XZEEPGY5.costLabel)(result.cost)} at $${(0, import_chunk_NYTR2SKW.formatNumber)(result.cost.pricePerHour)} per instance-hour`
    ]);
  }
  const savings = spotSavings(result);
  if (savings) rows.push(["Spot savings", savings]);
  return rows;
}
function whatRan(result, request, links, pullRequest) {
  const rows = [
    [
      "Job",
      `${(0, import_chunk_NYTR2SKW.inlineCode)(result.jobName)} \xB7 ${result.mode} mode \xB7 ${(0, import_chunk_NYTR2SKW.inlineCode)(result.instanceType)} \xD7 ${result.instanceCount}`
    ],
    ["Status", status(result)]
  ];
  if (pullRequest) {
    const text = `#${pullRequest.number}`;
    rows.push(["Pull request", pullRequest.url ? mdLink(text, pullRequest.url) : text]);
  }
  if (links.sha) rows.push(["Commit", commitLink(links, links.sha)]);
  if (links.configPath) {
    const url = configUrl(links);
    rows.push(["Configuration", url ? mdLink(links.configPath, url) : (0, import_chunk_NYTR2SKW.inlineCode)(links.configPath)]);
  }
  rows.push(["Image", (0, import_chunk_NYTR2SKW.inlineCode)(result.imageUri) + (result.imageNote ? ` (${(0, import_chunk_NYTR2SKW.escapeInline)(result.imageNote)})` : "")]);
  const hp = Object.entries(request.hyperparameters ?? {});
  if (hp.length > 0) rows.push(["Hyperparameters", hp.map(([k, v]) => (0, import_chunk_NYTR2SKW.inlineCode)(`${k}=${v}`)).join(" ")]);
  if (result.hosts && result.hosts.length > 0) {
    const hosts = result.hosts.map(
      (h) => `${(0, import_chunk_NYTR2SKW.escapeInline)(h.host)} (${h.exitCode === null ? "no exit code" : `exit ${h.exitCode}`})`
    );
    rows.push(["Hosts", hosts.join(", ")]);
  }
  return rows;
}
function outputs(result, links) {
  const rows = [];
  if (result.status === "Completed") {
    if (result.modelArtifacts) rows.push(["Model", artifactCell(result.modelArtifacts, links)]);
    if (result.outputArtifacts) rows.push(["Output", artifactCell(result.outputArtifacts, links)]);
  }
  const web = [];
  if (links.runUrl) web.push(mdLink("workflow run", links.runUrl));
  const uploaded = artifactsUrl(links);
  if (uploaded) web.push(mdLink("uploaded artifacts", uploaded));
  web.push(...result.links.map((l) => mdLink(l.label, l.url)));
  if (web.length > 0) rows.push(["Links", web.join(" \xB7 ")]);
  return rows;
}
function runDetails(result, request, links, pullRequest) {
  const rows = [...whatRan(result, request, links, pullRequest), ...timeAndCost(result), ...outputs(result, links)];
  return [
    "<details><summary>Run details</summary>",
    "",
    ...rows.map(([k, v]) => `- **${k}:** ${v}`),
    "",
    "</details>"
  ].join("\n");
}
var ms = (value) => value === void 0 ? "\u2013" : `${Math.round(value)} ms`;
function serveSection(serve) {
  const head = serve.passed ? `### \u2705 Serve test passed` : `### ${serve.cancelled ? "\u23F9\uFE0F Serve test stopped" : "\u274C Serve test failed"}: ${(0, import_chunk_NYTR2SKW.escapeInline)(serve.reason ?? "the serve test failed")}`;
  const lines = [head, ""];
  if (serve.pingMs !== void 0) lines.push(`\`GET /ping\` answered 200 after ${ms(serve.pingMs)}.`, "");
  if (serve.samples.length > 0) {
    lines.push("| Sample | Status | Latency | Result |", "|---|---:|---:|---|");
    for (const s of serve.samples) {
      const result = s.passed ? "\u2705" : `\u274C ${(0, import_chunk_NYTR2SKW.escapeInline)(s.note ?? "")}`;
      lines.push(`| ${(0, import_chunk_NYTR2SKW.escapeInline)(s.name)} | ${s.status ?? "\u2013"} | ${ms(s.latencyMs)} | ${result} |`);
    }
    lines.push("");
  }
  if (!serve.passed && serve.logTail.length > 0) {
    lines.push(
      `<details open><summary>The serving container's last ${serve.logTail.length} log lines</summary>`,
      "",
      (0, import_chunk_NYTR2SKW.codeBlock)(serve.logTail.join("\n")),
      "",
      "</details>"
    );
  }
  return lines.join("\n").trimEnd();
}
function registrationSection(registration) {
  if ("skipped" in registration) return `### Model registry

Not registered: ${(0, import_chunk_NYTR2SKW.escapeInline)(registration.skipped)}.`;
  if ("failed" in registration)
    return `### Model registry

\u26A0\uFE0F Registration failed: ${(0, import_chunk_NYTR2SKW.escapeInline)(registration.failed)}`;
  const what = registration.created ? "Registered" : "Already registered for this commit";
  const version = registration.version !== void 0 ? ` version ${registration.version}` : "";
  return [
    "### Model registry",
    "",
    `${what}: [${(0, import_chunk_NYTR2SKW.escapeInline)(registration.group)}${version}](${registration.url}) (${(0, import_chunk_NYTR2SKW.escapeInline)(registration.approval)})`,
    "",
    `\`${registration.arn}\``
  ].join("\n");
}
function servingOutputs(serve, registration) {
  const median = serve ? (0, import_chunk_FNUKYPLP.medianLatency)(serve.samples) : void 0;
  const registered = registration && "arn" in registration ? registration : void 0;
  return {
    [
      "serve"
      /* Serve */
    ]: serve ? serve.passed ? "passed" : serve.cancelled ? "cancelled" : "failed" : "",
    [
      "serve-ping-ms"
      /* ServePingMs */
    ]: serve?.pingMs !== void 0 ? String(Math.round(serve.pingMs)) : "",
    [
      "serve-latency-ms"
      /* ServeLatencyMs */
    ]: median !== void 0 ? String(Math.round(median)) : "",
    [
      "model-package-arn"
      /* ModelPackageArn */
    ]: registered?.arn ?? "",
    [
      "model-package-version"
      /* ModelPackageVersion */
    ]: registered?.version !== void 0 ? String(registered.version) : ""
  };
}
var SUMMARY_MAX_BYTES = 1024 * 1024 - 4 * 1024;
var TRUNCATION_MARKER = "> [!WARNING]\n> This summary was truncated to stay under GitHub's 1 MiB job summary limit; the full log is in the step's output.";
var MAX_LOG_LINE_CHARS = 2e3;
var VERDICT_REASON_CHARS = 200;
var trained = (result) => result.status === "Completed" || result.status === "InProgress";
function metricsSection(gate, options) {
  const parts = [metricsTable(gate)];
  const baseline = baselineLine(gate, options.links ?? {}, options);
  if (baseline) parts.push("", baseline);
  return parts.join("\n");
}
function partialMetrics(result) {
  const seen = Object.entries(result.metrics);
  if (seen.length === 0) return void 0;
  const list = seen.map(([name, value]) => `${(0, import_chunk_NYTR2SKW.escapeInline)(name)} ${(0, import_chunk_NYTR2SKW.formatNumber)(value)}`).join(" \xB7 ");
  return `Last metrics before it ended: ${list}.`;
}
function chartInputs(result, request, options) {
  const gate = options.gate;
  const names = [.../* @__PURE__ */ new Set([...request.metrics.map((m) => m.name), ...Object.keys(result.metricSeries)])];
  const baseLabel = `${options.baseBranch ?? "base"}${gate?.baseline ? ` at ${gate.baseline.sha.slice(0, 7)}` : ""}`;
  return names.map((name) => {
    const spec = request.metrics.find((m) => m.name === name);
    const baseValue = gate?.metrics.find((m) => m.name === name)?.base;
    const baseSeries = gate?.baseline?.series?.[name];
    const hasBase = baseValue !== void 0 || baseSeries !== void 0;
    return {
      name,
      series: result.metricSeries[name] ?? [],
      ...spec ? { spec } : {},
      ...hasBase ? {
        base: {
          label: baseLabel,
          ...baseValue !== void 0 ? { value: baseValue } : {},
          ...baseSeries ? { series: baseSeries } : {}
        }
      } : {}
    };
  });
}
function chartsSection(result, request, options) {
  const charts = metricCharts(chartInputs(result, request, options));
  if (charts.length === 0) return void 0;
  if (options.charts === false) {
    return options.chartsUrl ? `\u{1F4C8} Charts of ${charts.length === 1 ? "the metric" : `${charts.length} metrics`} are in the [job summary](${options.chartsUrl}).` : void 0;
  }
  return ["### Charts", "", charts.join("\n\n")].join("\n");
}
function failureSection(result, limits) {
  if (trained(result)) return void 0;
  const parts = [];
  const reason = result.failureReason ?? "";
  if (reason.trim().includes("\n") || reason.length > VERDICT_REASON_CHARS) {
    parts.push(
      "<details><summary>Full failure reason</summary>",
      "",
      (0, import_chunk_NYTR2SKW.codeBlock)((0, import_chunk_NYTR2SKW.clip)(reason, limits.reasonChars)),
      "",
      "</details>",
      ""
    );
  }
  const total = result.logTail.length;
  const shown = Math.min(total, limits.tailLines);
  if (total === 0) {
    parts.push("_No log lines were captured._");
    return parts.join("\n");
  }
  const lines = result.logTail.slice(total - shown).map((line) => (0, import_chunk_NYTR2SKW.clip)(line, MAX_LOG_LINE_CHARS));
  const omitted = total - shown;
  parts.push(`<details open><summary>Last ${shown} log line${shown === 1 ? "" : "s"}</summary>`, "");
  if (omitted > 0) parts.push(`_${omitted} earlier line${omitted === 1 ? "" : "s"} omitted._`, "");
  parts.push((0, import_chunk_NYTR2SKW.codeBlock)(lines.join("\n")), "", "</details>");
  return parts.join("\n");
}
function render(result, request, options, limits, truncated) {
  const sections = [verdictLine(result, options.gate, options.serve)];
  const reused = (0, import_chunk_FNUKYPLP.reusedNote)(result);
  if (reused) sections.push(reused);
  if (truncated) sections.push(TRUNCATION_MARKER);
  if (trained(result)) {
    sections.push(metricsSection(options.gate, options));
    if (options.serve) sections.push(serveSection(options.serve));
    if (options.registration) sections.push(registrationSection(options.registration));
    const charts = chartsSection(result, request, options);
    if (charts) sections.push(charts);
  } else {
    const partial = partialMetrics(result);
    if (partial) sections.push(partial);
  }
  const failure = failureSection(result, limits);
  if (failure) sections.push(failure);
  sections.push(runDetails(result, request, options.links ?? {}, options.pullRequest));
  return `${sections.join("\n\n")}
`;
}
var bytes = (text) => Buffer.byteLength(text, "utf8");
function summaryMarkdown(result, request, options = {}) {
  const maxBytes = options.maxBytes ?? SUMMARY_MAX_BYTES;
  const opts = { ...options, gate: options.gate ?? (0, import_chunk_3Y6ZB6SW.evaluateGates)({ specs: request.metrics, metrics: result.metrics }) };
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
  return (0, import_chunk_NYTR2SKW.clipBytes)(candidate, Math.max(0, maxBytes - bytes(tail))) + tail;
}
var CHECK_TEXT_MAX_CHARS = 65535;
var CHECK_TITLE_MAX_CHARS = CHECK_TITLE_VISIBLE_CHARS;
var MAX_ANNOTATIONS = 50;
var ANNOTATION_MESSAGE_MAX_BYTES = 64 * 1024 - 1;
function oneLine(text) {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}
function checkTitle(o) {
  const { result, gate } = o;
  let title = `${(0, import_chunk_FNUKYPLP.reusedTitlePrefix)(result)}${verdictTitle(result, gate, o.outcome, void 0, o.serve)}`;
  if (result.status === "Completed" && !gate.baseline && gate.metrics.some((m) => m.maxRegression !== void 0)) {
    title = `${title} \xB7 no baseline on ${o.baseBranch ?? "the base branch"}`;
  }
  return (0, import_chunk_NYTR2SKW.clip)(title, CHECK_TITLE_MAX_CHARS);
}
function clipMessage(text) {
  let out = text;
  while (Buffer.byteLength(out, "utf8") > ANNOTATION_MESSAGE_MAX_BYTES) out = (0, import_chunk_NYTR2SKW.clip)(out, Math.floor(out.length * 0.9));
  return out;
}
function gateMessage(m, o) {
  const base = o.gate.baseline;
  const against = base ? ` against ${o.baseBranch ?? "the base"} at ${base.sha.slice(0, 7)}` : "";
  const notes = m.notes.map((note) => {
    if (note === "not reported") return "not reported: no log line matched its regex";
    const regressed = /^regressed by (\S+) \(allowed (.+)\)$/.exec(note);
    if (regressed && m.base !== void 0) {
      return `regressed by ${regressed[1]}${against} (base ${(0, import_chunk_NYTR2SKW.formatNumber)(m.base)}, allowed ${regressed[2]})`;
    }
    return note;
  });
  const value = m.value === void 0 ? "" : ` is ${(0, import_chunk_NYTR2SKW.formatNumber)(m.value)}:`;
  return `${m.name}${value || ":"} ${notes.join("; ")}.`;
}
function annotations(o) {
  if (!o.annotationPath || o.outcome.conclusion === "success") return void 0;
  const at = (line = 1) => ({ path: o.annotationPath, start_line: line, end_line: line });
  if (o.result.status === "Failed" || o.result.status === "Stopped") {
    const stopped = o.result.status === "Stopped";
    return [
      {
        ...at(),
        annotation_level: stopped ? "warning" : "failure",
        title: (0, import_chunk_NYTR2SKW.clip)(`Training job ${o.result.jobName} ${stopped ? "stopped" : "failed"}`, 255),
        message: clipMessage(
          o.result.failureReason ?? "No failure reason was reported; the log tail is in the summary."
        )
      }
    ];
  }
  const lines = new Map(o.request.metrics.map((m) => [m.name, m.line]));
  return o.gate.metrics.filter((m) => m.verdict === "fail").slice(0, MAX_ANNOTATIONS).map((m) => ({
    ...at(lines.get(m.name)),
    annotation_level: "failure",
    title: (0, import_chunk_NYTR2SKW.clip)(`${m.name} failed the gate`, 255),
    message: clipMessage(gateMessage(m, o))
  }));
}
function costSentence(result) {
  const parts = [];
  if (result.cost) parts.push(`Estimated cost ${(0, import_chunk_XZEEPGY5.costLabel)(result.cost)}`);
  if (result.spotSavingsPercent !== void 0) {
    parts.push(`${parts.length > 0 ? "spot" : "Spot"} savings ${(0, import_chunk_NYTR2SKW.formatNumber)(result.spotSavingsPercent)}%`);
  }
  return parts.length > 0 ? ` ${parts.join("; ")}.` : "";
}
function chartedSeries(result, request) {
  const out = {};
  for (const { name } of request.metrics.slice(0, MAX_CHARTS)) {
    const points = chartPoints(result.metricSeries[name] ?? []);
    if (points.length >= MIN_CHART_POINTS) out[name] = downsample(points).map((p) => p.value);
  }
  return Object.keys(out).length > 0 ? out : void 0;
}
function completedCheckOutput(o) {
  const { result, request } = o;
  const summary = summaryMarkdown(result, request, {
    ...pickBaselineContext(o),
    maxBytes: CHECK_TEXT_MAX_CHARS,
    gate: o.gate,
    charts: false,
    ...o.chartsUrl !== void 0 ? { chartsUrl: o.chartsUrl } : {},
    links: { ...o.links, sha: o.sha },
    ...o.serve ? { serve: o.serve } : {},
    ...o.registration ? { registration: o.registration } : {}
  });
  const series = result.status === "Completed" ? chartedSeries(result, request) : void 0;
  const marker = embedResult({
    version: 1,
    status: result.status,
    jobName: result.jobName,
    sha: o.sha,
    metrics: result.metrics,
    conclusion: o.outcome.conclusion,
    ...series ? { series } : {}
  });
  const text = (0, import_chunk_NYTR2SKW.clip)(
    `${marker}

Training job ${(0, import_chunk_NYTR2SKW.inlineCode)(result.jobName)} on ${(0, import_chunk_NYTR2SKW.inlineCode)(o.sha)}.${costSentence(result)}`,
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
function pickBaselineContext(o) {
  return {
    ...o.baseBranch !== void 0 ? { baseBranch: o.baseBranch } : {},
    ...o.baselineMissing !== void 0 ? { baselineMissing: o.baselineMissing } : {},
    ...o.baselineFoundBy !== void 0 ? { baselineFoundBy: o.baselineFoundBy } : {},
    ...o.pullRequest !== void 0 ? { pullRequest: o.pullRequest } : {}
  };
}
function skippedCheckOutput(reason) {
  return {
    title: (0, import_chunk_NYTR2SKW.clip)(oneLine(`Training skipped: ${reason}`), CHECK_TITLE_MAX_CHARS),
    summary: (0, import_chunk_NYTR2SKW.clip)(`## \u23ED\uFE0F Training skipped

${(0, import_chunk_NYTR2SKW.escapeInline)(reason)}
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
    title: (0, import_chunk_NYTR2SKW.clip)(title, 255),
    message: clipMessage(message)
  });
  if (located.length === 0) return [annotation(1, "Training could not run", reason)];
  const annotations2 = located.map((p) => annotation(p.line, `Invalid configuration: ${p.key}`, p.message));
  if (located.length < problems.length) annotations2.push(annotation(1, "Training could not run", reason));
  return annotations2.slice(0, MAX_ANNOTATIONS);
}
function errorCheckOutput(reason, annotationPath, problems = []) {
  return {
    title: (0, import_chunk_NYTR2SKW.clip)(oneLine(`Training could not run: ${reason}`), CHECK_TITLE_MAX_CHARS),
    summary: (0, import_chunk_NYTR2SKW.clip)(
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
  const job = jobName ? ` ${(0, import_chunk_NYTR2SKW.inlineCode)(jobName)}` : "";
  return {
    title: (0, import_chunk_NYTR2SKW.clip)(`${words}\u2026`, CHECK_TITLE_MAX_CHARS),
    summary: `## \u23F3 ${(0, import_chunk_NYTR2SKW.escapeInline)(words)}${job}

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
${(0, import_chunk_NYTR2SKW.clip)(summary, COMMENT_MAX_CHARS - marker.length - 1)}`;
}
var DEFAULT_CHECK_NAME = "sagemaker-training";
var DEFAULT_UPDATE_INTERVAL_MS = 6e4;
var CheckRun = class {
  constructor(o) {
    this.o = o;
    this.now = o.now ?? Date.now;
  }
  o;
  id;
  url;
  /** The GitHub App that created it (15368: the workflow token's github-actions): only it may complete the run. */
  appId;
  /** That App's slug: its comments are written by `<slug>[bot]`. */
  appSlug;
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
    const info = (0, import_chunk_VX7BJFZM.describeGithubError)(err);
    if (/can only be modified by the GitHub App that created it/.test(info.message)) {
      this.disabled = `another GitHub App created it (${(0, import_chunk_VX7BJFZM.errorText)(info)}); create and complete it with the same App`;
      this.o.logger.warning(`The check run was not updated: ${this.disabled}.`);
      return;
    }
    if (info.kind === "permission") {
      this.disabled = `the token cannot ${action} (${(0, import_chunk_VX7BJFZM.errorText)(info)}); give the job \`permissions: checks: write\``;
      this.o.logger.warning(`The check run was not posted: ${this.disabled}.`);
      return;
    }
    const what = info.kind === "rate-limit" ? "GitHub rate limit" : "GitHub API error";
    this.o.logger.warning(`Could not ${action} (${what}: ${(0, import_chunk_VX7BJFZM.errorText)(info)}); the result is in the job summary.`);
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
      this.appId = data.app?.id;
      this.appSlug = data.app?.slug;
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
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CheckRun,
  DEFAULT_CHECK_NAME,
  DEFAULT_UPDATE_INTERVAL_MS,
  cancelCheckRun,
  commentBody,
  commentMarker,
  completedCheckOutput,
  errorCheckOutput,
  parseEmbeddedResult,
  runLinks,
  servingOutputs,
  skippedCheckOutput,
  summaryMarkdown
});
