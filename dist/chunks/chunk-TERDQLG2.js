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
var chunk_TERDQLG2_exports = {};
__export(chunk_TERDQLG2_exports, {
  askEngineInfoEarly: () => askEngineInfoEarly,
  asksEngineInfo: () => asksEngineInfo,
  memoizeDocker: () => memoizeDocker,
  prefetchEngineInfo: () => prefetchEngineInfo2
});
module.exports = __defProp(chunk_TERDQLG2_exports, "__esModule", { value: true });
var import_chunk_4VGYOB5M = require("./chunk-4VGYOB5M.js");
var import_chunk_AJ4NKK5M = require("./chunk-AJ4NKK5M.js");
var unconnectedDefaults = /* @__PURE__ */ new WeakSet();
function memoizeDocker(docker = import_chunk_AJ4NKK5M.createDocker) {
  if (typeof docker !== "function") return docker;
  let connected;
  const provider = () => {
    unconnectedDefaults.delete(provider);
    return connected ??= docker();
  };
  if (docker === import_chunk_AJ4NKK5M.createDocker) unconnectedDefaults.add(provider);
  return provider;
}
function asksEngineInfo(request) {
  return request.mode === "local" && (0, import_chunk_4VGYOB5M.needsEngineInfo)(request.job);
}
function askEngineInfoEarly(docker) {
  if (unconnectedDefaults.has(docker)) (0, import_chunk_AJ4NKK5M.prefetchDefaultEngineInfo)();
}
async function prefetchEngineInfo2(docker) {
  askEngineInfoEarly(docker);
  try {
    (0, import_chunk_AJ4NKK5M.prefetchEngineInfo)(typeof docker === "function" ? await docker() : docker);
  } catch {
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  askEngineInfoEarly,
  asksEngineInfo,
  memoizeDocker,
  prefetchEngineInfo
});
