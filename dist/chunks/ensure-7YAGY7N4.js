import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  require_ignore
} from "./chunk-2LTHJ3JV.js";
import {
  parseEcrHost
} from "./chunk-GTZ6UQXR.js";
import {
  addEntry,
  require_tar_stream
} from "./chunk-IX6OCSS3.js";
import {
  sleep
} from "./chunk-JNQNZV5F.js";
import {
  parseImageReference
} from "./chunk-AGW3FMZB.js";
import {
  RedactingLogger
} from "./chunk-7CYAUQXO.js";
import {
  messageOf
} from "./chunk-H2G727SZ.js";
import {
  clientConfig
} from "./chunk-RV6NU5IZ.js";
import {
  __toESM
} from "./chunk-DPCXCUBM.js";

// src/image/ensure.ts
import { execFile as execFile2 } from "node:child_process";

// src/image/context-tar.ts
var import_dockerignore = __toESM(require_ignore(), 1);
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
var ignore = import_dockerignore.default.default;
function cleanPattern(pattern) {
  const out = [];
  for (const segment of pattern.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return out.join("/");
}
function parseDockerignore(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
}
function contextFilter(patterns, dockerfileRel) {
  const base = ignore().add(patterns);
  const keep = [".dockerignore", ...dockerfileRel ? [dockerfileRel] : []].filter((p) => base.ignores(p));
  const ig = keep.length > 0 ? ignore().add([...patterns, ...keep.map((p) => `!${p}`)]) : base;
  const exceptions = [...patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1)), ...keep].map(
    (p) => `${cleanPattern(p.trim())}/`
  );
  return {
    excludes: (relPath) => ig.ignores(relPath),
    hasExceptions: exceptions.length > 0,
    entersExcluded: (relDir) => exceptions.some((p) => p.startsWith(`${relDir}/`))
  };
}
async function* walkContext(opts) {
  const prefix = opts.prefix ?? "";
  const names = (await readdir(opts.dir).catch((err) => {
    throw new Error(`Cannot read the folder ${opts.dir} in the build context: ${err.code ?? err.message}`);
  })).sort();
  for (const name of names) {
    const rel = prefix + name;
    const full = join(opts.dir, name);
    const stat = await lstat(full);
    const excluded = opts.skip.has(rel) || opts.filter.excludes(rel);
    const base = { rel, full, mode: stat.mode & 4095, size: 0, mtime: stat.mtime };
    if (stat.isDirectory()) {
      if (excluded && !opts.filter.entersExcluded(rel)) continue;
      if (!excluded) yield { ...base, type: "directory" };
      yield* walkContext({ ...opts, dir: full, prefix: `${rel}/` });
      continue;
    }
    if (excluded) continue;
    if (stat.isFile()) yield { ...base, type: "file", size: stat.size };
    else if (stat.isSymbolicLink()) yield { ...base, type: "symlink", linkname: await readlink(full) };
  }
}
async function addTree(opts) {
  for await (const entry of walkContext(opts)) {
    const header = { name: entry.rel, ...meta(entry) };
    if (entry.type === "directory") await addEntry(opts.pack, { ...header, name: `${entry.rel}/`, type: "directory" });
    else if (entry.type === "symlink") {
      await addEntry(opts.pack, { ...header, type: "symlink", linkname: entry.linkname ?? "" });
    } else {
      const body = createReadStream(entry.full, { highWaterMark: 1024 * 1024 });
      await addEntry(opts.pack, { ...header, type: "file", size: entry.size }, body);
    }
  }
}
function meta(entry) {
  return { mode: entry.mode, mtime: entry.mtime, uid: 0, gid: 0 };
}
async function resolveContext(opts) {
  const context = resolve(opts.context);
  const dockerfilePath = resolve(context, opts.dockerfile);
  const contextStat = await lstat(context).catch(() => void 0);
  if (!contextStat?.isDirectory()) throw new Error(`Build context ${context} is not a folder`);
  const dockerfileBody = await readFile(dockerfilePath).catch((err) => {
    throw new Error(`Cannot read the Dockerfile ${dockerfilePath}: ${err.code ?? err.message}`);
  });
  const ignoreText = await readFile(join(context, ".dockerignore"), "utf8").catch(() => void 0);
  const rel = relative(context, dockerfilePath);
  const inside = rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
  const dockerfileName = inside ? rel.split(sep).join("/") : `.dockerfile.${randomBytes(10).toString("hex")}`;
  const filter = contextFilter(parseDockerignore(ignoreText ?? ""), inside ? dockerfileName : void 0);
  return {
    context,
    dockerfilePath,
    dockerfileBody,
    dockerfileName,
    inside,
    ...ignoreText !== void 0 ? { ignoreText } : {},
    filter,
    skip: new Set(inside ? [] : [".dockerignore"])
  };
}
async function createContextTar(opts) {
  const resolved = await resolveContext(opts);
  const { dockerfileName, inside, ignoreText, dockerfileBody } = resolved;
  const pack = import_tar_stream.default.pack();
  const fill = async () => {
    await addTree({ pack, dir: resolved.context, filter: resolved.filter, skip: resolved.skip });
    if (!inside) {
      const mtime = /* @__PURE__ */ new Date();
      await addEntry(pack, { name: dockerfileName, type: "file", mode: 420, mtime }, dockerfileBody);
      const ignoreBody = Buffer.from(`${ignoreText ?? ""}
${dockerfileName}
`);
      await addEntry(pack, { name: ".dockerignore", type: "file", mode: 420, mtime }, ignoreBody);
    }
    pack.finalize();
  };
  fill().catch((err) => pack.destroy(err));
  return { stream: pack, dockerfileName };
}

