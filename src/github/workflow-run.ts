// The `workflow_run` event as GitHub sends it (trusted: GitHub writes it, not the run it describes): which run ended,
// for which event, on which commit of which repository. The saved result of a fork's run is checked against it. Pure.

export interface TriggeringRun {
  id: number;
  /** The event that started the run: pull_request for the fork pattern. */
  event: string;
  headSha: string;
  headBranch: string;
  /** owner/name of the repository the head commit is in (the fork's, for a fork). */
  headRepository: string;
  /** Link to the run, where its log is. */
  url?: string;
  /** Pull requests GitHub associated with the run (empty for a fork's: GitHub lists only this repository's). */
  pullRequests: number[];
  actor?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The run the event is about, or why the payload is not a workflow_run event. */
export function triggeringRun(eventName: string | undefined, event: unknown): TriggeringRun | { problem: string } {
  if (eventName !== 'workflow_run') {
    return { problem: `it runs on ${eventName ? `"${eventName}"` : 'no event'}, not on workflow_run` };
  }
  const run = obj(obj(event)?.workflow_run);
  const headSha = str(run?.head_sha);
  const headRepository = str(obj(run?.head_repository)?.full_name);
  if (!run || !headSha || !/^[0-9a-f]{40}$/.test(headSha) || !headRepository) {
    return { problem: 'the workflow_run payload has no head_sha or head_repository' };
  }
  const url = str(run.html_url);
  const actor = str(obj(run.actor)?.login);
  const pulls = Array.isArray(run.pull_requests) ? (run.pull_requests as unknown[]) : [];
  return {
    id: typeof run.id === 'number' ? run.id : 0,
    event: str(run.event) ?? '',
    headSha,
    headBranch: str(run.head_branch) ?? '',
    headRepository,
    ...(url ? { url } : {}),
    pullRequests: pulls.map((p) => obj(p)?.number).filter((n): n is number => typeof n === 'number'),
    ...(actor ? { actor } : {}),
  };
}
