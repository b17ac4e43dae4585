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
var s3_V5YLQVFO_exports = {};
__export(s3_V5YLQVFO_exports, {
  createS3Client: () => import_chunk_G3PK4UPH.createS3Client,
  downloadObject: () => import_chunk_G3PK4UPH.downloadObject,
  joinS3Key: () => import_chunk_G3PK4UPH.joinS3Key,
  listObjects: () => import_chunk_G3PK4UPH.listObjects,
  putJsonObject: () => import_chunk_G3PK4UPH.putJsonObject,
  readSmallObject: () => import_chunk_G3PK4UPH.readSmallObject,
  s3Uri: () => import_chunk_G3PK4UPH.s3Uri,
  uploadStream: () => import_chunk_G3PK4UPH.uploadStream
});
module.exports = __defProp(s3_V5YLQVFO_exports, "__esModule", { value: true });
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  createS3Client,
  downloadObject,
  joinS3Key,
  listObjects,
  putJsonObject,
  readSmallObject,
  s3Uri,
  uploadStream
});