// src/image/json-lines.ts
async function readJsonLines(stream, onMessage, onText) {
  let buffered = "";
  const parse = (line) => {
    const text = line.trim();
    if (text === "") return;
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      onText?.(text);
      return;
    }
    onMessage(message);
  };
  for await (const chunk of stream) {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    lines.forEach(parse);
  }
  parse(buffered);
}

// src/image/build-local.ts
var TAIL_LINES = 20;
var STEP = /^Step \d+\/\d+ : /;
var NOISE = /^( ---> |Removing intermediate container |Successfully (built|tagged) )/;
var SGR = /\u001b\[[0-9;]*m/g;
var BuildProgress = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  imageId;
  error;
  step;
  tail = [];
  partial = "";
  push(message) {
    if (message.aux?.ID) this.imageId = message.aux.ID;
    if (message.stream !== void 0) this.pushText(message.stream);
    else if (message.status !== void 0) this.line(message.status);
    if (message.error !== void 0 || message.errorDetail?.message !== void 0) {
      this.flush();
      this.error = (message.errorDetail?.message ?? message.error ?? "").trim();
    }
  }
  flush() {
    if (this.partial !== "") this.line(this.partial);
    this.partial = "";
  }
  /** The error to throw: the failing step, the engine's message and the step's last output lines. */
  failureMessage(tag) {
    const where = this.step ? ` at ${this.step}` : "";
    const lines = this.tail.length > 0 ? `
Last output lines:
${this.tail.map((l) => `  ${l}`).join("\n")}` : "";
    return `Image build of ${tag} failed${where}: ${this.error ?? "unknown error"}${lines}`;
  }
  pushText(text) {
    const parts = (this.partial + text).split("\n");
    this.partial = parts.pop() ?? "";
    for (const part of parts) this.line(part.replace(/\r$/, ""));
  }
  line(raw) {
    const line = raw.replace(SGR, "");
    this.onLine(line);
    if (STEP.test(line)) {
      this.step = line.replace(/ : /, ": ").trim();
      this.tail = [];
    } else if (line.trim() !== "" && !NOISE.test(line)) {
      this.tail.push(line);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
    }
  }
};
function buildOptions(opts) {
  const { spec } = opts;
  return {
    t: opts.tag,
    dockerfile: opts.dockerfileName,
    rm: true,
    forcerm: true,
    ...Object.keys(spec.buildArgs).length > 0 ? { buildargs: spec.buildArgs } : {},
    ...spec.target ? { target: spec.target } : {},
    ...spec.platform ? { platform: spec.platform } : {},
    ...opts.labels && Object.keys(opts.labels).length > 0 ? { labels: opts.labels } : {}
  };
}
async function buildLocalImage(opts) {
  const { docker, spec, tag, logger } = opts;
  return logger.group(`Build image ${tag}`, async () => {
    const context = await createContextTar({ context: spec.context, dockerfile: spec.dockerfile });
    const options = buildOptions({ spec, tag, dockerfileName: context.dockerfileName, labels: opts.labels });
    let response;
    try {
      response = await docker.buildImage(context.stream, {
        ...options,
        ...opts.signal ? { abortSignal: opts.signal } : {}
      });
    } catch (err) {
      context.stream.destroy();
      throw new Error(`Image build of ${tag} could not start: ${messageOf(err)}`);
    }
    const progress = new BuildProgress((line) => logger.info(line));
    await readJsonLines(
      response,
      (message) => progress.push(message),
      (text) => progress.push({ stream: `${text}
` })
    );
    progress.flush();
    opts.signal?.throwIfAborted();
    if (progress.error !== void 0) throw new Error(progress.failureMessage(tag));
    const imageId = progress.imageId ?? (await docker.getImage(tag).inspect()).Id;
    logger.info(`Built ${tag} (${imageId})`);
    return { imageId, tag };
  });
}

