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
var commit_X5GDM6KR_exports = {};
__export(commit_X5GDM6KR_exports, {
  runCommit: () => runCommit
});
module.exports = __defProp(commit_X5GDM6KR_exports, "__esModule", { value: true });
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var import_node_child_process = require("node:child_process");
function runCommit(identity, workspace) {
  const given = identity.commit;
  if (given) return Promise.resolve(given);
  return new Promise((resolve) => {
    (0, import_node_child_process.execFile)("git", ["rev-parse", "HEAD"], { cwd: workspace, timeout: 5e3 }, (err, stdout) => {
      const sha = String(stdout).trim();
      resolve(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : void 0);
    });
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runCommit
});
