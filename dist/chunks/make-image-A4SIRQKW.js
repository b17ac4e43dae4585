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
var make_image_A4SIRQKW_exports = {};
__export(make_image_A4SIRQKW_exports, {
  makeImage: () => makeImage
});
module.exports = __defProp(make_image_A4SIRQKW_exports, "__esModule", { value: true });
var import_chunk_VK5EXTPS = require("./chunk-VK5EXTPS.js");
var import_chunk_7GY6S3HI = require("./chunk-7GY6S3HI.js");
var import_chunk_VGI42KPH = require("./chunk-VGI42KPH.js");
var import_chunk_SPTEJLOZ = require("./chunk-SPTEJLOZ.js");
var import_chunk_VBX2D4NB = require("./chunk-VBX2D4NB.js");
var import_chunk_SO5CUFW3 = require("./chunk-SO5CUFW3.js");
var import_chunk_HOY3A64H = require("./chunk-HOY3A64H.js");
var import_chunk_6EMK3JHB = require("./chunk-6EMK3JHB.js");
var import_chunk_NHSZ5FW5 = require("./chunk-NHSZ5FW5.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var import_node_crypto = require("node:crypto");
var import_node_path = require("node:path");
var import_node_crypto2 = require("node:crypto");
var import_node_crypto3 = require("node:crypto");
var import_promises = require("node:fs/promises");
var import_node_os = require("node:os");
var import_node_path2 = require("node:path");
var import_node_crypto4 = require("node:crypto");
var import_node_fs = require("node:fs");
var import_node_stream = require("node:stream");
var import_promises2 = require("node:fs/promises");
var import_node_path3 = require("node:path");
var import_node_path4 = require("node:path");
var import_node_path5 = require("node:path");
var import_node_crypto5 = require("node:crypto");
var import_node_fs2 = require("node:fs");
var import_node_stream2 = require("node:stream");
var import_promises3 = require("node:stream/promises");
var import_node_zlib = require("node:zlib");
var import_node_stream3 = require("node:stream");
var import_node_zlib2 = require("node:zlib");
var import_node_util = require("node:util");
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
var PushProgress = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  digest;
  error;
  layers = { pushed: 0, present: 0, bytes: 0 };
  sizes = /* @__PURE__ */ new Map();
  push(message) {
    if (message.aux?.Digest) this.digest = message.aux.Digest;
    if (message.error !== void 0 || message.errorDetail?.message !== void 0) {
      this.error = (message.errorDetail?.message ?? message.error ?? "").trim();
      return;
    }
    const { id, status } = message;
    if (!id || !status) return;
    const total = message.progressDetail?.total;
    if (status === "Pushing" && total !== void 0 && total > 0) this.sizes.set(id, total);
    const size = this.sizes.get(id);
    const sized = size !== void 0 ? ` (${formatBytes(size)})` : "";
    if (status === "Pushed") {
      this.layers.pushed++;
      this.layers.bytes += size ?? 0;
      this.onLine(`layer ${id}: pushed${sized}`);
    } else if (status === "Layer already exists") {
      this.layers.present++;
      this.onLine(`layer ${id}: already present`);
    } else if (status.startsWith("Mounted from")) {
      this.layers.present++;
      this.onLine(`layer ${id}: ${status.toLowerCase()}`);
    }
  }
};
var TRANSIENT = /(timeout|timed out|connection reset|ECONNRESET|ECONNREFUSED|EPIPE|broken pipe|i\/o timeout|EOF|50[0234]|Service Unavailable|Bad Gateway|Gateway Time|Internal Server Error|TooManyRequests|429|try again)/i;
var REFUSAL = /(denied|unauthorized|authentication required|no basic auth credentials|forbidden|name unknown|immutable|tag invalid|already exists)/i;
function isTransientPushError(message) {
  return TRANSIENT.test(message) && !REFUSAL.test(message);
}
async function pushOnce(opts, serveraddress) {
  const { docker, repository, tag, logger } = opts;
  const authconfig = opts.credentials ? { username: opts.credentials.username, password: opts.credentials.password, serveraddress } : { serveraddress };
  let stream;
  try {
    stream = await docker.getImage(repository).push({
      tag,
      authconfig,
      ...opts.signal ? { abortSignal: opts.signal } : {}
    });
  } catch (err) {
    throw new Error(`The push of ${repository}:${tag} could not start: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  }
  const progress = new PushProgress((line) => logger.info(line));
  await (0, import_chunk_7GY6S3HI.readJsonLines)(stream, (message) => progress.push(message));
  opts.signal?.throwIfAborted();
  if (progress.error !== void 0)
    throw new Error(`The registry refused the push of ${repository}:${tag}: ${progress.error}`);
  if (!progress.digest) throw new Error(`The push of ${repository}:${tag} ended without a digest`);
  return { digest: progress.digest, progress };
}
async function pushImage(opts) {
  const attempts = Math.max(1, opts.attempts ?? 3);
  const sleep2 = opts.sleep ?? import_chunk_NHSZ5FW5.sleep;
  const serveraddress = opts.repository.split("/")[0] ?? opts.repository;
  for (let attempt = 1; ; attempt++) {
    try {
      const { digest, progress } = await pushOnce(opts, serveraddress);
      const { pushed, present, bytes } = progress.layers;
      opts.logger.info(
        `Pushed ${opts.repository}:${opts.tag} (${digest}): ${pushed} layer(s) pushed (${formatBytes(bytes)}), ${present} already present`
      );
      return { digest };
    } catch (err) {
      const message = (0, import_chunk_OEPHYHQN.messageOf)(err);
      if (opts.signal?.aborted || attempt >= attempts || !isTransientPushError(message)) throw err;
      const delay = 2e3 * 2 ** (attempt - 1);
      opts.logger.warning(`Push attempt ${attempt} of ${attempts} failed (${message}); retrying in ${delay / 1e3} s`);
      await sleep2(delay, opts.signal);
    }
  }
}
var DockerfileError = class extends Error {
  constructor(message, line) {
    super(`Dockerfile line ${line}: ${message}`);
    this.line = line;
    this.name = "DockerfileError";
  }
  line;
};
var DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
var KEYWORDS = /* @__PURE__ */ new Set([
  "FROM",
  "RUN",
  "CMD",
  "LABEL",
  "MAINTAINER",
  "EXPOSE",
  "ENV",
  "ADD",
  "COPY",
  "ENTRYPOINT",
  "VOLUME",
  "USER",
  "WORKDIR",
  "ARG",
  "ONBUILD",
  "STOPSIGNAL",
  "HEALTHCHECK",
  "SHELL"
]);
var WITH_FLAGS = /* @__PURE__ */ new Set(["FROM", "COPY", "ADD", "RUN", "HEALTHCHECK"]);
function readDirectives(lines) {
  let escape = "\\";
  let i = 0;
  for (; i < lines.length; i++) {
    const match = DIRECTIVE.exec(lines[i] ?? "");
    if (!match) break;
    const name = (match[1] ?? "").toLowerCase();
    if (name === "escape") {
      const value = match[2] ?? "";
      if (value !== "\\" && value !== "`") throw new DockerfileError(`invalid escape token "${value}"`, i + 1);
      escape = value;
    }
  }
  return { escape, first: i };
}
function splitFlags(text, line) {
  const flags = [];
  let rest = text;
  for (; ; ) {
    const match = /^--([a-zA-Z][a-zA-Z0-9-]*)(?:=(\S*))?(?:\s+|$)/.exec(rest);
    if (!match) break;
    const value = match[2];
    if (value === "") throw new DockerfileError(`the option --${match[1]} has an empty value`, line);
    flags.push({ name: (match[1] ?? "").toLowerCase(), value: value ?? true });
    rest = rest.slice(match[0].length);
  }
  return { flags, rest };
}
function parseJsonForm(rest) {
  if (!rest.startsWith("[")) return void 0;
  try {
    const value = JSON.parse(rest);
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  } catch {
  }
  return void 0;
}
function toInstruction(text, line) {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  const keyword = (match?.[1] ?? "").toUpperCase();
  if (!KEYWORDS.has(keyword)) throw new DockerfileError(`unknown instruction ${match?.[1] ?? text}`, line);
  const args = (match?.[2] ?? "").trim();
  if (/<<-?["']?[A-Za-z_]/.test(args) && (keyword === "RUN" || keyword === "COPY" || keyword === "ADD")) {
    throw new DockerfileError(`${keyword} with a here-document is not supported by the classic builder`, line);
  }
  const { flags, rest } = WITH_FLAGS.has(keyword) ? splitFlags(args, line) : { flags: [], rest: args };
  const json = parseJsonForm(rest);
  return { keyword, line, flags, rest, ...json ? { json } : {}, original: text };
}
function parseDockerfile(body) {
  const lines = body.replace(/^\uFEFF/, "").split(/\r?\n/);
  const { escape, first: start } = readDirectives(lines);
  const instructions = [];
  let pending;
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const trimmed = raw.trim();
    if (trimmed.startsWith("#") || trimmed === "" && pending) continue;
    if (trimmed === "") continue;
    const continued = new RegExp(`${escape === "\\" ? "\\\\" : "`"}\\s*$`).test(raw);
    const part = continued ? raw.replace(/.\s*$/, "") : raw;
    const text = pending ? pending.text + part : part.replace(/^\s+/, "");
    if (continued) {
      pending = { text, line: pending?.line ?? i + 1 };
      continue;
    }
    instructions.push(toInstruction(text.trim(), pending?.line ?? i + 1));
    pending = void 0;
  }
  if (pending) instructions.push(toInstruction(pending.text.trim(), pending.line));
  if (instructions.length === 0) throw new DockerfileError("the file has no instructions", 1);
  const first = instructions.find((x) => x.keyword !== "ARG");
  if (first && first.keyword !== "FROM") {
    throw new DockerfileError(`${first.keyword} before the first FROM (only ARG may come first)`, first.line);
  }
  if (!first) throw new DockerfileError("the file has no FROM instruction", instructions[0]?.line ?? 1);
  return { escape, instructions };
}
var ExpansionError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ExpansionError";
  }
};
var Scanner = class {
  constructor(text) {
    this.text = text;
  }
  text;
  pos = 0;
  peek() {
    return this.text[this.pos];
  }
  next() {
    return this.text[this.pos++];
  }
};
var NAME_CHAR = /[A-Za-z0-9_]/;
function readName(s) {
  let name = "";
  const first = s.peek();
  if (first !== void 0 && /[0-9]/.test(first)) return s.next() ?? "";
  while (s.peek() !== void 0 && NAME_CHAR.test(s.peek() ?? "")) name += s.next();
  return name;
}
function processBraced(s, lookup, escape) {
  const name = readName(s);
  if (name === "") throw new ExpansionError(`bad substitution near "${s.text}"`);
  const ch = s.next();
  if (ch === void 0) throw new ExpansionError(`missing "}" in "${s.text}"`);
  if (ch === "}") return lookup(name) ?? "";
  const colon = ch === ":";
  const op = colon ? s.next() : ch;
  if (op !== "-" && op !== "+" && op !== "?") {
    throw new ExpansionError(`unsupported modifier "${colon ? ":" : ""}${op ?? ""}" in \${${name}\u2026} of "${s.text}"`);
  }
  const word = processUntil(s, lookup, escape, "}");
  const value = lookup(name);
  const set = colon ? value !== void 0 && value !== "" : value !== void 0;
  if (op === "-") return set ? value ?? "" : word;
  if (op === "+") return set ? word : "";
  if (!set) throw new ExpansionError(`${name}: ${word || "is not allowed to be unset"}`);
  return value ?? "";
}
function processDollar(s, lookup, escape) {
  const ch = s.peek();
  if (ch === "{") {
    s.next();
    return processBraced(s, lookup, escape);
  }
  if (ch === void 0 || !NAME_CHAR.test(ch)) return "$";
  return lookup(readName(s)) ?? "";
}
function processSingleQuote(s) {
  let out = "";
  for (let ch = s.next(); ch !== "'"; ch = s.next()) {
    if (ch === void 0) throw new ExpansionError(`unexpected end of text in '' in "${s.text}"`);
    out += ch;
  }
  return out;
}
function processDoubleQuote(s, lookup, escape) {
  let out = "";
  for (let ch = s.next(); ch !== '"'; ch = s.next()) {
    if (ch === void 0) throw new ExpansionError(`unexpected end of text in "" in "${s.text}"`);
    if (ch === "$") out += processDollar(s, lookup, escape);
    else if (ch === escape && ['"', "$", escape].includes(s.peek() ?? "")) out += s.next();
    else out += ch;
  }
  return out;
}
function processUntil(s, lookup, escape, stop) {
  let out = "";
  for (; ; ) {
    const ch = s.next();
    if (ch === void 0) {
      if (stop !== void 0) throw new ExpansionError(`missing "${stop}" in "${s.text}"`);
      return out;
    }
    if (ch === stop) return out;
    if (ch === "'") out += processSingleQuote(s);
    else if (ch === '"') out += processDoubleQuote(s, lookup, escape);
    else if (ch === "$") out += processDollar(s, lookup, escape);
    else if (ch === escape) out += s.next() ?? "";
    else out += ch;
  }
}
function expandWord(word, lookup, escape = "\\") {
  return processUntil(new Scanner(word), lookup, escape);
}
function splitWords(text, escape = "\\") {
  const words = [];
  let word = "";
  let quote;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (quote === void 0 && /\s/.test(ch)) {
      if (word !== "") words.push(word);
      word = "";
      continue;
    }
    word += ch;
    if (ch === escape && quote !== "'" && i + 1 < text.length) word += text[++i] ?? "";
    else if (quote === void 0 && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = void 0;
  }
  if (word !== "") words.push(word);
  return words;
}
function nameValuePairs(text, escape, legacy) {
  const words = splitWords(text, escape);
  if (words.length === 0) return [];
  const first = words[0] ?? "";
  if (legacy && !first.includes("=")) {
    const value = text.trim().slice(first.length).trim();
    return [{ name: first, value }];
  }
  return words.map((w) => {
    const eq = w.indexOf("=");
    return eq < 0 ? { name: w, value: void 0 } : { name: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}
function lookupIn(values) {
  return (name) => Object.prototype.hasOwnProperty.call(values, name) ? values[name] : void 0;
}
function expandAt(instruction, word, lookup, escape) {
  try {
    return expandWord(word, lookup, escape);
  } catch (err) {
    if (err instanceof ExpansionError) throw new DockerfileError(err.message, instruction.line);
    throw err;
  }
}
function metaArgs(parsed, buildArgs) {
  const meta = {};
  for (const instruction of parsed.instructions) {
    if (instruction.keyword === "FROM") break;
    for (const { name, value } of nameValuePairs(instruction.rest, parsed.escape, false)) {
      const given = buildArgs[name];
      const fallback = value === void 0 ? void 0 : expandAt(instruction, value, lookupIn(meta), parsed.escape);
      const resolved = given ?? fallback;
      if (resolved !== void 0) meta[name] = resolved;
    }
  }
  return meta;
}
function stageOf(from, index, meta, escape, named) {
  const words = from.rest.split(/\s+/).filter(Boolean);
  if (words.length !== 1 && !(words.length === 3 && words[1]?.toUpperCase() === "AS")) {
    throw new DockerfileError("FROM takes an image and, optionally, AS <name>", from.line);
  }
  const image = expandAt(from, words[0] ?? "", lookupIn(meta), escape);
  if (image === "") throw new DockerfileError("FROM names no image", from.line);
  const name = words[2]?.toLowerCase();
  const platformFlag = from.flags.find((f) => f.name === "platform")?.value;
  const platform = typeof platformFlag === "string" ? expandAt(from, platformFlag, lookupIn(meta), escape) : void 0;
  const earlier = named.get(image.toLowerCase());
  return {
    index,
    ...name ? { name } : {},
    base: earlier !== void 0 ? { stage: earlier } : { image },
    ...platform ? { platform } : {},
    from,
    steps: []
  };
}
function addStep(stage, instruction, scope, ctx) {
  if (instruction.keyword === "ARG") {
    for (const { name, value } of nameValuePairs(instruction.rest, ctx.escape, false)) {
      const fallback = value === void 0 ? ctx.meta[name] : expandAt(instruction, value, lookupIn(scope.args), ctx.escape);
      const resolved = ctx.buildArgs[name] ?? fallback;
      if (resolved !== void 0) scope.args[name] = resolved;
    }
  }
  stage.steps.push({ instruction, args: { ...scope.args } });
}
function buildStages(parsed, opts) {
  const meta = metaArgs(parsed, opts.buildArgs);
  const ctx = { meta, buildArgs: opts.buildArgs, escape: parsed.escape };
  const stages = [];
  const named = /* @__PURE__ */ new Map();
  let scope = { args: {} };
  for (const instruction of parsed.instructions) {
    if (instruction.keyword === "FROM") {
      const stage2 = stageOf(instruction, stages.length, meta, parsed.escape, named);
      if (stage2.name) named.set(stage2.name, stage2.index);
      named.set(String(stage2.index), stage2.index);
      stages.push(stage2);
      scope = { args: {} };
      continue;
    }
    const stage = stages[stages.length - 1];
    if (stage) addStep(stage, instruction, scope, ctx);
  }
  const wanted = opts.target?.toLowerCase();
  const target = wanted === void 0 ? stages[stages.length - 1] : stages.find((s) => s.name === wanted);
  if (!target) {
    throw new DockerfileError(`no stage is named "${opts.target ?? ""}" (the build target)`, stages[0]?.from.line ?? 1);
  }
  return { escape: parsed.escape, stages, target };
}
var SourceError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "SourceError";
  }
};
function cleanSource(source) {
  const out = [];
  for (const segment of source.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return out.join("/");
}
function hasWildcard(source) {
  return /[*?[\\]/.test(source);
}
function matchClass(pattern, i, ch) {
  let j = i + 1;
  const negate = pattern[j] === "^";
  if (negate) j++;
  let ok = false;
  let first = true;
  while (j < pattern.length && (first || pattern[j] !== "]")) {
    first = false;
    let lo = pattern[j] ?? "";
    if (lo === "\\") lo = pattern[++j] ?? "";
    let hi = lo;
    if (pattern[j + 1] === "-" && pattern[j + 2] !== void 0 && pattern[j + 2] !== "]") {
      hi = pattern[j + 2] === "\\" ? pattern[j + 3] ?? "" : pattern[j + 2] ?? "";
      j += pattern[j + 2] === "\\" ? 3 : 2;
    }
    if (lo <= ch && ch <= hi) ok = true;
    j++;
  }
  if (pattern[j] !== "]") throw new SourceError(`bad pattern "${pattern}": unclosed [`);
  return { end: j + 1, ok: ok !== negate };
}
function globMatch(pattern, name) {
  const match = (p, n) => {
    while (p < pattern.length) {
      const c = pattern[p] ?? "";
      if (c === "*") {
        for (let k = n; k <= name.length; k++) {
          if (match(p + 1, k)) return true;
          if (name[k] === "/") return false;
        }
        return false;
      }
      if (n >= name.length) return false;
      const ch = name[n] ?? "";
      if (c === "?") {
        if (ch === "/") return false;
      } else if (c === "[") {
        if (ch === "/") return false;
        const { end, ok } = matchClass(pattern, p, ch);
        if (!ok) return false;
        p = end;
        n++;
        continue;
      } else if (c === "\\") {
        p++;
        if ((pattern[p] ?? "") !== ch) return false;
      } else if (c !== ch) return false;
      p++;
      n++;
    }
    return n === name.length;
  };
  return match(0, 0);
}
var MAX_LINKS = 255;
function followInContext(byPath, rel) {
  const queue = rel.split("/");
  const out = [];
  let links = 0;
  while (queue.length > 0) {
    const part = queue.shift() ?? "";
    if (part === "" || part === ".") continue;
    if (part === "..") {
      out.pop();
      continue;
    }
    const entry = byPath.get([...out, part].join("/"));
    if (entry?.type !== "symlink") {
      out.push(part);
      continue;
    }
    if (++links > MAX_LINKS) throw new SourceError(`"${rel}": too many levels of symbolic links`);
    const target = entry.linkname ?? "";
    if (target.startsWith("/")) out.length = 0;
    queue.unshift(...target.split("/"));
  }
  return out.join("/");
}
function under(entries, root) {
  if (root === "") return entries;
  const prefix = `${root}/`;
  return entries.filter((e) => e.rel.startsWith(prefix));
}
function matchOf(entries, byPath, entry, root) {
  if (!entry || entry.type === "directory")
    return { root, resolved: root, type: "directory", entries: under(entries, root) };
  if (entry.type === "file") return { root, resolved: root, type: "file", entries: [entry] };
  const resolved = followInContext(byPath, root);
  const target = resolved === "" ? void 0 : byPath.get(resolved);
  if (resolved !== "" && !target) {
    throw new SourceError(`"${root}" is a link to ${resolved}, which is not in the build context`);
  }
  const followed = matchOf(entries, byPath, target, resolved);
  return { ...followed, root };
}
function matchSource(entries, byPath, source) {
  const cleaned = cleanSource(source);
  if (!hasWildcard(cleaned)) {
    const entry = byPath.get(cleaned);
    if (cleaned !== "" && !entry)
      throw new SourceError(`"${source}" is not in the build context (or .dockerignore excludes it)`);
    return [matchOf(entries, byPath, entry, cleaned)];
  }
  const found = [];
  let skipBelow;
  for (const entry of entries) {
    if (skipBelow !== void 0 && entry.rel.startsWith(skipBelow)) continue;
    skipBelow = void 0;
    if (!globMatch(cleaned, entry.rel)) continue;
    found.push(matchOf(entries, byPath, entry, entry.rel));
    if (entry.type === "directory") skipBelow = `${entry.rel}/`;
  }
  if (found.length === 0) throw new SourceError(`no source files were specified: "${source}" matches nothing`);
  return found;
}
var VERSION = "sagemaker-train/steps/v1";
function sha(...parts) {
  const hash = (0, import_node_crypto.createHash)("sha256");
  for (const part of parts) hash.update(`${part}
`);
  return hash.digest("hex");
}
function flagValue(step, name) {
  const value = step.instruction.flags.find((f) => f.name === name)?.value;
  return typeof value === "string" ? value : void 0;
}
function copyOperands(step) {
  const { json, rest } = step.instruction;
  return json ?? rest.split(/\s+/).filter(Boolean);
}
async function entryLine(context, entry) {
  const mode = entry.mode.toString(8);
  if (entry.type === "directory") return `d ${JSON.stringify(entry.rel)} ${mode}`;
  if (entry.type === "symlink") return `l ${JSON.stringify(entry.rel)} ${mode} ${JSON.stringify(entry.linkname)}`;
  return `f ${JSON.stringify(entry.rel)} ${mode} ${entry.size} ${await context.fingerprint(entry)}`;
}
async function sourcesMaterial(step, context) {
  const sources = copyOperands(step).slice(0, -1);
  if (sources.some((s) => s.includes("$"))) return `context ${context.wholeDigest}`;
  const lines = [];
  for (const source of sources) {
    lines.push(`source ${JSON.stringify(source)}`);
    if (/^https?:\/\//i.test(source) || /^git@/.test(source)) continue;
    try {
      for (const match of matchSource(context.entries, context.byPath, source)) {
        const via = match.resolved === match.root ? "" : ` -> ${JSON.stringify(match.resolved)}`;
        lines.push(`match ${JSON.stringify(match.root)}${via} ${match.type}`);
        for (const entry of match.entries) lines.push(await entryLine(context, entry));
      }
    } catch (err) {
      if (err instanceof SourceError) lines.push(`missing ${err.message}`);
      else throw err;
    }
  }
  return sha(...lines);
}
function stageRef(stages, ref) {
  const lower = ref.toLowerCase();
  return stages.stages.find((s) => s.name === lower || String(s.index) === lower);
}
var KeyChain = class {
  constructor(stages, platform, context) {
    this.stages = stages;
    this.platform = platform;
    this.context = context;
  }
  stages;
  platform;
  context;
  memo = /* @__PURE__ */ new Map();
  keysOf(stage) {
    let keys = this.memo.get(stage.index);
    if (!keys) {
      keys = this.compute(stage);
      this.memo.set(stage.index, keys);
    }
    return keys;
  }
  async lastKey(stage) {
    const keys = await this.keysOf(stage);
    return keys[keys.length - 1] ?? "";
  }
  async compute(stage) {
    const base = "stage" in stage.base ? `stage ${await this.lastKey(this.stages.stages[stage.base.stage])}` : `image ${stage.base.image}`;
    const keys = [sha(VERSION, "FROM", base, `platform ${stage.platform ?? this.platform}`)];
    for (const step of stage.steps) keys.push(await this.stepKey(keys[keys.length - 1] ?? "", step));
    return keys;
  }
  async stepKey(parent, step) {
    const { keyword, flags, rest } = step.instruction;
    const parts = [parent, keyword, JSON.stringify(flags), rest];
    if (keyword === "ARG") parts.push(JSON.stringify(Object.entries(step.args).sort()));
    if (keyword === "COPY" || keyword === "ADD") {
      const from = flagValue(step, "from");
      if (from === void 0) parts.push(await sourcesMaterial(step, this.context));
      else {
        const source = stageRef(this.stages, from);
        parts.push(source ? `stage ${await this.lastKey(source)}` : `image ${from}`);
      }
    }
    return sha(...parts);
  }
};
function stepKeys(opts) {
  return new KeyChain(opts.stages, opts.platform, opts.context).keysOf(opts.stages.target);
}
var CONFIG_ONLY = /* @__PURE__ */ new Set([
  "ENV",
  "ARG",
  "LABEL",
  "USER",
  "ENTRYPOINT",
  "CMD",
  "EXPOSE",
  "SHELL",
  "STOPSIGNAL",
  "WORKDIR"
]);
var COPY_FLAGS = /* @__PURE__ */ new Set(["chown", "chmod", "link"]);
function whyNotFlags(step, at) {
  const { flags } = step.instruction;
  const other = flags.find((f) => !COPY_FLAGS.has(f.name));
  if (other) return `${at} has --${other.name}, which needs the engine`;
  const chmod = flags.find((f) => f.name === "chmod")?.value;
  if (chmod !== void 0 && (chmod === true || !/^[0-7]{3,4}$/.test(chmod))) {
    return `${at} has --chmod=${chmod === true ? "" : chmod}, not an octal mode, which needs the engine`;
  }
  const link = flags.find((f) => f.name === "link")?.value;
  if (link !== void 0 && link !== true && !["true", "false"].includes(link)) {
    return `${at} has --link=${link}: true or false only`;
  }
  return void 0;
}
function whyNotApplicable(step) {
  const { keyword, line } = step.instruction;
  const at = `${keyword} at line ${line}`;
  if (CONFIG_ONLY.has(keyword)) {
    if (keyword === "SHELL" && !step.instruction.json) return `${at} is not in JSON form`;
    return void 0;
  }
  if (keyword !== "COPY" && keyword !== "ADD") return `${at} needs the engine`;
  const flagged = whyNotFlags(step, at);
  if (flagged) return flagged;
  const operands = copyOperands(step);
  if (operands.length < 2) return `${at} needs a source and a destination`;
  if (keyword === "ADD" && operands.slice(0, -1).some((s) => /^(https?:\/\/|git@)/i.test(s))) {
    return `${at} downloads a URL`;
  }
  return void 0;
}
function anchorIndex(steps) {
  for (let i = steps.length - 1; i >= 0; i--) {
    if (whyNotApplicable(steps[i]) !== void 0) return i + 1;
  }
  return 0;
}
var import_dockerignore = (0, import_chunk_7VZ5H7B6.__toESM)((0, import_chunk_VBX2D4NB.require_ignore)(), 1);
var ignore = import_dockerignore.default.default;
async function copyEntries(resolved) {
  const patterns = ignore().add((0, import_chunk_SPTEJLOZ.parseDockerignore)(resolved.ignoreText ?? ""));
  const removed = new Set(
    [".dockerignore", ...resolved.inside ? [resolved.dockerfileName] : []].filter((p) => patterns.ignores(p))
  );
  const entries = [];
  for await (const entry of (0, import_chunk_SPTEJLOZ.walkContext)({ dir: resolved.context, filter: resolved.filter, skip: resolved.skip })) {
    if (!removed.has(entry.rel)) entries.push(entry);
  }
  return entries;
}
async function copyContext(resolved, opts) {
  const [entries, blobIdOf] = await Promise.all([
    copyEntries(resolved),
    opts.git === false || opts.known ? Promise.resolve(void 0) : (0, import_chunk_VK5EXTPS.gitBlobIds)((0, import_node_path.resolve)(resolved.context), opts.git ? { git: opts.git } : {})
  ]);
  const memo = /* @__PURE__ */ new Map();
  return {
    entries,
    byPath: new Map(entries.map((e) => [e.rel, e])),
    wholeDigest: opts.wholeDigest,
    fingerprint(entry) {
      let print = memo.get(entry.rel);
      const known = opts.known?.get(entry.rel);
      if (!print && known !== void 0) print = Promise.resolve(known);
      if (!print) {
        print = (0, import_chunk_VK5EXTPS.fileFingerprint)(blobIdOf, entry);
        memo.set(entry.rel, print);
      }
      return print;
    }
  };
}
var STEPS_LABEL = "dev.sagemaker-train.steps";
function textHash(step) {
  const { keyword, flags, rest } = step.instruction;
  return (0, import_node_crypto2.createHash)("sha256").update(JSON.stringify([keyword, flags, rest])).digest("hex").slice(0, 32);
}
function encodeRecord(record) {
  return JSON.stringify({ v: 1, keys: record.keys, texts: record.texts, tail: record.tail });
}
function decodeRecord(labels) {
  const text = labels?.[STEPS_LABEL];
  if (!text) return void 0;
  try {
    const value = JSON.parse(text);
    const strings = (x) => Array.isArray(x) && x.every((s) => typeof s === "string");
    if (value.v !== 1 || !strings(value.keys) || !strings(value.texts)) return void 0;
    if (value.keys.length !== value.texts.length || value.keys.length === 0) return void 0;
    if (typeof value.tail !== "number" || !Number.isInteger(value.tail) || value.tail < 1) return void 0;
    return { keys: value.keys, texts: value.texts, tail: value.tail };
  } catch {
    return void 0;
  }
}
function anchorTag(key) {
  return `steps-${key.slice(0, 16)}`;
}
function withStepsLabel(steps, labels) {
  const others = Object.fromEntries(Object.entries(labels).filter(([k]) => k !== STEPS_LABEL));
  const tail = Object.keys(others).length + 1;
  return { ...others, [STEPS_LABEL]: encodeRecord({ keys: steps.keys, texts: steps.texts, tail }) };
}
async function failure(response, what, host) {
  const detail = (await response.text().catch(() => "")).trim().slice(0, 300);
  return new import_chunk_VGI42KPH.RegistryError(
    `${host} answered HTTP ${response.status} for ${what}${detail ? `: ${detail}` : ""}`,
    response.status
  );
}
function sha256(body) {
  return `sha256:${(0, import_node_crypto4.createHash)("sha256").update(body).digest("hex")}`;
}
async function getManifest(client, name, reference) {
  const response = await client.send(
    `${client.baseUrl}/v2/${name}/manifests/${encodeURIComponent(reference)}`,
    "GET",
    name
  );
  if (response.status === 404) return void 0;
  if (!response.ok) throw await failure(response, `${name}:${reference}`, client.host);
  const body = Buffer.from(await response.arrayBuffer());
  const digest = sha256(body);
  const said = response.headers.get("docker-content-digest");
  if (said && said !== digest) throw new import_chunk_VGI42KPH.RegistryError(`${client.host} sent ${name}:${reference} with a wrong digest`);
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  return { mediaType, digest, body };
}
async function getBlob(client, name, digest) {
  const response = await client.send(`${client.baseUrl}/v2/${name}/blobs/${digest}`, "GET", name);
  if (!response.ok) throw await failure(response, `the blob ${digest} of ${name}`, client.host);
  const body = Buffer.from(await response.arrayBuffer());
  if (sha256(body) !== digest) throw new import_chunk_VGI42KPH.RegistryError(`${client.host} sent the blob ${digest} with other bytes`);
  return body;
}
async function blobExists(client, name, digest) {
  const response = await client.send(`${client.baseUrl}/v2/${name}/blobs/${digest}`, "HEAD", name, { push: true });
  if (response.status === 404) return false;
  if (response.ok) return true;
  throw await failure(response, `the blob ${digest} of ${name}`, client.host);
}
async function uploadBlob(client, name, blob, opts = {}) {
  if (!opts.fresh && await blobExists(client, name, blob.digest)) return false;
  const started = await client.send(`${client.baseUrl}/v2/${name}/blobs/uploads/`, "POST", name, { push: true });
  if (started.status !== 202) throw await failure(started, `an upload to ${name}`, client.host);
  const location = started.headers.get("location");
  if (!location) throw new import_chunk_VGI42KPH.RegistryError(`${client.host} started an upload to ${name} without a location`);
  const url = new URL(location, client.baseUrl);
  url.searchParams.set("digest", blob.digest);
  const body = blob.bytes ?? import_node_stream.Readable.toWeb((0, import_node_fs.createReadStream)(blob.file ?? "", { highWaterMark: 1024 * 1024 }));
  const put = await client.send(url.toString(), "PUT", name, {
    type: "application/octet-stream",
    body,
    length: blob.size,
    push: true
  });
  if (put.status !== 201) throw await failure(put, `the blob ${blob.digest} of ${name}`, client.host);
  return true;
}
async function putManifest(client, name, reference, manifest) {
  const url = `${client.baseUrl}/v2/${name}/manifests/${encodeURIComponent(reference)}`;
  const response = await client.send(url, "PUT", name, { type: manifest.mediaType, body: manifest.body, push: true });
  if (response.status !== 201) throw await failure(response, `the manifest ${name}:${reference}`, client.host);
  return sha256(manifest.body);
}
function lookupFor(config, args) {
  const env = /* @__PURE__ */ new Map();
  for (const entry of config.Env ?? []) {
    const eq = entry.indexOf("=");
    if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return (name) => env.get(name) ?? (Object.prototype.hasOwnProperty.call(args, name) ? args[name] : void 0);
}
function setEnv(env, name, value) {
  const at = env.findIndex((e) => e.startsWith(`${name}=`));
  const next = [...env];
  if (at >= 0) next[at] = `${name}=${value}`;
  else next.push(`${name}=${value}`);
  return next;
}
function portSpecs(words, line) {
  const ports = [];
  for (const word of words) {
    const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(word);
    if (!match) throw new DockerfileError(`EXPOSE: invalid port "${word}"`, line);
    const low = Number(match[1]);
    const high = match[2] !== void 0 ? Number(match[2]) : low;
    if (high < low || high > 65535) throw new DockerfileError(`EXPOSE: invalid port range "${word}"`, line);
    for (let port = low; port <= high; port++) ports.push(`${port}/${(match[3] ?? "tcp").toLowerCase()}`);
  }
  return ports;
}
function shellForm(config, step) {
  const { json, rest } = step.instruction;
  return json ?? [...config.Shell && config.Shell.length > 0 ? config.Shell : ["/bin/sh", "-c"], rest];
}
function applyConfigStep(state, step, argsBefore2, escape) {
  const { keyword, rest, line } = step.instruction;
  const config = { ...state.config };
  const lookup = lookupFor(state.config, argsBefore2);
  const expand = (word) => {
    try {
      return expandWord(word, lookup, escape);
    } catch (err) {
      if (err instanceof ExpansionError) throw new DockerfileError(err.message, line);
      throw err;
    }
  };
  let cmdSet = state.cmdSet;
  if (keyword === "ENV" || keyword === "LABEL") {
    const pairs = nameValuePairs(rest, escape, keyword === "ENV");
    if (pairs.length === 0) throw new DockerfileError(`${keyword} needs at least one name=value`, line);
    let env = [...config.Env ?? []];
    const labels = { ...config.Labels ?? {} };
    for (const { name, value } of pairs) {
      if (value === void 0) throw new DockerfileError(`${keyword} ${name} has no value`, line);
      const key = expand(name);
      const expanded = expand(value);
      if (keyword === "ENV") env = setEnv(env, key, expanded);
      else labels[key] = expanded;
    }
    if (keyword === "ENV") config.Env = env;
    else config.Labels = labels;
  } else if (keyword === "WORKDIR") {
    const path = expand(rest.trim());
    if (path === "") throw new DockerfileError("WORKDIR needs a path", line);
    config.WorkingDir = path.startsWith("/") ? path : import_node_path4.posix.join("/", config.WorkingDir ?? "", path);
  } else if (keyword === "USER") {
    config.User = expand(rest.trim());
  } else if (keyword === "EXPOSE") {
    const ports = portSpecs(splitWords(rest, escape).map(expand), line);
    config.ExposedPorts = { ...config.ExposedPorts ?? {}, ...Object.fromEntries(ports.map((p) => [p, {}])) };
  } else if (keyword === "SHELL") {
    config.Shell = step.instruction.json ?? null;
  } else if (keyword === "STOPSIGNAL") {
    config.StopSignal = expand(rest.trim());
  } else if (keyword === "CMD") {
    config.Cmd = shellForm(config, step);
    cmdSet = true;
  } else if (keyword === "ENTRYPOINT") {
    config.Entrypoint = shellForm(config, step);
    if (!cmdSet) config.Cmd = null;
  }
  return { config, cmdSet };
}
var NotAssemblable = class extends Error {
  constructor(message) {
    super(message);
    this.name = "NotAssemblable";
  }
};
var EntryList = class {
  constructor(input) {
    this.input = input;
  }
  input;
  entries = [];
  written = /* @__PURE__ */ new Map();
  has(path) {
    return this.written.get(path) ?? this.input.known(path);
  }
  add(entry) {
    const before = this.written.get(entry.path);
    if (before) this.entries.splice(this.entries.indexOf(before), 1);
    this.written.set(entry.path, entry);
    this.entries.push(entry);
  }
  /** The folder `path` and the ones above it: written again as they are, or created. */
  ensureFolder(path) {
    if (path === "/" || this.written.get(path)?.type === "directory") return;
    this.ensureFolder(import_node_path5.posix.dirname(path));
    if (this.input.link) {
      const { uid, gid } = this.input.owner;
      this.add({ type: "directory", mode: 493, uid, gid, path, size: 0, mtime: this.input.now });
      return;
    }
    const info = this.input.known(path);
    if (info === void 0) {
      throw new NotAssemblable(`${this.input.where}: whether ${path} exists is known only from the base's layers`);
    }
    if (info.type !== "directory")
      throw new NotAssemblable(`${this.input.where}: ${path} is not a folder in the image`);
    this.add({ ...info, path, size: 0, mtime: this.input.now });
  }
};
function contentEntry(entry, path, owner, chmod) {
  return {
    path,
    type: entry.type,
    mode: entry.type === "file" && chmod !== void 0 ? chmod : entry.mode,
    uid: owner.uid,
    gid: owner.gid,
    size: entry.type === "file" ? entry.size : 0,
    mtime: entry.mtime,
    ...entry.type === "file" ? { source: entry.full } : {},
    ...entry.type === "symlink" ? { linkname: entry.linkname ?? "" } : {}
  };
}
function copyLayerEntries(input) {
  const list = new EntryList(input);
  const { matches, owner } = input;
  const trailing = input.dest.endsWith("/");
  const dest = import_node_path5.posix.normalize(input.dest).replace(/(.)\/$/, "$1");
  if (matches.length > 1 && !trailing) {
    throw new NotAssemblable(`${input.where}: with more than one source the destination must end with /`);
  }
  for (const match of matches) {
    if (match.type === "directory" && input.chmod !== void 0) {
      throw new NotAssemblable(`${input.where}: --chmod with a folder as a source`);
    }
    if (match.type === "directory") {
      list.ensureFolder(dest);
      const prefix = match.resolved === "" ? "" : `${match.resolved}/`;
      for (const entry2 of match.entries) {
        list.add(contentEntry(entry2, import_node_path5.posix.join(dest, entry2.rel.slice(prefix.length)), owner, input.chmod));
      }
      continue;
    }
    if (match.type === "symlink") throw new NotAssemblable(`${input.where}: a source that is a symbolic link`);
    const existing = input.link ? list.written.get(dest) : list.has(dest);
    if (!trailing && existing === void 0 && !input.link) {
      throw new NotAssemblable(`${input.where}: whether ${dest} is a folder is known only from the base's layers`);
    }
    const intoFolder = trailing || existing?.type === "directory";
    const path = intoFolder ? import_node_path5.posix.join(dest, import_node_path5.posix.basename(match.root)) : dest;
    list.ensureFolder(import_node_path5.posix.dirname(path));
    const entry = match.entries[0];
    if (entry) list.add(contentEntry(entry, path, owner, input.chmod));
  }
  return list.entries;
}
var import_tar_stream = (0, import_chunk_7VZ5H7B6.__toESM)((0, import_chunk_HOY3A64H.require_tar_stream)(), 1);
var gzipAsync = (0, import_node_util.promisify)(import_node_zlib2.gzip);
var deflateRawAsync = (0, import_node_util.promisify)(import_node_zlib2.deflateRaw);
var BLOCK_SIZE = 1024 * 1024;
var CONCURRENCY = 3;
var PROBE_SIZE = 32 * 1024;
var MIN_SAVING = 0.03;
async function levelFor(block, level) {
  if (level === 0 || block.length === 0) return level;
  const probe = block.subarray(0, PROBE_SIZE);
  const deflated = await deflateRawAsync(probe, { level });
  return deflated.length > probe.length * (1 - MIN_SAVING) ? 0 : level;
}
async function member(block, level) {
  return gzipAsync(block, { level: await levelFor(block, level) });
}
var PendingBytes = class {
  parts = [];
  length = 0;
  add(chunk) {
    this.parts.push(chunk);
    this.length += chunk.length;
  }
  /** The first `size` bytes held (at most `length`), removed. */
  take(size) {
    const taken = [];
    for (let need = size, head = this.parts[0]; need > 0 && head; head = this.parts[0]) {
      if (head.length <= need) {
        taken.push(head);
        this.parts.shift();
        need -= head.length;
      } else {
        taken.push(head.subarray(0, need));
        this.parts[0] = head.subarray(need);
        need = 0;
      }
    }
    this.length -= size;
    const [only] = taken;
    return taken.length === 1 && only ? only : Buffer.concat(taken, size);
  }
};
function parallelGzip(opts) {
  const blockSize = opts.blockSize ?? BLOCK_SIZE;
  const pending = new PendingBytes();
  let started = false;
  const inFlight = [];
  const start = (block) => {
    const compressed = member(block, opts.level);
    compressed.catch(() => void 0);
    inFlight.push(compressed);
    started = true;
  };
  const writeOldest = async (stream) => {
    const oldest = inFlight.shift();
    if (oldest) stream.push(await oldest);
  };
  const take = async (stream, chunk) => {
    pending.add(chunk);
    while (pending.length >= blockSize) {
      start(pending.take(blockSize));
      while (inFlight.length >= CONCURRENCY) await writeOldest(stream);
    }
  };
  const finish = async (stream) => {
    if (pending.length > 0 || !started) start(pending.take(pending.length));
    while (inFlight.length > 0) await writeOldest(stream);
  };
  return new import_node_stream3.Transform({
    transform(chunk, _encoding, done) {
      take(this, chunk).then(() => done(), done);
    },
    flush(done) {
      finish(this).then(() => done(), done);
    }
  });
}
function hashing(hash, count) {
  return new import_node_stream2.Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      if (count) count.bytes += chunk.length;
      done(null, chunk);
    }
  });
}
async function fillPack(pack, entries) {
  for (const entry of entries) {
    const name = entry.path.replace(/^\/+/, "");
    const header = { name, mode: entry.mode, uid: entry.uid, gid: entry.gid, mtime: entry.mtime };
    if (entry.type === "directory") await (0, import_chunk_SO5CUFW3.addEntry)(pack, { ...header, name: `${name}/`, type: "directory" });
    else if (entry.type === "symlink")
      await (0, import_chunk_SO5CUFW3.addEntry)(pack, { ...header, type: "symlink", linkname: entry.linkname ?? "" });
    else {
      const body = (0, import_node_fs2.createReadStream)(entry.source ?? "", { highWaterMark: 1024 * 1024 });
      await (0, import_chunk_SO5CUFW3.addEntry)(pack, { ...header, type: "file", size: entry.size }, body);
    }
  }
  pack.finalize();
}
async function writeLayer(entries, file) {
  const pack = import_tar_stream.default.pack();
  const filled = fillPack(pack, entries).catch((err) => {
    pack.destroy(err);
    throw err;
  });
  const raw = (0, import_node_crypto5.createHash)("sha256");
  const gz = (0, import_node_crypto5.createHash)("sha256");
  const count = { bytes: 0 };
  await Promise.all([
    (0, import_promises3.pipeline)(
      pack,
      hashing(raw),
      // Level 1: the new layers are mostly code; the time saved matters more than the few bytes more to send. On
      // every core, in 1 MiB members, so that a layer with a large file does not wait on one.
      parallelGzip({ level: 1 }),
      hashing(gz, count),
      (0, import_node_fs2.createWriteStream)(file)
    ),
    filled
  ]);
  return { file, digest: `sha256:${gz.digest("hex")}`, diffId: `sha256:${raw.digest("hex")}`, size: count.bytes };
}
async function readLayerIndex(bytes) {
  const extract = import_tar_stream.default.extract();
  const gzip2 = bytes[0] === 31 && bytes[1] === 139;
  const source = import_node_stream2.Readable.from([bytes]);
  (gzip2 ? source.pipe((0, import_node_zlib.createGunzip)()) : source).pipe(extract);
  const index = /* @__PURE__ */ new Map();
  for await (const entry of extract) {
    const { name, type, mode, uid, gid } = entry.header;
    entry.resume();
    const path = `/${name.replace(/^\.?\/+/, "").replace(/\/+$/, "")}`;
    if (/(^|\/)\.wh\./.test(path))
      throw new NotAssemblable(`the layer it replaces removes ${path.replace(".wh.", "")}`);
    const kind = type === "directory" ? "directory" : type === "symlink" ? "symlink" : type === "file" ? "file" : void 0;
    if (kind) index.set(path, { type: kind, mode: (mode ?? 0) & 4095, uid: uid ?? 0, gid: gid ?? 0 });
  }
  return index;
}
var ARCHIVE_MAGIC = [Buffer.from([31, 139]), Buffer.from("BZh"), Buffer.from([253, 55, 122, 88, 90])];
async function looksLikeArchive(file) {
  const handle = await (0, import_promises2.open)(file, "r");
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    const bytes = head.subarray(0, bytesRead);
    return ARCHIVE_MAGIC.some((m) => bytes.subarray(0, m.length).equals(m)) || bytes.subarray(257, 262).toString() === "ustar";
  } finally {
    await handle.close();
  }
}
function argsBefore(steps, index) {
  return index >= 2 ? steps[index - 2]?.args ?? {} : {};
}
var ACCOUNTS = ["/etc/passwd", "/etc/group"];
async function ownerOf(input, step, written, where) {
  const flag = step.instruction.flags.find((f) => f.name === "chown")?.value;
  if (typeof flag !== "string") return { uid: 0, gid: 0 };
  const match = /^(\d+)(?::(\d+))?$/.exec(flag);
  if (match) return { uid: Number(match[1]), gid: Number(match[2] ?? match[1]) };
  const changed = ACCOUNTS.find((path) => written.has(path));
  if (changed) throw new NotAssemblable(`${where}: --chown=${flag} after this build copied ${changed}`);
  const owner = await input.ownerNamed(flag);
  if (!owner) {
    throw new NotAssemblable(
      `${where}: --chown=${flag} names an account only the base's /etc/passwd knows, and no COPY of the previous image used it`
    );
  }
  return owner;
}
async function copyLayer(input, index, state, written) {
  const step = input.steps[index - 1];
  const where = `${step.instruction.keyword} at line ${step.instruction.line}`;
  const lookup = lookupFor(state.config, argsBefore(input.steps, index));
  const operands = copyOperands(step).map((w) => expandWord(w, lookup, input.escape));
  const destRaw = operands[operands.length - 1] ?? "";
  const dest = destRaw.startsWith("/") ? destRaw : `${import_node_path3.posix.join("/", state.config.WorkingDir ?? "/", destRaw)}${destRaw.endsWith("/") ? "/" : ""}`;
  if (index < input.pairedUntil) refuseLaterChanges(input, index, destRaw, where);
  const paired = index < input.pairedUntil ? await input.pairedLayer(index) : void 0;
  const owner = await ownerOf(input, step, written, where);
  let matches;
  try {
    matches = operands.slice(0, -1).flatMap((s) => matchSource(input.context.entries, input.context.byPath, s));
  } catch (err) {
    if (err instanceof SourceError) throw new NotAssemblable(`${where}: ${err.message}`);
    throw err;
  }
  if (step.instruction.keyword === "ADD") {
    for (const entry of matches.flatMap((m) => m.entries)) {
      if (entry.type === "file" && await looksLikeArchive(entry.full))
        throw new NotAssemblable(`${where} unpacks the archive ${entry.rel}`);
    }
  }
  const known = (path) => written.get(path) ?? paired?.get(path);
  const entries = copyLayerEntries({
    matches,
    dest,
    owner,
    ...copyModes(step, where),
    known,
    now: input.now,
    where
  });
  for (const entry of entries) written.set(entry.path, entry);
  return writeLayer(entries, (0, import_node_path3.join)(input.tmpDir, `layer-${index}.tar.gz`));
}
function copyModes(step, where) {
  const flag = (name) => step.instruction.flags.find((f) => f.name === name)?.value;
  const chmod = flag("chmod");
  const link = flag("link");
  const linked = link === true || link === "true";
  if (linked && chmod !== void 0) throw new NotAssemblable(`${where}: --link with --chmod`);
  return {
    ...typeof chmod === "string" ? { chmod: parseInt(chmod, 8) } : {},
    ...linked ? { link: true } : {}
  };
}
function refuseLaterChanges(input, index, dest, where) {
  const step = input.steps[index - 1];
  const words = [...copyOperands(step), ...step.instruction.flags.map((f) => String(f.value))];
  const used = new Set(words.flatMap((w) => [...w.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? "")));
  for (let later = index + 1; later < input.pairedUntil; later++) {
    const instruction = input.steps[later - 1]?.instruction;
    const sets = instruction?.keyword === "ENV" ? nameValuePairs(instruction.rest, input.escape, true).some(({ name }) => used.has(name)) : false;
    if (instruction?.keyword === "WORKDIR" && !dest.startsWith("/") || sets) {
      throw new NotAssemblable(
        `${where} depends on the ${instruction?.keyword ?? ""} at line ${instruction?.line ?? 0}, which comes after it`
      );
    }
  }
}
function historyOf(step, now, empty) {
  return {
    created: now.toISOString(),
    created_by: `/bin/sh -c #(nop) ${step.instruction.original}`,
    ...empty ? { empty_layer: true } : {}
  };
}
async function applySteps(input) {
  let state = input.start;
  const layers = [];
  const history = [];
  const written = /* @__PURE__ */ new Map();
  for (let index = input.from; index <= input.steps.length; index++) {
    const step = input.steps[index - 1];
    const { keyword, line } = step.instruction;
    const paired = index < input.pairedUntil;
    if (keyword === "COPY" || keyword === "ADD") {
      layers.push({ kind: "new", blob: await copyLayer(input, index, state, written) });
      history.push(historyOf(step, input.now, false));
      continue;
    }
    if (keyword === "WORKDIR") {
      const reused = paired ? input.reuseLayer(index) : void 0;
      const next = paired ? state : applyConfigStep(state, step, argsBefore(input.steps, index), input.escape);
      const dir = next.config.WorkingDir ?? "/";
      if (reused !== void 0 && written.size > 0)
        throw new NotAssemblable(`WORKDIR at line ${line} may find ${dir} made by a changed COPY`);
      if (reused === void 0 && dir !== "/" && written.get(dir.replace(/\/$/, ""))?.type !== "directory" && !paired) {
        throw new NotAssemblable(`WORKDIR at line ${line}: whether ${dir} exists is known only from the base's layers`);
      }
      if (reused !== void 0) layers.push({ kind: "reused", index: reused });
      history.push(historyOf(step, input.now, reused === void 0));
      state = next;
      continue;
    }
    if (!paired) state = applyConfigStep(state, step, argsBefore(input.steps, index), input.escape);
    history.push(historyOf(step, input.now, true));
  }
  return { state, layers, history };
}
var SINGLE = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
]);
function layerIndexes(config, record, layers) {
  const history = config.history ?? [];
  const steps = record.keys.length - 1;
  const base = history.length - steps - record.tail;
  const nonEmpty = history.filter((h) => h.empty_layer !== true).length;
  if (base < 0 || nonEmpty !== layers || config.rootfs.diff_ids.length !== layers) {
    throw new NotAssemblable("the previous image\u2019s history does not line up with its steps");
  }
  const layerOf = [void 0];
  let index = history.slice(0, base).filter((h) => h.empty_layer !== true).length;
  for (let i = 0; i < steps; i++) layerOf.push(history[base + i]?.empty_layer === true ? void 0 : index++);
  if (history.slice(base + steps).some((h) => h.empty_layer !== true)) {
    throw new NotAssemblable("the previous image\u2019s last history entries are not the LABELs of its build");
  }
  return { base, layerOf };
}
async function findPrevious(client, path, anchorKey) {
  const tag = anchorTag(anchorKey);
  const found = await getManifest(client, path, tag);
  if (!found) throw new NotAssemblable(`no image in the repository has the same steps through that one (${tag})`);
  if (!SINGLE.has(found.mediaType)) throw new NotAssemblable(`${tag} is a ${found.mediaType}, not a single image`);
  const manifest = JSON.parse(found.body.toString("utf8"));
  const config = JSON.parse((await getBlob(client, path, manifest.config.digest)).toString("utf8"));
  const record = decodeRecord(config.config?.Labels);
  if (!record) throw new NotAssemblable(`${tag} has no step record this version reads`);
  const { base, layerOf } = layerIndexes(config, record, manifest.layers.length);
  return { manifestType: found.mediaType, manifest, config, record, baseHistory: base, layerOf };
}
var LAYER_TYPES = {
  "application/vnd.oci.image.manifest.v1+json": "application/vnd.oci.image.layer.v1.tar+gzip",
  "application/vnd.docker.distribution.manifest.v2+json": "application/vnd.docker.image.rootfs.diff.tar.gzip"
};
function commonPrefix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
function pairedUntil(input, previous, from) {
  let j = from;
  while (j < input.texts.length && j < previous.record.texts.length && input.texts[j] === previous.record.texts[j]) j++;
  const history = previous.config.history ?? [];
  for (let old = j; old < previous.record.keys.length; old++) {
    const entry = history[previous.baseHistory + old - 1];
    if (!/#\(nop\) (COPY|ADD) /.test(entry?.created_by ?? "")) {
      const line = input.stages.target.steps[j - 1]?.instruction.line;
      throw new NotAssemblable(
        `the Dockerfile changed${line ? ` at line ${line}` : ""} before a step that set the previous image's config`
      );
    }
  }
  return j;
}
function buildLabels(input, previous) {
  const labels = withStepsLabel(input, input.labels);
  const old = previous.config.config?.Labels ?? {};
  for (const key of ["org.opencontainers.image.revision", "org.opencontainers.image.source"]) {
    if (key in old && !(key in labels))
      throw new NotAssemblable(`the previous image has the label ${key} and this build has none`);
  }
  return labels;
}
async function applyFrom(input, previous, from, tmpDir, now) {
  const until = pairedUntil(input, previous, from);
  const pairedIndex = async (index) => {
    const layer = previous.layerOf[index];
    const descriptor = layer === void 0 ? void 0 : previous.manifest.layers[layer];
    return descriptor ? readLayerIndex(await getBlob(input.client, input.path, descriptor.digest)) : void 0;
  };
  const steps = input.stages.target.steps;
  const owners = /* @__PURE__ */ new Map();
  const ownerNamed = (flag) => {
    let owner = owners.get(flag);
    if (!owner) {
      owner = ownerCopiedAs(input, previous, flag);
      owners.set(flag, owner);
    }
    return owner;
  };
  return applySteps({
    steps,
    from,
    pairedUntil: until,
    escape: input.stages.escape,
    context: input.context,
    start: {
      config: { ...previous.config.config ?? {} },
      cmdSet: steps.slice(0, from - 1).some((s) => s.instruction.keyword === "CMD")
    },
    pairedLayer: pairedIndex,
    ownerNamed,
    reuseLayer: (index) => previous.layerOf[index],
    tmpDir,
    now
  });
}
var OWNER_LAYER_MAX = 64 * 1024 * 1024;
async function ownerCopiedAs(input, previous, flag) {
  const escaped = flag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const used = new RegExp(`#\\(nop\\) (COPY|ADD) (.* )?--chown=${escaped}(\\s|file:|dir:|multi:)`);
  const history = previous.config.history ?? [];
  for (let step = 1; step < previous.record.keys.length; step++) {
    const layer = previous.layerOf[step];
    const descriptor = layer === void 0 ? void 0 : previous.manifest.layers[layer];
    if (!descriptor || descriptor.size > OWNER_LAYER_MAX) continue;
    if (!used.test(history[previous.baseHistory + step - 1]?.created_by ?? "")) continue;
    const index = await readLayerIndex(await getBlob(input.client, input.path, descriptor.digest));
    const file = [...index.values()].find((info) => info.type === "file");
    if (file) return { uid: file.uid, gid: file.gid };
  }
  return void 0;
}
function newImage(previous, applied, from, labels, now) {
  const history = previous.config.history ?? [];
  const keptHistory = history.slice(0, previous.baseHistory + from - 1);
  const reusedLayers = keptHistory.filter((h) => h.empty_layer !== true).length;
  const layerType = LAYER_TYPES[previous.manifestType] ?? "application/vnd.docker.image.rootfs.diff.tar.gzip";
  const layers = previous.manifest.layers.slice(0, reusedLayers);
  const diffIds = previous.config.rootfs.diff_ids.slice(0, reusedLayers);
  for (const layer of applied.layers) {
    if (layer.kind === "new") {
      layers.push({ mediaType: layerType, digest: layer.blob.digest, size: layer.blob.size });
      diffIds.push(layer.blob.diffId);
    } else {
      layers.push(previous.manifest.layers[layer.index]);
      diffIds.push(previous.config.rootfs.diff_ids[layer.index]);
    }
  }
  const labelEntries = Object.keys(labels).sort().map((key) => ({ created: now.toISOString(), created_by: `/bin/sh -c #(nop)  LABEL ${key}`, empty_layer: true }));
  const { container: _container, ...rest } = previous.config;
  const config = {
    ...rest,
    created: now.toISOString(),
    config: { ...applied.state.config, Labels: { ...applied.state.config.Labels ?? {}, ...labels } },
    rootfs: { type: "layers", diff_ids: diffIds },
    history: [...keptHistory, ...applied.history, ...labelEntries]
  };
  return { config, layers, diffIds };
}
async function assembleImage(input) {
  const steps = input.stages.target.steps;
  const anchor = anchorIndex(steps);
  const previous = await findPrevious(input.client, input.path, input.keys[anchor] ?? "");
  const from = commonPrefix(input.keys, previous.record.keys);
  if (from <= anchor)
    throw new NotAssemblable(`the image tagged ${anchorTag(input.keys[anchor] ?? "")} differs before its anchor step`);
  const labels = buildLabels(input, previous);
  const now = input.now ?? /* @__PURE__ */ new Date();
  const tmpDir = await (0, import_promises.mkdtemp)((0, import_node_path2.join)((0, import_node_os.tmpdir)(), "smt-assemble-"));
  try {
    const applied = await applyFrom(input, previous, from, tmpDir, now);
    const { config, layers } = newImage(previous, applied, from, labels, now);
    const fresh = applied.layers.flatMap((l) => l.kind === "new" ? [l.blob] : []);
    const configBytes = Buffer.from(JSON.stringify(config));
    const [sent, configDescriptor] = await Promise.all([
      Promise.all(
        fresh.map(
          (blob) => uploadBlob(
            input.client,
            input.path,
            { digest: blob.digest, size: blob.size, file: blob.file },
            { fresh: true }
          )
        )
      ),
      uploadConfig(input, configBytes, previous)
    ]);
    let uploadedBytes = configBytes.length + fresh.reduce((sum, blob, i) => sum + (sent[i] ? blob.size : 0), 0);
    const newLayers = fresh.length;
    const manifest = { schemaVersion: 2, mediaType: previous.manifestType, config: configDescriptor, layers };
    const body = Buffer.from(JSON.stringify(manifest));
    const tags = [...input.tags, anchorTag(input.keys[anchor] ?? "")];
    const digests = await Promise.all(
      tags.map((tag) => putManifest(input.client, input.path, tag, { mediaType: previous.manifestType, body }))
    );
    const digest = digests[0] ?? "";
    uploadedBytes += body.length;
    return { digest, reusedSteps: from, totalSteps: input.keys.length, uploadedBytes, newLayers };
  } finally {
    await (0, import_promises.rm)(tmpDir, { recursive: true, force: true });
  }
}
async function uploadConfig(input, bytes, previous) {
  const digest = `sha256:${(0, import_node_crypto3.createHash)("sha256").update(bytes).digest("hex")}`;
  await uploadBlob(input.client, input.path, { digest, size: bytes.length, bytes }, { fresh: true });
  return { mediaType: previous.manifest.config.mediaType, digest, size: bytes.length };
}
async function buildSteps(spec, content) {
  try {
    const resolved = await (0, import_chunk_SPTEJLOZ.resolveContext)(spec);
    const parsed = parseDockerfile(resolved.dockerfileBody.toString("utf8"));
    const stages = buildStages(parsed, { buildArgs: spec.buildArgs, ...spec.target ? { target: spec.target } : {} });
    const context = await copyContext(resolved, {
      wholeDigest: content.digest,
      ...content.fingerprints ? { known: content.fingerprints } : {}
    });
    const keys = await stepKeys({ stages, platform: spec.platform, context });
    const texts = ["", ...stages.target.steps.map(textHash)];
    const anchor = anchorIndex(stages.target.steps);
    return {
      stages,
      keys,
      texts,
      context,
      anchorTag: anchorTag(keys[anchor] ?? "")
    };
  } catch (err) {
    return { why: (0, import_chunk_OEPHYHQN.messageOf)(err) };
  }
}
function whyNotSteps(steps) {
  const target = steps.stages.target;
  if (steps.stages.stages.length > 1 && target.steps.some((s) => s.instruction.flags.some((f) => f.name === "from"))) {
    return "a COPY --from in the image\u2019s stage needs the engine";
  }
  const anchor = anchorIndex(target.steps);
  for (const step of target.steps.slice(anchor)) {
    const why = whyNotApplicable(step);
    if (why) return why;
  }
  return void 0;
}
async function tryAssemble(opts) {
  const why = whyNotSteps(opts.steps);
  if (why) return { why };
  const anchor = anchorIndex(opts.steps.stages.target.steps);
  const anchorStep = anchor === 0 ? opts.steps.stages.target.from : opts.steps.stages.target.steps[anchor - 1]?.instruction;
  try {
    return await assembleImage({
      ...opts.steps,
      client: opts.client,
      path: opts.path,
      labels: opts.labels,
      tags: opts.tags
    });
  } catch (err) {
    if (err instanceof NotAssemblable) {
      return {
        why: `${err.message} (the last step only the engine makes: ${anchorStep?.keyword ?? "FROM"} at line ${anchorStep?.line ?? 1})`
      };
    }
    throw err;
  }
}
async function assembleOrWhy(opts) {
  if (opts.force) return { why: "image.force-build is set" };
  if ("why" in opts.steps) return { why: `the Dockerfile's steps are not known here (${opts.steps.why})` };
  const result = await tryAssemble({
    steps: opts.steps,
    client: opts.access.client,
    path: opts.access.path,
    labels: opts.labels,
    tags: [opts.tag, ...opts.revisionTag ? [opts.revisionTag] : []]
  });
  if ("why" in result) return result;
  const note = `assembled in the registry: ${result.reusedSteps} of ${result.totalSteps} steps reused, ${result.newLayers} new layer(s), ${formatBytes(result.uploadedBytes)} uploaded`;
  return { digest: result.digest, note, source: "assembled" };
}
async function tagAnchor(client, path, digest, tag, logger) {
  try {
    await client.tagManifest(path, digest, tag);
    logger.info(`Tagged ${path}:${tag}, the image later builds finish from`);
  } catch (err) {
    logger.warning(`The step tag ${tag} was not added (later builds will use the engine): ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  }
}
async function makeImage(input) {
  const { opts, content, logger, access } = input;
  const ref = `${access.repository}:${content.tag}`;
  const [{ labels, revision }, steps] = await Promise.all([input.labelled, buildSteps(opts.spec, content)]);
  const revisionTag = revision && /^[0-9a-f]{7,64}$/.test(revision) ? revision : void 0;
  const assembled = await assembleOrWhy({
    steps,
    access,
    labels,
    tag: content.tag,
    revisionTag,
    force: opts.spec.forceBuild
  });
  if ("digest" in assembled) {
    logger.info(`Image ${ref} (${assembled.digest}) ${assembled.note}`);
    const uri = `${access.repository}@${assembled.digest}`;
    return { uri, tag: content.tag, built: true, pushed: true, ...assembled };
  }
  logger.info(`Building with the engine: ${assembled.why}`);
  const labelsOfBuild = "keys" in steps ? withStepsLabel(steps, labels) : labels;
  const digest = await buildAndPush({ ...input, ref, labels: labelsOfBuild, steps, revisionTag });
  const made = { uri: `${access.repository}@${digest}`, tag: content.tag, built: true, pushed: true, digest };
  return { ...made, source: "built", note: `built by the engine: ${assembled.why}` };
}
async function buildAndPush(input) {
  const { opts, content, logger, access, ref } = input;
  const docker = await (0, import_chunk_VGI42KPH.engineOf)(opts)();
  const build = opts.build ?? import_chunk_7GY6S3HI.buildLocalImage;
  await build({ docker, spec: opts.spec, tag: ref, logger, labels: input.labels, ...(0, import_chunk_VGI42KPH.signalOf)(opts) });
  const { repository, credentials, client, path } = access;
  return logger.group(`Push ${ref}`, async () => {
    const { digest } = await pushImage({
      docker,
      repository,
      logger,
      tag: content.tag,
      ...(0, import_chunk_VGI42KPH.signalOf)(opts),
      ...credentials ? { credentials } : {},
      ...opts.sleep ? { sleep: opts.sleep } : {}
    });
    if (input.revisionTag) {
      try {
        await client.tagManifest(path, digest, input.revisionTag);
        logger.info(`Tagged ${repository}:${input.revisionTag} (${digest})`);
      } catch (err) {
        logger.warning(`The commit tag ${input.revisionTag} was not added: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
      }
    }
    if ("anchorTag" in input.steps) await tagAnchor(client, path, digest, input.steps.anchorTag, logger);
    return digest;
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  makeImage
});
