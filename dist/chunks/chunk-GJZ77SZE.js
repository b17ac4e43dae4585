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
var chunk_GJZ77SZE_exports = {};
__export(chunk_GJZ77SZE_exports, {
  CloudWatchLogTail: () => CloudWatchLogTail,
  LogStreamCursor: () => LogStreamCursor,
  drainUntilQuiet: () => drainUntilQuiet,
  hostOfStream: () => hostOfStream,
  pollUntil: () => pollUntil,
  registryImageProblem: () => registryImageProblem
});
module.exports = __defProp(chunk_GJZ77SZE_exports, "__esModule", { value: true });
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var POLL_BACKOFF_CAP_MS = 5 * 6e4;
var POLL_BACKOFF_BASE_MS = 5e3;
async function pollUntil(o) {
  const backoff = { baseMs: POLL_BACKOFF_BASE_MS, capMs: POLL_BACKOFF_CAP_MS, random: o.random };
  const clock = () => o.now().getTime();
  let nextLook = o.firstLookAt;
  let nextLogs = clock();
  let lookFailures = 0;
  let logFailures = 0;
  const { signal } = o;
  try {
    for (; ; ) {
      if (signal.aborted) return { kind: "aborted" };
      let t = clock();
      if (t >= o.deadline) return { kind: "deadline" };
      if (t >= nextLook) {
        try {
          const value = await o.look(signal);
          lookFailures = 0;
          nextLook = t + o.lookEveryMs;
          if (value !== void 0) return { kind: "done", value };
        } catch (err) {
          if ((0, import_chunk_NHSZ5FW5.isAbortError)(err) || signal.aborted) return { kind: "aborted" };
          if ((0, import_chunk_YOYRZ3GA.isTransientError)(err)) {
            const delay = (0, import_chunk_YOYRZ3GA.backoffDelay)(lookFailures++, backoff);
            o.logger.debug(`${o.lookName}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}; next try in ${Math.round(delay / 1e3)} s`);
            nextLook = t + o.lookEveryMs + delay;
          } else if (o.tolerate?.(err, t)) {
            nextLook = t + o.lookEveryMs;
          } else {
            throw err;
          }
        }
      }
      t = clock();
      if (o.readLogs && t >= nextLogs) {
        try {
          await o.readLogs();
          logFailures = 0;
          nextLogs = clock() + o.readLogsEveryMs;
        } catch (err) {
          if ((0, import_chunk_NHSZ5FW5.isAbortError)(err) || signal.aborted) return { kind: "aborted" };
          o.onLogsError(err);
          nextLogs = clock() + o.readLogsEveryMs + (0, import_chunk_YOYRZ3GA.backoffDelay)(logFailures++, backoff);
        }
      }
      const wake = Math.min(nextLook, o.readLogs ? nextLogs : Number.POSITIVE_INFINITY, o.deadline);
      await o.sleep(Math.max(0, wake - clock()), signal);
    }
  } catch (err) {
    if ((0, import_chunk_NHSZ5FW5.isAbortError)(err) || signal.aborted) return { kind: "aborted" };
    throw err;
  }
}
var LogStreamCursor = class {
  constructor(o) {
    this.o = o;
  }
  o;
  /** The forward token to send next; undefined before the first read. */
  token;
  /** Reads at most `maxPages` pages, handing every message on in order; returns the number of events read. */
  async read(maxPages, onMessage) {
    const { GetLogEventsCommand } = await Promise.resolve().then(() => require("./dist-es-GAO4KP5T.js"));
    let events = 0;
    for (let page = 0; page < maxPages; page++) {
      const sent = this.token;
      const response = await this.o.client.send(
        new GetLogEventsCommand({
          logGroupName: this.o.logGroupName,
          logStreamName: this.o.logStreamName,
          startFromHead: true,
          ...sent ? { nextToken: sent } : {}
        }),
        { abortSignal: this.o.signal }
      );
      for (const event of response.events ?? []) {
        if (event.message === void 0) continue;
        events += 1;
        onMessage(event.message.replace(/\r?\n$/, ""));
      }
      if (response.nextForwardToken) this.token = response.nextForwardToken;
      if (!response.nextForwardToken || response.nextForwardToken === sent) break;
    }
    return events;
  }
};
async function drainUntilQuiet(pass, sleep, gapMs, maxPasses) {
  let empty = 0;
  for (let round = 0; round < maxPasses && empty < 2; round++) {
    if (round > 0) await sleep(gapMs);
    empty = await pass() === 0 ? empty + 1 : 0;
  }
}
var CloudWatchLogTail = class {
  constructor(opts) {
    this.opts = opts;
  }
  opts;
  cursors = /* @__PURE__ */ new Map();
  passes = 0;
  /** Names of the streams found so far, in discovery order. */
  get streams() {
    return [...this.cursors.keys()];
  }
  /**
   * While the job runs: looks for new streams (every few passes, and until one is found), then reads one page of every
   * stream; the next pass goes on from there. Returns the events read.
   */
  async poll() {
    const every = Math.max(1, this.opts.discoverEveryPasses ?? 3);
    if (this.cursors.size === 0 || this.passes % every === 0) await this.discover();
    this.passes += 1;
    return this.readAll(1);
  }
  /** Finds new streams, then reads every stream until drained (or the page limit). Returns the events read. */
  async readToEnd() {
    await this.discover();
    return this.readAll(this.opts.maxPagesPerStream ?? 50);
  }
  async readAll(maxPages) {
    let events = 0;
    for (const [stream, cursor] of this.cursors) {
      events += await cursor.read(maxPages, (message) => this.opts.onEvent(stream, message));
    }
    return events;
  }
  /**
   * After the job has ended: polls until two passes in a row read nothing, `gapMs` apart (CloudWatch can deliver the
   * last lines a few seconds late). `sleep` is the caller's abortable sleep.
   */
  async drain(sleep, gapMs, maxPasses = 20) {
    await drainUntilQuiet(() => this.readToEnd(), sleep, gapMs, maxPasses);
  }
  async discover() {
    const { DescribeLogStreamsCommand } = await Promise.resolve().then(() => require("./dist-es-GAO4KP5T.js"));
    let nextToken;
    do {
      let page;
      try {
        page = await this.opts.client.send(
          new DescribeLogStreamsCommand({
            logGroupName: this.opts.logGroupName,
            logStreamNamePrefix: this.opts.streamPrefix,
            nextToken
          }),
          { abortSignal: this.opts.signal }
        );
      } catch (err) {
        if ((0, import_chunk_YOYRZ3GA.awsErrorName)(err) === "ResourceNotFoundException") return;
        throw err;
      }
      for (const stream of page.logStreams ?? []) {
        const name = stream.logStreamName;
        if (name && !this.cursors.has(name)) {
          const { client, logGroupName, signal } = this.opts;
          this.cursors.set(
            name,
            new LogStreamCursor({ client, logGroupName, logStreamName: name, ...signal ? { signal } : {} })
          );
        }
      }
      nextToken = page.nextToken;
    } while (nextToken);
  }
};
function hostOfStream(stream) {
  const last = stream.slice(stream.lastIndexOf("/") + 1);
  const match = /^(algo-\d+)(?:-\d+)?$/.exec(last);
  return match ? match[1] : last;
}
function isRegistryImage(uri) {
  const slash = uri.indexOf("/");
  if (slash <= 0) return false;
  const host = uri.slice(0, slash);
  return host.includes(".") || host.includes(":") || host === "localhost";
}
function registryImageProblem(uri) {
  if (isRegistryImage(uri)) return void 0;
  return `The image ${uri} is not in a registry: SageMaker pulls the training image from ECR. Set image.uri to an ECR image, or image.repository so the image is built and pushed there.`;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CloudWatchLogTail,
  LogStreamCursor,
  drainUntilQuiet,
  hostOfStream,
  pollUntil,
  registryImageProblem
});
