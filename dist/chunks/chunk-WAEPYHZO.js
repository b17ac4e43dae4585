import {
  listChannelFiles
} from "./chunk-HNNMNGSZ.js";
import {
  throwIfAborted
} from "./chunk-NHSZ5FW5.js";
import {
  joinS3Key,
  s3Uri,
  uploadStream
} from "./chunk-G3PK4UPH.js";
import {
  awsErrorName
} from "./chunk-YOYRZ3GA.js";

// src/backends/sagemaker/channels.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
async function hashChannelFiles(files) {
  const total = createHash("sha256");
  for (const file of files) {
    const digest = createHash("sha256");
    await pipeline(createReadStream(file.path), digest);
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
    throwIfAborted(opts.signal);
    uris[channel.name] = await uploadChannel(channel.name, source.path, opts);
  }
  return uris;
}
async function uploadChannel(name, root, opts) {
  const files = await listChannelFiles(root);
  if (files.length === 0) throw new Error(`Channel ${name}: ${root} holds no files to upload`);
  const hash = (await hashChannelFiles(files)).slice(0, 16);
  const prefix = joinS3Key(opts.output.key, "_channels", `${name}-${hash}`);
  const marker = `${prefix}.complete`;
  const uri = `${s3Uri(opts.output.bucket, prefix)}/`;
  const client = await opts.s3();
  const { HeadObjectCommand, PutObjectCommand } = await import("./dist-es-6PQYVZUJ.js");
  try {
    await client.send(new HeadObjectCommand({ Bucket: opts.output.bucket, Key: marker }), { abortSignal: opts.signal });
    opts.logger.info(`Channel ${name}: ${root} is unchanged, already at ${uri}`);
    return uri;
  } catch (err) {
    const status = err.$metadata?.httpStatusCode;
    const missing = awsErrorName(err) === "NotFound" || status === 404 || status === 403;
    if (!missing) throw err;
    if (status === 403) opts.logger.debug(`Channel ${name}: HeadObject ${marker} was denied; uploading`);
  }
  opts.logger.info(`Channel ${name}: uploading ${files.length} file(s) from ${root} to ${uri}`);
  for (const file of files) {
    throwIfAborted(opts.signal);
    await uploadStream(client, {
      bucket: opts.output.bucket,
      key: `${prefix}/${file.key}`,
      body: createReadStream(file.path)
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

export {
  uploadLocalChannels
};
