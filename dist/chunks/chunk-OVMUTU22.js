// src/cache/unpinned.ts
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

export {
  pinnedDigest,
  unpinnedImageReason,
  notRecordedWarning
};
