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
var check_run_I6627HG7_exports = {};
__export(check_run_I6627HG7_exports, {
  CheckRun: () => import_chunk_STZI2M2M.CheckRun,
  DEFAULT_CHECK_NAME: () => import_chunk_STZI2M2M.DEFAULT_CHECK_NAME,
  DEFAULT_UPDATE_INTERVAL_MS: () => import_chunk_STZI2M2M.DEFAULT_UPDATE_INTERVAL_MS,
  cancelCheckRun: () => import_chunk_STZI2M2M.cancelCheckRun
});
module.exports = __defProp(check_run_I6627HG7_exports, "__esModule", { value: true });
var import_chunk_STZI2M2M = require("./chunk-STZI2M2M.js");
var import_chunk_FNUKYPLP = require("./chunk-FNUKYPLP.js");
var import_chunk_VX7BJFZM = require("./chunk-VX7BJFZM.js");
var import_chunk_3Y6ZB6SW = require("./chunk-3Y6ZB6SW.js");
var import_chunk_XZEEPGY5 = require("./chunk-XZEEPGY5.js");
var import_chunk_NYTR2SKW = require("./chunk-NYTR2SKW.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CheckRun,
  DEFAULT_CHECK_NAME,
  DEFAULT_UPDATE_INTERVAL_MS,
  cancelCheckRun
});
