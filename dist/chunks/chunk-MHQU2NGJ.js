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
var chunk_MHQU2NGJ_exports = {};
__export(chunk_MHQU2NGJ_exports, {
  LOG_GROUP: () => LOG_GROUP,
  TERMINAL_STATUSES: () => TERMINAL_STATUSES,
  finalMetrics: () => finalMetrics,
  jobLinks: () => jobLinks,
  outcomeOf: () => outcomeOf,
  outputArtifactsUri: () => outputArtifactsUri
});
module.exports = __defProp(chunk_MHQU2NGJ_exports, "__esModule", { value: true });
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var LOG_GROUP = "/aws/sagemaker/TrainingJobs";
var TERMINAL_STATUSES = /* @__PURE__ */ new Set(["Completed", "Failed", "Stopped"]);
function outcomeOf(job) {
  const secondaryStatus = job.SecondaryStatus;
  const base = secondaryStatus ? { secondaryStatus } : {};
  switch (job.TrainingJobStatus) {
    case "Completed":
      return { status: "Completed", ...base };
    case "Failed":
      return {
        status: "Failed",
        ...base,
        failureReason: job.FailureReason ?? "The training job failed (no reason given)"
      };
    case "Stopped":
    case "Stopping":
      if (secondaryStatus === "MaxRuntimeExceeded") {
        return {
          status: "Failed",
          ...base,
          failureReason: job.FailureReason ?? `MaxRuntimeExceeded: Training job runtime exceeded MaxRuntimeInSeconds provided (${job.StoppingCondition?.MaxRuntimeInSeconds ?? "?"} s)`
        };
      }
      if (secondaryStatus === "MaxWaitTimeExceeded") {
        return {
          status: "Failed",
          ...base,
          failureReason: job.FailureReason ?? `MaxWaitTimeExceeded: no spot capacity and training finished within MaxWaitTimeInSeconds (${job.StoppingCondition?.MaxWaitTimeInSeconds ?? "?"} s)`
        };
      }
      return { status: "Stopped", ...base, ...job.FailureReason ? { failureReason: job.FailureReason } : {} };
    default:
      return { status: "Failed", ...base, failureReason: `The training job ended in status ${job.TrainingJobStatus}` };
  }
}
function finalMetrics(job) {
  const metrics = {};
  for (const m of job.FinalMetricDataList ?? []) {
    if (m.MetricName !== void 0 && typeof m.Value === "number" && Number.isFinite(m.Value))
      metrics[m.MetricName] = m.Value;
  }
  return metrics;
}
function outputArtifactsUri(output, jobName) {
  return (0, import_chunk_G3PK4UPH.s3Uri)(output.bucket, (0, import_chunk_G3PK4UPH.joinS3Key)(output.key, jobName, "output", "output.tar.gz"));
}
function cloudWatchFragment(value) {
  return encodeURIComponent(value).replace(/%/g, "$25");
}
function jobLinks(region, jobName) {
  const console = `https://${region}.console.aws.amazon.com`;
  const group = cloudWatchFragment(LOG_GROUP);
  const filter = `$3FlogStreamNameFilter$3D${cloudWatchFragment(`${jobName}/`)}`;
  return [
    { label: "SageMaker training job", url: `${console}/sagemaker/home?region=${region}#/jobs/${jobName}` },
    {
      label: "CloudWatch logs",
      url: `${console}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${group}${filter}`
    }
  ];
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  LOG_GROUP,
  TERMINAL_STATUSES,
  finalMetrics,
  jobLinks,
  outcomeOf,
  outputArtifactsUri
});
