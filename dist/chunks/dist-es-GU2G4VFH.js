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
var dist_es_GU2G4VFH_exports = {};
__export(dist_es_GU2G4VFH_exports, {
  ENV_ACCOUNT_ID: () => import_chunk_2MJ7FFP2.ENV_ACCOUNT_ID,
  ENV_CREDENTIAL_SCOPE: () => import_chunk_2MJ7FFP2.ENV_CREDENTIAL_SCOPE,
  ENV_EXPIRATION: () => import_chunk_2MJ7FFP2.ENV_EXPIRATION,
  ENV_KEY: () => import_chunk_2MJ7FFP2.ENV_KEY,
  ENV_SECRET: () => import_chunk_2MJ7FFP2.ENV_SECRET,
  ENV_SESSION: () => import_chunk_2MJ7FFP2.ENV_SESSION,
  fromEnv: () => import_chunk_2MJ7FFP2.fromEnv
});
module.exports = __defProp(dist_es_GU2G4VFH_exports, "__esModule", { value: true });
var import_chunk_2MJ7FFP2 = require("./chunk-2MJ7FFP2.js");
var import_chunk_LYTMSHXR = require("./chunk-LYTMSHXR.js");
var import_chunk_YFMXSBBW = require("./chunk-YFMXSBBW.js");
var import_chunk_65MDVLYD = require("./chunk-65MDVLYD.js");
var import_chunk_LU7E3M5V = require("./chunk-LU7E3M5V.js");
var import_chunk_X4VY5EZD = require("./chunk-X4VY5EZD.js");
var import_chunk_TC5HUNIO = require("./chunk-TC5HUNIO.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ENV_ACCOUNT_ID,
  ENV_CREDENTIAL_SCOPE,
  ENV_EXPIRATION,
  ENV_KEY,
  ENV_SECRET,
  ENV_SESSION,
  fromEnv
});
