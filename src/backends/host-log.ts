// Every backend's log lines go through here: printed with their host, the last ones kept for failure reports, and
// handed on (metric parsing). One place, so a local run and a SageMaker job read alike.
import { redact, type Logger } from '../logger.js';
import { messageOf } from '../error-message.js';

export const LOG_TAIL_LINES = 50;

export class HostLog {
  private readonly tail: string[] = [];
  private readonly secrets: string[] = [];

  constructor(
    private readonly logger: Logger,
    private readonly forward?: (host: string, line: string) => void,
  ) {}

  /**
   * Replaces a secret the containers know (local.aws-credentials) by *** in every later line: the tail goes to the check
   * run and the job summary through GitHub's API, where the log's masking does not reach.
   */
  hide(secret: string): void {
    if (secret !== '' && !this.secrets.includes(secret)) this.secrets.push(secret);
  }

  line(host: string, line: string): void {
    const prefixed = redact(`${host} | ${line}`, this.secrets);
    this.logger.info(prefixed);
    this.tail.push(prefixed);
    if (this.tail.length > LOG_TAIL_LINES) this.tail.shift();
    try {
      this.forward?.(host, line);
    } catch (err) {
      // A consumer's bug must not stop the job's logs.
      this.logger.debug(`onLogLine failed: ${messageOf(err)}`);
    }
  }

  /** The last LOG_TAIL_LINES lines, host-prefixed. */
  lastLines(): string[] {
    return [...this.tail];
  }
}
