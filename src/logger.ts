// Where human-readable progress goes. The action maps it to @actions/core, the CLI to stderr, tests to an array.

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  /** Runs fn inside a collapsible group (a no-op grouping outside Actions). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Hides a secret from everything printed from now on (the action: core.setSecret; the CLI: redaction). */
  mask?(secret: string): void;
}

/** Replaces every known secret in `text` with ***. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== '') out = out.split(secret).join('***');
  return out;
}

/** A logger that redacts the secrets it was given before passing messages on (and passes each secret on to mask). */
export class RedactingLogger implements Logger {
  private readonly secrets: string[] = [];

  constructor(
    private readonly inner: Logger,
    private readonly onMask?: (secret: string) => void,
  ) {}

  mask(secret: string): void {
    if (secret === '' || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    // Longest first, so a secret that contains another is replaced whole.
    this.secrets.sort((a, b) => b.length - a.length);
    this.inner.mask?.(secret);
    this.onMask?.(secret);
  }
  redact(text: string): string {
    return redact(text, this.secrets);
  }
  info(message: string): void {
    this.inner.info(this.redact(message));
  }
  warning(message: string): void {
    this.inner.warning(this.redact(message));
  }
  error(message: string): void {
    this.inner.error(this.redact(message));
  }
  debug(message: string): void {
    this.inner.debug(this.redact(message));
  }
  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return this.inner.group(this.redact(title), fn);
  }
}

export class ConsoleLogger implements Logger {
  private readonly secrets: string[] = [];

  constructor(
    private readonly out: NodeJS.WritableStream = process.stderr,
    private readonly verbose = false,
  ) {}
  /** Secrets given here are replaced by *** in every later line. */
  mask(secret: string): void {
    if (secret === '' || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    this.secrets.sort((a, b) => b.length - a.length);
  }
  private write(text: string): void {
    this.out.write(`${redact(text, this.secrets)}\n`);
  }
  info(message: string): void {
    this.write(message);
  }
  warning(message: string): void {
    this.write(`warning: ${message}`);
  }
  error(message: string): void {
    this.write(`error: ${message}`);
  }
  debug(message: string): void {
    if (this.verbose) this.write(`debug: ${message}`);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.write(`── ${title}`);
    return fn();
  }
}
