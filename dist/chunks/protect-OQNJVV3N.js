import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  describeGithubError
} from "./chunk-WPKPKEUQ.js";
import "./chunk-DPCXCUBM.js";

// src/github/protect.ts
var obj = (v) => typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
var enabled = (v) => {
  const e = obj(v)?.enabled;
  return typeof e === "boolean" ? e : void 0;
};
var names = (list, key) => Array.isArray(list) ? list.flatMap((x) => typeof obj(x)?.[key] === "string" ? [obj(x)?.[key]] : []) : [];
function existingChecks(rsc) {
  const checks = Array.isArray(rsc.checks) ? rsc.checks : [];
  const list = checks.flatMap((c) => {
    const o = obj(c);
    if (typeof o?.context !== "string") return [];
    return [{ context: o.context, ...typeof o.app_id === "number" ? { app_id: o.app_id } : {} }];
  });
  for (const c of Array.isArray(rsc.contexts) ? rsc.contexts : []) {
    if (typeof c === "string" && !list.some((x) => x.context === c)) list.push({ context: c });
  }
  return list;
}
function protectionBody(current, checks) {
  const reviews = obj(current?.required_pull_request_reviews);
  const restrictions = obj(current?.restrictions);
  const dismissal = obj(reviews?.dismissal_restrictions);
  const bypass = obj(reviews?.bypass_pull_request_allowances);
  const rsc = obj(current?.required_status_checks);
  const body = {
    required_status_checks: { strict: rsc?.strict === true, contexts: [], checks },
    enforce_admins: enabled(current?.enforce_admins) ?? null,
    required_pull_request_reviews: reviews ? {
      ...dismissal ? {
        dismissal_restrictions: {
          users: names(dismissal.users, "login"),
          teams: names(dismissal.teams, "slug"),
          apps: names(dismissal.apps, "slug")
        }
      } : {},
      ...bypass ? {
        bypass_pull_request_allowances: {
          users: names(bypass.users, "login"),
          teams: names(bypass.teams, "slug"),
          apps: names(bypass.apps, "slug")
        }
      } : {},
      dismiss_stale_reviews: reviews.dismiss_stale_reviews === true,
      require_code_owner_reviews: reviews.require_code_owner_reviews === true,
      ...typeof reviews.required_approving_review_count === "number" ? { required_approving_review_count: reviews.required_approving_review_count } : {},
      require_last_push_approval: reviews.require_last_push_approval === true
    } : null,
    restrictions: restrictions ? {
      users: names(restrictions.users, "login"),
      teams: names(restrictions.teams, "slug"),
      apps: names(restrictions.apps, "slug")
    } : null
  };
  for (const key of [
    "required_linear_history",
    "allow_force_pushes",
    "allow_deletions",
    "block_creations",
    "required_conversation_resolution",
    "lock_branch",
    "allow_fork_syncing"
  ]) {
    const value = enabled(current?.[key]);
    if (value !== void 0) body[key] = value;
  }
  return body;
}
async function requireCheck(o) {
  const where = { owner: o.owner, repo: o.repo, branch: o.branch };
  let current;
  try {
    const { data } = await o.github.request("GET /repos/{owner}/{repo}/branches/{branch}/protection", where);
    current = obj(data);
  } catch (err) {
    if (describeGithubError(err).kind !== "not-found") throw err;
    current = void 0;
  }
  const rsc = obj(current?.required_status_checks);
  const checks = rsc ? existingChecks(rsc) : [];
  if (checks.some((c) => c.context === o.checkName)) return "already-required";
  const wanted = [...checks, { context: o.checkName }];
  if (rsc) {
    await o.github.request("PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks", {
      ...where,
      checks: wanted
    });
    return "added";
  }
  await o.github.request("PUT /repos/{owner}/{repo}/branches/{branch}/protection", {
    ...where,
    ...protectionBody(current, wanted)
  });
  return current ? "added" : "protected";
}
export {
  protectionBody,
  requireCheck
};
