import {
  awsErrorName
} from "./chunk-YOYRZ3GA.js";

// src/aws/s3-missing.ts
function httpStatusOf(err) {
  return err.$metadata?.httpStatusCode;
}
function isMissingObject(err) {
  const name = awsErrorName(err);
  return name === "NoSuchKey" || name === "NotFound" || httpStatusOf(err) === 404;
}
function isAccessDenied(err) {
  return awsErrorName(err) === "AccessDenied" || httpStatusOf(err) === 403;
}
async function deniedBecauseMissing(client, at, signal) {
  const { ListObjectsV2Command } = await import("./dist-es-6PQYVZUJ.js");
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

export {
  isMissingObject,
  isAccessDenied,
  deniedBecauseMissing
};
