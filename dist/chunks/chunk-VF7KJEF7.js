import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);

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
