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
var chunk_OVMUTU22_exports = {};
__export(chunk_OVMUTU22_exports, {
  notRecordedWarning: () => notRecordedWarning,
  pinnedDigest: () => pinnedDigest,
  unpinnedImageReason: () => unpinnedImageReason
});
module.exports = __defProp(chunk_OVMUTU22_exports, "__esModule", { value: true });
var DIGEST = /@(sha256:[0-9a-f]{64})$/;
function pinnedDigest(uri) {
  return DIGEST.exec(uri)?.[1];
}
function unpinnedImageReason(request) {
  const spec = request.image;
  if (spec.kind !== "prebuilt" || pinnedDigest(spec.uri)) return void 0;
  return `image.uri ${spec.uri} names a tag, which can move: pin it by digest (\u2026@sha256:\u2026) to reuse results`;
}
function notRecordedWarning(reason) {
  return `Run cache: not reused and not recorded, because ${reason}.`;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  notRecordedWarning,
  pinnedDigest,
  unpinnedImageReason
});