// src/image/content-hash.ts
import { createHash } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/image/git-ids.ts
import { execFile } from "node:child_process";
var TIMEOUT_MS = 3e4;
var runGit = (args, opts) => new Promise((resolve3, reject) => {
  const child = execFile(
    "git",
    args,
    {
      cwd: opts.cwd,
      encoding: "utf8",
      timeout: TIMEOUT_MS,
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" }
    },
    (err, stdout, stderr) => {
      if (!err) resolve3(stdout);
      else reject(new Error(`git ${args[0] ?? ""}: ${stderr.trim().split("\n")[0] || err.message}`));
    }
  );
  child.stdin?.on("error", () => void 0);
  child.stdin?.end(opts.input ?? "");
});
function fields(out) {
  const parts = out.split("\0");
  if (parts.at(-1) === "") parts.pop();
  return parts;
}
function parseStage(out) {
  return fields(out).flatMap((record) => {
    const match = /^(\S+) (\d+) ([0-9a-f]+) (\d+)\t(.*)$/s.exec(record);
    if (!match) return [];
    const [, tag = "", mode = "", id = "", stage = "", path = ""] = match;
    return [{ tag, mode, id, stage, path }];
  });
}
function parseAttributes(out) {
  const parts = fields(out);
  const byPath = /* @__PURE__ */ new Map();
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const [path = "", attr = "", value = ""] = parts.slice(i, i + 3);
    const attrs = byPath.get(path) ?? /* @__PURE__ */ new Map();
    attrs.set(attr, value);
    byPath.set(path, attrs);
  }
  return byPath;
}
function conversionOf(attrs, autocrlf) {
  const get = (name) => attrs?.get(name) ?? "unspecified";
  if (get("ident") === "set" || get("working-tree-encoding") !== "unspecified") return "unsafe";
  const filter = get("filter");
  if (filter === "lfs") return "lfs";
  if (filter !== "unspecified" && filter !== "unset") return "unsafe";
  const text = get("text");
  if (text === "unset") return "none";
  if (text !== "unspecified" || get("eol") !== "unspecified" || autocrlf !== "false") return "eol";
  return "none";
}
function parseAutocrlf(value) {
  const v = value.trim().toLowerCase();
  if (v === "input") return "input";
  return ["true", "yes", "on", "1"].includes(v) ? "true" : "false";
}
async function cleanBlobIds(context, opts = {}) {
  const git = opts.git ?? runGit;
  try {
    const [staged, dirty, autocrlf] = await Promise.all([
      git(["ls-files", "-s", "-v", "-z", "--", "."], { cwd: context }),
      git(["ls-files", "-m", "-d", "-z", "--", "."], { cwd: context }),
      // Exit status 1 when it is not set.
      git(["config", "--get", "core.autocrlf"], { cwd: context }).then(parseAutocrlf, () => "false")
    ]);
    const modified = new Set(fields(dirty));
    const candidates = parseStage(staged).filter(
      (e) => e.tag === "H" && e.stage === "0" && (e.mode === "100644" || e.mode === "100755") && !modified.has(e.path)
    );
    if (candidates.length === 0) return /* @__PURE__ */ new Map();
    const attrs = parseAttributes(
      await git(["check-attr", "-z", "--stdin", "eol", "text", "filter", "ident", "working-tree-encoding"], {
        cwd: context,
        input: candidates.map((e) => `${e.path}\0`).join("")
      })
    );
    const ids = /* @__PURE__ */ new Map();
    const sized = [];
    for (const e of candidates) {
      const conversion = conversionOf(attrs.get(e.path), autocrlf);
      if (conversion === "none") ids.set(e.path, { id: e.id });
      else if (conversion !== "unsafe") sized.push({ path: e.path, id: e.id, equal: conversion === "eol" });
    }
    if (sized.length > 0) {
      const out = await git(["cat-file", "--batch-check=%(objectname) %(objectsize)"], {
        cwd: context,
        input: sized.map((s) => `${s.id}
`).join("")
      });
      const sizes = new Map(
        out.split("\n").map((line) => line.split(" ")).filter((p) => p.length === 2 && /^\d+$/.test(p[1] ?? "")).map(([id = "", size = ""]) => [id, Number(size)])
      );
      for (const s of sized) {
        const blob = sizes.get(s.id);
        if (blob !== void 0) ids.set(s.path, { id: s.id, sizeCheck: { blob, equal: s.equal } });
      }
    }
    return ids;
  } catch (err) {
    const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
    opts.debug?.(`Build context ${context}: no git ids (${detail}); every file is hashed by content`);
    return void 0;
  }
}
function usableBlobId(blob, size) {
  if (!blob) return void 0;
  if (blob.sizeCheck && blob.sizeCheck.blob === size !== blob.sizeCheck.equal) return void 0;
  return blob.id;
}

