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
var content_hash_2BESNKTL_exports = {};
__export(content_hash_2BESNKTL_exports, {
  fileFingerprint: () => import_chunk_VK5EXTPS.fileFingerprint,
  hashBuildContext: () => import_chunk_VK5EXTPS.hashBuildContext,
  hashFile: () => import_chunk_VK5EXTPS.hashFile
});
module.exports = __defProp(content_hash_2BESNKTL_exports, "__esModule", { value: true });
var import_chunk_VK5EXTPS = require("./chunk-VK5EXTPS.js");
var import_chunk_SPTEJLOZ = require("./chunk-SPTEJLOZ.js");
var import_chunk_VBX2D4NB = require("./chunk-VBX2D4NB.js");
var import_chunk_6EMK3JHB = require("./chunk-6EMK3JHB.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  fileFingerprint,
  hashBuildContext,
  hashFile
});
