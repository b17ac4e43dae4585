// local.shm-size, local.gpus-per-host and local.ulimits: how each local host's container is sized, read from the
// configuration tree with the problems named by YAML path.
import type { IssueList } from './errors.js';
import { child, describe, readMap } from './read.js';
import type { MapNode, TreeNode } from './tree.js';
import type { LocalResources } from '../request.js';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
const SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i;
export const SIZE_HINT = 'a size such as 512m, 8g or 1.5g (bytes, k, m, g or t, powers of 1024)';
const ULIMIT_KEYS = ['memlock', 'nofile'] as const;
/** Linux's default fs.nr_open: the most open files a process may be allowed. */
export const NOFILE_MAX = 1_048_576;
const SHM_MIN = 1024 ** 2;
const GPUS_PER_HOST_MAX = 64;

/** Bytes in `512m`, `8g`, `1.5GiB` or a plain number of bytes; undefined when the text is not a size. */
export function parseSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const match = SIZE_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const bytes = Math.round(Number(match[1]) * (UNITS[(match[2] ?? '').toLowerCase()] as number));
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

function readSize(node: TreeNode, issues: IssueList, min: number): number | undefined {
  const value = node.kind === 'scalar' ? node.value : undefined;
  const bytes = typeof value === 'string' || typeof value === 'number' ? parseSize(value) : undefined;
  if (bytes === undefined || bytes < min) {
    const floor = min > 0 ? `, at least ${min / SHM_MIN} MiB` : '';
    issues.add(node.where, `must be ${SIZE_HINT}${floor} (got ${describe(node)})`);
    return undefined;
  }
  return bytes;
}

function readGpusPerHost(node: TreeNode, issues: IssueList): number | 'all' | undefined {
  const value = node.kind === 'scalar' ? node.value : undefined;
  if (value === 'all') return 'all';
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= GPUS_PER_HOST_MAX) return value;
  issues.add(
    node.where,
    `must be a whole number of GPUs from 1 to ${GPUS_PER_HOST_MAX}, or all (every host sees every GPU) (got ${describe(node)})`,
  );
  return undefined;
}

function readUlimits(local: MapNode, issues: IssueList): LocalResources['ulimits'] {
  const map = readMap(local, 'ulimits', issues, ULIMIT_KEYS, '{ memlock: unlimited, nofile: 65536 }');
  if (map === undefined) return undefined;
  const ulimits: NonNullable<LocalResources['ulimits']> = {};
  const memlock = child(map, 'memlock');
  if (memlock !== undefined) {
    if (memlock.kind === 'scalar' && memlock.value === 'unlimited') ulimits.memlock = 'unlimited';
    else {
      const bytes = readSize(memlock, issues, 0);
      if (bytes !== undefined) ulimits.memlock = bytes;
    }
  }
  const nofile = child(map, 'nofile');
  if (nofile !== undefined) {
    const value = nofile.kind === 'scalar' ? nofile.value : undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= NOFILE_MAX)
      ulimits.nofile = value;
    else issues.add(nofile.where, `must be a whole number from 1 to ${NOFILE_MAX} (got ${describe(nofile)})`);
  }
  return ulimits;
}

/** The three settings; absent ones stay absent (the backend applies its defaults, documented in the README). */
export function readLocalResources(local: MapNode | undefined, issues: IssueList): LocalResources {
  if (local === undefined) return {};
  const shm = child(local, 'shm-size');
  const gpus = child(local, 'gpus-per-host');
  const shmSizeBytes = shm === undefined ? undefined : readSize(shm, issues, SHM_MIN);
  const gpusPerHost = gpus === undefined ? undefined : readGpusPerHost(gpus, issues);
  const ulimits = readUlimits(local, issues);
  return {
    ...(shmSizeBytes !== undefined ? { shmSizeBytes } : {}),
    ...(gpusPerHost !== undefined ? { gpusPerHost } : {}),
    ...(ulimits !== undefined ? { ulimits } : {}),
  };
}
