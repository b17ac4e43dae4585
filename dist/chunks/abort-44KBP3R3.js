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
var abort_44KBP3R3_exports = {};
__export(abort_44KBP3R3_exports, {
  linkAbort: () => import_chunk_KSJBMR3M.linkAbort
});
module.exports = __defProp(abort_44KBP3R3_exports, "__esModule", { value: true });
var import_chunk_KSJBMR3M = require("./chunk-KSJBMR3M.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  linkAbort
});
