import {
  CLUSTER_PATTERN,
  TASK_ARN_PATTERN
} from "./chunk-KWKXA2KE.js";

// src/state.ts
var State = /* @__PURE__ */ ((State2) => {
  State2["JobName"] = "job-name";
  State2["Containers"] = "containers";
  State2["Network"] = "network";
  State2["Finished"] = "finished";
  State2["CheckRunId"] = "check-run-id";
  State2["CheckRunDone"] = "check-run-done";
  State2["CheckRunConclusion"] = "check-run-conclusion";
  State2["SageMakerRegion"] = "sagemaker-region";
  State2["TaskArn"] = "task-arn";
  State2["FargateCluster"] = "fargate-cluster";
  State2["ServeContainer"] = "serve-container";
  return State2;
})(State || {});
var CONCLUSIONS = ["success", "failure", "neutral", "cancelled", "action_required"];
var STATE_KEYS = new Set(Object.values(State));
function isStateKey(key) {
  return STATE_KEYS.has(key);
}
var DOCKER_REF = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
function splitIds(value) {
  return value.split(",").map((id) => id.trim()).filter((id) => id.length > 0);
}
function conclusionOf(value) {
  const found = CONCLUSIONS.find((c) => c === value);
  return found ? { checkRunConclusion: found } : {};
}
function readState(getState) {
  const ignored = [];
  const containers = [];
  for (const id of splitIds(getState("containers" /* Containers */))) {
    if (DOCKER_REF.test(id)) containers.push(id);
    else ignored.push(`${"containers" /* Containers */}: ${JSON.stringify(id)}`);
  }
  const network = getState("network" /* Network */).trim();
  if (network && !DOCKER_REF.test(network)) ignored.push(`${"network" /* Network */}: ${JSON.stringify(network)}`);
  const jobName = getState("job-name" /* JobName */).trim();
  const checkRunRaw = getState("check-run-id" /* CheckRunId */).trim();
  const checkRunId = /^[1-9][0-9]{0,15}$/.test(checkRunRaw) ? Number(checkRunRaw) : void 0;
  if (checkRunRaw && checkRunId === void 0) ignored.push(`${"check-run-id" /* CheckRunId */}: ${JSON.stringify(checkRunRaw)}`);
  const region = getState("sagemaker-region" /* SageMakerRegion */).trim();
  const regionValid = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region);
  if (region && !regionValid) ignored.push(`${"sagemaker-region" /* SageMakerRegion */}: ${JSON.stringify(region)}`);
  const taskArn = getState("task-arn" /* TaskArn */).trim();
  if (taskArn && !TASK_ARN_PATTERN.test(taskArn)) ignored.push(`${"task-arn" /* TaskArn */}: ${JSON.stringify(taskArn)}`);
  const cluster = getState("fargate-cluster" /* FargateCluster */).trim();
  if (cluster && !CLUSTER_PATTERN.test(cluster)) ignored.push(`${"fargate-cluster" /* FargateCluster */}: ${JSON.stringify(cluster)}`);
  const serve = getState("serve-container" /* ServeContainer */).trim();
  if (serve && !DOCKER_REF.test(serve)) ignored.push(`${"serve-container" /* ServeContainer */}: ${JSON.stringify(serve)}`);
  return {
    ...jobName ? { jobName } : {},
    containers,
    ...network && DOCKER_REF.test(network) ? { network } : {},
    finished: getState("finished" /* Finished */).trim() === "true",
    ...checkRunId !== void 0 ? { checkRunId } : {},
    checkRunDone: getState("check-run-done" /* CheckRunDone */).trim() === "true",
    ...conclusionOf(getState("check-run-conclusion" /* CheckRunConclusion */).trim()),
    ...regionValid ? { sagemakerRegion: region } : {},
    ...taskArn && TASK_ARN_PATTERN.test(taskArn) ? { taskArn } : {},
    ...cluster && CLUSTER_PATTERN.test(cluster) ? { fargateCluster: cluster } : {},
    ...serve && DOCKER_REF.test(serve) ? { serveContainer: serve } : {},
    ignored
  };
}

export {
  isStateKey,
  readState
};