// src/image/content-hash.ts
var VERSION = "sagemaker-train/context/v1";
var CONCURRENCY = 4;
var CHUNK = 1024 * 1024;
function hashFile(path) {
  return new Promise((resolve3, reject) => {
    const hash = createHash("sha256");
    const stream = createReadStream2(path, { highWaterMark: CHUNK });
    stream.on("data", (chunk) => hash.update(chunk));
    stream.once(
      "error",
      (err) => reject(new Error(`Cannot read ${path} in the build context: ${err.code ?? err.message}`))
    );
    stream.once("end", () => resolve3(hash.digest("hex")));
  });
}
function entryLine(entry, contentHash) {
  const mode = entry.mode.toString(8);
  if (entry.type === "directory") return `d ${JSON.stringify(entry.rel)} ${mode}
`;
  if (entry.type === "symlink") return `l ${JSON.stringify(entry.rel)} ${mode} ${JSON.stringify(entry.linkname)}
`;
  return `f ${JSON.stringify(entry.rel)} ${mode} ${entry.size} ${contentHash ?? ""}
`;
}
async function hashBuildContext(spec, opts = {}) {
  const gitIds = opts.git === false ? Promise.resolve(void 0) : cleanBlobIds(resolve2(spec.context), { ...opts.git ? { git: opts.git } : {}, ...debugOf(opts) });
  const resolved = await resolveContext(spec);
  const blobIds = await gitIds;
  const total = createHash("sha256");
  total.update(`${VERSION}
`);
  total.update(`platform ${JSON.stringify(spec.platform)}
`);
  total.update(`target ${JSON.stringify(spec.target ?? "")}
`);
  for (const key of Object.keys(spec.buildArgs).sort()) {
    total.update(`arg ${JSON.stringify(key)}=${JSON.stringify(spec.buildArgs[key])}
`);
  }
  const dockerfileHash = createHash("sha256").update(resolved.dockerfileBody).digest("hex");
  total.update(
    `dockerfile ${resolved.inside ? JSON.stringify(resolved.dockerfileName) : "(outside)"} ${dockerfileHash}
`
  );
  const limit = Math.max(1, opts.concurrency ?? CONCURRENCY);
  const pending = [];
  let files = 0;
  let bytes = 0;
  let readBytes = 0;
  let gitFiles = 0;
  const foldFirst = async () => {
    const first = pending.shift();
    if (first) total.update(await first);
  };
  try {
    for await (const entry of walkContext({ dir: resolved.context, filter: resolved.filter, skip: resolved.skip })) {
      if (entry.type === "file") {
        files++;
        bytes += entry.size;
        const blobId = usableBlobId(blobIds?.get(entry.rel), entry.size);
        if (blobId !== void 0) {
          gitFiles++;
          pending.push(Promise.resolve(entryLine(entry, `git:${blobId}`)));
        } else {
          readBytes += entry.size;
          const line = hashFile(entry.full).then((h) => entryLine(entry, h));
          line.catch(() => void 0);
          pending.push(line);
        }
      } else {
        pending.push(Promise.resolve(entryLine(entry)));
      }
      while (pending.length >= limit) await foldFirst();
    }
    while (pending.length > 0) await foldFirst();
  } catch (err) {
    await Promise.allSettled(pending);
    throw err;
  }
  const hex = total.digest("hex");
  return { digest: `sha256:${hex}`, tag: `ctx-${hex.slice(0, 16)}`, files, bytes, readBytes, gitFiles };
}
function debugOf(opts) {
  return opts.debug ? { debug: opts.debug } : {};
}

