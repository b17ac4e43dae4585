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
var chunk_KWKXA2KE_exports = {};
__export(chunk_KWKXA2KE_exports, {
  CLUSTER_ARN_PATTERN: () => CLUSTER_ARN_PATTERN,
  CLUSTER_PATTERN: () => CLUSTER_PATTERN,
  ECR_HOST_PATTERN: () => ECR_HOST_PATTERN,
  ECS_NAME_MAX_LENGTH: () => ECS_NAME_MAX_LENGTH,
  ECS_NAME_PATTERN: () => ECS_NAME_PATTERN,
  KMS_ALIAS_PATTERNS: () => KMS_ALIAS_PATTERNS,
  KMS_KEY_ID_MAX_LENGTH: () => KMS_KEY_ID_MAX_LENGTH,
  KMS_KEY_PATTERNS: () => KMS_KEY_PATTERNS,
  REGION_PATTERN: () => REGION_PATTERN,
  RESOURCE_ID_MAX_LENGTH: () => RESOURCE_ID_MAX_LENGTH,
  ROLE_ARN_PATTERN: () => ROLE_ARN_PATTERN,
  SECRET_ARN_PATTERN: () => SECRET_ARN_PATTERN,
  SECRET_NAME_PATTERN: () => SECRET_NAME_PATTERN,
  SECURITY_GROUP_PATTERN: () => SECURITY_GROUP_PATTERN,
  SUBNET_PATTERN: () => SUBNET_PATTERN,
  TASK_ARN_PATTERN: () => TASK_ARN_PATTERN,
  TASK_DEFINITION_ARN_PATTERN: () => TASK_DEFINITION_ARN_PATTERN,
  TASK_DEFINITION_PATTERN: () => TASK_DEFINITION_PATTERN,
  regionInArn: () => regionInArn
});
module.exports = __defProp(chunk_KWKXA2KE_exports, "__esModule", { value: true });
var REGION = "[a-z]{2}(?:-[a-z]+)+-\\d{1,2}";
var REGION_PATTERN = new RegExp(`^${REGION}$`);
var ARN_HEAD = "arn:aws[a-z-]*:";
var ACCOUNT_REGION = `(${REGION}):\\d{12}:`;
var ROLE_ARN_PATTERN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
var SUBNET_PATTERN = /^subnet-[0-9a-z]+$/;
var SECURITY_GROUP_PATTERN = /^sg-[0-9a-z]+$/;
var RESOURCE_ID_MAX_LENGTH = 32;
var KMS_KEY_ID = "(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})";
var KMS_ALIAS = "alias/[A-Za-z0-9/_-]{1,250}";
var KMS_KEY_PATTERNS = [
  new RegExp(`^${KMS_KEY_ID}$`, "i"),
  new RegExp(`^${ARN_HEAD}kms:${ACCOUNT_REGION}key/${KMS_KEY_ID}$`, "i")
];
var KMS_ALIAS_PATTERNS = [
  new RegExp(`^${KMS_ALIAS}$`),
  new RegExp(`^${ARN_HEAD}kms:${ACCOUNT_REGION}${KMS_ALIAS}$`)
];
var KMS_KEY_ID_MAX_LENGTH = 2048;
var ECS_NAME = "[A-Za-z0-9_-]{1,255}";
var ECS_NAME_MAX_LENGTH = 255;
var ECS_NAME_PATTERN = new RegExp(`^${ECS_NAME}$`);
var CLUSTER_ARN_PATTERN = new RegExp(`^${ARN_HEAD}ecs:${ACCOUNT_REGION}cluster/${ECS_NAME}$`);
var CLUSTER_PATTERN = new RegExp(`^(?:${ARN_HEAD}ecs:${REGION}:\\d{12}:cluster/)?${ECS_NAME}$`);
var TASK_DEFINITION_PATTERN = new RegExp(`^${ECS_NAME}(?::[1-9]\\d*)?$`);
var TASK_DEFINITION_ARN_PATTERN = new RegExp(
  `^${ARN_HEAD}ecs:${ACCOUNT_REGION}task-definition/${ECS_NAME}(?::[1-9]\\d*)?$`
);
var TASK_ARN_PATTERN = new RegExp(`^${ARN_HEAD}ecs:${REGION}:\\d{12}:task/${ECS_NAME}/[a-f0-9]{32}$`);
var SECRET_NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
var SECRET_ARN_PATTERN = new RegExp(
  `^${ARN_HEAD}secretsmanager:${ACCOUNT_REGION}secret:[A-Za-z0-9/_+=.@-]{1,512}$`
);
var ECR_HOST_PATTERN = new RegExp(
  `^(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.(${REGION})\\.amazonaws\\.com(?:\\.cn)?$`
);
function regionInArn(arn, service) {
  return new RegExp(`^${ARN_HEAD}${service}:([a-z0-9-]+):`).exec(arn)?.[1];
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CLUSTER_ARN_PATTERN,
  CLUSTER_PATTERN,
  ECR_HOST_PATTERN,
  ECS_NAME_MAX_LENGTH,
  ECS_NAME_PATTERN,
  KMS_ALIAS_PATTERNS,
  KMS_KEY_ID_MAX_LENGTH,
  KMS_KEY_PATTERNS,
  REGION_PATTERN,
  RESOURCE_ID_MAX_LENGTH,
  ROLE_ARN_PATTERN,
  SECRET_ARN_PATTERN,
  SECRET_NAME_PATTERN,
  SECURITY_GROUP_PATTERN,
  SUBNET_PATTERN,
  TASK_ARN_PATTERN,
  TASK_DEFINITION_ARN_PATTERN,
  TASK_DEFINITION_PATTERN,
  regionInArn
});
