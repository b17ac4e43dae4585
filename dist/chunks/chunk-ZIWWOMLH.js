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
var chunk_ZIWWOMLH_exports = {};
__export(chunk_ZIWWOMLH_exports, {
  CLIENT_RETRY: () => CLIENT_RETRY,
  clientConfig: () => clientConfig,
  installedCredentials: () => installedCredentials,
  useCredentials: () => useCredentials
});
module.exports = __defProp(chunk_ZIWWOMLH_exports, "__esModule", { value: true });
var CLIENT_RETRY = { maxAttempts: 10, retryMode: "standard" };
var installed;
function useCredentials(provider) {
  if (installed !== void 0 && installed !== provider) {
    throw new Error("AWS credentials are already set for this process; remove them before setting others");
  }
  installed = provider;
  return () => {
    if (installed === provider) installed = void 0;
  };
}
function installedCredentials() {
  return installed;
}
function clientConfig(region) {
  return { region, ...CLIENT_RETRY, ...installed ? { credentials: installed } : {} };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CLIENT_RETRY,
  clientConfig,
  installedCredentials,
  useCredentials
});
