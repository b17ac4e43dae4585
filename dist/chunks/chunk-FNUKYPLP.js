import {
  escapeInline,
  inlineCode
} from "./chunk-NYTR2SKW.js";

// src/report/reused.ts
var shortSha = (sha) => sha.slice(0, 12);
function reusedNote(result) {
  const from = result.reused;
  if (!from) return void 0;
  const link = result.links.find((l) => /job/i.test(l.label)) ?? result.links[0];
  const job = link ? `[${inlineCode(from.jobName)}](${encodeURI(link.url)})` : inlineCode(from.jobName);
  const commit = from.commit ? `commit ${inlineCode(shortSha(from.commit))}, ` : "";
  return `\u267B\uFE0F **Reused**: nothing was built or trained. This is the result of training job ${job} (${commit}ended ${escapeInline(from.ranAt)}), which had the same run fingerprint (${inlineCode(from.fingerprint.slice(0, 16))}); its artifacts are still there.`;
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

// src/serving.ts
function medianLatency(samples) {
  const values = samples.flatMap((s) => s.latencyMs === void 0 ? [] : [s.latencyMs]).sort((a, b) => a - b);
  if (values.length === 0) return void 0;
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[mid] : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
}

export {
  reusedNote,
  reusedTitlePrefix,
  reusedRow,
  medianLatency
};
