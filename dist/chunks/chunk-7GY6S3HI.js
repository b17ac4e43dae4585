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
var chunk_7GY6S3HI_exports = {};
__export(chunk_7GY6S3HI_exports, {
  buildLocalImage: () => buildLocalImage,
  readJsonLines: () => readJsonLines
});
module.exports = __defProp(chunk_7GY6S3HI_exports, "__esModule", { value: true });
var import_chunk_SPTEJLOZ = require("./chunk-SPTEJLOZ.js");
var import_chunk_SO5CUFW3 = require("./chunk-SO5CUFW3.js");
var import_chunk_HOY3A64H = require("./chunk-HOY3A64H.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var import_node_fs = require("node:fs");
var import_tar_stream = (0, import_chunk_7VZ5H7B6.__toESM)((0, import_chunk_HOY3A64H.require_tar_stream)(), 1);
async function addTree(opts) {
  for await (const entry of (0, import_chunk_SPTEJLOZ.walkContext)(opts)) {
    const header = { name: entry.rel, ...meta(entry) };
    if (entry.type === "directory") await (0, import_chunk_SO5CUFW3.addEntry)(opts.pack, { ...header, name: `${entry.rel}/`, type: "directory" });
    else if (entry.type === "symlink") {
      await (0, import_chunk_SO5CUFW3.addEntry)(opts.pack, { ...header, type: "symlink", linkname: entry.linkname ?? "" });
    } else {
      const body = (0, import_node_fs.createReadStream)(entry.full, { highWaterMark: 1024 * 1024 });
      await (0, import_chunk_SO5CUFW3.addEntry)(opts.pack, { ...header, type: "file", size: entry.size }, body);
    }
  }
}
function meta(entry) {
  return { mode: entry.mode, mtime: entry.mtime, uid: 0, gid: 0 };
}
async function createContextTar(opts) {
  const resolved = await (0, import_chunk_SPTEJLOZ.resolveContext)(opts);
  const { dockerfileName, inside, ignoreText, dockerfileBody } = resolved;
  const pack = import_tar_stream.default.pack();
  const fill = async () => {
    await addTree({ pack, dir: resolved.context, filter: resolved.filter, skip: resolved.skip });
    if (!inside) {
      const mtime = /* @__PURE__ */ new Date();
      await (0, import_chunk_SO5CUFW3.addEntry)(pack, { name: dockerfileName, type: "file", mode: 420, mtime }, dockerfileBody);
      const ignoreBody = Buffer.from(`${ignoreText ?? ""}
${dockerfileName}
`);
      await (0, import_chunk_SO5CUFW3.addEntry)(pack, { name: ".dockerignore", type: "file", mode: 420, mtime }, ignoreBody);
    }
    pack.finalize();
  };
  fill().catch((err) => pack.destroy(err));
  return { stream: pack, dockerfileName };
}
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
      throw new Error(`Image build of ${tag} could not start: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
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
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  buildLocalImage,
  readJsonLines
});
