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
var chunk_CX6QTPIY_exports = {};
__export(chunk_CX6QTPIY_exports, {
  BranchNotFoundError: () => BranchNotFoundError,
  findCheckApp: () => findCheckApp
});
module.exports = __defProp(chunk_CX6QTPIY_exports, "__esModule", { value: true });
var import_chunk_VX7BJFZM = require("./chunk-VX7BJFZM.js");
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
    if ((0, import_chunk_VX7BJFZM.describeGithubError)(err).kind === "not-found") {
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
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BranchNotFoundError,
  findCheckApp
});
