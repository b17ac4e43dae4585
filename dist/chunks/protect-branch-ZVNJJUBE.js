var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var protect_branch_ZVNJJUBE_exports = {};
__export(protect_branch_ZVNJJUBE_exports, {
  NoCheckAppError: () => NoCheckAppError,
  protectBranch: () => protectBranch
});
module.exports = __defProp(protect_branch_ZVNJJUBE_exports, "__esModule", { value: true });
var import_chunk_CX6QTPIY = require("./chunk-CX6QTPIY.js");
var import_chunk_VX7BJFZM = require("./chunk-VX7BJFZM.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
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
    if ((0, import_chunk_VX7BJFZM.describeGithubError)(err).kind !== "not-found") throw err;
    current = void 0;
  }
  const rsc = obj(current?.required_status_checks);
  const checks = rsc ? existingChecks(rsc) : [];
  const mine = checks.find((c) => c.context === o.checkName);
  if (mine?.app_id === o.appId) return "already-required";
  const pinned = { context: o.checkName, app_id: o.appId };
  const wanted = mine ? checks.map((c) => c === mine ? pinned : c) : [...checks, pinned];
  if (rsc) {
    await o.github.request("PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks", {
      ...where,
      checks: wanted
    });
    return mine ? "pinned" : "added";
  }
  await o.github.request("PUT /repos/{owner}/{repo}/branches/{branch}/protection", {
    ...where,
    ...protectionBody(current, wanted)
  });
  return current ? "added" : "protected";
}
async function branchRules(o) {
  const { data } = await o.github.request("GET /repos/{owner}/{repo}/rules/branches/{branch}", {
    owner: o.owner,
    repo: o.repo,
    branch: o.branch,
    per_page: 100
  });
  const rules = data;
  const own = rules.filter((r) => (r.ruleset_source_type ?? "Repository") === "Repository");
  const names2 = (r) => (r.parameters?.required_status_checks ?? []).map((c) => c.context);
  const statusRules = own.filter((r) => r.type === "required_status_checks");
  const preferred = statusRules.find((r) => names2(r).includes(o.checkName)) ?? statusRules[0];
  return {
    repositoryRulesets: [...new Set(own.map((r) => r.ruleset_id))],
    organizationRequires: rules.filter((r) => r.ruleset_source_type === "Organization" && names2(r).includes(o.checkName)).map((r) => r.ruleset_id),
    ...preferred ? { preferred: preferred.ruleset_id } : {}
  };
}
function rulesWithCheck(rules, checkName, appId) {
  const wanted = { context: checkName, integration_id: appId };
  const index = rules.findIndex((r) => r.type === "required_status_checks");
  if (index < 0) {
    const rule2 = {
      type: "required_status_checks",
      parameters: { strict_required_status_checks_policy: false, required_status_checks: [wanted] }
    };
    return [[...rules, rule2], "added"];
  }
  const rule = rules[index];
  const params = rule.parameters ?? {};
  const checks = Array.isArray(params.required_status_checks) ? params.required_status_checks : [];
  const mine = checks.find((c) => c.context === checkName);
  if (mine?.integration_id === appId) return void 0;
  const next = mine ? checks.map((c) => c === mine ? wanted : c) : [...checks, wanted];
  const updated = {
    ...rule,
    parameters: {
      ...params,
      strict_required_status_checks_policy: params.strict_required_status_checks_policy === true,
      required_status_checks: next
    }
  };
  return [rules.map((r, i) => i === index ? updated : r), mine ? "pinned" : "added"];
}
async function requireInRuleset(o, id) {
  const where = { owner: o.owner, repo: o.repo, ruleset_id: id };
  const { data } = await o.github.request("GET /repos/{owner}/{repo}/rulesets/{ruleset_id}", where);
  const ruleset = data;
  const change = rulesWithCheck(ruleset.rules ?? [], o.checkName, o.appId);
  if (!change) return { kind: "already-required", id, name: ruleset.name };
  const body = { name: ruleset.name, rules: change[0] };
  for (const key of ["target", "enforcement", "conditions", "bypass_actors"]) {
    if (ruleset[key] !== void 0 && ruleset[key] !== null) body[key] = ruleset[key];
  }
  await o.github.request("PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}", { ...where, ...body });
  return { kind: change[1], id, name: ruleset.name };
}
async function createRuleset(o) {
  const name = `${o.checkName} required on ${o.branch}`;
  const { data } = await o.github.request("POST /repos/{owner}/{repo}/rulesets", {
    owner: o.owner,
    repo: o.repo,
    name,
    target: "branch",
    enforcement: "active",
    conditions: { ref_name: { include: [`refs/heads/${o.branch}`], exclude: [] } },
    rules: [
      {
        type: "required_status_checks",
        parameters: {
          strict_required_status_checks_policy: false,
          required_status_checks: [{ context: o.checkName, integration_id: o.appId }]
        }
      }
    ]
  });
  return { kind: "created", id: data.id, name: data.name };
}
var NoCheckAppError = class extends Error {
};
var WORKFLOW_APP_ID = 15368;
async function resolveApp(o) {
  if (o.appId !== void 0) return [o.appId, `Requiring "${o.checkName}" from app ${o.appId} (--app-id).`];
  const found = await (0, import_chunk_CX6QTPIY.findCheckApp)(o);
  if (!found) {
    throw new NoCheckAppError(
      `no check run named "${o.checkName}" on the latest commits of ${o.branch}, so the App that posts it is unknown: run the workflow on ${o.branch} once, or pass --app-id N (${WORKFLOW_APP_ID} is the workflow's GITHUB_TOKEN, github-actions; a GitHub App has its id on its settings page)`
    );
  }
  const who = found.appSlug ? `app ${found.appId} (${found.appSlug})` : `app ${found.appId}`;
  return [found.appId, `Found ${who}: it posted "${o.checkName}" on ${found.sha.slice(0, 7)} of ${o.branch}.`];
}
function rulesetSentence(o, appId, r) {
  const ruleset = `ruleset "${r.name}" (id ${r.id})`;
  const check = `"${o.checkName}" from app ${appId}`;
  return {
    "already-required": `${ruleset} already requires ${check}; nothing changed.`,
    added: `${ruleset} now requires ${check} (its other rules, conditions and bypass list kept).`,
    pinned: `${ruleset} now requires ${check} (before, it was not pinned to that app; other rules kept).`,
    created: `Created ${ruleset} on ${o.branch}, requiring ${check}.`
  }[r.kind];
}
async function protectBranch(o) {
  const [appId, found] = await resolveApp(o);
  const lines = [found];
  const target = { ...o, appId };
  const rules = await branchRules(o);
  if (rules.organizationRequires.length > 0) {
    lines.push(
      `Organization ruleset ${rules.organizationRequires.join(", ")} already requires "${o.checkName}" on ${o.branch}; an organization's rulesets are changed by its owners, not here.`
    );
  }
  const governing = rules.preferred ?? rules.repositoryRulesets[0];
  if (governing !== void 0) {
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
      "already-required": `${o.branch}'s branch protection already requires ${check}; nothing changed.`,
      added: `${o.branch}'s branch protection now requires ${check} (other protection settings kept).`,
      pinned: `${o.branch}'s branch protection now requires ${check} (before, it was not pinned to that app; other settings kept).`,
      protected: `${o.branch} is now protected and requires ${check}.`
    }[outcome]
  );
  return lines;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  NoCheckAppError,
  protectBranch
});
