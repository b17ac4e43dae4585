// Files a local run leaves on the host belong to the invoking user. What we create ourselves we chown directly (only
// needed when running as root for another user); what a container wrote as root into a bind mount (checkpoints) is
// chowned back by a short-lived helper container of the same image, which needs no privileges on the host.
import { chown, lstat, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type Dockerode from 'dockerode';

import { createContainer } from '../../docker-client.js';
import type { Logger } from '../../logger.js';
import { JOB_LABEL } from './containers.js';

export interface HostUser {
  uid: number;
  gid: number;
}

/** The user this process runs as (on platforms without uids, root: nothing is chowned). */
export function processUser(): HostUser {
  return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
}

/** True when what this process creates would not be owned by `user`. */
export function needsChown(user: HostUser): boolean {
  const me = processUser();
  return me.uid !== user.uid || me.gid !== user.gid;
}

/** chown that turns EPERM (we are not root) into a warning: the run itself is not at fault. */
export async function chownTo(path: string, user: HostUser, logger: Logger): Promise<void> {
  if (!needsChown(user)) return;
  try {
    await chown(path, user.uid, user.gid);
  } catch (err) {
    logger.warning(`Could not give ${path} to uid ${user.uid}: ${(err as Error).message}`);
  }
}

/** mkdir -p, then gives every folder it created to `user`. */
export async function ensureDir(dir: string, user: HostUser, logger: Logger): Promise<void> {
  const first = await mkdir(dir, { recursive: true });
  if (first === undefined || !needsChown(user)) return;
  const created: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    created.push(current);
    if (current === first || dirname(current) === current) break;
  }
  for (const path of created.reverse()) await chownTo(path, user, logger);
}

/** The first path under `dir` (itself included) not owned by `user`, or undefined. Symlinks are not followed. */
export async function findForeignOwned(dir: string, user: HostUser): Promise<string | undefined> {
  const stat = await lstat(dir).catch(() => undefined);
  if (!stat) return undefined;
  if (stat.uid !== user.uid || stat.gid !== user.gid) return dir;
  if (!stat.isDirectory()) return undefined;
  for (const entry of await readdir(dir)) {
    const found = await findForeignOwned(join(dir, entry), user);
    if (found) return found;
  }
  return undefined;
}

const HELPER_MOUNT = '/mnt/sagemaker-train-chown';

/**
 * Runs `chown -R uid:gid` over `hostPath` in a container of `image` (as root, no network), then removes it.
 * Reports the helper's id through onCreated the moment it exists, so a hard kill still lets the post step remove it.
 */
export async function chownWithHelperContainer(opts: {
  docker: Dockerode;
  image: string;
  hostPath: string;
  user: HostUser;
  jobName: string;
  logger: Logger;
  onCreated?: (id: string) => void;
}): Promise<void> {
  const container = await createContainer(opts.docker, {
    name: `${opts.jobName}-chown`,
    Image: opts.image,
    User: '0:0',
    Entrypoint: ['chown'],
    Cmd: ['-R', `${opts.user.uid}:${opts.user.gid}`, HELPER_MOUNT],
    Labels: { [JOB_LABEL]: opts.jobName, 'sagemaker-train.role': 'chown' },
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      Mounts: [{ Type: 'bind', Source: opts.hostPath, Target: HELPER_MOUNT, ReadOnly: false }],
    },
  });
  opts.onCreated?.(container.id);
  try {
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    if (StatusCode !== 0) {
      const output = await container.logs({ stdout: true, stderr: true, follow: false });
      throw new Error(
        `chown -R ${opts.user.uid}:${opts.user.gid} in image ${opts.image} exited with code ${StatusCode}: ` +
          stripFrameHeaders(output).trim().slice(-500),
      );
    }
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}

/** Text of a non-TTY log buffer without its 8-byte frame headers. */
function stripFrameHeaders(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}
