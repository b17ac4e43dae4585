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
var fingerprint_NQ74HTVO_exports = {};
__export(fingerprint_NQ74HTVO_exports, {
  fingerprint: () => fingerprint,
  fingerprintReport: () => fingerprintReport
});
module.exports = __defProp(fingerprint_NQ74HTVO_exports, "__esModule", { value: true });
var import_chunk_ZIFLYHXC = require("./chunk-ZIFLYHXC.js");
var import_chunk_EZNXSEHB = require("./chunk-EZNXSEHB.js");
var import_chunk_VK5EXTPS = require("./chunk-VK5EXTPS.js");
var import_chunk_SPTEJLOZ = require("./chunk-SPTEJLOZ.js");
var import_chunk_VBX2D4NB = require("./chunk-VBX2D4NB.js");
var import_chunk_6EMK3JHB = require("./chunk-6EMK3JHB.js");
var import_chunk_WAEPYHZO = require("./chunk-WAEPYHZO.js");
var import_chunk_NBTSJA7Y = require("./chunk-NBTSJA7Y.js");
var import_chunk_HNNMNGSZ = require("./chunk-HNNMNGSZ.js");
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_OVMUTU22 = require("./chunk-OVMUTU22.js");
var import_chunk_G3PK4UPH = require("./chunk-G3PK4UPH.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_NK3AZN6Y = require("./chunk-NK3AZN6Y.js");
var import_chunk_634ZN4XJ = require("./chunk-634ZN4XJ.js");
var import_chunk_YJLFLQOZ = require("./chunk-YJLFLQOZ.js");
var import_chunk_SZ5DK7JW = require("./chunk-SZ5DK7JW.js");
var import_chunk_OKR6MCXK = require("./chunk-OKR6MCXK.js");
var import_chunk_UO73Q2OA = require("./chunk-UO73Q2OA.js");
var import_chunk_HIONJ6JB = require("./chunk-HIONJ6JB.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var s3Of = (deps) => deps.pipeline?.s3 ?? (async (region) => (await Promise.resolve().then(() => require("./s3-V5YLQVFO.js"))).createS3Client(region));
function partsOf(gathered) {
  if (gathered.kind === "complete") return (0, import_chunk_ZIFLYHXC.runFingerprint)(gathered.inputs);
  if (gathered.kind === "unavailable") return { parts: [] };
  const { parts } = (0, import_chunk_ZIFLYHXC.runFingerprint)({ ...gathered.inputs, image: { kind: "digest", digest: "(not pushed yet)" } });
  return { parts };
}
async function fingerprintReport(request, deps, verbose) {
  const logger = deps.logger ?? new import_chunk_NBTSJA7Y.ConsoleLogger(deps.stderr, verbose);
  const s3 = s3Of(deps);
  const gathered = await (0, import_chunk_ZIFLYHXC.gatherFingerprintInputs)(request, {
    logger,
    env: deps.env,
    s3,
    ...deps.pipeline?.ecr ? { ecr: deps.pipeline.ecr } : {},
    ...deps.pipeline?.runCache?.fetch ? { fetch: deps.pipeline.runCache.fetch } : {}
  });
  const { fingerprint: fingerprint2, parts } = partsOf(gathered);
  if (fingerprint2 === void 0) {
    return { parts, reason: gathered.kind === "complete" ? "unknown" : gathered.reason };
  }
  const store = (0, import_chunk_ZIFLYHXC.indexReader)(request.output, { s3: () => s3(request.region) });
  const recorded = await store.read(fingerprint2).then(
    (text2) => text2 !== void 0,
    () => void 0
  );
  return { fingerprint: fingerprint2, parts, entry: store.where(fingerprint2), ...recorded !== void 0 ? { recorded } : {} };
}
function text(report) {
  const width = Math.max(12, ...report.parts.map((p) => p.name.length)) + 2;
  const head = report.fingerprint ? [
    `Fingerprint  ${report.fingerprint}`,
    `Entry        ${report.entry ?? ""} (${report.recorded === void 0 ? "could not be read" : report.recorded ? "recorded" : "none yet"})`
  ] : [`Fingerprint  none: ${report.reason ?? "unknown"}`];
  const parts = report.parts.map((p) => `  ${p.name.padEnd(width)}${p.value}`);
  return [...head, ...parts.length > 0 ? ["", "Parts:", ...parts] : [], ""].join("\n");
}
async function fingerprint(values, deps) {
  let request;
  try {
    request = await (0, import_chunk_NK3AZN6Y.load)(values, deps);
  } catch (err) {
    if (!(err instanceof import_chunk_634ZN4XJ.ConfigError)) throw err;
    deps.stderr.write(`${err.message}
`);
    return 2;
  }
  const report = await fingerprintReport(request, deps, values.verbose === true);
  deps.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}
` : text(report));
  return report.fingerprint ? 0 : 1;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  fingerprint,
  fingerprintReport
});
