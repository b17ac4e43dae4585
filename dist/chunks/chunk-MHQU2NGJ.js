import {
  joinS3Key,
  s3Uri
} from "./chunk-G3PK4UPH.js";

// src/backends/sagemaker/outcome.ts
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
  return s3Uri(output.bucket, joinS3Key(output.key, jobName, "output", "output.tar.gz"));
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

export {
  LOG_GROUP,
  TERMINAL_STATUSES,
  outcomeOf,
  finalMetrics,
  outputArtifactsUri,
  jobLinks
};