// src/image/push.ts
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
var PushProgress = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  digest;
  error;
  layers = { pushed: 0, present: 0, bytes: 0 };
  sizes = /* @__PURE__ */ new Map();
  push(message) {
    if (message.aux?.Digest) this.digest = message.aux.Digest;
    if (message.error !== void 0 || message.errorDetail?.message !== void 0) {
      this.error = (message.errorDetail?.message ?? message.error ?? "").trim();
      return;
    }
    const { id, status } = message;
    if (!id || !status) return;
    const total = message.progressDetail?.total;
    if (status === "Pushing" && total !== void 0 && total > 0) this.sizes.set(id, total);
    const size = this.sizes.get(id);
    const sized = size !== void 0 ? ` (${formatBytes(size)})` : "";
    if (status === "Pushed") {
      this.layers.pushed++;
      this.layers.bytes += size ?? 0;
      this.onLine(`layer ${id}: pushed${sized}`);
    } else if (status === "Layer already exists") {
      this.layers.present++;
      this.onLine(`layer ${id}: already present`);
    } else if (status.startsWith("Mounted from")) {
      this.layers.present++;
      this.onLine(`layer ${id}: ${status.toLowerCase()}`);
    }
  }
};
var TRANSIENT = /(timeout|timed out|connection reset|ECONNRESET|ECONNREFUSED|EPIPE|broken pipe|i\/o timeout|EOF|50[0234]|Service Unavailable|Bad Gateway|Gateway Time|Internal Server Error|TooManyRequests|429|try again)/i;
var REFUSAL = /(denied|unauthorized|authentication required|no basic auth credentials|forbidden|name unknown|immutable|tag invalid|already exists)/i;
function isTransientPushError(message) {
  return TRANSIENT.test(message) && !REFUSAL.test(message);
}
async function pushOnce(opts, serveraddress) {
  const { docker, repository, tag, logger } = opts;
  const authconfig = opts.credentials ? { username: opts.credentials.username, password: opts.credentials.password, serveraddress } : { serveraddress };
  let stream;
  try {
    stream = await docker.getImage(repository).push({
      tag,
      authconfig,
      ...opts.signal ? { abortSignal: opts.signal } : {}
    });
  } catch (err) {
    throw new Error(`The push of ${repository}:${tag} could not start: ${messageOf(err)}`);
  }
  const progress = new PushProgress((line) => logger.info(line));
  await readJsonLines(stream, (message) => progress.push(message));
  opts.signal?.throwIfAborted();
  if (progress.error !== void 0)
    throw new Error(`The registry refused the push of ${repository}:${tag}: ${progress.error}`);
  if (!progress.digest) throw new Error(`The push of ${repository}:${tag} ended without a digest`);
  return { digest: progress.digest, progress };
}
async function pushImage(opts) {
  const attempts = Math.max(1, opts.attempts ?? 3);
  const sleep2 = opts.sleep ?? sleep;
  const serveraddress = opts.repository.split("/")[0] ?? opts.repository;
  for (let attempt = 1; ; attempt++) {
    try {
      const { digest, progress } = await pushOnce(opts, serveraddress);
      const { pushed, present, bytes } = progress.layers;
      opts.logger.info(
        `Pushed ${opts.repository}:${opts.tag} (${digest}): ${pushed} layer(s) pushed (${formatBytes(bytes)}), ${present} already present`
      );
      return { digest };
    } catch (err) {
      const message = messageOf(err);
      if (opts.signal?.aborted || attempt >= attempts || !isTransientPushError(message)) throw err;
      const delay = 2e3 * 2 ** (attempt - 1);
      opts.logger.warning(`Push attempt ${attempt} of ${attempts} failed (${message}); retrying in ${delay / 1e3} s`);
      await sleep2(delay, opts.signal);
    }
  }
}

