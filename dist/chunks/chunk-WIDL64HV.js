import {
  resolveContext,
  walkContext
} from "./chunk-SPTEJLOZ.js";
import {
  messageOf
} from "./chunk-OEPHYHQN.js";

// src/image/content-hash.ts
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { resolve } from "node:path";

// src/image/git-ids.ts
import { spawn } from "node:child_process";
var TIMEOUT_MS = 3e4;
var runGit = (args, opts) => new Promise((resolve2, reject) => {
  const child = spawn("git", ["--no-optional-locks", ...args], {
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
    const value = parts[i + 2] ?? "";
    if (value === "unspecified") continue;
    const path = parts[i] ?? "";
    const attr = parts[i + 1] ?? "";
    const attrs = byPath.get(path) ?? /* @__PURE__ */ new Map();
    attrs.set(attr, value);
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
function parseAutocrlf(value) {
  const v = value.trim().toLowerCase();
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

// src/image/content-hash.ts
var VERSION = "sagemaker-train/context/v1";
var CONCURRENCY = 4;
var CHUNK = 1024 * 1024;
var spare = [];
async function hashFile(path) {
  const buffer = spare.pop() ?? Buffer.allocUnsafe(CHUNK);
  try {
    const handle = await open(path, "r");
    try {
      const hash = createHash("sha256");
      for (; ; ) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
        if (bytesRead === 0) return hash.digest("hex");
        hash.update(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = err.code;
    throw new Error(`Cannot read ${path} in the build context: ${code ?? messageOf(err)}`);
  } finally {
    if (spare.length < 16) spare.push(buffer);
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
  const dockerfileHash = createHash("sha256").update(resolved.dockerfileBody).digest("hex");
  total.update(
    `dockerfile ${resolved.inside ? JSON.stringify(resolved.dockerfileName) : "(outside)"} ${dockerfileHash}
`
  );
}
async function foldEntries(total, resolved, blobIds, limit) {
  const tally = { files: 0, bytes: 0, readBytes: 0, gitFiles: 0, fingerprints: /* @__PURE__ */ new Map() };
  const pending = [];
  const foldFirst = async () => {
    const first = pending.shift();
    if (first) total.update(await first);
  };
  try {
    for await (const entry of walkContext({ dir: resolved.context, filter: resolved.filter, skip: resolved.skip })) {
      pending.push(entry.type === "file" ? fileLine(entry, blobIds, tally) : Promise.resolve(entryLine(entry)));
      while (pending.length >= limit) await foldFirst();
    }
    while (pending.length > 0) await foldFirst();
  } catch (err) {
    await Promise.allSettled(pending);
    throw err;
  }
  return tally;
}
function fileLine(entry, blobIds, tally) {
  tally.files++;
  tally.bytes += entry.size;
  const blobId = usableBlobId(blobIds?.get(entry.rel), entry.size);
  if (blobId !== void 0) {
    tally.gitFiles++;
    tally.fingerprints.set(entry.rel, `git:${blobId}`);
    return Promise.resolve(entryLine(entry, `git:${blobId}`));
  }
  tally.readBytes += entry.size;
  const line = hashFile(entry.full).then((h) => {
    tally.fingerprints.set(entry.rel, h);
    return entryLine(entry, h);
  });
  line.catch(() => void 0);
  return line;
}
async function hashBuildContext(spec, opts = {}) {
  const gitIds = opts.git === false ? Promise.resolve(void 0) : cleanBlobIds(resolve(spec.context), { ...opts.git ? { git: opts.git } : {}, ...debugOf(opts) });
  const resolved = await resolveContext(spec);
  const blobIds = await gitIds;
  const total = createHash("sha256");
  foldSettings(total, spec, resolved);
  const tally = await foldEntries(total, resolved, blobIds, Math.max(1, opts.concurrency ?? CONCURRENCY));
  const hex = total.digest("hex");
  return { digest: `sha256:${hex}`, tag: `ctx-${hex.slice(0, 16)}`, ...tally };
}
function debugOf(opts) {
  return opts.debug ? { debug: opts.debug } : {};
}

export {
  cleanBlobIds,
  usableBlobId,
  hashFile,
  hashBuildContext
};
