// `sagemaker-train protect`: make the check required on a branch, keeping every other protection setting.
// Protected already with required status checks: add ours through the required_status_checks sub-endpoint. Protected
// without them: PUT the existing settings back with ours added. Not protected: PUT a protection that only requires it.
import { describeGithubError, type GitHub } from './client.js';

export interface ProtectOptions {
  github: GitHub;
  owner: string;
  repo: string;
  branch: string;
  checkName: string;
  /** The App that must provide the check (`checks: [{context, app_id}]`); GitHub otherwise takes whichever App posted it last. */
  appId: number;
}

/** already-required: with that App; pinned: it was required from another (or any) App and now from this one. */
export type ProtectOutcome = 'already-required' | 'pinned' | 'added' | 'protected';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const enabled = (v: unknown): boolean | undefined => {
  const e = obj(v)?.enabled;
  return typeof e === 'boolean' ? e : undefined;
};
const names = (list: unknown, key: 'login' | 'slug'): string[] =>
  Array.isArray(list) ? list.flatMap((x) => (typeof obj(x)?.[key] === 'string' ? [obj(x)?.[key] as string] : [])) : [];

interface Check {
  context: string;
  app_id?: number;
}

function existingChecks(rsc: Json): Check[] {
  const checks = Array.isArray(rsc.checks) ? rsc.checks : [];
  const list: Check[] = checks.flatMap((c) => {
    const o = obj(c);
    if (typeof o?.context !== 'string') return [];
    return [{ context: o.context, ...(typeof o.app_id === 'number' ? { app_id: o.app_id } : {}) }];
  });
  // Older protections list only contexts.
  for (const c of Array.isArray(rsc.contexts) ? rsc.contexts : []) {
    if (typeof c === 'string' && !list.some((x) => x.context === c)) list.push({ context: c });
  }
  return list;
}

/** The PUT body that keeps what a GET of the protection returned. */
export function protectionBody(current: Json | undefined, checks: Check[]): Json {
  const reviews = obj(current?.required_pull_request_reviews);
  const restrictions = obj(current?.restrictions);
  const dismissal = obj(reviews?.dismissal_restrictions);
  const bypass = obj(reviews?.bypass_pull_request_allowances);
  const rsc = obj(current?.required_status_checks);
  const body: Json = {
    required_status_checks: { strict: rsc?.strict === true, contexts: [], checks },
    enforce_admins: enabled(current?.enforce_admins) ?? null,
    required_pull_request_reviews: reviews
      ? {
          ...(dismissal
            ? {
                dismissal_restrictions: {
                  users: names(dismissal.users, 'login'),
                  teams: names(dismissal.teams, 'slug'),
                  apps: names(dismissal.apps, 'slug'),
                },
              }
            : {}),
          ...(bypass
            ? {
                bypass_pull_request_allowances: {
                  users: names(bypass.users, 'login'),
                  teams: names(bypass.teams, 'slug'),
                  apps: names(bypass.apps, 'slug'),
                },
              }
            : {}),
          dismiss_stale_reviews: reviews.dismiss_stale_reviews === true,
          require_code_owner_reviews: reviews.require_code_owner_reviews === true,
          ...(typeof reviews.required_approving_review_count === 'number'
            ? { required_approving_review_count: reviews.required_approving_review_count }
            : {}),
          require_last_push_approval: reviews.require_last_push_approval === true,
        }
      : null,
    restrictions: restrictions
      ? {
          users: names(restrictions.users, 'login'),
          teams: names(restrictions.teams, 'slug'),
          apps: names(restrictions.apps, 'slug'),
        }
      : null,
  };
  for (const key of [
    'required_linear_history',
    'allow_force_pushes',
    'allow_deletions',
    'block_creations',
    'required_conversation_resolution',
    'lock_branch',
    'allow_fork_syncing',
  ]) {
    const value = enabled(current?.[key]);
    if (value !== undefined) body[key] = value;
  }
  return body;
}

export async function requireCheck(o: ProtectOptions): Promise<ProtectOutcome> {
  const where = { owner: o.owner, repo: o.repo, branch: o.branch };
  let current: Json | undefined;
  try {
    const { data } = await o.github.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', where);
    current = obj(data);
  } catch (err) {
    if (describeGithubError(err).kind !== 'not-found') throw err;
    current = undefined;
  }
  const rsc = obj(current?.required_status_checks);
  const checks = rsc ? existingChecks(rsc) : [];
  const mine = checks.find((c) => c.context === o.checkName);
  if (mine?.app_id === o.appId) return 'already-required';
  const pinned = { context: o.checkName, app_id: o.appId };
  const wanted = mine ? checks.map((c) => (c === mine ? pinned : c)) : [...checks, pinned];
  if (rsc) {
    // The sub-endpoint replaces the list and keeps `strict` and everything else of the protection.
    await o.github.request('PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks', {
      ...where,
      checks: wanted,
    });
    return mine ? 'pinned' : 'added';
  }
  await o.github.request('PUT /repos/{owner}/{repo}/branches/{branch}/protection', {
    ...where,
    ...(protectionBody(current, wanted) as object),
  } as never);
  return current ? 'added' : 'protected';
}
