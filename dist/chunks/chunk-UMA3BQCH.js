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
var chunk_UMA3BQCH_exports = {};
__export(chunk_UMA3BQCH_exports, {
  HostLog: () => HostLog
});
module.exports = __defProp(chunk_UMA3BQCH_exports, "__esModule", { value: true });
var import_chunk_NBTSJA7Y = require("./chunk-NBTSJA7Y.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var LOG_TAIL_LINES = 50;
var HostLog = class {
  constructor(logger, forward) {
    this.logger = logger;
    this.forward = forward;
  }
  logger;
  forward;
  tail = [];
  secrets = [];
  /**
   * Replaces a secret the containers know (local.aws-credentials) by *** in every later line: the tail goes to the check
   * run and the job summary through GitHub's API, where the log's masking does not reach.
   */
  hide(secret) {
    if (secret !== "" && !this.secrets.includes(secret)) this.secrets.push(secret);
  }
  line(host, line) {
    const prefixed = (0, import_chunk_NBTSJA7Y.redact)(`${host} | ${line}`, this.secrets);
    this.logger.info(prefixed);
    this.tail.push(prefixed);
    if (this.tail.length > LOG_TAIL_LINES) this.tail.shift();
    try {
      this.forward?.(host, line);
    } catch (err) {
      this.logger.debug(`onLogLine failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    }
  }
  /** The last LOG_TAIL_LINES lines, host-prefixed. */
  lastLines() {
    return [...this.tail];
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  HostLog
});
