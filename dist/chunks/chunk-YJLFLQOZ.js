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
var chunk_YJLFLQOZ_exports = {};
__export(chunk_YJLFLQOZ_exports, {
  checkMode: () => checkMode,
  checkRemoteJob: () => checkRemoteJob
});
module.exports = __defProp(chunk_YJLFLQOZ_exports, "__esModule", { value: true });
var INSTANCE_STORAGE_FAMILIES = [
  "ml.g4dn",
  "ml.g5",
  "ml.g6",
  "ml.g6e",
  "ml.p3dn",
  "ml.p4d",
  "ml.p4de",
  "ml.p5",
  "ml.p5e",
  "ml.p5en",
  "ml.p6-b200",
  "ml.p6-b300",
  "ml.p6e-gb200",
  "ml.r5d",
  "ml.trn1",
  "ml.trn1n",
  "ml.trn2"
];
function hasInstanceStorage(instanceType) {
  const family = instanceType.split(".").slice(0, 2).join(".");
  return INSTANCE_STORAGE_FAMILIES.includes(family);
}
function checkMode(draft) {
  const problems = modeProblems(draft);
  if (problems.length > 0) return { ok: false, problems };
  const request = typedRequest(draft);
  return request === void 0 ? { ok: false, problems: [{ key: "mode", message: `unknown mode ${draft.mode}` }] } : { ok: true, request };
}
function checkRemoteJob(draft) {
  const problems = remoteProblems(draft);
  const { roleArn } = draft.job;
  const output = draft.output;
  if (problems.length > 0 || roleArn === void 0 || output.kind !== "s3") return { ok: false, problems };
  return { ok: true, request: { ...draft, job: { ...draft.job, roleArn }, output } };
}
function modeProblems(draft) {
  const problems = draft.mode === "local" ? localProblems(draft) : remoteProblems(draft);
  if (draft.mode === "fargate") problems.push(...fargateProblems(draft.fargate));
  return problems;
}
function localProblems(draft) {
  return draft.channels.filter((channel) => channel.inputMode === "Pipe").map((channel) => ({
    key: `channels.${channel.name}.input-mode`,
    message: `Channel ${channel.name} uses Pipe input mode, which local mode does not support: use File or FastFile`
  }));
}
function remoteProblems(draft) {
  const { job, mode } = draft;
  const problems = [];
  const add = (key, message) => void problems.push({ key, message });
  if (!job.roleArn) add("job.role-arn", `job.role-arn is required in ${mode} mode (the role the job runs as).`);
  if (draft.output.kind !== "s3") add("output", `output must be an s3:// URI in ${mode} mode.`);
  if (!job.instanceType.startsWith("ml.")) {
    add("job.instance-type", `job.instance-type "${job.instanceType}" is not a SageMaker instance type (ml.*).`);
  }
  if (job.checkpoint && !job.checkpoint.s3Uri)
    add("job.checkpoint", `job.checkpoint needs an s3:// URI in ${mode} mode.`);
  const volumeKey = volumeKeyProblem(job.instanceType, job.volumeKmsKeyId);
  if (volumeKey !== void 0) add("job.volume-kms-key", volumeKey);
  return problems;
}
function volumeKeyProblem(instanceType, volumeKmsKeyId) {
  if (volumeKmsKeyId === void 0 || !hasInstanceStorage(instanceType)) return void 0;
  return `job.volume-kms-key cannot be used with ${instanceType}: its storage is local NVMe instance storage, which the instance encrypts itself, and SageMaker refuses a volume KMS key for it. Remove job.volume-kms-key, or choose an instance type without instance storage (such as ml.m5.xlarge or ml.c5.xlarge).`;
}
function fargateProblems(spec) {
  if (!spec) {
    return [
      {
        key: "fargate",
        message: "fargate is required in fargate mode (cluster, task-definition, container, subnets)."
      }
    ];
  }
  const problems = [];
  const add = (key, message) => void problems.push({ key, message });
  if (!spec.cluster.trim()) add("fargate.cluster", "fargate.cluster is required (the ECS cluster name or ARN).");
  if (!spec.taskDefinition.trim())
    add("fargate.task-definition", "fargate.task-definition is required (family, family:revision or ARN).");
  if (!spec.container.trim()) add("fargate.container", "fargate.container is required (the runner's container name).");
  if (spec.subnets.length === 0) add("fargate.subnets", "fargate.subnets needs at least one subnet id.");
  return problems;
}
function typedRequest(draft) {
  const { fargate, ...common } = draft;
  if (draft.mode === "local") {
    const request2 = { ...common, mode: "local" };
    return request2;
  }
  const roleArn = draft.job.roleArn;
  const output = draft.output.kind === "s3" ? draft.output : void 0;
  if (roleArn === void 0 || output === void 0) return void 0;
  const remote = { ...common, job: { ...draft.job, roleArn }, output };
  if (draft.mode === "sagemaker") {
    const request2 = { ...remote, mode: "sagemaker" };
    return request2;
  }
  if (fargate === void 0) return void 0;
  const request = { ...remote, mode: "fargate", fargate };
  return request;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkMode,
  checkRemoteJob
});
