import "./chunk-7VZ5H7B6.js";

// src/cache/commit.ts
import { execFile } from "node:child_process";
function runCommit(identity, workspace) {
  const given = identity.commit;
  if (given) return Promise.resolve(given);
  return new Promise((resolve) => {
    execFile("git", ["rev-parse", "HEAD"], { cwd: workspace, timeout: 5e3 }, (err, stdout) => {
      const sha = String(stdout).trim();
      resolve(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : void 0);
    });
  });
}
export {
  runCommit
};
