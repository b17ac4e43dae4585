import type { ActionsCore } from '../../src/action/core.js';

/** An ActionsCore that records everything the step does, in order. */
export class FakeCore implements ActionsCore {
  readonly events: string[] = [];
  readonly outputs: Record<string, string> = {};
  readonly saved: Record<string, string> = {};
  readonly secrets: string[] = [];
  readonly summaries: string[] = [];
  failed: string | undefined;
  summaryError: Error | undefined;

  constructor(
    private readonly inputs: Record<string, string> = {},
    private readonly state: Record<string, string> = {},
  ) {}

  getInput(name: string): string {
    return this.inputs[name] ?? '';
  }
  setSecret(secret: string): void {
    this.secrets.push(secret);
    this.events.push('setSecret');
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  setFailed(message: string): void {
    this.failed = message;
    this.events.push(`setFailed ${message}`);
  }
  saveState(name: string, value: string): void {
    this.saved[name] = value;
    this.events.push(`saveState ${name}=${value}`);
  }
  getState(name: string): string {
    return this.state[name] ?? '';
  }
  info(message: string): void {
    this.events.push(`info ${message}`);
  }
  warning(message: string): void {
    this.events.push(`warning ${message}`);
  }
  error(message: string): void {
    this.events.push(`error ${message}`);
  }
  debug(message: string): void {
    this.events.push(`debug ${message}`);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.events.push(`group ${title}`);
    try {
      return await fn();
    } finally {
      this.events.push('endgroup');
    }
  }
  writeSummary(markdown: string): Promise<void> {
    if (this.summaryError) return Promise.reject(this.summaryError);
    this.summaries.push(markdown);
    return Promise.resolve();
  }

  /** Everything the step printed, one string. */
  get log(): string {
    return this.events.join('\n');
  }
}
