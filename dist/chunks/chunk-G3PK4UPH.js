import {
  clientConfig
} from "./chunk-ZIWWOMLH.js";

// src/aws/s3.ts
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
async function createS3Client(region) {
  const { S3Client } = await import("./dist-es-6PQYVZUJ.js");
  return new S3Client(clientConfig(region));
}
function s3Uri(bucket, key) {
  return `s3://${bucket}/${key}`;
}
function joinS3Key(...parts) {
  return parts.filter((part) => part !== "").map((part, i) => i === 0 ? part.replace(/\/+$/, "") : part.replace(/^\/+|\/+$/g, "")).join("/");
}
async function* listObjects(client, opts) {
  const { ListObjectsV2Command } = await import("./dist-es-6PQYVZUJ.js");
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
  const { GetObjectCommand } = await import("./dist-es-6PQYVZUJ.js");
  const response = await client.send(new GetObjectCommand({ Bucket: opts.bucket, Key: opts.key }), {
    abortSignal: opts.signal
  });
  if (!response.Body) throw new Error(`S3 returned no body for ${s3Uri(opts.bucket, opts.key)}`);
  await pipeline(response.Body, createWriteStream(opts.file), { signal: opts.signal });
}
async function uploadStream(client, opts) {
  const { Upload } = await import("./dist-es-E5DPVXAF.js");
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
  const { GetObjectCommand } = await import("./dist-es-6PQYVZUJ.js");
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
  const { PutObjectCommand } = await import("./dist-es-6PQYVZUJ.js");
  await client.send(
    new PutObjectCommand({ Bucket: at.bucket, Key: at.key, Body: json, ContentType: "application/json" }),
    signal ? { abortSignal: signal } : {}
  );
}

export {
  createS3Client,
  s3Uri,
  joinS3Key,
  listObjects,
  downloadObject,
  uploadStream,
  readSmallObject,
  putJsonObject
};
