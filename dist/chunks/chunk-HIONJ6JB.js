// src/config/duration.ts
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

export {
  DURATION_HINT,
  DurationError,
  parseDuration,
  formatDuration
};
