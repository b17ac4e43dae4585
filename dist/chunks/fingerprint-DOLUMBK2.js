import {
  gatherFingerprintInputs,
  indexReader,
  runFingerprint
} from "./chunk-ZIFLYHXC.js";
import "./chunk-EZNXSEHB.js";
import "./chunk-VK5EXTPS.js";
import "./chunk-SPTEJLOZ.js";
import "./chunk-VBX2D4NB.js";
import "./chunk-6EMK3JHB.js";
import "./chunk-WAEPYHZO.js";
import {
  ConsoleLogger
} from "./chunk-NBTSJA7Y.js";
import "./chunk-HNNMNGSZ.js";
import "./chunk-NHSZ5FW5.js";
import "./chunk-OVMUTU22.js";
import "./chunk-G3PK4UPH.js";
import "./chunk-YOYRZ3GA.js";
import {
  load
} from "./chunk-YCPKGGKK.js";
import {
  ConfigError
} from "./chunk-EXI4PAKY.js";
import "./chunk-YJLFLQOZ.js";
import "./chunk-SZ5DK7JW.js";
import "./chunk-OKR6MCXK.js";
import "./chunk-OWRVBMST.js";
import "./chunk-HIONJ6JB.js";
import "./chunk-KWKXA2KE.js";
import "./chunk-OEPHYHQN.js";
import "./chunk-ZIWWOMLH.js";
import "./chunk-7VZ5H7B6.js";

// src/cli/fingerprint.ts
var s3Of = (deps) => deps.pipeline?.s3 ?? (async (region) => (await import("./s3-V5YLQVFO.js")).createS3Client(region));
function partsOf(gathered) {
  if (gathered.kind === "complete") return runFingerprint(gathered.inputs);
  if (gathered.kind === "unavailable") return { parts: [] };
  const { parts } = runFingerprint({ ...gathered.inputs, image: { kind: "digest", digest: "(not pushed yet)" } });
  return { parts };
}
async function fingerprintReport(request, deps, verbose) {
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, verbose);
  const s3 = s3Of(deps);
  const gathered = await gatherFingerprintInputs(request, {
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
  const store = indexReader(request.output, { s3: () => s3(request.region) });
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
    request = await load(values, deps);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    deps.stderr.write(`${err.message}
`);
    return 2;
  }
  const report = await fingerprintReport(request, deps, values.verbose === true);
  deps.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}
` : text(report));
  return report.fingerprint ? 0 : 1;
}
export {
  fingerprint,
  fingerprintReport
};
