import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  parseEmbeddedResult
} from "./chunk-HHWOEGNY.js";
import {
  describeGithubError,
  errorText
} from "./chunk-5EXQTNPY.js";

// src/github/baseline.ts
async function findBaseline(o) {
  const where = { owner: o.owner, repo: o.repo };
  let commits;
  try {
    const { data } = await o.github.request("GET /repos/{owner}/{repo}/commits", {
      ...where,
      sha: o.branch,
      per_page: Math.min(100, Math.max(1, o.depth))
    });
    commits = data;
  } catch (err) {
    const info = describeGithubError(err);
    if (info.kind === "not-found" || info.status === 409 || info.status === 422) {
      return { missing: `branch ${o.branch} was not found` };
    }
    throw err;
  }
  let looked = 0;
  for (const commit of commits.slice(0, o.depth)) {
    if (commit.sha === o.skipSha) continue;
    looked++;
    const { data } = await o.github.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      ...where,
      ref: commit.sha,
      check_name: o.checkName,
      status: "completed",
      filter: "all",
      per_page: 20
    });
    const runs = [...data.check_runs].sort((a, b) => (b.completed_at ?? "").localeCompare(a.completed_at ?? ""));
    for (const run of runs) {
      const embedded = parseEmbeddedResult(run.output?.text);
      if (!embedded || embedded.status !== "Completed") continue;
      o.logger.info(`Baseline: ${o.branch} at ${commit.sha.slice(0, 7)} (${embedded.jobName})`);
      return {
        baseline: {
          sha: commit.sha,
          metrics: embedded.metrics,
          jobName: embedded.jobName,
          ...run.html_url ? { url: run.html_url } : {}
        }
      };
    }
  }
  return {
    missing: `no completed "${o.checkName}" result in the last ${looked} commit${looked === 1 ? "" : "s"} of ${o.branch}`
  };
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
    const text = errorText(describeGithubError(err));
    o.logger.warning(`Could not read the baseline from ${o.branch} (${text}); only the thresholds are checked.`);
    return { missing: `the baseline could not be read (${text})` };
  }
}

export {
  lookUpBaseline
};
