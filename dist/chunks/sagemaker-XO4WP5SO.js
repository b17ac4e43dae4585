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
var sagemaker_XO4WP5SO_exports = {};
__export(sagemaker_XO4WP5SO_exports, {
  LOG_GROUP: () => import_chunk_MHQU2NGJ.LOG_GROUP,
  MIN_DESCRIBE_INTERVAL_MS: () => import_chunk_IVSETR7W.MIN_DESCRIBE_INTERVAL_MS,
  SageMakerBackend: () => import_chunk_IVSETR7W.SageMakerBackend,
  TagKey: () => import_chunk_JR6BMV5V.TagKey,
  cleanupSavedJob: () => import_chunk_IVSETR7W.cleanupSavedJob,
  createTrainingJobInput: () => import_chunk_JR6BMV5V.createTrainingJobInput,
  jobLinks: () => import_chunk_MHQU2NGJ.jobLinks,
  lazySageMakerBackend: () => import_chunk_IVSETR7W.lazySageMakerBackend,
  outcomeOf: () => import_chunk_MHQU2NGJ.outcomeOf,
  runTagValue: () => import_chunk_JR6BMV5V.runTagValue,
  runTags: () => import_chunk_JR6BMV5V.runTags,
  stopSavedTrainingJob: () => import_chunk_IVSETR7W.stopSavedTrainingJob,
  stopTrainingJob: () => import_chunk_JR6BMV5V.stopTrainingJob
});
module.exports = __defProp(sagemaker_XO4WP5SO_exports, "__esModule", { value: true });
var import_chunk_IVSETR7W = require("./chunk-IVSETR7W.js");
var import_chunk_MHQU2NGJ = require("./chunk-MHQU2NGJ.js");
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_JR6BMV5V = require("./chunk-JR6BMV5V.js");
var import_chunk_A2ZB4GEY = require("./chunk-A2ZB4GEY.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  LOG_GROUP,
  MIN_DESCRIBE_INTERVAL_MS,
  SageMakerBackend,
  TagKey,
  cleanupSavedJob,
  createTrainingJobInput,
  jobLinks,
  lazySageMakerBackend,
  outcomeOf,
  runTagValue,
  runTags,
  stopSavedTrainingJob,
  stopTrainingJob
});
