// Turning YAML scalars into the strings the service receives (hyperparameters, environment, tags, build arguments).

export class ScalarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScalarError';
  }
}

const DECIMAL_FLOAT = /^[-+]?(?:\d+\.\d*|\.\d+|\d+(?:\.\d*)?[eE][-+]?\d+|\.\d+[eE][-+]?\d+)$/;
const DECIMAL_INTEGER = /^[-+]?\d+$/;

/**
 * The string a scalar becomes, the way the SageMaker Python SDK writes hyperparameters: strings as they are, booleans
 * as `true`/`false`, integers with String(), and floats as written in the source when the source text is known
 * (`0.05` stays `0.05`, `1e-3` stays `1e-3`, `1.0` stays `1.0`). Integers too large to hold exactly keep their text.
 * Null, non-finite numbers and anything else throw ScalarError.
 */
export function stringifyScalar(value: unknown, sourceText?: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new ScalarError(`must be a finite number (got ${sourceText ?? String(value)})`);
    }
    const text = sourceText?.trim();
    if (text !== undefined && DECIMAL_FLOAT.test(text)) return text;
    if (text !== undefined && DECIMAL_INTEGER.test(text) && !Number.isSafeInteger(value)) return text;
    return String(value);
  }
  if (value === null || value === undefined) {
    throw new ScalarError('must be a value, not null (write "" for an empty string)');
  }
  if (Array.isArray(value)) throw new ScalarError('must be a single value, not a list');
  if (typeof value === 'object') throw new ScalarError('must be a single value, not a mapping');
  throw new ScalarError(`must be a string, number or boolean (got ${typeof value})`);
}
