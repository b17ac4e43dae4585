// The host folders behind each host's /opt/ml/model, /opt/ml/output and /opt/ml/output/data (mounted as
// containers.ts says), packed from the host once the hosts exit, and deleted with the run's work folder. Whatever a
// root container leaves here must be readable and removable by this process first (firstBlockedPath).
import { constants } from 'node:fs';
import { access, chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import type Dockerode from 'dockerode';

import type { Logger } from '../../logger.js';
import type { ArtifactDirs } from './containers.js';
import { chownWithHelperContainer, type HostUser } from './ownership.js';

/** All hosts' artifact folders live under this folder of the run's work folder (one chown covers them all). */
export function artifactRoot(workDir: string): string {
  return join(workDir, 'artifacts');
}

export function artifactDirsOf(workDir: string, host: string): ArtifactDirs {
  const base = join(artifactRoot(workDir), host);
  return { model: join(base, 'model'), output: join(base, 'output'), outputData: join(base, 'output-data') };
}

/**
 * Creates a host's three folders, empty (a volume is filled from the image only when its folder is empty), mode 0755
 * whatever the umask: what an anonymous volume's folder is when the image has none.
 */
export async function makeArtifactDirs(dirs: ArtifactDirs): Promise<void> {
  await Promise.all(
    [dirs.model, dirs.output, dirs.outputData].map(async (dir) => {
      await mkdir(dir, { recursive: true });
      await chmod(dir, 0o755);
    }),
  );
}

/**
 * The first path under `dir` that `me` could not read or remove: a folder of another owner that is not empty (its
 * entries cannot be unlinked), or anything of another owner that `me` may not read. Undefined when every path can
 * be packed and deleted by `me`, which is always so for root. Symlinks are not followed.
 */
export async function firstBlockedPath(dir: string, me: HostUser): Promise<string | undefined> {
  if (me.uid === 0) return undefined;
  const stat = await lstat(dir).catch(() => undefined);
  if (!stat || stat.isSymbolicLink()) return undefined;
  const foreign = stat.uid !== me.uid;
  if (!stat.isDirectory()) return foreign && !(await canAccess(dir, constants.R_OK)) ? dir : undefined;
  if (foreign && !(await canAccess(dir, constants.R_OK | constants.X_OK))) return dir;
  const entries = await readdir(dir);
  if (foreign && entries.length > 0) return dir;
  for (const entry of entries) {
    const found = await firstBlockedPath(join(dir, entry), me);
    if (found) return found;
  }
  return undefined;
}

async function canAccess(path: string, mode: number): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}

/**
 * Makes every artifact folder of the run readable and removable by this process: when something a root container
 * wrote there blocks it (only ever for a non-root process), a helper container gives the folders to `me`.
 */
export async function makeArtifactsRemovable(opts: {
  docker: Dockerode;
  image: string;
  workDir: string;
  me: HostUser;
  jobName: string;
  logger: Logger;
  onCreated: (id: string) => void;
}): Promise<void> {
  const root = artifactRoot(opts.workDir);
  const blocked = await firstBlockedPath(root, opts.me);
  if (!blocked) return;
  opts.logger.debug(`${blocked} was written by another user: giving the artifact folders to uid ${opts.me.uid}`);
  await chownWithHelperContainer({
    docker: opts.docker,
    image: opts.image,
    hostPath: root,
    user: opts.me,
    jobName: opts.jobName,
    logger: opts.logger,
    onCreated: opts.onCreated,
  });
}
