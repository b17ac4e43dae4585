// Classic branch protection and repository rulesets as GitHub keeps them. Who may call these (administration) is
// checked before (identities.ts); here what GitHub answers about the resource: 404 for a branch without protection or
// without required status checks; required checks kept as `checks: [{context, app_id}]` with the deprecated
// `contexts` derived from them (an omitted app_id reads back as null: "whichever App posted it last"); an app_id or
// integration_id is accepted whether or not that App ever posted the check (GitHub documents no such refusal: the
// check then waits for that App); ruleset names are unique in the repository (422).
import type { Call, StandInState } from './routes.js';

type Json = Record<string, unknown>;
type Answer = [number, unknown];

export interface StoredRuleset {
  id: number;
  name: string;
  enforcement: 'active' | 'disabled' | 'evaluate';
  /** ref_name conditions: `refs/heads/<name>`, `~DEFAULT_BRANCH` or `~ALL`. */
  include: string[];
  rules: Json[];
  bypass_actors?: Json[];
  /** An organization's ruleset applies to the repository's branches but is not the repository's to change. */
  organization?: string;
  /** Every PUT body, in order. */
  puts: Json[];
}

/** `checks` (each with app_id, null when omitted) and `contexts` from whichever of the two a body sent. */
function statusChecks(body: Json, before?: Json): Json {
  const given = Array.isArray(body.checks)
    ? (body.checks as Json[]).map((c) => ({ context: String(c.context), app_id: c.app_id ?? null }))
    : Array.isArray(body.contexts)
      ? (body.contexts as string[]).map((context) => ({ context, app_id: null }))
      : ((before?.checks as Json[] | undefined) ?? []);
  return {
    strict: typeof body.strict === 'boolean' ? body.strict : before?.strict === true,
    contexts: given.map((c) => c.context),
    checks: given,
  };
}

export function protection(s: StandInState, c: Call): Answer | undefined {
  const m = /^\/branches\/([^/]+)\/protection(\/required_status_checks)?$/.exec(c.rest);
  if (!m) return undefined;
  const branch = decodeURIComponent(m[1] ?? '');
  const current = s.protection[branch];
  if (!m[2] && c.method === 'GET') return current ? [200, current] : [404, { message: 'Branch not protected' }];
  if (!m[2] && c.method === 'PUT') {
    const b = c.body ?? {};
    const rsc = b.required_status_checks as Json | null;
    s.protection[branch] = {
      url: `${s.url}/repos/${c.owner}/${c.repo}/branches/${branch}/protection`,
      ...(rsc ? { required_status_checks: statusChecks(rsc) } : {}),
      enforce_admins: { url: '', enabled: b.enforce_admins === true },
      ...(b.required_pull_request_reviews ? { required_pull_request_reviews: b.required_pull_request_reviews } : {}),
      __put: b,
    };
    return [200, s.protection[branch]];
  }
  if (m[2] && c.method === 'PATCH') {
    const rsc = current?.required_status_checks as Json | undefined;
    if (!current || !rsc) return [404, { message: 'Required status checks not enabled' }];
    current.required_status_checks = statusChecks(c.body ?? {}, rsc);
    return [200, current.required_status_checks];
  }
  return undefined;
}

/** Whether a ruleset's ref_name condition covers the branch. */
export function rulesetCovers(s: StandInState, r: StoredRuleset, branch: string): boolean {
  return r.include.some(
    (ref) =>
      ref === '~ALL' ||
      ref === `refs/heads/${branch}` ||
      (ref === '~DEFAULT_BRANCH' && branch === s.repository.defaultBranch),
  );
}

function rulesetJson(s: StandInState, r: StoredRuleset, c: Call): Json {
  return {
    ...s.api.example('repository-ruleset'),
    id: r.id,
    name: r.name,
    target: 'branch',
    source_type: 'Repository',
    source: `${c.owner}/${c.repo}`,
    enforcement: r.enforcement,
    conditions: { ref_name: { include: r.include, exclude: [] } },
    rules: r.rules,
    bypass_actors: r.bypass_actors ?? [],
  };
}

function page<T>(list: T[], query: Record<string, string>): T[] {
  const perPage = Math.min(100, Number(query.per_page ?? 30));
  const n = Number(query.page ?? 1);
  return list.slice((n - 1) * perPage, n * perPage);
}

const nameTaken = (s: StandInState, name: unknown, except?: number): boolean =>
  s.rulesets.some((r) => !r.organization && r.name === name && r.id !== except);

const NAME_TAKEN: Answer = [422, { message: 'Validation Failed', errors: ['Name must be unique'] }];

/** Applies a create or update body to a stored ruleset. */
function applyRuleset(r: StoredRuleset, b: Json): void {
  if (typeof b.name === 'string') r.name = b.name;
  if (typeof b.enforcement === 'string') r.enforcement = b.enforcement as StoredRuleset['enforcement'];
  const include = ((b.conditions as Json | undefined)?.ref_name as Json | undefined)?.include;
  if (Array.isArray(include)) r.include = include as string[];
  if (Array.isArray(b.rules)) r.rules = b.rules as Json[];
  if (Array.isArray(b.bypass_actors)) r.bypass_actors = b.bypass_actors as Json[];
}

export function rulesets(s: StandInState, c: Call): Answer | undefined {
  let m: RegExpExecArray | null;
  if (c.method === 'GET' && (m = /^\/rules\/branches\/([^/]+)$/.exec(c.rest))) {
    const branch = decodeURIComponent(m[1] ?? '');
    const active = s.rulesets.filter((r) => r.enforcement === 'active' && rulesetCovers(s, r, branch));
    const rules = active.flatMap((r) =>
      r.rules.map((rule) => ({
        ...rule,
        ruleset_source_type: r.organization ? 'Organization' : 'Repository',
        ruleset_source: r.organization ?? `${c.owner}/${c.repo}`,
        ruleset_id: r.id,
      })),
    );
    return [200, page(rules, c.query)];
  }
  if (c.method === 'POST' && c.rest === '/rulesets') {
    const b = c.body ?? {};
    if (nameTaken(s, b.name)) return NAME_TAKEN;
    const ruleset: StoredRuleset = {
      id: s.nextId(),
      name: '',
      enforcement: 'disabled',
      include: [],
      rules: [],
      puts: [],
    };
    applyRuleset(ruleset, b);
    s.rulesets.push(ruleset);
    return [201, rulesetJson(s, ruleset, c)];
  }
  if ((m = /^\/rulesets\/(\d+)$/.exec(c.rest))) {
    const ruleset = s.rulesets.find((r) => r.id === Number(m?.[1]) && !r.organization);
    if (!ruleset) return [404, { message: 'Not Found' }];
    if (c.method === 'GET') return [200, rulesetJson(s, ruleset, c)];
    if (c.method === 'PUT') {
      const b = c.body ?? {};
      if (nameTaken(s, b.name, ruleset.id)) return NAME_TAKEN;
      ruleset.puts.push(b);
      applyRuleset(ruleset, b);
      return [200, rulesetJson(s, ruleset, c)];
    }
  }
  return undefined;
}
