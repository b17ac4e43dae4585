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
var chunk_HIONJ6JB_exports = {};
__export(chunk_HIONJ6JB_exports, {
  DURATION_HINT: () => DURATION_HINT,
  DurationError: () => DurationError,
  formatDuration: () => formatDuration,
  parseDuration: () => parseDuration
});
module.exports = __defProp(chunk_HIONJ6JB_exports, "__esModule", { value: true });
var UNIT_SECONDS = { d: 86400, h: 3600, m: 60, s: 1 };
var UNIT_ORDER = ["d", "h", "m", "s"];
var DURATION_HINT = "a duration such as 90m, 2h or 3600s";
var DurationError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "DurationError";
  }
};
function parseDuration(value) {
  if (typeof value === "number") {
    if (Number.isSafeInteger(value) && value >= 0) return value;
    throw new DurationError(
      `must be ${DURATION_HINT}; a plain number means seconds and must be a whole number \u2265 0 (got ${value})`
    );
  }
  const text = value.trim();
  const got = JSON.stringify(value);
  if (/^\d+$/.test(text)) return checked(Number(text), got);
  const parts = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (text === "" || parts === null) {
    throw new DurationError(`must be ${DURATION_HINT}, or a combination such as 1h30m (got ${got})`);
  }
  let seconds = 0;
  UNIT_ORDER.forEach((unit, index) => {
    const amount = parts[index + 1];
    if (amount !== void 0) seconds += Number(amount) * UNIT_SECONDS[unit];
  });
  return checked(seconds, got);
}
function checked(seconds, got) {
  if (!Number.isSafeInteger(seconds)) throw new DurationError(`is too long (got ${got})`);
  return seconds;
}
function formatDuration(seconds) {
  if (!Number.isSafeInteger(seconds) || seconds < 0) return `${seconds}s`;
  if (seconds === 0) return "0s";
  let rest = seconds;
  let text = "";
  for (const unit of UNIT_ORDER) {
    const amount = Math.floor(rest / UNIT_SECONDS[unit]);
    if (amount > 0) {
      text += `${amount}${unit}`;
      rest -= amount * UNIT_SECONDS[unit];
    }
  }
  return text;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  DURATION_HINT,
  DurationError,
  formatDuration,
  parseDuration
});
