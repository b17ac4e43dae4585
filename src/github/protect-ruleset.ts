// Repository rulesets: a branch governed by one requires the check through the ruleset's `required_status_checks`
// rule (entries `{context, integration_id}`), not through classic branch protection. The ruleset is read and written
// back whole, with only that rule changed, so its name, enforcement, conditions, bypass list and other rules stay.
import type { GitHub } from './client.js';

type Json = Record<string, unknown>;

export interface RulesetTarget {
  github: GitHub;
  owner: string;
  repo: string;
  branch: string;
  checkName: string;
  appId: number;
}

export type RulesetOutcome =
  | { kind: 'already-required' | 'added' | 'pinned'; id: number; name: string }
  | { kind: 'created'; id: number; name: string };

interface BranchRule {
  type: string;
  ruleset_id: number;
  ruleset_source_type?: string;
  ruleset_source?: string;
  parameters?: { required_status_checks?: { context: string; integration_id?: number }[] };
}

export interface BranchRules {
  /** Ids of the repository's own active rulesets that cover the branch. */
  repositoryRulesets: number[];
  /** Organization rulesets that already require the check (they cannot be changed from the repository). */
  organizationRequires: number[];
  /** The repository ruleset whose required_status_checks rule names the check, or else has such a rule. */
  preferred?: number;
}

/** What GET /rules/branches/{branch} says governs the branch. */
export async function branchRules(o: Omit<RulesetTarget, 'appId'>): Promise<BranchRules> {
  const { data } = await o.github.request('GET /repos/{owner}/{repo}/rules/branches/{branch}', {
    owner: o.owner,
    repo: o.repo,
    branch: o.branch,
    per_page: 100,
  });
  const rules = data as BranchRule[];
  const own = rules.filter((r) => (r.ruleset_source_type ?? 'Repository') === 'Repository');
  const names = (r: BranchRule) => (r.parameters?.required_status_checks ?? []).map((c) => c.context);
  const statusRules = own.filter((r) => r.type === 'required_status_checks');
  const preferred = statusRules.find((r) => names(r).includes(o.checkName)) ?? statusRules[0];
  return {
    repositoryRulesets: [...new Set(own.map((r) => r.ruleset_id))],
    organizationRequires: rules
      .filter((r) => r.ruleset_source_type === 'Organization' && names(r).includes(o.checkName))
      .map((r) => r.ruleset_id),
    ...(preferred ? { preferred: preferred.ruleset_id } : {}),
  };
}

/** The rules with the check required from the App; undefined when it already is. */
export function rulesWithCheck(
  rules: Json[],
  checkName: string,
  appId: number,
): [Json[], 'added' | 'pinned'] | undefined {
  const wanted = { context: checkName, integration_id: appId };
  const index = rules.findIndex((r) => r.type === 'required_status_checks');
  if (index < 0) {
    const rule = {
      type: 'required_status_checks',
      parameters: { strict_required_status_checks_policy: false, required_status_checks: [wanted] },
    };
    return [[...rules, rule], 'added'];
  }
  const rule = rules[index] as { parameters?: Json };
  const params = rule.parameters ?? {};
  const checks = (Array.isArray(params.required_status_checks) ? params.required_status_checks : []) as Json[];
  const mine = checks.find((c) => c.context === checkName);
  if (mine?.integration_id === appId) return undefined;
  const next = mine ? checks.map((c) => (c === mine ? wanted : c)) : [...checks, wanted];
  const updated = {
    ...rule,
    parameters: {
      ...params,
      strict_required_status_checks_policy: params.strict_required_status_checks_policy === true,
      required_status_checks: next,
    },
  };
  return [rules.map((r, i) => (i === index ? updated : r)), mine ? 'pinned' : 'added'];
}

/** Adds (or pins) the check in a repository ruleset, writing the rest of it back unchanged. */
export async function requireInRuleset(o: RulesetTarget, id: number): Promise<RulesetOutcome> {
  const where = { owner: o.owner, repo: o.repo, ruleset_id: id };
  const { data } = await o.github.request('GET /repos/{owner}/{repo}/rulesets/{ruleset_id}', where);
  const ruleset = data as unknown as Json & { name: string; rules?: Json[] };
  const change = rulesWithCheck(ruleset.rules ?? [], o.checkName, o.appId);
  if (!change) return { kind: 'already-required', id, name: ruleset.name };
  const body: Json = { name: ruleset.name, rules: change[0] };
  for (const key of ['target', 'enforcement', 'conditions', 'bypass_actors']) {
    if (ruleset[key] !== undefined && ruleset[key] !== null) body[key] = ruleset[key];
  }
  await o.github.request('PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}', { ...where, ...body } as never);
  return { kind: change[1], id, name: ruleset.name };
}

/** A new active ruleset on the branch that requires only the check, from the App. */
export async function createRuleset(o: RulesetTarget): Promise<RulesetOutcome> {
  const name = `${o.checkName} required on ${o.branch}`;
  const { data } = await o.github.request('POST /repos/{owner}/{repo}/rulesets', {
    owner: o.owner,
    repo: o.repo,
    name,
    target: 'branch',
    enforcement: 'active',
    conditions: { ref_name: { include: [`refs/heads/${o.branch}`], exclude: [] } },
    rules: [
      {
        type: 'required_status_checks',
        parameters: {
          strict_required_status_checks_policy: false,
          required_status_checks: [{ context: o.checkName, integration_id: o.appId }],
        },
      },
    ],
  });
  return { kind: 'created', id: data.id, name: data.name };
}
