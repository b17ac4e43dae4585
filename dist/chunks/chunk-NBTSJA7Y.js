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
var chunk_NBTSJA7Y_exports = {};
__export(chunk_NBTSJA7Y_exports, {
  ConsoleLogger: () => ConsoleLogger,
  RedactingLogger: () => RedactingLogger,
  redact: () => redact
});
module.exports = __defProp(chunk_NBTSJA7Y_exports, "__esModule", { value: true });
function redact(text, secrets) {
  let out = text;
  for (const secret of secrets) if (secret !== "") out = out.split(secret).join("***");
  return out;
}
var RedactingLogger = class {
  constructor(inner, onMask) {
    this.inner = inner;
    this.onMask = onMask;
  }
  inner;
  onMask;
  secrets = [];
  mask(secret) {
    if (secret === "" || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    this.secrets.sort((a, b) => b.length - a.length);
    this.inner.mask?.(secret);
    this.onMask?.(secret);
  }
  redact(text) {
    return redact(text, this.secrets);
  }
  info(message) {
    this.inner.info(this.redact(message));
  }
  warning(message) {
    this.inner.warning(this.redact(message));
  }
  error(message) {
    this.inner.error(this.redact(message));
  }
  debug(message) {
    this.inner.debug(this.redact(message));
  }
  group(title, fn) {
    return this.inner.group(this.redact(title), fn);
  }
};
var ConsoleLogger = class {
  constructor(out = process.stderr, verbose = false) {
    this.out = out;
    this.verbose = verbose;
  }
  out;
  verbose;
  secrets = [];
  /** Secrets given here are replaced by *** in every later line. */
  mask(secret) {
    if (secret === "" || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    this.secrets.sort((a, b) => b.length - a.length);
  }
  write(text) {
    this.out.write(`${redact(text, this.secrets)}
`);
  }
  info(message) {
    this.write(message);
  }
  warning(message) {
    this.write(`warning: ${message}`);
  }
  error(message) {
    this.write(`error: ${message}`);
  }
  debug(message) {
    if (this.verbose) this.write(`debug: ${message}`);
  }
  async group(title, fn) {
    this.write(`\u2500\u2500 ${title}`);
    return fn();
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ConsoleLogger,
  RedactingLogger,
  redact
});
