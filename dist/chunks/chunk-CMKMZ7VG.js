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
var chunk_CMKMZ7VG_exports = {};
__export(chunk_CMKMZ7VG_exports, {
  parseEcrHost: () => parseEcrHost
});
module.exports = __defProp(chunk_CMKMZ7VG_exports, "__esModule", { value: true });
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
function parseEcrHost(host) {
  const match = import_chunk_KWKXA2KE.ECR_HOST_PATTERN.exec(host);
  if (!match) return void 0;
  return { account: match[1] ?? "", region: match[2] ?? "", host };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  parseEcrHost
});
