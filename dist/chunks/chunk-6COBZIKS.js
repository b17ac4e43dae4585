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
var chunk_6COBZIKS_exports = {};
__export(chunk_6COBZIKS_exports, {
  requestSummary: () => requestSummary
});
module.exports = __defProp(chunk_6COBZIKS_exports, "__esModule", { value: true });
var import_chunk_NYTR2SKW = require("./chunk-NYTR2SKW.js");
function location(loc) {
  return loc.kind === "s3" ? loc.uri : loc.path;
}
function image(request) {
  const spec = request.image;
  if (spec.kind === "prebuilt") return spec.uri;
  const target = spec.target ? `, target ${spec.target}` : "";
  return `build ${spec.dockerfile} (context ${spec.context}${target}, ${spec.platform})`;
}
function keyValues(map) {
  const entries = Object.entries(map);
  return entries.length === 0 ? "\u2014" : entries.map(([k, v]) => `${k}=${v}`).join(", ");
}
function encryption(job) {
  const parts = [
    job.interContainerEncryption ? "inter-container traffic" : void 0,
    job.outputKmsKeyId ? `output with KMS key ${job.outputKmsKeyId}` : void 0,
    job.volumeKmsKeyId ? `volumes with KMS key ${job.volumeKmsKeyId}` : void 0
  ].filter((part) => part !== void 0);
  return parts.length > 0 ? parts.join(", ") : void 0;
}
function remoteRows(request) {
  const { job, fargate } = request;
  const rows = [];
  if (job.vpc) {
    rows.push(["VPC", `subnets ${job.vpc.subnets.join(", ")}; security groups ${job.vpc.securityGroupIds.join(", ")}`]);
  }
  if (job.networkIsolation) rows.push(["Network isolation", "on (the containers have no network access)"]);
  const encrypted = encryption(job);
  if (encrypted) rows.push(["Encryption", encrypted]);
  if (job.capacityRetries > 0) rows.push(["Capacity retries", String(job.capacityRetries)]);
  if (job.pricePerHour !== void 0) rows.push(["Price", `$${(0, import_chunk_NYTR2SKW.formatNumber)(job.pricePerHour)} per instance-hour`]);
  if (fargate) {
    rows.push([
      "Fargate runner",
      `cluster ${fargate.cluster}, task definition ${fargate.taskDefinition} (${fargate.container}), ${fargate.capacity}`
    ]);
  }
  if (!request.wait) rows.push(["Wait", "no: detached, the runner completes the check run"]);
  return rows;
}
function requestSummary(request) {
  const { job } = request;
  const rows = [
    ["Mode", request.mode],
    ["Configuration", request.configFile ?? "(none: inputs only)"],
    ["Workspace", request.workspace]
  ];
  if (request.mode !== "local") rows.push(["Region", request.region]);
  rows.push(
    ["Image", image(request)],
    ["Job name", job.name ?? `${job.namePrefix}-<generated>`],
    ["Instances", `${job.instanceType} x ${job.instanceCount}`],
    ["Max runtime", (0, import_chunk_NYTR2SKW.formatDuration)(job.maxRuntimeSeconds)]
  );
  if (job.roleArn) rows.push(["Role", job.roleArn]);
  if (job.spot) rows.push(["Spot", `max wait ${(0, import_chunk_NYTR2SKW.formatDuration)(job.spot.maxWaitSeconds)}`]);
  rows.push(...remoteRows(request));
  for (const channel of request.channels) {
    rows.push([`Channel ${channel.name}`, `${location(channel.source)} (${channel.inputMode})`]);
  }
  if (request.channels.length === 0) rows.push(["Channels", "\u2014"]);
  rows.push(["Output", location(request.output)]);
  if (job.checkpoint) rows.push(["Checkpoints", job.checkpoint.s3Uri?.uri ?? job.checkpoint.hostPath]);
  rows.push(["Hyperparameters", keyValues(request.hyperparameters)]);
  const metrics = request.metrics.map((m) => {
    const details = [m.goal, m.threshold !== void 0 ? `threshold ${(0, import_chunk_NYTR2SKW.formatNumber)(m.threshold)}` : void 0].filter(
      (d) => d !== void 0
    );
    return details.length > 0 ? `${m.name} (${details.join(", ")})` : m.name;
  });
  rows.push(["Metrics", metrics.length > 0 ? metrics.join(", ") : "\u2014"]);
  if (request.mode === "local") rows.push(["Local GPU", request.local.gpu]);
  return `${(0, import_chunk_NYTR2SKW.alignColumns)(rows)}
`;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  requestSummary
});
