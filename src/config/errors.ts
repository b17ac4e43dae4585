// The one error type configuration problems are reported with: every problem found, each naming where it came from.

export interface ConfigIssue {
  /** YAML path with `(line N)` when known (`job.max-runtime (line 7)`), or an override's label (`input "mode"`). */
  where: string;
  /** What is wrong and what is allowed. */
  message: string;
}

export class ConfigError extends Error {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super(formatIssues(issues));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export function formatIssues(issues: readonly ConfigIssue[]): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return [`Invalid configuration (${count}):`, ...issues.map((i) => `- ${i.where}: ${i.message}`)].join('\n');
}

/** Collects issues while a configuration is read, so all of them are reported at once. */
export class IssueList {
  readonly items: ConfigIssue[] = [];

  add(where: string, message: string): void {
    this.items.push({ where, message });
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new ConfigError(this.items);
  }
}
