// Where human-readable progress goes. The action maps it to @actions/core, the CLI to stderr, tests to an array.

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  /** Runs fn inside a collapsible group (a no-op grouping outside Actions). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

export class ConsoleLogger implements Logger {
  constructor(
    private readonly out: NodeJS.WritableStream = process.stderr,
    private readonly verbose = false,
  ) {}
  info(message: string): void {
    this.out.write(`${message}\n`);
  }
  warning(message: string): void {
    this.out.write(`warning: ${message}\n`);
  }
  error(message: string): void {
    this.out.write(`error: ${message}\n`);
  }
  debug(message: string): void {
    if (this.verbose) this.out.write(`debug: ${message}\n`);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.out.write(`── ${title}\n`);
    return fn();
  }
}
