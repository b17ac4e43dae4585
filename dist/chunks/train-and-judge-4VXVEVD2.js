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
var train_and_judge_4VXVEVD2_exports = {};
__export(train_and_judge_4VXVEVD2_exports, {
  judgeAndReport: () => import_chunk_5X56SO76.judgeAndReport,
  trainAndJudge: () => import_chunk_5X56SO76.trainAndJudge
});
module.exports = __defProp(train_and_judge_4VXVEVD2_exports, "__esModule", { value: true });
var import_chunk_5X56SO76 = require("./chunk-5X56SO76.js");
var import_chunk_TERDQLG2 = require("./chunk-TERDQLG2.js");
var import_chunk_LKL6FYIQ = require("./chunk-LKL6FYIQ.js");
var import_chunk_OVMUTU22 = require("./chunk-OVMUTU22.js");
var import_chunk_4VGYOB5M = require("./chunk-4VGYOB5M.js");
var import_chunk_3Y6ZB6SW = require("./chunk-3Y6ZB6SW.js");
var import_chunk_7U3WTFAM = require("./chunk-7U3WTFAM.js");
var import_chunk_AJ4NKK5M = require("./chunk-AJ4NKK5M.js");
var import_chunk_Q3ZBZB5P = require("./chunk-Q3ZBZB5P.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_UO73Q2OA = require("./chunk-UO73Q2OA.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  judgeAndReport,
  trainAndJudge
});
