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
var chunk_VK5EXTPS_exports = {};
__export(chunk_VK5EXTPS_exports, {
  fileFingerprint: () => fileFingerprint,
  gitBlobIds: () => gitBlobIds,
  hashBuildContext: () => hashBuildContext,
  hashFile: () => hashFile
});
module.exports = __defProp(chunk_VK5EXTPS_exports, "__esModule", { value: true });
var import_chunk_SPTEJLOZ = require("./chunk-SPTEJLOZ.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_node_crypto = require("node:crypto");
var import_node_path = require("node:path");
var import_promises = require("node:fs/promises");
var import_node_child_process = require("node:child_process");
var import_node_crypto2 = require("node:crypto");
var import_promises2 = require("node:fs/promises");
var import_promises3 = require("node:fs/promises");
var import_node_path2 = require("node:path");
var import_promises4 = require("node:fs/promises");
var import_node_path3 = require("node:path");
var CHUNK = 1024 * 1024;
var spare = [];
async function digestFile(path, hash) {
  const buffer = spare.pop() ?? Buffer.allocUnsafe(CHUNK);
  try {
    const handle = await (0, import_promises.open)(path, "r");
    try {
      for (; ; ) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
        if (bytesRead === 0) return hash.digest("hex");
        hash.update(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
  } finally {
    if (spare.length < 16) spare.push(buffer);
  }
}
function ifPresent(pending) {
  return pending.catch((err) => {
    if (err.code === "ENOENT" || err.code === "ENOTDIR") return void 0;
    throw err;
  });
}
var ESCAPES = { n: "\n", t: "	", b: "\b", '"': '"', "\\": "\\" };
var Cursor = class {
  constructor(text, file) {
    this.text = text;
    this.file = file;
    if (text.startsWith("\uFEFF")) this.at = 1;
  }
  text;
  file;
  at = 0;
  get done() {
    return this.at >= this.text.length;
  }
  peek() {
    return this.text[this.at] ?? "";
  }
  next() {
    return this.text[this.at++] ?? "";
  }
  /** Fails at the line of the character read last. */
  fail(why) {
    const line = this.text.slice(0, Math.max(0, this.at - 1)).split("\n").length;
    throw new Error(`${this.file}:${line}: ${why}`);
  }
  skipBlanks() {
    while (this.peek() === " " || this.peek() === "	") this.at++;
  }
  skipLine() {
    while (!this.done && this.next() !== "\n") ;
  }
};
function sectionHeader(c) {
  let name = "";
  while (/[A-Za-z0-9.-]/.test(c.peek())) name += c.next();
  if (name === "") c.fail("a section name was expected");
  c.skipBlanks();
  if (c.peek() === "]") {
    c.next();
    return name.toLowerCase();
  }
  if (c.next() !== '"' || name.includes(".")) c.fail("a subsection in double quotes was expected");
  let sub = "";
  for (; ; ) {
    const ch = c.next();
    if (ch === "" || ch === "\n") c.fail("the subsection has no closing quote");
    if (ch === '"') break;
    sub += ch === "\\" ? c.next() : ch;
  }
  if (c.next() !== "]") c.fail("`]` was expected after the subsection");
  return `${name.toLowerCase()}.${sub}`;
}
function value(c) {
  let out = "";
  let quoted = false;
  let pendingSpace = "";
  for (; ; ) {
    const ch = c.next();
    if (ch === "" || ch === "\n" && !quoted) break;
    if (ch === "\n") c.fail("the value has no closing quote");
    if (!quoted && (ch === "#" || ch === ";")) {
      c.skipLine();
      break;
    }
    if (!quoted && (ch === " " || ch === "	" || ch === "\r")) {
      if (out !== "") pendingSpace += ch;
      continue;
    }
    out += pendingSpace;
    pendingSpace = "";
    if (ch === '"') {
      quoted = !quoted;
    } else if (ch === "\\") {
      const escaped = c.next();
      if (escaped === "\n") continue;
      if (escaped === "\r" && c.peek() === "\n") {
        c.next();
        continue;
      }
      const replacement = ESCAPES[escaped];
      if (replacement === void 0) c.fail(`the escape \\${escaped} is not one git knows`);
      out += replacement;
    } else {
      out += ch;
    }
  }
  return out;
}
function parseGitConfig(text, file, included = false) {
  const c = new Cursor(text, file);
  const entries = [];
  let section;
  while (!c.done) {
    c.skipBlanks();
    const ch = c.peek();
    if (ch === "\n" || ch === "\r") {
      c.next();
    } else if (ch === "#" || ch === ";") {
      c.skipLine();
    } else if (ch === "[") {
      c.next();
      section = sectionHeader(c);
    } else if (/[A-Za-z]/.test(ch)) {
      if (section === void 0) c.fail("a key outside any section");
      let name = "";
      while (/[A-Za-z0-9-]/.test(c.peek())) name += c.next();
      c.skipBlanks();
      const key = `${section}.${name.toLowerCase()}`;
      if (c.peek() === "=") {
        c.next();
        c.skipBlanks();
        entries.push({ key, value: value(c), file, included });
      } else {
        const rest = c.peek();
        if (rest !== "" && rest !== "\n" && rest !== "\r" && rest !== "#" && rest !== ";") c.fail("`=` was expected");
        entries.push({ key, value: null, file, included });
        c.skipLine();
      }
    } else if (ch !== "") {
      c.next();
      c.fail(`unexpected ${JSON.stringify(ch)}`);
    }
  }
  return entries;
}
var MAX_INCLUDE_DEPTH = 10;
async function readGitConfig(file, home, depth = 0) {
  if (depth > MAX_INCLUDE_DEPTH) throw new Error(`${file}: includes nested more than ${MAX_INCLUDE_DEPTH} deep`);
  const text = await ifPresent((0, import_promises4.readFile)(file, "utf8"));
  if (text === void 0) return [];
  const out = [];
  for (const entry of parseGitConfig(text, file, depth > 0)) {
    out.push(entry);
    const including = entry.key === "include.path" || /^includeif\..*\.path$/s.test(entry.key);
    if (!including || !entry.value) continue;
    out.push(...await readGitConfig(includedPath(entry.value, file, home), home, depth + 1));
  }
  return out;
}
function includedPath(path, from, home) {
  if (path.startsWith("~/")) {
    if (!home) throw new Error(`${from}: includes ${path} but HOME is not set`);
    return (0, import_node_path3.join)(home, path.slice(2));
  }
  if (path.startsWith("~") || path.startsWith("%(")) throw new Error(`${from}: includes ${path}`);
  return (0, import_node_path3.isAbsolute)(path) ? path : (0, import_node_path3.join)((0, import_node_path3.dirname)(from), path);
}
function gitBoolean(value2) {
  if (value2 === null) return true;
  const v = value2.trim().toLowerCase();
  if (v === "true" || v === "yes" || v === "on") return true;
  if (v === "false" || v === "no" || v === "off" || v === "") return false;
  return /^-?\d+$/.test(v) ? Number(v) !== 0 : void 0;
}
var HARMLESS_GIT_VARIABLE = /^GIT_(TERMINAL_PROMPT|ASKPASS|SSH|SSH_COMMAND|SSH_VARIANT|(AUTHOR|COMMITTER)_(NAME|EMAIL|DATE)|EDITOR|SEQUENCE_EDITOR|PAGER|TRACE\w*|HTTP_\w+|LFS_\w+|SSL_\w+|PROXY_\w+|PROTOCOL_FROM_USER|ALLOW_PROTOCOL|REDACT_COOKIES|CURL_VERBOSE)$/;
var lstatOrUndefined = (path) => ifPresent((0, import_promises3.lstat)(path));
async function findWorkTree(start) {
  let dir = start;
  let device = (await (0, import_promises3.lstat)(dir)).dev;
  for (; ; ) {
    const dotGit = await lstatOrUndefined((0, import_node_path2.join)(dir, ".git"));
    if (dotGit && !dotGit.isDirectory()) return void 0;
    if (dotGit && await isGitDir((0, import_node_path2.join)(dir, ".git"))) return { workTree: dir, gitDir: (0, import_node_path2.join)(dir, ".git") };
    const parent = (0, import_node_path2.dirname)(dir);
    if (parent === dir) return void 0;
    const parentDevice = (await (0, import_promises3.lstat)(parent)).dev;
    if (parentDevice !== device) return void 0;
    dir = parent;
    device = parentDevice;
  }
}
async function isGitDir(dir) {
  const [head, objects, refs] = await Promise.all(
    ["HEAD", "objects", "refs"].map((n) => lstatOrUndefined((0, import_node_path2.join)(dir, n)))
  );
  return Boolean(head?.isFile() && objects?.isDirectory() && refs?.isDirectory());
}
async function gitOnPath(path) {
  const candidates = path.split(import_node_path2.delimiter).filter(Boolean).map((dir) => (0, import_node_path2.join)(dir, "git"));
  const runnable = await Promise.all(
    candidates.map(
      (file) => (0, import_promises3.access)(file, import_promises3.constants.X_OK).then(
        () => true,
        () => false
      )
    )
  );
  const found = candidates[runnable.indexOf(true)];
  return found === void 0 ? [] : [.../* @__PURE__ */ new Set([found, await (0, import_promises3.realpath)(found)])];
}
function systemFolders(gits) {
  const folders = gits.map((git) => {
    const prefix = (0, import_node_path2.dirname)((0, import_node_path2.dirname)(git));
    return prefix === "/usr" ? "/etc" : (0, import_node_path2.join)(prefix, "etc");
  });
  return [...new Set(folders)];
}
function userFolders(env) {
  const home = env["HOME"];
  const xdg = env["XDG_CONFIG_HOME"] || (home ? (0, import_node_path2.join)(home, ".config") : void 0);
  return { xdgGit: xdg ? [(0, import_node_path2.join)(xdg, "git")] : [], home: home ? [home] : [] };
}
function configFiles(gitDir, system, env) {
  const user = userFolders(env);
  return [
    ...system.map((dir) => (0, import_node_path2.join)(dir, "gitconfig")),
    ...user.xdgGit.map((dir) => (0, import_node_path2.join)(dir, "config")),
    ...user.home.map((dir) => (0, import_node_path2.join)(dir, ".gitconfig")),
    (0, import_node_path2.join)(gitDir, "config")
  ];
}
function attributeFiles(gitDir, system, env) {
  return [
    ...system.map((dir) => (0, import_node_path2.join)(dir, "gitattributes")),
    ...userFolders(env).xdgGit.map((dir) => (0, import_node_path2.join)(dir, "attributes")),
    (0, import_node_path2.join)(gitDir, "info", "attributes")
  ];
}
function settingAgainst(entry) {
  const on = gitBoolean(entry.value);
  switch (entry.key) {
    case "core.autocrlf":
    case "core.bare":
    case "core.ignorecase":
    case "core.precomposeunicode":
    case "core.splitindex":
    case "core.sparsecheckout":
    case "index.sparse":
    case "extensions.worktreeconfig":
      return on === false ? null : entry.key;
    case "core.eol":
    case "core.attributesfile":
    case "core.worktree":
      return entry.key;
    case "extensions.objectformat":
      return entry.value?.toLowerCase() === "sha1" ? null : entry.key;
    case "core.filemode":
      return entry.included || on === void 0 ? entry.key : null;
    default:
      return null;
  }
}
async function plainRepository(dir, env = process.env) {
  if (process.platform !== "linux") return { why: `not on Linux (${process.platform})` };
  const variable = Object.keys(env).find((name) => name.startsWith("GIT_") && !HARMLESS_GIT_VARIABLE.test(name));
  if (variable) return { why: `${variable} is set` };
  const gitsOnPath = gitOnPath(env["PATH"] ?? "");
  gitsOnPath.catch(() => void 0);
  const real = await (0, import_promises3.realpath)(dir);
  const found = await findWorkTree(real);
  if (!found) return { why: "no .git folder found as git would find it" };
  const uid = process.getuid?.();
  const [top, gitDirStat] = await Promise.all([(0, import_promises3.lstat)(found.workTree), (0, import_promises3.lstat)(found.gitDir)]);
  if (top.uid !== uid || gitDirStat.uid !== uid) return { why: "the repository is owned by another user" };
  const gits = await gitsOnPath;
  if (gits.length === 0) return { why: "no git on PATH" };
  const system = systemFolders(gits);
  const attributes = attributeFiles(found.gitDir, system, env);
  const [present, configs] = await Promise.all([
    Promise.all(attributes.map(lstatOrUndefined)),
    Promise.all(configFiles(found.gitDir, system, env).map((file) => readGitConfig(file, env["HOME"])))
  ]);
  const attributesFile = attributes[present.findIndex(Boolean)];
  if (attributesFile !== void 0) return { why: `${attributesFile} exists` };
  let fileMode = true;
  for (const entry of configs.flat()) {
    const against = settingAgainst(entry);
    if (against) return { why: `${against} is set in ${entry.file}` };
    if (entry.key === "core.filemode") fileMode = gitBoolean(entry.value) ?? true;
  }
  const folder = (0, import_node_path2.relative)(found.workTree, real).split(import_node_path2.sep).join("/");
  return { repository: { ...found, folder, fileMode } };
}
var HASH_BYTES = 20;
var FLAG_ASSUME_VALID = 32768;
var FLAG_EXTENDED = 16384;
var EXT_SKIP_WORKTREE = 16384;
var EXT_INTENT_TO_ADD = 8192;
function varint(buf, at) {
  let byte = buf[at++] ?? 0;
  let value2 = byte & 127;
  while (byte & 128) {
    byte = buf[at++] ?? 0;
    value2 = value2 + 1 << 7 | byte & 127;
  }
  return [value2, at];
}
function parseIndex(buf) {
  if (buf.length < 12 + HASH_BYTES || buf.toString("latin1", 0, 4) !== "DIRC") throw new Error("not an index file");
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) throw new Error(`index version ${version}`);
  const count = buf.readUInt32BE(8);
  const end = buf.length - HASH_BYTES;
  const entries = [];
  let at = 12;
  let previous = "";
  for (let i = 0; i < count; i++) {
    if (at + 62 > end) throw new Error("index entries run past the end");
    const flags = buf.readUInt16BE(at + 60);
    const hasExtended = version >= 3 && (flags & FLAG_EXTENDED) !== 0;
    const extended = hasExtended ? buf.readUInt16BE(at + 62) : 0;
    let nameAt = at + 62 + (hasExtended ? 2 : 0);
    let path;
    if (version === 4) {
      const [strip, after] = varint(buf, nameAt);
      const nul = buf.indexOf(0, after);
      if (nul < 0 || nul >= end || strip > previous.length) throw new Error("a bad path in the index");
      path = previous.slice(0, previous.length - strip) + buf.toString("utf8", after, nul);
      nameAt = nul + 1;
    } else {
      const nul = buf.indexOf(0, nameAt);
      if (nul < 0 || nul >= end) throw new Error("a bad path in the index");
      path = buf.toString("utf8", nameAt, nul);
      nameAt = at + (nul - at + 8 & ~7);
    }
    entries.push({
      path,
      ctimeSec: buf.readUInt32BE(at),
      ctimeNsec: buf.readUInt32BE(at + 4),
      mtimeSec: buf.readUInt32BE(at + 8),
      mtimeNsec: buf.readUInt32BE(at + 12),
      ino: buf.readUInt32BE(at + 20),
      mode: buf.readUInt32BE(at + 24),
      uid: buf.readUInt32BE(at + 28),
      gid: buf.readUInt32BE(at + 32),
      size: buf.readUInt32BE(at + 36),
      id: buf.toString("hex", at + 40, at + 40 + HASH_BYTES),
      stage: flags >> 12 & 3,
      assumeValid: (flags & FLAG_ASSUME_VALID) !== 0,
      skipWorktree: (extended & EXT_SKIP_WORKTREE) !== 0,
      intentToAdd: (extended & EXT_INTENT_TO_ADD) !== 0
    });
    previous = path;
    at = nameAt;
  }
  while (at + 8 <= end) {
    const signature = buf.toString("latin1", at, at + 4);
    if (!/^[A-Z]/.test(signature)) throw new Error(`the index has the ${signature} extension`);
    at += 8 + buf.readUInt32BE(at + 4);
  }
  return entries;
}
var low32 = (n) => Number(n & 0xffffffffn);
var BILLION = 1000000000n;
function statMatches(e, st) {
  return e.mtimeSec === low32(st.mtimeNs / BILLION) && e.mtimeNsec === Number(st.mtimeNs % BILLION) && e.ctimeSec === low32(st.ctimeNs / BILLION) && e.ctimeNsec === Number(st.ctimeNs % BILLION) && e.ino === low32(st.ino) && e.uid === low32(st.uid) && e.gid === low32(st.gid) && e.size === low32(st.size);
}
function byStatData(e, st, opts) {
  if (!st.isFile()) return "modified";
  if (opts.fileMode && ((e.mode ^ Number(st.mode)) & 64) !== 0) return "modified";
  const entryTime = BigInt(e.mtimeSec) * BILLION + BigInt(e.mtimeNsec);
  if (statMatches(e, st) && entryTime < opts.indexTime) return "clean";
  if (e.size !== 0 && e.size !== low32(st.size)) return "modified";
  return "read";
}
function blobIdOfFile(path, size) {
  return digestFile(path, (0, import_node_crypto2.createHash)("sha1").update(`blob ${size}\0`));
}
async function readIndexFile(path) {
  const handle = await ifPresent((0, import_promises2.open)(path, "r"));
  if (!handle) return { indexTime: 0n };
  try {
    const [stat, buf] = await Promise.all([handle.stat({ bigint: true }), handle.readFile()]);
    return { buf, indexTime: stat.mtimeNs };
  } finally {
    await handle.close();
  }
}
async function indexBlobIds(dir, env = process.env) {
  return readIndex(dir, env).catch((err) => ({ why: (0, import_chunk_OEPHYHQN.messageOf)(err) }));
}
async function readIndex(dir, env) {
  const found = await plainRepository(dir, env);
  if ("why" in found) return found;
  const { gitDir, workTree, folder, fileMode } = found.repository;
  const { buf, indexTime } = await readIndexFile(`${gitDir}/index`);
  const prefix = folder === "" ? "" : `${folder}/`;
  const all = buf ? parseIndex(buf) : [];
  const byPath = /* @__PURE__ */ new Map();
  for (const e of all) {
    if (!e.path.startsWith(prefix) || e.stage !== 0 || e.assumeValid || e.skipWorktree || e.intentToAdd) continue;
    if (e.mode !== 33188 && e.mode !== 33261) continue;
    byPath.set(e.path.slice(prefix.length), e);
  }
  const attributes = await attributesFileFor(workTree, folder, [...byPath.values()], all);
  if (attributes) return { why: `${attributes} exists` };
  const blobIdOf = async (rel, full) => {
    const e = byPath.get(rel);
    const st = e && await (0, import_promises2.lstat)(full, { bigint: true }).catch(() => void 0);
    if (!e || !st) return void 0;
    const verdict = byStatData(e, st, { indexTime, fileMode });
    if (verdict !== "read") return verdict === "clean" ? e.id : void 0;
    return await blobIdOfFile(full, st.size) === e.id ? e.id : void 0;
  };
  return { blobIdOf };
}
var parentOf = (path) => path.slice(0, Math.max(0, path.lastIndexOf("/")));
async function attributesFileFor(workTree, folder, entries, indexed) {
  const folders = /* @__PURE__ */ new Set([folder]);
  for (let f = folder; f !== ""; f = parentOf(f)) folders.add(parentOf(f));
  for (const e of entries) for (let f = parentOf(e.path); !folders.has(f); f = parentOf(f)) folders.add(f);
  const files = [...folders].map((f) => f === "" ? ".gitattributes" : `${f}/.gitattributes`);
  const wanted = new Set(files);
  const inIndex = indexed.find((e) => wanted.has(e.path));
  if (inIndex) return `${workTree}/${inIndex.path}`;
  const present = await Promise.all(files.map((f) => ifPresent((0, import_promises2.lstat)(`${workTree}/${f}`))));
  const index = present.findIndex(Boolean);
  return index < 0 ? void 0 : `${workTree}/${files[index]}`;
}
var TIMEOUT_MS = 3e4;
var runGit = (args, opts) => new Promise((resolve2, reject) => {
  const child = (0, import_node_child_process.spawn)("git", ["--no-optional-locks", ...args], {
    cwd: opts.cwd,
    timeout: TIMEOUT_MS,
    stdio: [opts.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"]
  });
  const stdout = [];
  const stderr = [];
  child.stdout?.on("data", (chunk) => stdout.push(chunk));
  child.stderr?.on("data", (chunk) => stderr.push(chunk));
  const fail = (why) => reject(new Error(`git ${args[0] ?? ""}: ${why}`));
  child.on("error", (err) => fail(err.message));
  child.on("close", (code, signal) => {
    if (code === 0) return resolve2(Buffer.concat(stdout).toString("utf8"));
    const said = Buffer.concat(stderr).toString("utf8").trim().split("\n")[0];
    fail(said || (signal ? `stopped by ${signal}` : `exit status ${code ?? "?"}`));
  });
  if (!child.stdin) return;
  const stdin = child.stdin;
  stdin.on("error", () => void 0);
  Promise.resolve(opts.input).then(
    (input) => stdin.end(input ?? ""),
    () => child.kill()
  );
});
function fields(out) {
  const parts = out.split("\0");
  if (parts.at(-1) === "") parts.pop();
  return parts;
}
var LS_FILES = ["ls-files", "-c", "-m", "-d", "-s", "-v", "-z", "--", "."];
function parseStage(out) {
  return fields(out).flatMap((record) => {
    const match = /^(\S+) (\d+) ([0-9a-f]+) (\d+)\t(.*)$/s.exec(record);
    if (!match) return [];
    const [, tag = "", mode = "", id = "", stage = "", path = ""] = match;
    return [{ tag, mode, id, stage, path }];
  });
}
function parseAttributes(out) {
  const parts = fields(out);
  const byPath = /* @__PURE__ */ new Map();
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const value2 = parts[i + 2] ?? "";
    if (value2 === "unspecified") continue;
    const path = parts[i] ?? "";
    const attr = parts[i + 1] ?? "";
    const attrs = byPath.get(path) ?? /* @__PURE__ */ new Map();
    attrs.set(attr, value2);
    byPath.set(path, attrs);
  }
  return byPath;
}
function conversionOf(attrs, autocrlf) {
  const get = (name) => attrs?.get(name) ?? "unspecified";
  if (get("ident") === "set" || get("working-tree-encoding") !== "unspecified") return "unsafe";
  const filter = get("filter");
  if (filter === "lfs") return "lfs";
  if (filter !== "unspecified" && filter !== "unset") return "unsafe";
  const text = get("text");
  if (text === "unset") return "none";
  if (text !== "unspecified" || get("eol") !== "unspecified" || autocrlf !== "false") return "eol";
  return "none";
}
function parseAutocrlf(value2) {
  const v = value2.trim().toLowerCase();
  if (v === "input") return "input";
  return ["true", "yes", "on", "1"].includes(v) ? "true" : "false";
}
function cleanCandidates(listed) {
  const entries = parseStage(listed);
  const dirty = new Set(entries.filter((e) => e.tag === "C" || e.tag === "R").map((e) => e.path));
  return entries.filter(
    (e) => e.tag === "H" && e.stage === "0" && (e.mode === "100644" || e.mode === "100755") && !dirty.has(e.path)
  );
}
async function blobSizes(git, context, ids) {
  const out = await git(["cat-file", "--batch-check=%(objectname) %(objectsize)"], {
    cwd: context,
    input: ids.map((id) => `${id}
`).join("")
  });
  return new Map(
    out.split("\n").map((line) => line.split(" ")).filter((p) => p.length === 2 && /^\d+$/.test(p[1] ?? "")).map(([id = "", size = ""]) => [id, Number(size)])
  );
}
async function cleanBlobIds(context, opts = {}) {
  const git = opts.git ?? runGit;
  try {
    const candidates = git(LS_FILES, { cwd: context }).then(cleanCandidates);
    const paths = candidates.then((entries) => entries.map((e) => `${e.path}\0`).join(""));
    paths.catch(() => void 0);
    const attributes = git(["check-attr", "-z", "--stdin", "eol", "text", "filter", "ident", "working-tree-encoding"], {
      cwd: context,
      input: paths
    });
    const autocrlf = git(["config", "--get", "core.autocrlf"], { cwd: context }).then(parseAutocrlf, () => "false");
    const [clean, attrs, crlf] = await Promise.all([candidates, attributes.then(parseAttributes), autocrlf]);
    const ids = /* @__PURE__ */ new Map();
    const sized = [];
    for (const e of clean) {
      const conversion = conversionOf(attrs.get(e.path), crlf);
      if (conversion === "none") ids.set(e.path, { id: e.id });
      else if (conversion !== "unsafe") sized.push({ path: e.path, id: e.id, equal: conversion === "eol" });
    }
    const sizes = sized.length > 0 ? await blobSizes(
      git,
      context,
      sized.map((s) => s.id)
    ) : /* @__PURE__ */ new Map();
    for (const s of sized) {
      const blob = sizes.get(s.id);
      if (blob !== void 0) ids.set(s.path, { id: s.id, sizeCheck: { blob, equal: s.equal } });
    }
    return ids;
  } catch (err) {
    const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
    opts.debug?.(`Build context ${context}: no git ids (${detail}); every file is hashed by content`);
    return void 0;
  }
}
function usableBlobId(blob, size) {
  if (!blob) return void 0;
  if (blob.sizeCheck && blob.sizeCheck.blob === size !== blob.sizeCheck.equal) return void 0;
  return blob.id;
}
async function gitBlobIds(dir, opts = {}) {
  if (!opts.git) {
    const direct = await indexBlobIds(dir, opts.env);
    if ("blobIdOf" in direct) return direct.blobIdOf;
    opts.debug?.(`${dir}: git is asked for its blob ids (its index alone cannot vouch: ${direct.why})`);
  }
  const ids = await cleanBlobIds(dir, opts);
  return ids && ((rel, _full, size) => Promise.resolve(usableBlobId(ids.get(rel), size)));
}
var VERSION = "sagemaker-train/context/v1";
var CONCURRENCY = 4;
async function hashFile(path) {
  try {
    return await digestFile(path, (0, import_node_crypto.createHash)("sha256"));
  } catch (err) {
    const code = err.code;
    throw new Error(`Cannot read ${path} in the build context: ${code ?? (0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  }
}
function entryLine(entry, contentHash) {
  const mode = entry.mode.toString(8);
  if (entry.type === "directory") return `d ${JSON.stringify(entry.rel)} ${mode}
`;
  if (entry.type === "symlink") return `l ${JSON.stringify(entry.rel)} ${mode} ${JSON.stringify(entry.linkname)}
`;
  return `f ${JSON.stringify(entry.rel)} ${mode} ${entry.size} ${contentHash ?? ""}
`;
}
function foldSettings(total, spec, resolved) {
  total.update(`${VERSION}
`);
  total.update(`platform ${JSON.stringify(spec.platform)}
`);
  total.update(`target ${JSON.stringify(spec.target ?? "")}
`);
  for (const key of Object.keys(spec.buildArgs).sort()) {
    total.update(`arg ${JSON.stringify(key)}=${JSON.stringify(spec.buildArgs[key])}
`);
  }
  const dockerfileHash = (0, import_node_crypto.createHash)("sha256").update(resolved.dockerfileBody).digest("hex");
  total.update(
    `dockerfile ${resolved.inside ? JSON.stringify(resolved.dockerfileName) : "(outside)"} ${dockerfileHash}
`
  );
}
async function foldEntries(total, resolved, blobIdOf, limit) {
  const tally = { files: 0, bytes: 0, readBytes: 0, gitFiles: 0, fingerprints: /* @__PURE__ */ new Map() };
  const pending = [];
  const foldFirst = async () => {
    const first = pending.shift();
    if (first) total.update(await first);
  };
  try {
    for await (const entry of (0, import_chunk_SPTEJLOZ.walkContext)({ dir: resolved.context, filter: resolved.filter, skip: resolved.skip })) {
      pending.push(entry.type === "file" ? fileLine(entry, blobIdOf, tally) : Promise.resolve(entryLine(entry)));
      while (pending.length >= limit) await foldFirst();
    }
    while (pending.length > 0) await foldFirst();
  } catch (err) {
    await Promise.allSettled(pending);
    throw err;
  }
  return tally;
}
async function fileFingerprint(blobIdOf, file) {
  const blobId = await blobIdOf?.(file.rel, file.full, file.size);
  return blobId !== void 0 ? `git:${blobId}` : hashFile(file.full);
}
function fileLine(entry, blobIdOf, tally) {
  tally.files++;
  tally.bytes += entry.size;
  const line = fileFingerprint(blobIdOf, entry).then((print) => {
    if (print.startsWith("git:")) tally.gitFiles++;
    else tally.readBytes += entry.size;
    tally.fingerprints.set(entry.rel, print);
    return entryLine(entry, print);
  });
  line.catch(() => void 0);
  return line;
}
async function hashBuildContext(spec, opts = {}) {
  const gitIds = opts.git === false ? Promise.resolve(void 0) : gitBlobIds((0, import_node_path.resolve)(spec.context), { ...opts.git ? { git: opts.git } : {}, ...debugOf(opts) });
  gitIds.catch(() => void 0);
  const resolved = await (0, import_chunk_SPTEJLOZ.resolveContext)(spec);
  const blobIdOf = await gitIds;
  const total = (0, import_node_crypto.createHash)("sha256");
  foldSettings(total, spec, resolved);
  const tally = await foldEntries(total, resolved, blobIdOf, Math.max(1, opts.concurrency ?? CONCURRENCY));
  const hex = total.digest("hex");
  return { digest: `sha256:${hex}`, tag: `ctx-${hex.slice(0, 16)}`, ...tally };
}
function debugOf(opts) {
  return opts.debug ? { debug: opts.debug } : {};
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  fileFingerprint,
  gitBlobIds,
  hashBuildContext,
  hashFile
});
