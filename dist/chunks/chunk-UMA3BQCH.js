import {
  redact
} from "./chunk-NBTSJA7Y.js";
import {
  messageOf
} from "./chunk-OEPHYHQN.js";

// src/backends/host-log.ts
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
    const prefixed = redact(`${host} | ${line}`, this.secrets);
    this.logger.info(prefixed);
    this.tail.push(prefixed);
    if (this.tail.length > LOG_TAIL_LINES) this.tail.shift();
    try {
      this.forward?.(host, line);
    } catch (err) {
      this.logger.debug(`onLogLine failed: ${messageOf(err)}`);
    }
  }
  /** The last LOG_TAIL_LINES lines, host-prefixed. */
  lastLines() {
    return [...this.tail];
  }
};

export {
  HostLog
};
