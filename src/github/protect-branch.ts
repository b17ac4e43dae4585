// `sagemaker-train protect` as a whole: decide which App must provide the check, then require it where the branch's
// rules live: the repository ruleset that governs the branch, a new ruleset when asked, or classic branch protection.
// Returns one sentence per thing it found or did.
import { findCheckApp } from './check-app.js';
import { requireCheck, type ProtectOptions } from './protect.js';
import { branchRules, createRuleset, requireInRuleset, type RulesetOutcome } from './protect-ruleset.js';

export interface ProtectBranchOptions extends Omit<ProtectOptions, 'appId'> {
  /** The App that must provide the check; default: the App of the newest run of the check on the branch. */
  appId?: number;
  /** Create a ruleset when none governs the branch (instead of classic branch protection). */
  ruleset?: boolean;
}

/** No run of the check on the branch to learn its App from, and no --app-id. */
export class NoCheckAppError extends Error {}

const WORKFLOW_APP_ID = 15368;

async function resolveApp(o: ProtectBranchOptions): Promise<[number, string]> {
  if (o.appId !== undefined) return [o.appId, `Requiring "${o.checkName}" from app ${o.appId} (--app-id).`];
  const found = await findCheckApp(o);
  if (!found) {
    throw new NoCheckAppError(
      `no check run named "${o.checkName}" on the latest commits of ${o.branch}, so the App that posts it is unknown: ` +
        `run the workflow on ${o.branch} once, or pass --app-id N (${WORKFLOW_APP_ID} is the workflow's GITHUB_TOKEN, ` +
        'github-actions; a GitHub App has its id on its settings page)',
    );
  }
  const who = found.appSlug ? `app ${found.appId} (${found.appSlug})` : `app ${found.appId}`;
  return [found.appId, `Found ${who}: it posted "${o.checkName}" on ${found.sha.slice(0, 7)} of ${o.branch}.`];
}

function rulesetSentence(o: ProtectBranchOptions, appId: number, r: RulesetOutcome): string {
  const ruleset = `ruleset "${r.name}" (id ${r.id})`;
  const check = `"${o.checkName}" from app ${appId}`;
  return {
    'already-required': `${ruleset} already requires ${check}; nothing changed.`,
    added: `${ruleset} now requires ${check} (its other rules, conditions and bypass list kept).`,
    pinned: `${ruleset} now requires ${check} (before, it was not pinned to that app; other rules kept).`,
    created: `Created ${ruleset} on ${o.branch}, requiring ${check}.`,
  }[r.kind];
}

export async function protectBranch(o: ProtectBranchOptions): Promise<string[]> {
  const [appId, found] = await resolveApp(o);
  const lines = [found];
  const target = { ...o, appId };
  const rules = await branchRules(o);
  if (rules.organizationRequires.length > 0) {
    lines.push(
      `Organization ruleset ${rules.organizationRequires.join(', ')} already requires "${o.checkName}" on ` +
        `${o.branch}; an organization's rulesets are changed by its owners, not here.`,
    );
  }
  const governing = rules.preferred ?? rules.repositoryRulesets[0];
  if (governing !== undefined) {
    lines.push(rulesetSentence(o, appId, await requireInRuleset(target, governing)));
    return lines;
  }
  if (o.ruleset) {
    lines.push(rulesetSentence(o, appId, await createRuleset(target)));
    return lines;
  }
  const outcome = await requireCheck(target);
  const check = `"${o.checkName}" from app ${appId}`;
  lines.push(
    {
      'already-required': `${o.branch}'s branch protection already requires ${check}; nothing changed.`,
      added: `${o.branch}'s branch protection now requires ${check} (other protection settings kept).`,
      pinned: `${o.branch}'s branch protection now requires ${check} (before, it was not pinned to that app; other settings kept).`,
      protected: `${o.branch} is now protected and requires ${check}.`,
    }[outcome],
  );
  return lines;
}
