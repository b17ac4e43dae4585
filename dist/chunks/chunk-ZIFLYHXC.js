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
var chunk_ZIFLYHXC_exports = {};
__export(chunk_ZIFLYHXC_exports, {
  artifactExists: () => artifactExists,
  entryText: () => entryText,
  gatherFingerprintInputs: () => gatherFingerprintInputs,
  identityOfResolvedImage: () => identityOfResolvedImage,
  indexReader: () => indexReader,
  indexWriter: () => indexWriter,
  parseEntry: () => parseEntry,
  runFingerprint: () => runFingerprint
});
module.exports = __defProp(chunk_ZIFLYHXC_exports, "__esModule", { value: true });
var import_chunk_EZNXSEHB = require("./chunk-EZNXSEHB.js");
var import_chunk_VK5EXTPS = require("./chunk-VK5EXTPS.js");
var import_chunk_HNNMNGSZ = require("./chunk-HNNMNGSZ.js");
var import_chunk_OVMUTU22 = require("./chunk-OVMUTU22.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_SZ5DK7JW = require("./chunk-SZ5DK7JW.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_node_crypto = require("node:crypto");
var import_node_crypto2 = require("node:crypto");
var import_promises = require("node:fs/promises");
var import_node_path = require("node:path");
var import_promises2 = require("node:fs/promises");
var import_node_path2 = require("node:path");
var FINGERPRINT_FORMAT = "sagemaker-train/run/v1";
var sha256 = (text) => (0, import_node_crypto.createHash)("sha256").update(text).digest("hex");
var byName = (items) => [...items].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
var sortedKeys = (map) => Object.keys(map).sort();
function imageValue(image) {
  return image.kind === "digest" ? `digest ${image.digest}` : `content-tag ${image.tag}`;
}
function channelValue(channel) {
  return [
    `input-mode=${channel.inputMode}`,
    `distribution=${channel.distribution}`,
    `compression=${channel.compression}`,
    `record-wrapper=${channel.recordWrapper}`,
    `content-type=${JSON.stringify(channel.contentType ?? "")}`,
    `content=${channel.content}`
  ].join(" ");
}
function fingerprintParts(inputs) {
  const parts = [
    { name: "format", value: FINGERPRINT_FORMAT },
    { name: "platform", value: inputs.platform },
    { name: "image", value: imageValue(inputs.image) },
    { name: "entrypoint", value: JSON.stringify(inputs.entrypoint ?? null) },
    { name: "arguments", value: JSON.stringify(inputs.arguments ?? null) },
    { name: "instance-type", value: inputs.instanceType },
    { name: "instance-count", value: String(inputs.instanceCount) }
  ];
  for (const key of sortedKeys(inputs.hyperparameters)) {
    parts.push({ name: `hyperparameter ${key}`, value: JSON.stringify(inputs.hyperparameters[key]) });
  }
  for (const key of sortedKeys(inputs.environment)) {
    parts.push({ name: `environment ${key}`, value: `sha256:${sha256(inputs.environment[key] ?? "")}` });
  }
  for (const channel of byName(inputs.channels)) {
    parts.push({ name: `channel ${channel.name}`, value: channelValue(channel) });
  }
  for (const metric of byName(inputs.metrics)) {
    parts.push({ name: `metric ${metric.name}`, value: JSON.stringify(metric.regex) });
  }
  return parts;
}
function runFingerprint(inputs) {
  const parts = fingerprintParts(inputs);
  const text = parts.map((p) => `${JSON.stringify(p.name)} ${JSON.stringify(p.value)}
`).join("");
  return { fingerprint: sha256(text), parts };
}
function isFingerprint(value) {
  return typeof value === "string" && /^[0-9a-f]{64}$/.test(value);
}
var MAX_S3_OBJECTS = 1e5;
var CONCURRENCY = 4;
async function blobIds(root, deps) {
  const info = await (0, import_promises.stat)(root);
  const cwd = info.isFile() ? (0, import_node_path.dirname)(root) : root;
  const blobIdOf = await (0, import_chunk_VK5EXTPS.gitBlobIds)(cwd, { ...deps.git ? { git: deps.git } : {}, ...debugOf(deps) });
  if (!blobIdOf || !info.isFile()) return blobIdOf;
  const own = (0, import_node_path.basename)(root);
  return (rel, full, size) => rel === own ? blobIdOf(rel, full, size) : Promise.resolve(void 0);
}
async function fileLine(file, blobIdOf) {
  const { size } = await (0, import_promises.stat)(file.path);
  const print = await (0, import_chunk_VK5EXTPS.fileFingerprint)(blobIdOf, { rel: file.key, full: file.path, size });
  return `${JSON.stringify(file.key)} ${size} ${print}
`;
}
async function localChannelContent(source, deps) {
  const [files, ids] = await Promise.all([(0, import_chunk_HNNMNGSZ.listChannelFiles)(source.path), blobIds(source.path, deps)]);
  const total = (0, import_node_crypto2.createHash)("sha256");
  for (let i = 0; i < files.length; i += CONCURRENCY) {
    deps.signal?.throwIfAborted();
    const lines = await Promise.all(files.slice(i, i + CONCURRENCY).map((f) => fileLine(f, ids)));
    for (const line of lines) total.update(line);
  }
  return `local sha256:${total.digest("hex")}`;
}
async function s3ChannelContent(source, deps) {
  const client = await deps.s3();
  const total = (0, import_node_crypto2.createHash)("sha256");
  let count = 0;
  for await (const object of (0, import_chunk_G3PK4UPH.listObjects)(client, { bucket: source.bucket, prefix: source.key, ...signalOf(deps) })) {
    if (++count > MAX_S3_OBJECTS) {
      throw new Error(`it holds more than ${MAX_S3_OBJECTS} objects, too many to list before every run`);
    }
    if (object.etag === void 0) throw new Error(`S3 listed ${object.key} without an ETag`);
    total.update(`${JSON.stringify(object.key.slice(source.key.length))} ${object.etag} ${object.size}
`);
  }
  return `s3 sha256:${total.digest("hex")}`;
}
async function channelContent(channel, deps) {
  const { source } = channel;
  const where = source.kind === "s3" ? (0, import_chunk_G3PK4UPH.s3Uri)(source.bucket, source.key) : source.path;
  try {
    const content = source.kind === "s3" ? await s3ChannelContent(source, deps) : await localChannelContent(source, deps);
    return { content };
  } catch (err) {
    deps.signal?.throwIfAborted();
    const name = (0, import_chunk_YOYRZ3GA.awsErrorName)(err);
    const detail = name && !(0, import_chunk_OEPHYHQN.messageOf)(err).includes(name) ? `${name}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}` : (0, import_chunk_OEPHYHQN.messageOf)(err);
    return { problem: `channel ${channel.name} (${where}) cannot be fingerprinted: ${detail}` };
  }
}
function signalOf(deps) {
  return deps.signal ? { signal: deps.signal } : {};
}
function debugOf(deps) {
  return deps.debug ? { debug: deps.debug } : {};
}
async function lookUpImage(request, deps) {
  const spec = request.image;
  if (spec.kind === "prebuilt") {
    const digest2 = (0, import_chunk_OVMUTU22.pinnedDigest)(spec.uri);
    return digest2 ? { identity: { kind: "digest", digest: digest2 } } : { problem: (0, import_chunk_OVMUTU22.unpinnedImageReason)(request) ?? "" };
  }
  const { hashBuildContext } = await Promise.resolve().then(() => require("./content-hash-2BESNKTL.js"));
  if (request.mode === "local") {
    const content = await hashBuildContext(spec, { ...deps.git ? { git: deps.git } : {} });
    return { identity: { kind: "content-tag", tag: content.tag }, lookedUp: { content } };
  }
  const { lookUpPushedImage } = await Promise.resolve().then(() => require("./ensure-TXQI3B4O.js"));
  const pushed = await lookUpPushedImage({
    spec,
    logger: deps.logger,
    env: deps.env,
    ...deps.mask ? { mask: deps.mask } : {},
    ...deps.ecr ? { ecr: deps.ecr } : {},
    ...deps.fetch ? { fetch: deps.fetch } : {},
    ...deps.signal ? { signal: deps.signal } : {}
  });
  const digest = pushed.registry?.digest;
  if (digest) return { identity: { kind: "digest", digest }, lookedUp: pushed };
  return {
    pending: `image ${spec.repository ?? ""}:${pushed.content.tag} is not in the registry yet, so nothing trained it`,
    lookedUp: pushed
  };
}
function settingsOf(request, channels) {
  const { job } = request;
  return {
    platform: request.mode === "local" ? "local" : "sagemaker",
    ...job.entrypoint ? { entrypoint: job.entrypoint } : {},
    ...job.arguments ? { arguments: job.arguments } : {},
    hyperparameters: request.hyperparameters,
    environment: job.environment,
    instanceType: job.instanceType,
    instanceCount: job.instanceCount,
    channels,
    metrics: request.metrics.map((m) => ({ name: m.name, regex: m.regex }))
  };
}
async function gatherFingerprintInputs(request, deps) {
  const unpinned = request.image.kind === "prebuilt" ? await lookUpImage(request, deps) : void 0;
  if (unpinned && "problem" in unpinned) return { kind: "unavailable", reason: unpinned.problem };
  const s3 = () => deps.s3(request.region);
  const image = (unpinned ? Promise.resolve(unpinned) : lookUpImage(request, deps)).catch(
    (err) => ({
      problem: `the image's identity could not be looked up: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`
    })
  );
  const contents = await Promise.all(
    request.channels.map(
      (channel) => channelContent(channel, {
        s3,
        ...deps.git ? { git: deps.git } : {},
        ...deps.signal ? { signal: deps.signal } : {},
        debug: (m) => deps.logger.debug(m)
      })
    )
  );
  const found = await image;
  const lookedUp = found.lookedUp ? { lookedUp: found.lookedUp } : {};
  const problems = contents.flatMap((c) => "problem" in c ? [c.problem] : []);
  if ("problem" in found || problems.length > 0) {
    const reason = ["problem" in found ? found.problem : [], ...problems].flat().join("; ");
    return { kind: "unavailable", reason, ...lookedUp };
  }
  const channels = request.channels.map((channel, i) => {
    const content = contents[i];
    return {
      name: channel.name,
      inputMode: channel.inputMode,
      distribution: channel.distribution,
      compression: channel.compression,
      recordWrapper: channel.recordWrapper,
      ...channel.contentType !== void 0 ? { contentType: channel.contentType } : {},
      content: content && "content" in content ? content.content : ""
    };
  });
  const inputs = settingsOf(request, channels);
  if ("pending" in found) return { kind: "image-pending", inputs, reason: found.pending, ...lookedUp };
  return { kind: "complete", inputs: { ...inputs, image: found.identity }, ...lookedUp };
}
function identityOfResolvedImage(request, image) {
  const digest = (0, import_chunk_OVMUTU22.pinnedDigest)(image.uri);
  if (digest) return { kind: "digest", digest };
  if (request.mode === "local" && image.tag) return { kind: "content-tag", tag: image.tag };
  return void 0;
}
var INDEX_FORMAT = "sagemaker-train/result-index/v1";
var MAX_ENTRY_BYTES = 8 * 1024 * 1024;
function entryText(o) {
  if (o.result.status !== "Completed")
    throw new Error(`only a completed run is recorded (this one is ${o.result.status})`);
  const result = { ...o.result, logTail: [] };
  delete result.reused;
  delete result.detached;
  const entry = {
    format: INDEX_FORMAT,
    fingerprint: o.fingerprint,
    jobName: o.result.jobName,
    ...o.commit ? { commit: o.commit } : {},
    ranAt: o.result.endedAt,
    writtenAt: o.now.toISOString(),
    parts: o.parts,
    result
  };
  return `${JSON.stringify(entry, null, 2)}
`;
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var isText = (v) => typeof v === "string" && v !== "";
var isNumber = (v) => typeof v === "number" && Number.isFinite(v);
var optional = (v, check) => v === void 0 || check(v);
function isPoint(v) {
  return isObject(v) && isNumber(v.timestamp) && isNumber(v.value);
}
function isLink(v) {
  return isObject(v) && typeof v.label === "string" && typeof v.url === "string";
}
var everyValue = (v, check) => isObject(v) && Object.values(v).every(check);
function resultProblem(r) {
  const checks = [
    ["status", r.status === "Completed"],
    ["mode", r.mode === "local" || r.mode === "sagemaker" || r.mode === "fargate"],
    ["jobName", isText(r.jobName)],
    ["metrics", everyValue(r.metrics, isNumber)],
    ["metricSeries", everyValue(r.metricSeries, (s) => Array.isArray(s) && s.every(isPoint))],
    ["modelArtifacts", optional(r.modelArtifacts, isText)],
    ["outputArtifacts", optional(r.outputArtifacts, isText)],
    ["imageUri", isText(r.imageUri)],
    ["instanceType", isText(r.instanceType)],
    ["instanceCount", isNumber(r.instanceCount)],
    ["startedAt", isText(r.startedAt) && !Number.isNaN(Date.parse(r.startedAt))],
    ["endedAt", isText(r.endedAt) && !Number.isNaN(Date.parse(r.endedAt))],
    ["durationSeconds", isNumber(r.durationSeconds)],
    ["logTail", Array.isArray(r.logTail) && r.logTail.every((l) => typeof l === "string")],
    ["links", Array.isArray(r.links) && r.links.every(isLink)],
    ["cost", optional(r.cost, (c) => isObject(c) && isNumber(c.usd) && isNumber(c.pricePerHour))]
  ];
  const bad = checks.find(([, ok]) => !ok);
  return bad ? `result.${bad[0]} is missing or not what a completed run has` : void 0;
}
function parseEntry(text, fingerprint) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: `it is not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (!isObject(value)) return { problem: "it is not a JSON object" };
  if (value.format !== INDEX_FORMAT)
    return { problem: `its format is ${JSON.stringify(value.format)}, not ${INDEX_FORMAT}` };
  if (!isFingerprint(value.fingerprint) || value.fingerprint !== fingerprint) {
    return { problem: `it is the entry of another fingerprint (${String(value.fingerprint)})` };
  }
  if (!isObject(value.result)) return { problem: "it holds no result" };
  const problem = resultProblem(value.result);
  if (problem) return { problem };
  if (!isText(value.jobName) || value.jobName !== value.result.jobName)
    return { problem: "its jobName does not match its result" };
  if (!optional(value.commit, isText) || !isText(value.ranAt)) return { problem: "its commit or ranAt is malformed" };
  if (!Array.isArray(value.parts)) return { problem: "its parts are missing" };
  return { entry: value };
}
var INDEX_FOLDER = "_results";
var httpStatus = (err) => err.$metadata?.httpStatusCode;
function isMissing(err) {
  const name = (0, import_chunk_YOYRZ3GA.awsErrorName)(err);
  return name === "NoSuchKey" || name === "NotFound" || httpStatus(err) === 404;
}
function placeOf(output, fingerprint) {
  if (output.kind === "local") return { kind: "local", path: (0, import_node_path2.join)(output.path, INDEX_FOLDER, `${fingerprint}.json`) };
  return { kind: "s3", bucket: output.bucket, key: (0, import_chunk_G3PK4UPH.joinS3Key)(output.key, INDEX_FOLDER, `${fingerprint}.json`) };
}
function whereOf(output) {
  return (fp) => {
    const place = placeOf(output, fp);
    return place.kind === "local" ? place.path : (0, import_chunk_G3PK4UPH.s3Uri)(place.bucket, place.key);
  };
}
async function readLocal(path) {
  try {
    const info = await (0, import_promises2.stat)(path);
    if (info.size > MAX_ENTRY_BYTES) throw new Error(`it is ${info.size} bytes, more than ${MAX_ENTRY_BYTES}`);
    return await (0, import_promises2.readFile)(path, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw err;
  }
}
async function readS3(at, deps) {
  const client = await deps.s3();
  try {
    return await (0, import_chunk_G3PK4UPH.readSmallObject)(client, at, {
      maxBytes: MAX_ENTRY_BYTES,
      ...deps.signal ? { signal: deps.signal } : {}
    });
  } catch (err) {
    if (isMissing(err)) return void 0;
    if ((0, import_chunk_EZNXSEHB.isAccessDenied)(err) && await (0, import_chunk_EZNXSEHB.deniedBecauseMissing)(client, at, deps.signal)) return void 0;
    throw err;
  }
}
function indexReader(output, deps) {
  return {
    where: whereOf(output),
    read(fp) {
      const place = placeOf(output, fp);
      return place.kind === "local" ? readLocal(place.path) : readS3(place, deps);
    }
  };
}
function indexWriter(output, deps) {
  return {
    where: whereOf(output),
    async write(fp, text) {
      const place = placeOf(output, fp);
      if (place.kind === "s3") return (0, import_chunk_G3PK4UPH.putJsonObject)(await deps.s3(), place, text, deps.signal);
      await (0, import_promises2.mkdir)((0, import_node_path2.dirname)(place.path), { recursive: true });
      const temp = `${place.path}.${process.pid}.${Date.now()}.tmp`;
      await (0, import_promises2.writeFile)(temp, text);
      await (0, import_promises2.rename)(temp, place.path);
    }
  };
}
async function artifactExists(uri, deps) {
  if (!uri.startsWith("s3://")) {
    const info = await (0, import_promises2.stat)(uri).catch(() => void 0);
    return info?.isFile() === true;
  }
  const { bucket, key } = (0, import_chunk_SZ5DK7JW.parseS3Uri)(uri);
  const { HeadObjectCommand } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
  try {
    await (await deps.s3()).send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
      ...deps.signal ? { abortSignal: deps.signal } : {}
    });
    return true;
  } catch (err) {
    if (isMissing(err) || httpStatus(err) === 403) return false;
    throw err;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  artifactExists,
  entryText,
  gatherFingerprintInputs,
  identityOfResolvedImage,
  indexReader,
  indexWriter,
  parseEntry,
  runFingerprint
});