// src/image/registry.ts
var MANIFEST_ACCEPT = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
].join(", ");
function isInsecureByDefault(host) {
  const name = host.replace(/:\d+$/, "");
  return name === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(name) || name === "[::1]";
}
var RegistryError = class extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
    this.name = "RegistryError";
  }
  status;
};
function parseChallenge(header) {
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!match) return void 0;
  const params = {};
  const re = /(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let m = re.exec(match[2] ?? ""); m; m = re.exec(match[2] ?? "")) {
    params[(m[1] ?? "").toLowerCase()] = m[2] !== void 0 ? m[2].replace(/\\(.)/g, "$1") : m[3] ?? "";
  }
  return { scheme: (match[1] ?? "").toLowerCase(), params };
}
function basic(credentials) {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}
function messageOf2(err) {
  if (err instanceof Error) {
    const cause = err.cause;
    return cause instanceof Error ? `${err.message} (${cause.message})` : err.message;
  }
  return String(err);
}
var RegistryClient = class {
  constructor(options) {
    this.options = options;
    const insecure = options.insecure ?? isInsecureByDefault(options.host);
    const apiHost = ["docker.io", "index.docker.io"].includes(options.host) ? "registry-1.docker.io" : options.host;
    this.base = `${insecure ? "http" : "https"}://${apiHost}`;
    this.fetch = options.fetch ?? fetch;
  }
  options;
  base;
  fetch;
  authorization;
  /** The digest `name:reference` points to, or undefined when the registry does not have it. */
  async manifestDigest(name, reference) {
    const url = `${this.base}/v2/${name}/manifests/${encodeURIComponent(reference)}`;
    const response = await this.request(url, "HEAD", name);
    if (response.status === 404) return void 0;
    if (response.ok) {
      const digest = response.headers.get("docker-content-digest");
      if (!digest) throw new RegistryError(`${this.options.host} answered ${name}:${reference} without a digest`);
      return digest;
    }
    throw new RegistryError(
      `${this.options.host} answered HTTP ${response.status} for ${name}:${reference}`,
      response.status
    );
  }
  /**
   * Gives the manifest `digest` a second tag through the API (GET it, PUT it under `tag`): what `docker tag` + `docker
   * push` would do, without the engine walking the layers again.
   */
  async tagManifest(name, digest, tag) {
    const base = `${this.base}/v2/${name}/manifests/`;
    const got = await this.request(`${base}${digest}`, "GET", name);
    if (!got.ok) throw new RegistryError(`${this.options.host} answered HTTP ${got.status} for ${name}@${digest}`);
    const type = got.headers.get("content-type") ?? "application/vnd.docker.distribution.manifest.v2+json";
    const body = Buffer.from(await got.arrayBuffer());
    const put = await this.request(`${base}${encodeURIComponent(tag)}`, "PUT", name, { type, body });
    if (!put.ok) {
      const detail = (await put.text().catch(() => "")).trim().slice(0, 300);
      throw new RegistryError(
        `${this.options.host} refused the tag ${name}:${tag} (HTTP ${put.status})${detail ? `: ${detail}` : ""}`,
        put.status
      );
    }
  }
  async request(url, method, name, upload) {
    const send = (authorization) => this.fetch(url, {
      method,
      headers: {
        Accept: MANIFEST_ACCEPT,
        ...upload ? { "Content-Type": upload.type } : {},
        ...authorization ? { Authorization: authorization } : {}
      },
      ...upload ? { body: upload.body } : {},
      redirect: "follow",
      ...this.options.signal ? { signal: this.options.signal } : {}
    }).catch((err) => {
      throw new RegistryError(`Cannot reach the registry ${this.options.host}: ${messageOf2(err)}`);
    });
    let response = await send(this.authorization);
    if (response.status !== 401) return response;
    const challenge = parseChallenge(response.headers.get("www-authenticate") ?? "");
    if (challenge?.scheme === "bearer") this.authorization = await this.bearer(challenge, name, upload !== void 0);
    else if (challenge?.scheme === "basic") {
      if (!this.options.credentials) throw this.authError(name, "it asks for a user name and password");
      this.authorization = basic(this.options.credentials);
    } else throw this.authError(name, "it refused the request without saying how to authenticate");
    response = await send(this.authorization);
    if (response.status === 401 || response.status === 403) {
      throw this.authError(
        name,
        this.options.credentials ? "it refused the credentials given" : "it needs credentials",
        response.status
      );
    }
    return response;
  }
  /** The token flow: GET realm?service=…&scope=repository:<name>:pull(,push), with Basic credentials if any. */
  async bearer(challenge, name, push = false) {
    const realm = challenge.params.realm;
    if (!realm) throw this.authError(name, "its Bearer challenge names no token service");
    const url = new URL(realm);
    if (challenge.params.service) url.searchParams.set("service", challenge.params.service);
    url.searchParams.set("scope", challenge.params.scope ?? `repository:${name}:${push ? "pull,push" : "pull"}`);
    const response = await this.fetch(url, {
      headers: this.options.credentials ? { Authorization: basic(this.options.credentials) } : {},
      ...this.options.signal ? { signal: this.options.signal } : {}
    }).catch((err) => {
      throw new RegistryError(`Cannot reach the token service ${url.origin}: ${messageOf2(err)}`);
    });
    if (response.status === 401 || response.status === 403) {
      throw this.authError(name, "its token service refused the credentials given", response.status);
    }
    if (!response.ok) {
      throw new RegistryError(`The token service ${url.origin} answered HTTP ${response.status}`, response.status);
    }
    const body = await response.json().catch(() => ({}));
    const token = typeof body.token === "string" ? body.token : body.access_token;
    if (typeof token !== "string" || token === "") {
      throw new RegistryError(`The token service ${url.origin} returned no token`);
    }
    this.options.mask?.(token);
    return `Bearer ${token}`;
  }
  authError(name, why, status = 401) {
    const hint = this.options.credentials ? "" : " (set image.registry-username and image.registry-password-env, or the registry-username and registry-password inputs)";
    return new RegistryError(
      `Authentication to the registry ${this.options.host} failed for ${name}: ${why}${hint}`,
      status
    );
  }
};

