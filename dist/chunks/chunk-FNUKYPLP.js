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
var chunk_FNUKYPLP_exports = {};
__export(chunk_FNUKYPLP_exports, {
  medianLatency: () => medianLatency,
  reusedNote: () => reusedNote,
  reusedRow: () => reusedRow,
  reusedTitlePrefix: () => reusedTitlePrefix
});
module.exports = __defProp(chunk_FNUKYPLP_exports, "__esModule", { value: true });
var import_chunk_NYTR2SKW = require("./chunk-NYTR2SKW.js");
var shortSha = (sha) => sha.slice(0, 12);
function reusedNote(result) {
  const from = result.reused;
  if (!from) return void 0;
  const link = result.links.find((l) => /job/i.test(l.label)) ?? result.links[0];
  const job = link ? `[${(0, import_chunk_NYTR2SKW.inlineCode)(from.jobName)}](${encodeURI(link.url)})` : (0, import_chunk_NYTR2SKW.inlineCode)(from.jobName);
  const commit = from.commit ? `commit ${(0, import_chunk_NYTR2SKW.inlineCode)(shortSha(from.commit))}, ` : "";
  return `\u267B\uFE0F **Reused**: nothing was built or trained. This is the result of training job ${job} (${commit}ended ${(0, import_chunk_NYTR2SKW.escapeInline)(from.ranAt)}), which had the same run fingerprint (${(0, import_chunk_NYTR2SKW.inlineCode)(from.fingerprint.slice(0, 16))}); its artifacts are still there.`;
}
function reusedTitlePrefix(result) {
  const from = result.reused;
  if (!from) return "";
  return `Reused ${from.jobName}${from.commit ? ` (${shortSha(from.commit)})` : ""} \xB7 `;
}
function reusedRow(result) {
  const from = result.reused;
  if (!from) return void 0;
  const commit = from.commit ? `commit ${shortSha(from.commit)}, ` : "";
  return ["Reused from", `${from.jobName} (${commit}ended ${from.ranAt}; nothing was trained)`];
}
function medianLatency(samples) {
  const values = samples.flatMap((s) => s.latencyMs === void 0 ? [] : [s.latencyMs]).sort((a, b) => a - b);
  if (values.length === 0) return void 0;
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[mid] : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  medianLatency,
  reusedNote,
  reusedRow,
  reusedTitlePrefix
});
