import {
  describeGithubError
} from "./chunk-VX7BJFZM.js";

// src/github/check-app.ts
var BranchNotFoundError = class extends Error {
};
async function findCheckApp(o) {
  let shas;
  try {
    const { data } = await o.github.request("GET /repos/{owner}/{repo}/commits", {
      owner: o.owner,
      repo: o.repo,
      sha: o.branch,
      per_page: o.depth ?? 20
    });
    shas = data.map((c) => c.sha);
  } catch (err) {
    if (describeGithubError(err).kind === "not-found") {
      throw new BranchNotFoundError(`branch ${o.branch} not found in ${o.owner}/${o.repo}`);
    }
    throw err;
  }
  for (const sha of shas) {
    const { data } = await o.github.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      owner: o.owner,
      repo: o.repo,
      ref: sha,
      check_name: o.checkName,
      filter: "latest",
      per_page: 100
    });
    const runs = data.check_runs.filter((r) => typeof r.app?.id === "number");
    const newest = runs.sort((a, b) => (b.started_at ?? "").localeCompare(a.started_at ?? "") || b.id - a.id)[0];
    if (newest?.app?.id !== void 0) {
      return { appId: newest.app.id, ...newest.app.slug ? { appSlug: newest.app.slug } : {}, sha };
    }
  }
  return void 0;
}

export {
  BranchNotFoundError,
  findCheckApp
};
