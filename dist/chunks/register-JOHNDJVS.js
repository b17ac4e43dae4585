var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var register_JOHNDJVS_exports = {};
__export(register_JOHNDJVS_exports, {
  customerMetadata: () => customerMetadata,
  modelQualityReport: () => modelQualityReport,
  registerModel: () => registerModel,
  shouldRegister: () => shouldRegister
});
module.exports = __defProp(register_JOHNDJVS_exports, "__esModule", { value: true });
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var import_node_crypto = require("node:crypto");
var MAX_METADATA_ENTRIES = 50;
var MAX_METADATA_KEY = 128;
var MAX_METADATA_VALUE = 256;
var METADATA_CHARS = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;
function metadataValue(value, max = MAX_METADATA_VALUE) {
  const clean = value.replace(METADATA_CHARS, "_") || "_";
  return clean.length <= max ? clean : `${clean.slice(0, max - 3)}...`;
}
function customerMetadata(l) {
  const fixed = {
    repository: l.repository,
    commit: l.commit,
    run: l.run,
    "training-job": l.jobName,
    image: l.imageUri,
    ...l.imageDigest ? { "image-digest": l.imageDigest } : {},
    ...l.fingerprint ? { "data-fingerprint": l.fingerprint } : {}
  };
  const out = {};
  for (const [k, v] of Object.entries(fixed)) out[k] = metadataValue(v);
  const hps = Object.entries(l.hyperparameters).sort(([a], [b]) => a < b ? -1 : 1);
  const room = MAX_METADATA_ENTRIES - Object.keys(out).length - (hps.length > 0 ? 1 : 0);
  const kept = hps.length <= room + 1 ? hps : hps.slice(0, room);
  for (const [k, v] of kept) out[metadataValue(`hp.${k}`, MAX_METADATA_KEY)] = metadataValue(v);
  if (kept.length < hps.length) out["hp-omitted"] = String(hps.length - kept.length);
  return out;
}
function packageDescription(l) {
  return `${commitMarker(l.commit)} ${l.repository} training job ${l.jobName}`.slice(0, 1024);
}
function commitMarker(commit) {
  return `commit:${commit}`;
}
function clientToken(group, commit) {
  return (0, import_node_crypto.createHash)("sha256").update(`${group}
${commit}`).digest("hex").slice(0, 36);
}
var SECTIONS = {
  regression: "regression_metrics",
  "binary-classification": "binary_classification_metrics",
  "multiclass-classification": "multiclass_classification_metrics"
};
function modelQualityReport(metrics, problemType, lineage) {
  const section = Object.fromEntries(
    Object.entries(metrics).map(([name, value]) => [name, { value, standard_deviation: "NaN" }])
  );
  return `${JSON.stringify({ version: 0, [SECTIONS[problemType]]: section, lineage }, null, 2)}
`;
}
function imageDigestOf(imageUri, known) {
  return known ?? /@(sha256:[0-9a-f]{64})$/i.exec(imageUri)?.[1];
}
var SEARCH_PAGES = 5;
function isMissingGroup(err) {
  const name = err.name;
  return (name === "ValidationException" || name === "ResourceNotFound") && /does not exist|not found/i.test((0, import_chunk_OEPHYHQN.messageOf)(err));
}
async function ensureGroup(client, group, logger) {
  const { CreateModelPackageGroupCommand, DescribeModelPackageGroupCommand } = await Promise.resolve().then(() => require("./dist-es-TDH24GG4.js"));
  try {
    await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }));
  } catch (err) {
    if (!isMissingGroup(err)) throw err;
    await client.send(
      new CreateModelPackageGroupCommand({
        ModelPackageGroupName: group,
        ModelPackageGroupDescription: "Models registered by sagemaker-train on the base branch"
      })
    );
    logger.info(`Created the model package group ${group}`);
  }
}
async function findForCommit(client, group, commit) {
  const { ListModelPackagesCommand } = await Promise.resolve().then(() => require("./dist-es-TDH24GG4.js"));
  const marker = commitMarker(commit);
  let token;
  for (let page = 0; page < SEARCH_PAGES; page++) {
    const answer = await client.send(
      new ListModelPackagesCommand({
        ModelPackageGroupName: group,
        SortBy: "CreationTime",
        SortOrder: "Descending",
        MaxResults: 100,
        ...token ? { NextToken: token } : {}
      })
    );
    const found = (answer.ModelPackageSummaryList ?? []).find(
      (p) => (p.ModelPackageDescription ?? "").split(" ").includes(marker)
    );
    if (found) return found;
    token = answer.NextToken;
    if (!token) return void 0;
  }
  return void 0;
}
async function putQualityReport(deps, input, lineage) {
  const { PutObjectCommand } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
  const key = `${input.output.key}${input.result.jobName}/registration/model-quality.json`;
  const s3 = await deps.s3(input.region);
  await s3.send(
    new PutObjectCommand({
      Bucket: input.output.bucket,
      Key: key,
      Body: modelQualityReport(input.result.metrics, input.spec.problemType, lineage),
      ContentType: "application/json"
    })
  );
  return `s3://${input.output.bucket}/${key}`;
}
function consoleUrl(region, group, version) {
  const base = `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/model-registry`;
  return version === void 0 ? base : `${base}/${encodeURIComponent(group)}/${version}`;
}
async function registerModel(input, deps) {
  const { spec, result, region } = input;
  if (!result.modelArtifacts?.startsWith("s3://")) throw new Error("the run left no model.tar.gz in S3 to register");
  const client = await deps.sagemaker(region);
  await ensureGroup(client, spec.group, deps.logger);
  const existing = await findForCommit(client, spec.group, input.lineage.commit);
  if (existing) {
    deps.logger.info(`${existing.ModelPackageArn} is already this commit's version: nothing registered`);
    return report(
      spec,
      region,
      existing.ModelPackageArn ?? "",
      existing.ModelPackageVersion,
      false,
      existing.ModelApprovalStatus
    );
  }
  const digest = imageDigestOf(result.imageUri, result.imageDigest);
  const lineage = {
    ...input.lineage,
    jobName: result.jobName,
    imageUri: result.imageUri,
    ...digest ? { imageDigest: digest } : {}
  };
  const statistics = await putQualityReport(deps, input, lineage);
  const { CreateModelPackageCommand } = await Promise.resolve().then(() => require("./dist-es-TDH24GG4.js"));
  const created = await client.send(
    new CreateModelPackageCommand({
      ModelPackageGroupName: spec.group,
      ModelPackageDescription: packageDescription(lineage),
      InferenceSpecification: {
        Containers: [
          { Image: result.imageUri, ModelDataUrl: result.modelArtifacts, ...digest ? { ImageDigest: digest } : {} }
        ],
        SupportedContentTypes: spec.contentTypes,
        SupportedResponseMIMETypes: spec.responseTypes
      },
      ModelMetrics: { ModelQuality: { Statistics: { ContentType: "application/json", S3Uri: statistics } } },
      ModelApprovalStatus: spec.approval,
      CustomerMetadataProperties: customerMetadata(lineage),
      ClientToken: clientToken(spec.group, lineage.commit)
    })
  );
  const arn = created.ModelPackageArn ?? "";
  const version = Number(/\/(\d+)$/.exec(arn)?.[1]);
  deps.logger.info(`Registered ${arn} (${spec.approval})`);
  return report(spec, region, arn, Number.isInteger(version) ? version : void 0, true, spec.approval);
}
function report(spec, region, arn, version, created, approval) {
  return {
    arn,
    group: spec.group,
    ...version !== void 0 ? { version } : {},
    created,
    approval: approval ?? spec.approval,
    url: consoleUrl(region, spec.group, version)
  };
}
function shouldRegister(spec, event) {
  const branch = spec.branch ?? event.defaultBranch;
  const ref = event.ref ?? "";
  const onBranch = branch !== void 0 && ref === `refs/heads/${branch}`;
  if (event.eventName === "push") {
    if (onBranch) return { register: true };
    return {
      skipped: `registration runs on a push to ${branch ?? "the base branch"} (this push is to ${ref || "an unknown ref"})`
    };
  }
  if (event.eventName === "workflow_dispatch") {
    return spec.onDispatch ? { register: true } : { skipped: "register.on-dispatch is false: a manual run does not register" };
  }
  return {
    skipped: `registration runs on a push to ${branch ?? "the base branch"}, not on ${event.eventName ?? "this event"}`
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  customerMetadata,
  modelQualityReport,
  registerModel,
  shouldRegister
});
