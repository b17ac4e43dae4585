// Logger over @actions/core: annotations for warnings and errors, ::debug:: for debug, groups via core.group.
import type { Logger } from '../logger.js';
import type { ActionsCore } from './core.js';

export class ActionLogger implements Logger {
  private depth = 0;

  constructor(private readonly core: ActionsCore) {}

  info(message: string): void {
    this.core.info(message);
  }
  warning(message: string): void {
    this.core.warning(message);
  }
  error(message: string): void {
    this.core.error(message);
  }
  debug(message: string): void {
    this.core.debug(message);
  }
  /** The runner masks the secret in every later line of the log. */
  mask(secret: string): void {
    if (secret !== '') this.core.setSecret(secret);
  }

  /** The runner does not nest groups: an inner group becomes a plain heading inside the outer one. */
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    if (this.depth > 0) {
      this.core.info(`── ${title}`);
      return fn();
    }
    this.depth++;
    try {
      return await this.core.group(title, fn);
    } finally {
      this.depth--;
    }
  }
}
