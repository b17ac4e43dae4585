// The OCI labels of a build: the commit (the run's, or `git rev-parse HEAD` in the context) and the repository it
// came from. Looked up only when something is made: a registry hit runs no git.
import { execFile } from 'node:child_process';

import type { RunIdentity } from '../run-identity.js';

function gitHead(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd, timeout: 5000 }, (err, stdout) => {
      const sha = String(stdout).trim();
      resolve(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined);
    });
  });
}

/** The OCI labels of the build: the commit and the repository it came from, when known. */
export function imageLabels(
  identity: Pick<RunIdentity, 'serverUrl' | 'repository'>,
  revision?: string,
): Record<string, string> {
  // The server always has a default; the source is known only with the repository.
  const { serverUrl, repository } = identity;
  return {
    ...(revision ? { 'org.opencontainers.image.revision': revision } : {}),
    ...(repository ? { 'org.opencontainers.image.source': `${serverUrl.replace(/\/+$/, '')}/${repository}` } : {}),
  };
}

export interface BuildLabels {
  labels: Record<string, string>;
  revision?: string;
}

/** The labels of a build, and the commit they name. */
export async function buildLabels(opts: {
  identity: Pick<RunIdentity, 'serverUrl' | 'repository' | 'commit'>;
  spec: { context: string };
  revision?: () => Promise<string | undefined>;
}): Promise<BuildLabels> {
  const given = opts.revision ? await opts.revision() : opts.identity.commit;
  const revision = given ?? (opts.revision ? undefined : await gitHead(opts.spec.context));
  return { labels: imageLabels(opts.identity, revision), ...(revision ? { revision } : {}) };
}
