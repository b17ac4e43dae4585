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
var chunk_XSKGJPZJ_exports = {};
__export(chunk_XSKGJPZJ_exports, {
  findReusableResult: () => findReusableResult,
  recordRunResult: () => recordRunResult,
  reusedResult: () => reusedResult,
  trainedFingerprint: () => trainedFingerprint
});
module.exports = __defProp(chunk_XSKGJPZJ_exports, "__esModule", { value: true });
var import_chunk_ZIFLYHXC = require("./chunk-ZIFLYHXC.js");
var import_chunk_OVMUTU22 = require("./chunk-OVMUTU22.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
function storeOf(request, deps) {
  return (0, import_chunk_ZIFLYHXC.indexReader)(request.output, {
    s3: () => deps.s3(request.region),
    ...deps.signal ? { signal: deps.signal } : {}
  });
}
async function missingArtifacts(entry, request, deps) {
  const uris = [entry.result.modelArtifacts, entry.result.outputArtifacts].filter((u) => !!u);
  const s3 = { s3: () => deps.s3(request.region), ...deps.signal ? { signal: deps.signal } : {} };
  const found = await Promise.all(uris.map((uri) => (0, import_chunk_ZIFLYHXC.artifactExists)(uri, s3)));
  return uris.filter((_, i) => !found[i]);
}
function reusedResult(entry, where) {
  return {
    ...entry.result,
    imageBuilt: false,
    reused: {
      jobName: entry.jobName,
      ...entry.commit ? { commit: entry.commit } : {},
      ranAt: entry.ranAt,
      fingerprint: entry.fingerprint,
      entry: where
    }
  };
}
async function lookUp(request, fingerprint, deps) {
  const store = storeOf(request, deps);
  const where = store.where(fingerprint.fingerprint);
  let text;
  try {
    text = await store.read(fingerprint.fingerprint);
  } catch (err) {
    deps.signal?.throwIfAborted();
    deps.logger.warning(`Run cache: the index entry ${where} could not be read (${(0, import_chunk_OEPHYHQN.messageOf)(err)}); ignoring it.`);
    return { reason: `its index entry could not be read` };
  }
  if (text === void 0) return { reason: `no completed run has fingerprint ${fingerprint.fingerprint}` };
  const parsed = (0, import_chunk_ZIFLYHXC.parseEntry)(text, fingerprint.fingerprint);
  if ("problem" in parsed) {
    deps.logger.warning(`Run cache: ignoring the index entry ${where}: ${parsed.problem}.`);
    return { reason: "its index entry is unreadable" };
  }
  const missing = await missingArtifacts(parsed.entry, request, deps);
  if (missing.length > 0) {
    return {
      reason: `run ${parsed.entry.jobName} had this fingerprint, but its artifacts are gone (${missing.join(", ")})`
    };
  }
  return { entry: parsed.entry, where };
}
async function findReusableResult(request, deps) {
  const started = Date.now();
  const gathered = await (0, import_chunk_ZIFLYHXC.gatherFingerprintInputs)(request, deps);
  const took = `${((Date.now() - started) / 1e3).toFixed(2)} s`;
  const lookedUp = gathered.lookedUp ? { lookedUp: gathered.lookedUp } : {};
  if (gathered.kind === "unavailable") {
    deps.logger.warning((0, import_chunk_OVMUTU22.notRecordedWarning)(gathered.reason));
    return { kind: "train", reason: gathered.reason, ...lookedUp };
  }
  if (request.reuse === false) {
    deps.logger.info("Run cache: reuse is off (reuse: false); the run is trained, and recorded when it completes.");
    return { kind: "train", reason: "reuse is off", gathered, ...lookedUp };
  }
  if (gathered.kind === "image-pending") {
    deps.logger.info(`Run cache: training, because the ${gathered.reason} (${took}).`);
    return { kind: "train", reason: gathered.reason, gathered, ...lookedUp };
  }
  const fingerprint = (0, import_chunk_ZIFLYHXC.runFingerprint)(gathered.inputs);
  const found = await lookUp(request, fingerprint, deps);
  if ("reason" in found) {
    deps.logger.info(`Run cache: training, because ${found.reason} (${took}).`);
    return { kind: "train", reason: found.reason, gathered, ...lookedUp };
  }
  const { entry, where } = found;
  deps.logger.info(
    `Run cache: reusing training job ${entry.jobName} (commit ${entry.commit ?? "unknown"}, ended ${entry.ranAt}): same fingerprint ${fingerprint.fingerprint}, artifacts present (${where}; ${took} to fingerprint). Nothing is built or trained.`
  );
  return { kind: "reuse", result: reusedResult(entry, where), fingerprint };
}
function trainedFingerprint(verdict, request, image) {
  if (verdict?.kind !== "train" || !verdict.gathered) return void 0;
  const { gathered } = verdict;
  if (gathered.kind === "complete") return (0, import_chunk_ZIFLYHXC.runFingerprint)(gathered.inputs);
  const identity = (0, import_chunk_ZIFLYHXC.identityOfResolvedImage)(request, image);
  return identity ? (0, import_chunk_ZIFLYHXC.runFingerprint)({ ...gathered.inputs, image: identity }) : void 0;
}
async function recordRunResult(o) {
  const { request, fingerprint, result, deps } = o;
  if (result.status !== "Completed" || result.reused) return false;
  const store = (0, import_chunk_ZIFLYHXC.indexWriter)(request.output, {
    s3: () => deps.s3(request.region),
    ...deps.signal ? { signal: deps.signal } : {}
  });
  const where = store.where(fingerprint.fingerprint);
  try {
    const commit = await deps.commit;
    const text = (0, import_chunk_ZIFLYHXC.entryText)({
      fingerprint: fingerprint.fingerprint,
      parts: fingerprint.parts,
      result,
      ...commit ? { commit } : {},
      now: (deps.now ?? (() => /* @__PURE__ */ new Date()))()
    });
    await store.write(fingerprint.fingerprint, text);
    deps.logger.info(`Run cache: recorded ${result.jobName} as ${where}.`);
    return true;
  } catch (err) {
    deps.logger.warning(`Run cache: could not record ${result.jobName} at ${where} (${(0, import_chunk_OEPHYHQN.messageOf)(err)}).`);
    return false;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  findReusableResult,
  recordRunResult,
  reusedResult,
  trainedFingerprint
});
