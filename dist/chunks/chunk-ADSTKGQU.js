import {
  medianLatency,
  reusedRow
} from "./chunk-FNUKYPLP.js";
import {
  alignColumns,
  formatDuration,
  formatNumber
} from "./chunk-NYTR2SKW.js";

// src/report/table.ts
function verdict(gate) {
  if (gate.verdict === "pass") return "pass";
  if (gate.verdict === "fail") return `FAIL: ${gate.notes.join("; ")}`;
  return gate.notes.length > 0 ? `- (${gate.notes.join("; ")})` : "-";
}
function threshold(gate) {
  if (gate.threshold === void 0) return "-";
  return `${gate.goal === "maximize" ? ">= " : gate.goal === "minimize" ? "<= " : ""}${formatNumber(gate.threshold)}`;
}
function serveLine(serve) {
  if (!serve.passed) return `${serve.cancelled ? "stopped" : "failed"}: ${serve.reason ?? ""}`;
  const median = medianLatency(serve.samples);
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
    ...[reusedRow(result)].filter((row) => row !== void 0),
    ["Mode", result.mode],
    ["Image", result.imageUri],
    ["Instances", `${result.instanceType} x ${result.instanceCount}`],
    ["Duration", formatDuration(result.durationSeconds)]
  ];
  if (result.hosts && result.hosts.length > 0) {
    rows.push(["Hosts", result.hosts.map((h) => `${h.host} (exit ${h.exitCode ?? "?"})`).join(", ")]);
  }
  if (result.modelArtifacts) rows.push(["Model artifacts", result.modelArtifacts]);
  if (result.outputArtifacts) rows.push(["Output artifacts", result.outputArtifacts]);
  if (result.failureReason) rows.push(["Failure reason", result.failureReason.replace(/\s*\r?\n\s*/g, " ")]);
  for (const link of result.links) rows.push([link.label, link.url]);
  if (serve) rows.push(["Serve test", serveLine(serve)]);
  const parts = [alignColumns(rows)];
  const metrics = Object.entries(result.metrics);
  if (gate && gate.metrics.some((g) => g.verdict !== "none" || g.threshold !== void 0)) {
    parts.push(
      alignColumns([
        ["Metric", "Final", "Threshold", "Verdict"],
        ...gate.metrics.map((g) => [
          g.name,
          g.value === void 0 ? "not reported" : formatNumber(g.value),
          threshold(g),
          verdict(g)
        ])
      ])
    );
    parts.push(gate.passed && serve?.passed !== false ? "Gate: passed" : "Gate: FAILED");
  } else if (metrics.length > 0) {
    parts.push(alignColumns([["Metric", "Final"], ...metrics.map(([name, value]) => [name, formatNumber(value)])]));
  } else {
    parts.push("No metrics reported.");
  }
  return `${parts.join("\n\n")}
`;
}

export {
  resultTable
};
