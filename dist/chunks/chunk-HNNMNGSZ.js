// src/backends/channel-files.ts
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
function compareS3Keys(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
async function listChannelFiles(root) {
  const info = await stat(root);
  if (info.isFile()) return [{ path: root, key: root.slice(root.lastIndexOf(sep) + 1) }];
  const files = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const kind = entry.isSymbolicLink() ? await stat(path) : entry;
      if (kind.isDirectory()) await walk(path);
      else if (kind.isFile()) files.push({ path, key: relative(root, path).split(sep).join("/") });
    }
  };
  await walk(root);
  return files.sort((a, b) => compareS3Keys(a.key, b.key));
}

export {
  listChannelFiles
};
