import {
  addEntry
} from "./chunk-SO5CUFW3.js";
import {
  require_tar_stream
} from "./chunk-HOY3A64H.js";
import {
  lstatEach
} from "./chunk-6EMK3JHB.js";
import {
  __toESM
} from "./chunk-7VZ5H7B6.js";

// src/backends/local/artifacts.ts
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { createReadStream } from "node:fs";
import { readdir, readlink } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { constants as zlibConstants, createGzip } from "node:zlib";
var READ_CHUNK = 1024 * 1024;
async function writeTarGz(dest, fill) {
  const pack = import_tar_stream.default.pack();
  const gzip = createGzip({ chunkSize: 128 * 1024, level: zlibConstants.Z_DEFAULT_COMPRESSION });
  const piping = pipeline(pack, gzip, dest);
  try {
    await fill(pack);
    pack.finalize();
  } catch (err) {
    pack.destroy(err);
    await piping.catch(() => void 0);
    throw err;
  }
  await piping;
}
async function addDirectory(pack, dir, prefix = "", seen = /* @__PURE__ */ new Set()) {
  const names = (await readdir(dir)).sort();
  for await (const [name, stat] of lstatEach(dir, names)) {
    const full = join(dir, name);
    const rel = prefix + name;
    const fresh = !seen.has(rel);
    seen.add(rel);
    const common = { mode: stat.mode & 4095, mtime: stat.mtime, uid: stat.uid, gid: stat.gid };
    if (stat.isDirectory()) {
      if (fresh) await addEntry(pack, { ...common, name: `${rel}/`, type: "directory" });
      await addDirectory(pack, full, `${rel}/`, seen);
    } else if (!fresh) {
      continue;
    } else if (stat.isFile()) {
      const body = createReadStream(full, { highWaterMark: READ_CHUNK });
      await addEntry(pack, { ...common, name: rel, type: "file", size: stat.size }, body);
    } else if (stat.isSymbolicLink()) {
      await addEntry(pack, { ...common, name: rel, type: "symlink", linkname: await readlink(full) });
    }
  }
}
async function packDirectoryToTarGz(dir, dest) {
  await writeTarGz(dest, (pack) => addDirectory(pack, dir));
}
async function packDirectoriesToTarGz(dirs, dest) {
  const seen = /* @__PURE__ */ new Set();
  await writeTarGz(dest, async (pack) => {
    for (const dir of dirs) await addDirectory(pack, dir, "", seen);
  });
}
export {
  addDirectory,
  packDirectoriesToTarGz,
  packDirectoryToTarGz,
  writeTarGz
};
