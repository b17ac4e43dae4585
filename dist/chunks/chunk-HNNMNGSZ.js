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
var chunk_HNNMNGSZ_exports = {};
__export(chunk_HNNMNGSZ_exports, {
  listChannelFiles: () => listChannelFiles
});
module.exports = __defProp(chunk_HNNMNGSZ_exports, "__esModule", { value: true });
var import_promises = require("node:fs/promises");
var import_node_path = require("node:path");
function compareS3Keys(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
async function listChannelFiles(root) {
  const info = await (0, import_promises.stat)(root);
  if (info.isFile()) return [{ path: root, key: root.slice(root.lastIndexOf(import_node_path.sep) + 1) }];
  const files = [];
  const walk = async (dir) => {
    for (const entry of await (0, import_promises.readdir)(dir, { withFileTypes: true })) {
      const path = (0, import_node_path.join)(dir, entry.name);
      const kind = entry.isSymbolicLink() ? await (0, import_promises.stat)(path) : entry;
      if (kind.isDirectory()) await walk(path);
      else if (kind.isFile()) files.push({ path, key: (0, import_node_path.relative)(root, path).split(import_node_path.sep).join("/") });
    }
  };
  await walk(root);
  return files.sort((a, b) => compareS3Keys(a.key, b.key));
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  listChannelFiles
});
