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
var reuse_IVLINOGD_exports = {};
__export(reuse_IVLINOGD_exports, {
  findReusableResult: () => import_chunk_XSKGJPZJ.findReusableResult,
  recordRunResult: () => import_chunk_XSKGJPZJ.recordRunResult,
  reusedResult: () => import_chunk_XSKGJPZJ.reusedResult,
  trainedFingerprint: () => import_chunk_XSKGJPZJ.trainedFingerprint
});
module.exports = __defProp(reuse_IVLINOGD_exports, "__esModule", { value: true });
var import_chunk_XSKGJPZJ = require("./chunk-XSKGJPZJ.js");
var import_chunk_ZIFLYHXC = require("./chunk-ZIFLYHXC.js");
var import_chunk_EZNXSEHB = require("./chunk-EZNXSEHB.js");
var import_chunk_VK5EXTPS = require("./chunk-VK5EXTPS.js");
var import_chunk_SPTEJLOZ = require("./chunk-SPTEJLOZ.js");
var import_chunk_VBX2D4NB = require("./chunk-VBX2D4NB.js");
var import_chunk_6EMK3JHB = require("./chunk-6EMK3JHB.js");
var import_chunk_WAEPYHZO = require("./chunk-WAEPYHZO.js");
var import_chunk_HNNMNGSZ = require("./chunk-HNNMNGSZ.js");
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_OVMUTU22 = require("./chunk-OVMUTU22.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_SZ5DK7JW = require("./chunk-SZ5DK7JW.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  findReusableResult,
  recordRunResult,
  reusedResult,
  trainedFingerprint
});
