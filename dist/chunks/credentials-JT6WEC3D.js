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
var credentials_JT6WEC3D_exports = {};
__export(credentials_JT6WEC3D_exports, {
  CLI_EXPIRY_ADVICE: () => import_chunk_JJKN5NHK.CLI_EXPIRY_ADVICE,
  IdTokenUnavailableError: () => import_chunk_JJKN5NHK.IdTokenUnavailableError,
  OidcRoleCredentials: () => import_chunk_JJKN5NHK.OidcRoleCredentials,
  ROLE_ARN_PATTERN: () => import_chunk_KWKXA2KE.ROLE_ARN_PATTERN,
  SESSION_DURATION: () => import_chunk_JJKN5NHK.SESSION_DURATION,
  defaultSessionName: () => import_chunk_JJKN5NHK.defaultSessionName,
  sanitizeSessionName: () => import_chunk_JJKN5NHK.sanitizeSessionName,
  setUpAwsCredentials: () => import_chunk_JJKN5NHK.setUpAwsCredentials,
  useCredentials: () => import_chunk_ZIWWOMLH.useCredentials,
  useRoleCredentials: () => import_chunk_JJKN5NHK.useRoleCredentials,
  warnIfCredentialsExpireEarly: () => import_chunk_JJKN5NHK.warnIfCredentialsExpireEarly
});
module.exports = __defProp(credentials_JT6WEC3D_exports, "__esModule", { value: true });
var import_chunk_JJKN5NHK = require("./chunk-JJKN5NHK.js");
var import_chunk_IULFMOT4 = require("./chunk-IULFMOT4.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_HIONJ6JB = require("./chunk-HIONJ6JB.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CLI_EXPIRY_ADVICE,
  IdTokenUnavailableError,
  OidcRoleCredentials,
  ROLE_ARN_PATTERN,
  SESSION_DURATION,
  defaultSessionName,
  sanitizeSessionName,
  setUpAwsCredentials,
  useCredentials,
  useRoleCredentials,
  warnIfCredentialsExpireEarly
});
