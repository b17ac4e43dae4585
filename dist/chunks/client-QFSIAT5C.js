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
var client_QFSIAT5C_exports = {};
__export(client_QFSIAT5C_exports, {
  DEFAULT_API_URL: () => import_chunk_VX7BJFZM.DEFAULT_API_URL,
  MAX_RATE_LIMIT_WAIT_S: () => import_chunk_VX7BJFZM.MAX_RATE_LIMIT_WAIT_S,
  createGithub: () => import_chunk_VX7BJFZM.createGithub,
  describeGithubError: () => import_chunk_VX7BJFZM.describeGithubError,
  errorText: () => import_chunk_VX7BJFZM.errorText,
  rateLimitHandlers: () => import_chunk_VX7BJFZM.rateLimitHandlers
});
module.exports = __defProp(client_QFSIAT5C_exports, "__esModule", { value: true });
var import_chunk_VX7BJFZM = require("./chunk-VX7BJFZM.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  DEFAULT_API_URL,
  MAX_RATE_LIMIT_WAIT_S,
  createGithub,
  describeGithubError,
  errorText,
  rateLimitHandlers
});
