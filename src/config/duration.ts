// Durations as people write them in the configuration: 90m, 2h, 3600s, 1d, 1h30m, or a plain number of seconds.

const UNIT_SECONDS = { d: 86_400, h: 3_600, m: 60, s: 1 } as const;
type Unit = keyof typeof UNIT_SECONDS;
const UNIT_ORDER: readonly Unit[] = ['d', 'h', 'm', 's'];

export const DURATION_HINT = 'a duration such as 90m, 2h or 3600s';

export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}

/**
 * Seconds in a duration. Accepts a non-negative integer (seconds), or one or more `<integer><unit>` parts with units
 * d, h, m, s written largest first, each at most once (`1h30m`, `1d12h`). Throws DurationError otherwise.
 */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return value;
    throw new DurationError(
      `must be ${DURATION_HINT}; a plain number means seconds and must be a whole number ≥ 0 (got ${value})`,
    );
  }
  const text = value.trim();
  const got = JSON.stringify(value);
  if (/^\d+$/.test(text)) return checked(Number(text), got);
  const parts = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (text === '' || parts === null) {
    throw new DurationError(`must be ${DURATION_HINT}, or a combination such as 1h30m (got ${got})`);
  }
  let seconds = 0;
  UNIT_ORDER.forEach((unit, index) => {
    const amount = parts[index + 1];
    if (amount !== undefined) seconds += Number(amount) * UNIT_SECONDS[unit];
  });
  return checked(seconds, got);
}

function checked(seconds: number, got: string): number {
  if (!Number.isSafeInteger(seconds)) throw new DurationError(`is too long (got ${got})`);
  return seconds;
}

/** The shortest exact way to write a number of seconds in the same notation (`5400` → `1h30m`, `0` → `0s`). */
export function formatDuration(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || seconds < 0) return `${seconds}s`;
  if (seconds === 0) return '0s';
  let rest = seconds;
  let text = '';
  for (const unit of UNIT_ORDER) {
    const amount = Math.floor(rest / UNIT_SECONDS[unit]);
    if (amount > 0) {
      text += `${amount}${unit}`;
      rest -= amount * UNIT_SECONDS[unit];
    }
  }
  return text;
}
