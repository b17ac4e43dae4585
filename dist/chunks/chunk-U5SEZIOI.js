import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  listChannelFiles
} from "./chunk-F5AZXM46.js";
import {
  throwIfAborted
} from "./chunk-JNQNZV5F.js";
import {
  awsErrorName
} from "./chunk-GTVDIZ7E.js";
import {
  joinS3Key,
  s3Uri,
  uploadStream
} from "./chunk-RBPMM6CA.js";

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
  const { HeadObjectCommand, PutObjectCommand } = await import("./dist-es-53HMS7LL.js");
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
