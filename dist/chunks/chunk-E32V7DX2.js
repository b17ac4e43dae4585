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
var chunk_E32V7DX2_exports = {};
__export(chunk_E32V7DX2_exports, {
  DockerStreamDemuxer: () => DockerStreamDemuxer,
  cleanupLocalRun: () => cleanupLocalRun,
  followContainerOutput: () => followContainerOutput,
  removeContainer: () => removeContainer,
  removeNetwork: () => removeNetwork
});
module.exports = __defProp(chunk_E32V7DX2_exports, "__esModule", { value: true });
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_node_string_decoder = require("node:string_decoder");
function statusOf(err) {
  return typeof err === "object" && err !== null ? err.statusCode : void 0;
}
async function removeContainer(docker, id, logger) {
  try {
    await docker.getContainer(id).remove({ force: true, v: true });
    logger.debug(`Removed container ${id.slice(0, 12)}`);
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 409) return;
    logger.warning(`Could not remove container ${id.slice(0, 12)}: ${err.message}`);
  }
}
async function removeNetwork(docker, id, logger) {
  try {
    await docker.getNetwork(id).remove();
    logger.debug(`Removed network ${id.slice(0, 12)}`);
  } catch (err) {
    if (statusOf(err) === 404) return;
    logger.warning(`Could not remove network ${id.slice(0, 12)}: ${err.message}`);
  }
}
async function cleanupLocalRun(docker, state, logger) {
  try {
    const containers = (state.containers ?? []).map((id) => id.trim()).filter((id) => id !== "");
    await Promise.all(containers.map((id) => removeContainer(docker, id, logger)));
    if (state.network) await removeNetwork(docker, state.network, logger);
  } catch (err) {
    logger.warning(`Cleanup of the local run failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  }
}
var KINDS = { 0: "stdin", 1: "stdout", 2: "stderr" };
var DockerStreamDemuxer = class {
  constructor(onPayload) {
    this.onPayload = onPayload;
  }
  onPayload;
  pending = [];
  pendingBytes = 0;
  frame;
  raw = false;
  push(chunk) {
    if (this.raw) {
      this.onPayload("stdout", chunk);
      return;
    }
    let offset = 0;
    while (offset < chunk.length) {
      if (this.frame) {
        const take = Math.min(this.frame.remaining, chunk.length - offset);
        this.onPayload(this.frame.kind, chunk.subarray(offset, offset + take));
        this.frame.remaining -= take;
        offset += take;
        if (this.frame.remaining === 0) this.frame = void 0;
        continue;
      }
      const need = 8 - this.pendingBytes;
      const piece = chunk.subarray(offset, offset + need);
      this.pending.push(piece);
      this.pendingBytes += piece.length;
      offset += piece.length;
      if (this.pendingBytes < 8) return;
      const header = Buffer.concat(this.pending, 8);
      this.pending = [];
      this.pendingBytes = 0;
      const kind = KINDS[header[0] ?? -1];
      if (!kind || header[1] !== 0 || header[2] !== 0 || header[3] !== 0) {
        this.raw = true;
        this.onPayload("stdout", Buffer.concat([header, chunk.subarray(offset)]));
        return;
      }
      const size = header.readUInt32BE(4);
      if (size > 0) this.frame = { kind, remaining: size };
    }
  }
  /** Bytes of an unfinished header at the end of the stream (only a raw stream shorter than 8 bytes has them). */
  end() {
    if (this.pendingBytes > 0) this.onPayload("stdout", Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }
};
var MAX_LINE_CHARS = 64 * 1024;
var LineSplitter = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  decoder = new import_node_string_decoder.StringDecoder("utf8");
  partial = "";
  push(chunk) {
    const text = this.partial + this.decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      this.emit(text.slice(start, nl));
      start = nl + 1;
    }
    this.partial = text.slice(start);
    while (this.partial.length > MAX_LINE_CHARS) {
      this.onLine(this.partial.slice(0, MAX_LINE_CHARS));
      this.partial = this.partial.slice(MAX_LINE_CHARS);
    }
  }
  /** Emits the last line when the stream ended without a newline. */
  flush() {
    const rest = this.partial + this.decoder.end();
    this.partial = "";
    if (rest !== "") this.emit(rest);
  }
  emit(line) {
    this.onLine(line.endsWith("\r") ? line.slice(0, -1) : line);
  }
};
function followContainerOutput(stream, onLine) {
  const splitters = {
    stdin: new LineSplitter((line) => onLine(line, "stdin")),
    stdout: new LineSplitter((line) => onLine(line, "stdout")),
    stderr: new LineSplitter((line) => onLine(line, "stderr"))
  };
  const demuxer = new DockerStreamDemuxer((kind, payload) => splitters[kind].push(payload));
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      demuxer.end();
      for (const splitter of Object.values(splitters)) splitter.flush();
      resolve();
    };
    stream.on("data", (chunk) => demuxer.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk));
    stream.once("end", finish);
    stream.once("close", finish);
    stream.once("error", finish);
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  DockerStreamDemuxer,
  cleanupLocalRun,
  followContainerOutput,
  removeContainer,
  removeNetwork
});
