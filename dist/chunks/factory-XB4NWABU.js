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
var factory_XB4NWABU_exports = {};
__export(factory_XB4NWABU_exports, {
  createBackend: () => import_chunk_7U3WTFAM.createBackend,
  modeOfSavedState: () => import_chunk_7U3WTFAM.modeOfSavedState
});
module.exports = __defProp(factory_XB4NWABU_exports, "__esModule", { value: true });
var import_chunk_7U3WTFAM = require("./chunk-7U3WTFAM.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  createBackend,
  modeOfSavedState
});
