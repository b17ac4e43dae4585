// The commit a run trains, recorded in its index entry: the workflow's commit in a workflow, else the workspace's HEAD.
import { execFile } from 'node:child_process';

import type { RunIdentity } from '../run-identity.js';

export function runCommit(identity: RunIdentity, workspace: string): Promise<string | undefined> {
  const given = identity.commit;
  if (given) return Promise.resolve(given);
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd: workspace, timeout: 5000 }, (err, stdout) => {
      const sha = String(stdout).trim();
      resolve(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined);
    });
  });
}
