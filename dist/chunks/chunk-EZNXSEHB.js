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
var chunk_EZNXSEHB_exports = {};
__export(chunk_EZNXSEHB_exports, {
  deniedBecauseMissing: () => deniedBecauseMissing,
  isAccessDenied: () => isAccessDenied,
  isMissingObject: () => isMissingObject
});
module.exports = __defProp(chunk_EZNXSEHB_exports, "__esModule", { value: true });
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
function httpStatusOf(err) {
  return err.$metadata?.httpStatusCode;
}
function isMissingObject(err) {
  const name = (0, import_chunk_YOYRZ3GA.awsErrorName)(err);
  return name === "NoSuchKey" || name === "NotFound" || httpStatusOf(err) === 404;
}
function isAccessDenied(err) {
  return (0, import_chunk_YOYRZ3GA.awsErrorName)(err) === "AccessDenied" || httpStatusOf(err) === 403;
}
async function deniedBecauseMissing(client, at, signal) {
  const { ListObjectsV2Command } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
  try {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: at.bucket, Prefix: at.key, MaxKeys: 1 }),
      signal ? { abortSignal: signal } : {}
    );
    return !(page.Contents ?? []).some((object) => object.Key === at.key);
  } catch (err) {
    if (!isAccessDenied(err)) throw err;
    throw new Error(
      `S3 refused to read s3://${at.bucket}/${at.key} (403) and to list it, so whether it exists is unknown: the role needs s3:GetObject on the object and s3:ListBucket on the bucket with s3:prefix ${at.key}`
    );
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  deniedBecauseMissing,
  isAccessDenied,
  isMissingObject
});
