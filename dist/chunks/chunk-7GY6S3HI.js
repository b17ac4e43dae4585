import {
  resolveContext,
  walkContext
} from "./chunk-SPTEJLOZ.js";
import {
  addEntry
} from "./chunk-SO5CUFW3.js";
import {
  require_tar_stream
} from "./chunk-HOY3A64H.js";
import {
  messageOf
} from "./chunk-OEPHYHQN.js";
import {
  __toESM
} from "./chunk-7VZ5H7B6.js";

// src/image/context-tar.ts
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { createReadStream } from "node:fs";
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

export {
  readJsonLines,
  buildLocalImage
};