// src/image/ensure.ts
function gitHead(cwd) {
  return new Promise((resolve3) => {
    execFile2("git", ["rev-parse", "HEAD"], { cwd, timeout: 5e3 }, (err, stdout) => {
      const sha = String(stdout).trim();
      resolve3(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : void 0);
    });
  });
}
async function defaultEcr(region) {
  const { ECRClient } = await import("./dist-es-SNKW3RMF.js");
  return new ECRClient(clientConfig(region));
}
function imageLabels(env, revision) {
  const server = env.GITHUB_SERVER_URL?.trim();
  const repository = env.GITHUB_REPOSITORY?.trim();
  return {
    ...revision ? { "org.opencontainers.image.revision": revision } : {},
    ...server && repository ? { "org.opencontainers.image.source": `${server.replace(/\/+$/, "")}/${repository}` } : {}
  };
}
function parseRepository(repository) {
  const ref = parseImageReference(repository);
  if ("problem" in ref) throw new Error(`The image repository "${repository}" ${ref.problem}`);
  if (ref.tag !== void 0 || ref.digest !== void 0) {
    throw new Error(`The image repository "${repository}" must not include a tag or digest`);
  }
  if (ref.registry === void 0) {
    throw new Error(
      `The image repository "${repository}" must include the registry host, such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/${ref.path}`
    );
  }
  return { registry: ref.registry, path: ref.path };
}
function engineOf(opts) {
  let engine;
  return () => engine ??= typeof opts.docker === "function" ? opts.docker() : Promise.resolve(opts.docker);
}
async function engineHas(docker, ref) {
  try {
    await docker.getImage(ref).inspect();
    return true;
  } catch (err) {
    if (err.statusCode === 404) return false;
    throw err;
  }
}
async function tagInEngine(docker, source, target) {
  const colon = target.lastIndexOf(":");
  await docker.getImage(source).tag({ repo: target.slice(0, colon), tag: target.slice(colon + 1) });
}
async function registryCredentials(opts, registry, path, mask) {
  const { spec, env } = opts;
  const ecrRegistry = parseEcrHost(registry);
  if (ecrRegistry) {
    const [client, { ecrCredentials, ensureEcrRepository }] = await Promise.all([
      (opts.ecr ?? defaultEcr)(ecrRegistry.region),
      import("./ecr-2QCE35ME.js")
    ]);
    const credentials = await ecrCredentials({ client, registry: ecrRegistry, mask });
    if (spec.createRepository) {
      await ensureEcrRepository({
        client,
        registry: ecrRegistry,
        name: path,
        immutableTags: spec.immutableTags === true,
        logger: opts.logger
      });
    }
    return { credentials, ecr: client };
  }
  if (spec.registryUsername === void 0) return {};
  const variable = spec.registryPasswordEnv;
  if (variable === void 0) {
    throw new Error(
      "image.registry-username is set but no password: set image.registry-password-env (or the registry-password input)"
    );
  }
  const password = env[variable];
  if (password === void 0 || password === "") {
    throw new Error(`The registry password variable ${variable} (image.registry-password-env) is empty or not set`);
  }
  mask(password);
  return { credentials: { username: spec.registryUsername, password } };
}
async function buildLabels(opts) {
  const given = opts.revision ? await opts.revision() : opts.env.GITHUB_SHA?.trim() || void 0;
  const revision = given ?? (opts.revision ? void 0 : await gitHead(opts.spec.context));
  return { labels: imageLabels(opts.env, revision), ...revision ? { revision } : {} };
}
async function ensureLocal(opts, content, logger) {
  const docker = await engineOf(opts)();
  const ref = `${opts.localRepository}:${content.tag}`;
  const alias = opts.localAlias ? `${opts.localRepository}:${opts.localAlias}` : void 0;
  let built = false;
  if (!opts.spec.forceBuild && await engineHas(docker, ref)) {
    logger.info(`Image ${ref} is already in the engine (same content): not building it again`);
  } else {
    const { labels } = await buildLabels(opts);
    await (opts.build ?? buildLocalImage)({ docker, spec: opts.spec, tag: ref, logger, labels, ...signalOf(opts) });
    built = true;
  }
  if (alias) await tagInEngine(docker, ref, alias);
  return { uri: alias ?? ref, tag: content.tag, built, pushed: false };
}
function signalOf(opts) {
  return opts.signal ? { signal: opts.signal } : {};
}
async function registryAccess(opts, logger) {
  const { registry, path } = parseRepository(opts.spec.repository ?? "");
  const mask = (secret) => logger.mask(secret);
  const { credentials } = await registryCredentials(opts, registry, path, mask);
  const client = new RegistryClient({
    host: registry,
    ...credentials ? { credentials } : {},
    ...opts.fetch ? { fetch: opts.fetch } : {},
    ...signalOf(opts),
    mask
  });
  return { path, repository: `${registry}/${path}`, ...credentials ? { credentials } : {}, client };
}
async function ensurePushed(opts, content, logger, access) {
  const { spec } = opts;
  const { path, repository, credentials, client } = access;
  if (!spec.forceBuild) {
    const existing = await client.manifestDigest(path, content.tag);
    if (existing) {
      logger.info(
        `Image ${repository}:${content.tag} is already in the registry (${existing}): not building or pushing`
      );
      return { uri: `${repository}@${existing}`, tag: content.tag, built: false, pushed: false, digest: existing };
    }
  }
  const ref = `${repository}:${content.tag}`;
  const docker = await engineOf(opts)();
  const { labels, revision } = await buildLabels(opts);
  await (opts.build ?? buildLocalImage)({ docker, spec, tag: ref, logger, labels, ...signalOf(opts) });
  const revisionTag = revision && /^[0-9a-f]{7,64}$/.test(revision) ? revision : void 0;
  const push = { docker, repository, logger, ...signalOf(opts), ...credentials ? { credentials } : {} };
  const { digest } = await logger.group(`Push ${ref}`, async () => {
    const pushed = await pushImage({ ...push, ...opts.sleep ? { sleep: opts.sleep } : {}, tag: content.tag });
    if (revisionTag) {
      try {
        await client.tagManifest(path, pushed.digest, revisionTag);
        logger.info(`Tagged ${repository}:${revisionTag} (${pushed.digest})`);
      } catch (err) {
        logger.warning(`The commit tag ${revisionTag} was not added: ${messageOf(err)}`);
      }
    }
    return pushed;
  });
  return { uri: `${repository}@${digest}`, tag: content.tag, built: true, pushed: true, digest };
}
async function ensureImage(opts) {
  const logger = new RedactingLogger(opts.logger, opts.mask);
  try {
    if (opts.push && !opts.spec.repository) throw new Error("image.repository is required to push the image");
    if (opts.push) parseRepository(opts.spec.repository ?? "");
    const started = Date.now();
    const debug = (message) => logger.debug(message);
    const hashed = hashBuildContext(opts.spec, { debug }).then((content2) => {
      const mib = (n) => (n / 1024 / 1024).toFixed(1);
      const byGit = content2.gitFiles > 0 ? `, ${content2.gitFiles} by git blob id` : "";
      logger.info(
        `Content tag ${content2.tag}: ${content2.files} file(s), ${mib(content2.bytes)} MiB (${mib(content2.readBytes)} MiB read${byGit}) in ${((Date.now() - started) / 1e3).toFixed(2)} s`
      );
      return content2;
    });
    if (!opts.push) return await ensureLocal(opts, await hashed, logger);
    const [content, access] = await Promise.all([hashed, registryAccess(opts, logger)]);
    opts.signal?.throwIfAborted();
    return await ensurePushed(opts, content, logger, access);
  } catch (err) {
    if (err instanceof Error) {
      err.message = logger.redact(err.message);
      if (err.stack) err.stack = logger.redact(err.stack);
      throw err;
    }
    throw new Error(logger.redact(String(err)));
  }
}
export {
  ensureImage,
  imageLabels,
  parseRepository
};
