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
var chunk_ADSTKGQU_exports = {};
__export(chunk_ADSTKGQU_exports, {
  resultTable: () => resultTable
});
module.exports = __defProp(chunk_ADSTKGQU_exports, "__esModule", { value: true });
var import_chunk_FNUKYPLP = require("./chunk-FNUKYPLP.js");
var import_chunk_NYTR2SKW = require("./chunk-NYTR2SKW.js");
function verdict(gate) {
  if (gate.verdict === "pass") return "pass";
  if (gate.verdict === "fail") return `FAIL: ${gate.notes.join("; ")}`;
  return gate.notes.length > 0 ? `- (${gate.notes.join("; ")})` : "-";
}
function threshold(gate) {
  if (gate.threshold === void 0) return "-";
  return `${gate.goal === "maximize" ? ">= " : gate.goal === "minimize" ? "<= " : ""}${(0, import_chunk_NYTR2SKW.formatNumber)(gate.threshold)}`;
}
function serveLine(serve) {
  if (!serve.passed) return `${serve.cancelled ? "stopped" : "failed"}: ${serve.reason ?? ""}`;
  const median = (0, import_chunk_FNUKYPLP.medianLatency)(serve.samples);
  const ping = serve.pingMs !== void 0 ? `/ping ${Math.round(serve.pingMs)} ms, ` : "";
  const latency = median !== void 0 ? `, median ${Math.round(median)} ms` : "";
  return `passed: ${ping}${serve.samples.length} sample(s)${latency}`;
}
function resultTable(result, gate, serve) {
  const rows = [
    [
      "Status",
      result.secondaryStatus && result.secondaryStatus !== result.status ? `${result.status} (${result.secondaryStatus})` : result.status
    ],
    ["Job name", result.jobName],
    ...[(0, import_chunk_FNUKYPLP.reusedRow)(result)].filter((row) => row !== void 0),
    ["Mode", result.mode],
    ["Image", result.imageUri],
    ["Instances", `${result.instanceType} x ${result.instanceCount}`],
    ["Duration", (0, import_chunk_NYTR2SKW.formatDuration)(result.durationSeconds)]
  ];
  if (result.hosts && result.hosts.length > 0) {
    rows.push(["Hosts", result.hosts.map((h) => `${h.host} (exit ${h.exitCode ?? "?"})`).join(", ")]);
  }
  if (result.modelArtifacts) rows.push(["Model artifacts", result.modelArtifacts]);
  if (result.outputArtifacts) rows.push(["Output artifacts", result.outputArtifacts]);
  if (result.failureReason) rows.push(["Failure reason", result.failureReason.replace(/\s*\r?\n\s*/g, " ")]);
  for (const link of result.links) rows.push([link.label, link.url]);
  if (serve) rows.push(["Serve test", serveLine(serve)]);
  const parts = [(0, import_chunk_NYTR2SKW.alignColumns)(rows)];
  const metrics = Object.entries(result.metrics);
  if (gate && gate.metrics.some((g) => g.verdict !== "none" || g.threshold !== void 0)) {
    parts.push(
      (0, import_chunk_NYTR2SKW.alignColumns)([
        ["Metric", "Final", "Threshold", "Verdict"],
        ...gate.metrics.map((g) => [
          g.name,
          g.value === void 0 ? "not reported" : (0, import_chunk_NYTR2SKW.formatNumber)(g.value),
          threshold(g),
          verdict(g)
        ])
      ])
    );
    parts.push(gate.passed && serve?.passed !== false ? "Gate: passed" : "Gate: FAILED");
  } else if (metrics.length > 0) {
    parts.push((0, import_chunk_NYTR2SKW.alignColumns)([["Metric", "Final"], ...metrics.map(([name, value]) => [name, (0, import_chunk_NYTR2SKW.formatNumber)(value)])]));
  } else {
    parts.push("No metrics reported.");
  }
  return `${parts.join("\n\n")}
`;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  resultTable
});
