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
var chunk_G3PK4UPH_exports = {};
__export(chunk_G3PK4UPH_exports, {
  createS3Client: () => createS3Client,
  downloadObject: () => downloadObject,
  joinS3Key: () => joinS3Key,
  listObjects: () => listObjects,
  putJsonObject: () => putJsonObject,
  readSmallObject: () => readSmallObject,
  s3Uri: () => s3Uri,
  uploadStream: () => uploadStream
});
module.exports = __defProp(chunk_G3PK4UPH_exports, "__esModule", { value: true });
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_node_fs = require("node:fs");
var import_promises = require("node:stream/promises");
async function createS3Client(region) {
  const { S3Client } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
  return new S3Client((0, import_chunk_ZIWWOMLH.clientConfig)(region));
}
function s3Uri(bucket, key) {
  return `s3://${bucket}/${key}`;
}
function joinS3Key(...parts) {
  return parts.filter((part) => part !== "").map((part, i) => i === 0 ? part.replace(/\/+$/, "") : part.replace(/^\/+|\/+$/g, "")).join("/");
}
async function* listObjects(client, opts) {
  const { ListObjectsV2Command } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
  let token;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: opts.bucket, Prefix: opts.prefix, ContinuationToken: token }),
      { abortSignal: opts.signal }
    );
    for (const object of page.Contents ?? []) {
      if (object.Key !== void 0) {
        yield { key: object.Key, size: object.Size ?? 0, ...object.ETag !== void 0 ? { etag: object.ETag } : {} };
      }
    }
    token = page.IsTruncated ? page.NextContinuationToken : void 0;
  } while (token);
}
async function downloadObject(client, opts) {
  const { GetObjectCommand } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
  const response = await client.send(new GetObjectCommand({ Bucket: opts.bucket, Key: opts.key }), {
    abortSignal: opts.signal
  });
  if (!response.Body) throw new Error(`S3 returned no body for ${s3Uri(opts.bucket, opts.key)}`);
  await (0, import_promises.pipeline)(response.Body, (0, import_node_fs.createWriteStream)(opts.file), { signal: opts.signal });
}
async function uploadStream(client, opts) {
  const { Upload } = await Promise.resolve().then(() => require("./dist-es-E5DPVXAF.js"));
  const upload = new Upload({
    client,
    params: { Bucket: opts.bucket, Key: opts.key, Body: opts.body, ContentType: opts.contentType },
    partSize: 8 * 1024 * 1024,
    queueSize: 4,
    leavePartsOnError: false
  });
  await upload.done();
}
async function readSmallObject(client, at, opts) {
  const { GetObjectCommand } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
  const response = await client.send(new GetObjectCommand({ Bucket: at.bucket, Key: at.key }), {
    abortSignal: opts.signal
  });
  if (!response.Body) throw new Error("S3 returned no body");
  if ((response.ContentLength ?? 0) > opts.maxBytes) {
    throw new Error(`the object is ${response.ContentLength} bytes, more than the ${opts.maxBytes} expected`);
  }
  return response.Body.transformToString("utf8");
}
async function putJsonObject(client, at, json, signal) {
  const { PutObjectCommand } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
  await client.send(
    new PutObjectCommand({ Bucket: at.bucket, Key: at.key, Body: json, ContentType: "application/json" }),
    signal ? { abortSignal: signal } : {}
  );
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  createS3Client,
  downloadObject,
  joinS3Key,
  listObjects,
  putJsonObject,
  readSmallObject,
  s3Uri,
  uploadStream
});
