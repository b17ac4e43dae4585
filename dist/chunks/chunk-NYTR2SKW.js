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
var chunk_NYTR2SKW_exports = {};
__export(chunk_NYTR2SKW_exports, {
  alignColumns: () => alignColumns,
  clip: () => clip,
  clipBytes: () => clipBytes,
  codeBlock: () => codeBlock,
  escapeInline: () => escapeInline,
  formatDelta: () => formatDelta,
  formatDuration: () => formatDuration,
  formatNumber: () => formatNumber,
  inlineCode: () => inlineCode
});
module.exports = __defProp(chunk_NYTR2SKW_exports, "__esModule", { value: true });
function formatNumber(value) {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}
function formatDelta(delta) {
  const rounded = Number(delta.toPrecision(6));
  if (rounded === 0) return "\xB10";
  return `${rounded > 0 ? "+" : "\u2212"}${formatNumber(Math.abs(rounded))}`;
}
function formatDuration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return "unknown";
  if (seconds < 60) return `${Number(seconds.toFixed(1))}s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total % 3600 / 60);
  const s = total % 60;
  const pad = (n) => String(n).padStart(2, "0");
  return h > 0 ? `${h}h ${pad(m)}m ${pad(s)}s` : `${m}m ${pad(s)}s`;
}
function escapeInline(text) {
  return text.replace(/\r?\n/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|");
}
function inlineCode(text) {
  const flat = text.replace(/\r?\n/g, " ");
  const longest = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`.replace(/\|/g, "\\|");
}
function codeBlock(text, info = "text") {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`{3,}/g), (m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}
${text}
${fence}`;
}
function clip(text, maxChars) {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, Math.max(0, maxChars - 1))}\u2026`;
}
function clipBytes(text, maxBytes) {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes);
  while (end > 0 && ((bytes[end] ?? 0) & 192) === 128) end--;
  return bytes.subarray(0, end).toString("utf8");
}
function alignColumns(rows) {
  const widths = [];
  for (const row of rows) row.forEach((cell, i) => widths[i] = Math.max(widths[i] ?? 0, [...cell].length));
  return rows.map(
    (row) => row.map((cell, i) => i === row.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - [...cell].length)).join("  ").trimEnd()
  ).join("\n");
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  alignColumns,
  clip,
  clipBytes,
  codeBlock,
  escapeInline,
  formatDelta,
  formatDuration,
  formatNumber,
  inlineCode
});
