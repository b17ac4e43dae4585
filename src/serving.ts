// What the serve smoke test and the registration found: the shapes the gate, the reporters and the outputs read.

/** One sample request's answer. */
export interface SampleOutcome {
  /** The sample file's name, as the report shows it. */
  name: string;
  status?: number;
  /** Milliseconds from sending the request to the end of the answer. */
  latencyMs?: number;
  passed: boolean;
  /** Why it failed; absent when it passed. */
  note?: string;
}

export interface ServeReport {
  passed: boolean;
  /** Why it failed (one line); absent when it passed. */
  reason?: string;
  /** Milliseconds from starting the container to the first `GET /ping` answered 200. */
  pingMs?: number;
  samples: SampleOutcome[];
  /** The container's last log lines (on failure). */
  logTail: string[];
  /** The run was cancelled during the test: the verdict is cancelled, not a model that does not serve. */
  cancelled?: true;
}

export interface RegistrationReport {
  /** The model package version (new, or found for this commit). */
  arn: string;
  group: string;
  version?: number;
  /** False when a version for this commit already existed. */
  created: boolean;
  approval: string;
  /** The console page of the package, for links. */
  url: string;
}

/** Why registration did not happen or failed: shown, never a failed gate. */
export interface RegistrationSkipped {
  skipped: string;
}

export type RegistrationOutcome = RegistrationReport | RegistrationSkipped | { failed: string };

/** The median of the samples' latencies, or undefined without any. */
export function medianLatency(samples: SampleOutcome[]): number | undefined {
  const values = samples.flatMap((s) => (s.latencyMs === undefined ? [] : [s.latencyMs])).sort((a, b) => a - b);
  if (values.length === 0) return undefined;
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[mid] : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
}
