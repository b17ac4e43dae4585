var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var artifacts_DJMUKEIW_exports = {};
__export(artifacts_DJMUKEIW_exports, {
  addDirectory: () => addDirectory,
  packDirectoriesToTarGz: () => packDirectoriesToTarGz,
  packDirectoryToTarGz: () => packDirectoryToTarGz,
  writeTarGz: () => writeTarGz
});
module.exports = __defProp(artifacts_DJMUKEIW_exports, "__esModule", { value: true });
var import_chunk_SO5CUFW3 = require("./chunk-SO5CUFW3.js");
var import_chunk_HOY3A64H = require("./chunk-HOY3A64H.js");
var import_chunk_6EMK3JHB = require("./chunk-6EMK3JHB.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var import_node_fs = require("node:fs");
var import_promises = require("node:fs/promises");
var import_node_path = require("node:path");
var import_promises2 = require("node:stream/promises");
var import_node_zlib = require("node:zlib");
var import_tar_stream = (0, import_chunk_7VZ5H7B6.__toESM)((0, import_chunk_HOY3A64H.require_tar_stream)(), 1);
var READ_CHUNK = 1024 * 1024;
async function writeTarGz(dest, fill) {
  const pack = import_tar_stream.default.pack();
  const gzip = (0, import_node_zlib.createGzip)({ chunkSize: 128 * 1024, level: import_node_zlib.constants.Z_DEFAULT_COMPRESSION });
  const piping = (0, import_promises2.pipeline)(pack, gzip, dest);
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
  const names = (await (0, import_promises.readdir)(dir)).sort();
  for await (const [name, stat] of (0, import_chunk_6EMK3JHB.lstatEach)(dir, names)) {
    const full = (0, import_node_path.join)(dir, name);
    const rel = prefix + name;
    const fresh = !seen.has(rel);
    seen.add(rel);
    const common = { mode: stat.mode & 4095, mtime: stat.mtime, uid: stat.uid, gid: stat.gid };
    if (stat.isDirectory()) {
      if (fresh) await (0, import_chunk_SO5CUFW3.addEntry)(pack, { ...common, name: `${rel}/`, type: "directory" });
      await addDirectory(pack, full, `${rel}/`, seen);
    } else if (!fresh) {
      continue;
    } else if (stat.isFile()) {
      const body = (0, import_node_fs.createReadStream)(full, { highWaterMark: READ_CHUNK });
      await (0, import_chunk_SO5CUFW3.addEntry)(pack, { ...common, name: rel, type: "file", size: stat.size }, body);
    } else if (stat.isSymbolicLink()) {
      await (0, import_chunk_SO5CUFW3.addEntry)(pack, { ...common, name: rel, type: "symlink", linkname: await (0, import_promises.readlink)(full) });
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
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  addDirectory,
  packDirectoriesToTarGz,
  packDirectoryToTarGz,
  writeTarGz
});
