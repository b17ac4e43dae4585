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
var chunk_6EMK3JHB_exports = {};
__export(chunk_6EMK3JHB_exports, {
  lstatEach: () => lstatEach
});
module.exports = __defProp(chunk_6EMK3JHB_exports, "__esModule", { value: true });
var import_promises = require("node:fs/promises");
var import_node_path = require("node:path");
var LSTAT_BATCH = 256;
async function* lstatEach(dir, names) {
  for (let i = 0; i < names.length; i += LSTAT_BATCH) {
    const batch = names.slice(i, i + LSTAT_BATCH);
    yield* await Promise.all(batch.map(async (name) => [name, await (0, import_promises.lstat)((0, import_node_path.join)(dir, name))]));
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  lstatEach
});
