// Check runs as GitHub keeps them: each belongs to the App that created it, and only that App may change it; the list
// for a commit honours check_name, status, app_id and filter (latest: the newest run of each name per App) and pages.
import type { Identity } from './identities.js';

type Json = Record<string, unknown>;

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  /** The App that created it (default: the workflow token's, 15368). */
  app_id: number;
  started_at?: string;
  completed_at?: string | null;
  details_url?: string;
  external_id?: string;
  output: { title: string | null; summary: string | null; text: string | null; annotations?: unknown[] };
  /** Every PATCH the run received, in order. */
  updates: Json[];
}

/** GitHub's answer to an App changing another App's check run. */
export function ownershipRefusal(run: StoredCheckRun, who: Identity): [number, string] | undefined {
  if (who.appId === run.app_id) return undefined;
  return [403, `Invalid app_id \`${run.app_id}\` - check run can only be modified by the GitHub App that created it.`];
}

const CONCLUSIONS = new Set([
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'success',
  'skipped',
  'stale',
  'timed_out',
]);

/** Rules on a create or update body: a completed run has a conclusion, and a conclusion completes the run. */
export function transitionProblem(run: Pick<StoredCheckRun, 'status' | 'conclusion'>, body: Json): string | undefined {
  if (run.status === 'completed' && run.conclusion && body.status && body.status !== 'completed') {
    return 'a completed check run cannot go back in progress';
  }
  if (body.status === 'completed' && typeof body.conclusion !== 'string' && !run.conclusion) {
    return 'conclusion is required when status is completed';
  }
  if (typeof body.conclusion === 'string' && !CONCLUSIONS.has(body.conclusion)) return 'conclusion is not valid';
  return undefined;
}

/** The page of check runs GET /commits/{ref}/check-runs answers, and how many match in all. */
export function listForRef(
  all: StoredCheckRun[],
  ref: string,
  query: Record<string, string>,
): { total: number; page: StoredCheckRun[] } {
  let runs = all.filter(
    (r) =>
      r.head_sha === ref &&
      (query.check_name === undefined || r.name === query.check_name) &&
      (query.status === undefined || r.status === query.status) &&
      (query.app_id === undefined || r.app_id === Number(query.app_id)),
  );
  runs.sort((a, b) => b.id - a.id);
  if ((query.filter ?? 'latest') === 'latest') {
    const seen = new Set<string>();
    runs = runs.filter((r) => {
      const key = `${r.app_id}/${r.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const perPage = Math.min(100, Number(query.per_page ?? 30));
  const page = Number(query.page ?? 1);
  return { total: runs.length, page: runs.slice((page - 1) * perPage, page * perPage) };
}
