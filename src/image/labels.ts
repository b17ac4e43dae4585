// The OCI labels of a build: the commit (GITHUB_SHA, or `git rev-parse HEAD` in the context) and the repository it
// came from. Looked up only when something is made: a registry hit runs no git.
import { execFile } from 'node:child_process';

function gitHead(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd, timeout: 5000 }, (err, stdout) => {
      const sha = String(stdout).trim();
      resolve(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined);
    });
  });
}

/** The OCI labels of the build: the commit and the repository it came from, when known. */
export function imageLabels(env: Record<string, string | undefined>, revision?: string): Record<string, string> {
  const server = env.GITHUB_SERVER_URL?.trim();
  const repository = env.GITHUB_REPOSITORY?.trim();
  return {
    ...(revision ? { 'org.opencontainers.image.revision': revision } : {}),
    ...(server && repository
      ? { 'org.opencontainers.image.source': `${server.replace(/\/+$/, '')}/${repository}` }
      : {}),
  };
}

export interface BuildLabels {
  labels: Record<string, string>;
  revision?: string;
}

/** The labels of a build, and the commit they name. */
export async function buildLabels(opts: {
  env: Record<string, string | undefined>;
  spec: { context: string };
  revision?: () => Promise<string | undefined>;
}): Promise<BuildLabels> {
  const given = opts.revision ? await opts.revision() : opts.env.GITHUB_SHA?.trim() || undefined;
  const revision = given ?? (opts.revision ? undefined : await gitHead(opts.spec.context));
  return { labels: imageLabels(opts.env, revision), ...(revision ? { revision } : {}) };
}
