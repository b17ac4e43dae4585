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
var clients_M3TCOAW4_exports = {};
__export(clients_M3TCOAW4_exports, {
  CLIENT_RETRY: () => import_chunk_ZIWWOMLH.CLIENT_RETRY,
  clientConfig: () => import_chunk_ZIWWOMLH.clientConfig,
  createCloudWatchLogsClient: () => import_chunk_A2ZB4GEY.createCloudWatchLogsClient,
  createEcsClient: () => import_chunk_A2ZB4GEY.createEcsClient,
  createS3Client: () => import_chunk_G3PK4UPH.createS3Client,
  createSageMakerClient: () => import_chunk_A2ZB4GEY.createSageMakerClient,
  createSecretsManagerClient: () => import_chunk_A2ZB4GEY.createSecretsManagerClient
});
module.exports = __defProp(clients_M3TCOAW4_exports, "__esModule", { value: true });
var import_chunk_A2ZB4GEY = require("./chunk-A2ZB4GEY.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CLIENT_RETRY,
  clientConfig,
  createCloudWatchLogsClient,
  createEcsClient,
  createS3Client,
  createSageMakerClient,
  createSecretsManagerClient
});
