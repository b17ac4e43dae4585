// The files of a local channel folder, in the order S3 lists them once uploaded: shared by the sagemaker-mode upload
// and local mode's sharding, so both give each host the same files.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface LocalFile {
  /** Absolute path on this machine. */
  path: string;
  /** Path relative to the channel's root, with `/` separators. */
  key: string;
}

/** S3 lists keys in the byte order of their UTF-8 encoding (not JavaScript's UTF-16 order). */
export function compareS3Keys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Every regular file under `root` (or `root` itself when it is a file), in S3 key order. Symbolic links are followed.
 * Uploaded under one prefix, `<prefix>/<key>`, they are listed in this same order.
 */
export async function listChannelFiles(root: string): Promise<LocalFile[]> {
  const info = await stat(root);
  if (info.isFile()) return [{ path: root, key: root.slice(root.lastIndexOf(sep) + 1) }];
  const files: LocalFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const kind = entry.isSymbolicLink() ? await stat(path) : entry;
      if (kind.isDirectory()) await walk(path);
      else if (kind.isFile()) files.push({ path, key: relative(root, path).split(sep).join('/') });
    }
  };
  await walk(root);
  return files.sort((a, b) => compareS3Keys(a.key, b.key));
}
