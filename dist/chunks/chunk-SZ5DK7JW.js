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
var chunk_SZ5DK7JW_exports = {};
__export(chunk_SZ5DK7JW_exports, {
  LocationError: () => LocationError,
  hasUriScheme: () => hasUriScheme,
  parseS3Uri: () => parseS3Uri
});
module.exports = __defProp(chunk_SZ5DK7JW_exports, "__esModule", { value: true });
var LocationError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "LocationError";
  }
};
var S3_HINT = "an S3 URI such as s3://my-bucket/prefix/";
function hasUriScheme(text) {
  return /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(text);
}
function bucketNameProblem(bucket) {
  if (bucket.length < 3 || bucket.length > 63) return `must be 3 to 63 characters long (got ${bucket.length})`;
  if (/[A-Z]/.test(bucket)) return "must be lowercase";
  if (!/^[a-z0-9.-]+$/.test(bucket)) return "may contain only lowercase letters, digits, dots and hyphens";
  if (!/^[a-z0-9].*[a-z0-9]$/.test(bucket)) return "must start and end with a letter or digit";
  if (bucket.includes("..")) return "must not contain two dots in a row";
  if (/^\d+\.\d+\.\d+\.\d+$/.test(bucket)) return "must not look like an IP address";
  if (bucket.startsWith("xn--")) return "must not start with xn--";
  return void 0;
}
function parseS3Uri(text, options = {}) {
  const got = JSON.stringify(text);
  if (!text.startsWith("s3://")) {
    if (/^s3:\/\//i.test(text)) throw new LocationError(`must start with lowercase s3:// (got ${got})`);
    throw new LocationError(`must be ${S3_HINT} (got ${got})`);
  }
  const rest = text.slice("s3://".length);
  const slash = rest.indexOf("/");
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const key = slash === -1 ? "" : rest.slice(slash + 1);
  if (bucket === "") throw new LocationError(`must name a bucket: ${S3_HINT} (got ${got})`);
  const bucketProblem = bucketNameProblem(bucket);
  if (bucketProblem !== void 0) {
    throw new LocationError(`bucket name ${JSON.stringify(bucket)} ${bucketProblem} (got ${got})`);
  }
  if (key.startsWith("/") || key.includes("//")) {
    throw new LocationError(`must not contain an empty path segment ("//") after the bucket (got ${got})`);
  }
  if (/[\u0000-\u001f\u007f]/.test(key)) throw new LocationError(`must not contain control characters (got ${got})`);
  if (Buffer.byteLength(key, "utf8") > 1024) throw new LocationError(`key must be at most 1024 bytes (got ${got})`);
  const normalisedKey = options.asPrefix === true && key !== "" && !key.endsWith("/") ? `${key}/` : key;
  return { kind: "s3", uri: `s3://${bucket}/${normalisedKey}`, bucket, key: normalisedKey };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  LocationError,
  hasUriScheme,
  parseS3Uri
});
