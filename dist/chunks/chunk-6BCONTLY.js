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
var chunk_6BCONTLY_exports = {};
__export(chunk_6BCONTLY_exports, {
  DEFAULT_BASELINE_DEPTH: () => DEFAULT_BASELINE_DEPTH,
  lookUpBaseline: () => lookUpBaseline
});
module.exports = __defProp(chunk_6BCONTLY_exports, "__esModule", { value: true });
var import_chunk_STZI2M2M = require("./chunk-STZI2M2M.js");
var import_chunk_VX7BJFZM = require("./chunk-VX7BJFZM.js");
var DEFAULT_BASELINE_DEPTH = 20;
async function resultOn(o, sha) {
  const { data } = await o.github.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    owner: o.owner,
    repo: o.repo,
    ref: sha,
    check_name: o.checkName,
    status: "completed",
    filter: "all",
    per_page: 20
  });
  const runs = [...data.check_runs].sort((a, b) => (b.completed_at ?? "").localeCompare(a.completed_at ?? ""));
  for (const run of runs) {
    const embedded = (0, import_chunk_STZI2M2M.parseEmbeddedResult)(run.output?.text);
    if (!embedded || embedded.status !== "Completed") continue;
    return {
      sha,
      metrics: embedded.metrics,
      jobName: embedded.jobName,
      ...run.html_url ? { url: run.html_url } : {},
      ...embedded.series ? { series: embedded.series } : {}
    };
  }
  return void 0;
}
async function mergedPullsOf(o, sha) {
  const { data } = await o.github.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
    owner: o.owner,
    repo: o.repo,
    commit_sha: sha,
    per_page: 10
  });
  return data.filter((p) => p.merged_at && p.base.ref === o.branch).map((p) => ({ number: p.number, head: p.head.sha }));
}
async function listCommits(o) {
  try {
    const { data } = await o.github.request("GET /repos/{owner}/{repo}/commits", {
      owner: o.owner,
      repo: o.repo,
      sha: o.branch,
      per_page: Math.min(100, Math.max(1, o.depth))
    });
    return data.slice(0, o.depth);
  } catch (err) {
    const info = (0, import_chunk_VX7BJFZM.describeGithubError)(err);
    if (info.kind === "not-found" || info.status === 409 || info.status === 422)
      return `branch ${o.branch} was not found`;
    throw err;
  }
}
async function findBaseline(o) {
  const commits = await listCommits(o);
  if (typeof commits === "string") return { missing: commits };
  const seenPulls = /* @__PURE__ */ new Set();
  let pullsUnreadable;
  let looked = 0;
  for (const { sha } of commits) {
    if (sha === o.skipSha) continue;
    looked++;
    const own = await resultOn(o, sha);
    if (own) return found(o, { ...own, via: "base-branch", baseSha: sha });
    if (pullsUnreadable) continue;
    let pulls;
    try {
      pulls = await mergedPullsOf(o, sha);
    } catch (err) {
      const info = (0, import_chunk_VX7BJFZM.describeGithubError)(err);
      if (info.kind !== "permission") throw err;
      pullsUnreadable = `merged pull requests could not be read (${(0, import_chunk_VX7BJFZM.errorText)(info)}): give the job pull-requests: read`;
      continue;
    }
    for (const pull of pulls) {
      if (seenPulls.has(pull.number) || pull.head === o.skipSha) continue;
      seenPulls.add(pull.number);
      const viaPull = await resultOn(o, pull.head);
      if (viaPull) return found(o, { ...viaPull, via: "pull-request", baseSha: sha, pullRequest: pull.number });
    }
  }
  const where = `the last ${looked} commit${looked === 1 ? "" : "s"} of ${o.branch}`;
  return {
    missing: `no completed "${o.checkName}" result in ${where} or their merged pull requests${pullsUnreadable ? `; ${pullsUnreadable}` : ""}`
  };
}
function found(o, baseline) {
  const how = baseline.pullRequest ? ` through pull request #${baseline.pullRequest} (head ${baseline.sha.slice(0, 7)})` : "";
  o.logger.info(
    `Baseline: ${o.branch} at ${(baseline.baseSha ?? baseline.sha).slice(0, 7)}${how} (${baseline.jobName ?? "?"})`
  );
  return { baseline };
}
function lookUpBaseline(o) {
  const { branch } = o;
  if (!branch) return Promise.resolve({ missing: "no base branch is known for this event" });
  return findBaselineSafely({ ...o, branch });
}
async function findBaselineSafely(o) {
  try {
    return await findBaseline(o);
  } catch (err) {
    const text = (0, import_chunk_VX7BJFZM.errorText)((0, import_chunk_VX7BJFZM.describeGithubError)(err));
    o.logger.warning(`Could not read the baseline from ${o.branch} (${text}); only the thresholds are checked.`);
    return { missing: `the baseline could not be read (${text})` };
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  DEFAULT_BASELINE_DEPTH,
  lookUpBaseline
});
