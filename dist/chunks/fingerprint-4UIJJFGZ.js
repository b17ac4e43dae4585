import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  gatherFingerprintInputs,
  indexReader,
  runFingerprint
} from "./chunk-VV6DHBOK.js";
import "./chunk-6MLJGRIQ.js";
import "./chunk-MZMGGJLS.js";
import "./chunk-K7QAG5FF.js";
import "./chunk-U5SEZIOI.js";
import "./chunk-2LTHJ3JV.js";
import "./chunk-N5M5JGPS.js";
import "./chunk-VF7KJEF7.js";
import "./chunk-F5AZXM46.js";
import {
  ConsoleLogger
} from "./chunk-7CYAUQXO.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-RBPMM6CA.js";
import {
  load
} from "./chunk-A2M5ROJM.js";
import {
  ConfigError
} from "./chunk-7Z4LDHEY.js";
import "./chunk-VHNHW4JV.js";
import "./chunk-AGW3FMZB.js";
import "./chunk-M2NW7RRS.js";
import "./chunk-B3JEVRDI.js";
import "./chunk-U5VYFFZZ.js";
import "./chunk-S3SLN6VT.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";

// src/cli/fingerprint.ts
var s3Of = (deps) => deps.pipeline?.s3 ?? (async (region) => (await import("./s3-EOISSEAY.js")).createS3Client(region));
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
