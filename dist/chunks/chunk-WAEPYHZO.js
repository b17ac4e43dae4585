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
var chunk_WAEPYHZO_exports = {};
__export(chunk_WAEPYHZO_exports, {
  uploadLocalChannels: () => uploadLocalChannels
});
module.exports = __defProp(chunk_WAEPYHZO_exports, "__esModule", { value: true });
var import_chunk_HNNMNGSZ = require("./chunk-HNNMNGSZ.js");
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_node_crypto = require("node:crypto");
var import_node_fs = require("node:fs");
var import_promises = require("node:stream/promises");
async function hashChannelFiles(files) {
  const total = (0, import_node_crypto.createHash)("sha256");
  for (const file of files) {
    const digest = (0, import_node_crypto.createHash)("sha256");
    await (0, import_promises.pipeline)((0, import_node_fs.createReadStream)(file.path), digest);
    total.update(`${file.key}\0${digest.digest("hex")}
`);
  }
  return total.digest("hex");
}
async function uploadLocalChannels(opts) {
  const uris = {};
  for (const channel of opts.channels) {
    const source = channel.source;
    if (source.kind !== "local") continue;
    (0, import_chunk_NHSZ5FW5.throwIfAborted)(opts.signal);
    uris[channel.name] = await uploadChannel(channel.name, source.path, opts);
  }
  return uris;
}
async function uploadChannel(name, root, opts) {
  const files = await (0, import_chunk_HNNMNGSZ.listChannelFiles)(root);
  if (files.length === 0) throw new Error(`Channel ${name}: ${root} holds no files to upload`);
  const hash = (await hashChannelFiles(files)).slice(0, 16);
  const prefix = (0, import_chunk_G3PK4UPH.joinS3Key)(opts.output.key, "_channels", `${name}-${hash}`);
  const marker = `${prefix}.complete`;
  const uri = `${(0, import_chunk_G3PK4UPH.s3Uri)(opts.output.bucket, prefix)}/`;
  const client = await opts.s3();
  const { HeadObjectCommand, PutObjectCommand } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
  try {
    await client.send(new HeadObjectCommand({ Bucket: opts.output.bucket, Key: marker }), { abortSignal: opts.signal });
    opts.logger.info(`Channel ${name}: ${root} is unchanged, already at ${uri}`);
    return uri;
  } catch (err) {
    const status = err.$metadata?.httpStatusCode;
    const missing = (0, import_chunk_YOYRZ3GA.awsErrorName)(err) === "NotFound" || status === 404 || status === 403;
    if (!missing) throw err;
    if (status === 403) opts.logger.debug(`Channel ${name}: HeadObject ${marker} was denied; uploading`);
  }
  opts.logger.info(`Channel ${name}: uploading ${files.length} file(s) from ${root} to ${uri}`);
  for (const file of files) {
    (0, import_chunk_NHSZ5FW5.throwIfAborted)(opts.signal);
    await (0, import_chunk_G3PK4UPH.uploadStream)(client, {
      bucket: opts.output.bucket,
      key: `${prefix}/${file.key}`,
      body: (0, import_node_fs.createReadStream)(file.path)
    });
  }
  await client.send(
    new PutObjectCommand({
      Bucket: opts.output.bucket,
      Key: marker,
      Body: `${files.length} files
`,
      ContentType: "text/plain"
    }),
    { abortSignal: opts.signal }
  );
  return uri;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  uploadLocalChannels
});
