var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var chunk_A2ZB4GEY_exports = {};
__export(chunk_A2ZB4GEY_exports, {
  createCloudWatchLogsClient: () => createCloudWatchLogsClient,
  createEcsClient: () => createEcsClient,
  createSageMakerClient: () => createSageMakerClient,
  createSecretsManagerClient: () => createSecretsManagerClient
});
module.exports = __defProp(chunk_A2ZB4GEY_exports, "__esModule", { value: true });
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
async function createSageMakerClient(region) {
  const { SageMakerClient } = await Promise.resolve().then(() => require("./dist-es-TDH24GG4.js"));
  return new SageMakerClient((0, import_chunk_ZIWWOMLH.clientConfig)(region));
}
async function createCloudWatchLogsClient(region) {
  const { CloudWatchLogsClient } = await Promise.resolve().then(() => require("./dist-es-GAO4KP5T.js"));
  return new CloudWatchLogsClient((0, import_chunk_ZIWWOMLH.clientConfig)(region));
}
async function createEcsClient(region) {
  const { ECSClient } = await Promise.resolve().then(() => require("./dist-es-ISAV356K.js"));
  return new ECSClient((0, import_chunk_ZIWWOMLH.clientConfig)(region));
}
async function createSecretsManagerClient(region) {
  const { SecretsManagerClient } = await Promise.resolve().then(() => require("./dist-es-R2OGOPKR.js"));
  return new SecretsManagerClient((0, import_chunk_ZIWWOMLH.clientConfig)(region));
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  createCloudWatchLogsClient,
  createEcsClient,
  createSageMakerClient,
  createSecretsManagerClient
});
