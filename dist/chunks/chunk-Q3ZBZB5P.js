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
var chunk_Q3ZBZB5P_exports = {};
__export(chunk_Q3ZBZB5P_exports, {
  isStateKey: () => isStateKey,
  readState: () => readState
});
module.exports = __defProp(chunk_Q3ZBZB5P_exports, "__esModule", { value: true });
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
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
  for (const id of splitIds(getState(
    "containers"
    /* Containers */
  ))) {
    if (DOCKER_REF.test(id)) containers.push(id);
    else ignored.push(`${"containers"}: ${JSON.stringify(id)}`);
  }
  const network = getState(
    "network"
    /* Network */
  ).trim();
  if (network && !DOCKER_REF.test(network)) ignored.push(`${"network"}: ${JSON.stringify(network)}`);
  const jobName = getState(
    "job-name"
    /* JobName */
  ).trim();
  const checkRunRaw = getState(
    "check-run-id"
    /* CheckRunId */
  ).trim();
  const checkRunId = /^[1-9][0-9]{0,15}$/.test(checkRunRaw) ? Number(checkRunRaw) : void 0;
  if (checkRunRaw && checkRunId === void 0) ignored.push(`${"check-run-id"}: ${JSON.stringify(checkRunRaw)}`);
  const region = getState(
    "sagemaker-region"
    /* SageMakerRegion */
  ).trim();
  const regionValid = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region);
  if (region && !regionValid) ignored.push(`${"sagemaker-region"}: ${JSON.stringify(region)}`);
  const taskArn = getState(
    "task-arn"
    /* TaskArn */
  ).trim();
  if (taskArn && !import_chunk_KWKXA2KE.TASK_ARN_PATTERN.test(taskArn)) ignored.push(`${"task-arn"}: ${JSON.stringify(taskArn)}`);
  const cluster = getState(
    "fargate-cluster"
    /* FargateCluster */
  ).trim();
  if (cluster && !import_chunk_KWKXA2KE.CLUSTER_PATTERN.test(cluster)) ignored.push(`${"fargate-cluster"}: ${JSON.stringify(cluster)}`);
  const serve = getState(
    "serve-container"
    /* ServeContainer */
  ).trim();
  if (serve && !DOCKER_REF.test(serve)) ignored.push(`${"serve-container"}: ${JSON.stringify(serve)}`);
  return {
    ...jobName ? { jobName } : {},
    containers,
    ...network && DOCKER_REF.test(network) ? { network } : {},
    finished: getState(
      "finished"
      /* Finished */
    ).trim() === "true",
    ...checkRunId !== void 0 ? { checkRunId } : {},
    checkRunDone: getState(
      "check-run-done"
      /* CheckRunDone */
    ).trim() === "true",
    ...conclusionOf(getState(
      "check-run-conclusion"
      /* CheckRunConclusion */
    ).trim()),
    ...regionValid ? { sagemakerRegion: region } : {},
    ...taskArn && import_chunk_KWKXA2KE.TASK_ARN_PATTERN.test(taskArn) ? { taskArn } : {},
    ...cluster && import_chunk_KWKXA2KE.CLUSTER_PATTERN.test(cluster) ? { fargateCluster: cluster } : {},
    ...serve && DOCKER_REF.test(serve) ? { serveContainer: serve } : {},
    ignored
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  isStateKey,
  readState
});
