import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  require_ignore
} from "./chunk-2LTHJ3JV.js";
import {
  addEntry
} from "./chunk-PLE2BQX3.js";
import {
  require_tar_stream
} from "./chunk-BZ2QPMDX.js";
import {
  __toESM
} from "./chunk-DPCXCUBM.js";

// src/image/content-hash.ts
import { createHash } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/image/context-tar.ts
var import_dockerignore = __toESM(require_ignore(), 1);
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
var ignore = import_dockerignore.default.default;
function cleanPattern(pattern) {
  const out = [];
  for (const segment of pattern.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return out.join("/");
}
function parseDockerignore(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
}
function contextFilter(patterns, dockerfileRel) {
  const base = ignore().add(patterns);
  const keep = [".dockerignore", ...dockerfileRel ? [dockerfileRel] : []].filter((p) => base.ignores(p));
  const ig = keep.length > 0 ? ignore().add([...patterns, ...keep.map((p) => `!${p}`)]) : base;
  const exceptions = [...patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1)), ...keep].map(
    (p) => `${cleanPattern(p.trim())}/`
  );
  return {
    excludes: (relPath) => ig.ignores(relPath),
    hasExceptions: exceptions.length > 0,
    entersExcluded: (relDir) => exceptions.some((p) => p.startsWith(`${relDir}/`))
  };
}
async function* walkContext(opts) {
  const prefix = opts.prefix ?? "";
  const names = (await readdir(opts.dir).catch((err) => {
    throw new Error(`Cannot read the folder ${opts.dir} in the build context: ${err.code ?? err.message}`);
  })).sort();
  for (const name of names) {
    const rel = prefix + name;
    const full = join(opts.dir, name);
    const stat = await lstat(full);
    const excluded = opts.skip.has(rel) || opts.filter.excludes(rel);
    const base = { rel, full, mode: stat.mode & 4095, size: 0, mtime: stat.mtime };
    if (stat.isDirectory()) {
      if (excluded && !opts.filter.entersExcluded(rel)) continue;
      if (!excluded) yield { ...base, type: "directory" };
      yield* walkContext({ ...opts, dir: full, prefix: `${rel}/` });
      continue;
    }
    if (excluded) continue;
    if (stat.isFile()) yield { ...base, type: "file", size: stat.size };
    else if (stat.isSymbolicLink()) yield { ...base, type: "symlink", linkname: await readlink(full) };
  }
}
async function addTree(opts) {
  for await (const entry of walkContext(opts)) {
    const header = { name: entry.rel, ...meta(entry) };
    if (entry.type === "directory") await addEntry(opts.pack, { ...header, name: `${entry.rel}/`, type: "directory" });
    else if (entry.type === "symlink") {
      await addEntry(opts.pack, { ...header, type: "symlink", linkname: entry.linkname ?? "" });
    } else {
      const body = createReadStream(entry.full, { highWaterMark: 1024 * 1024 });
      await addEntry(opts.pack, { ...header, type: "file", size: entry.size }, body);
    }
  }
}
function meta(entry) {
  return { mode: entry.mode, mtime: entry.mtime, uid: 0, gid: 0 };
}
async function resolveContext(opts) {
  const context = resolve(opts.context);
  const dockerfilePath = resolve(context, opts.dockerfile);
  const contextStat = await lstat(context).catch(() => void 0);
  if (!contextStat?.isDirectory()) throw new Error(`Build context ${context} is not a folder`);
  const dockerfileBody = await readFile(dockerfilePath).catch((err) => {
    throw new Error(`Cannot read the Dockerfile ${dockerfilePath}: ${err.code ?? err.message}`);
  });
  const ignoreText = await readFile(join(context, ".dockerignore"), "utf8").catch(() => void 0);
  const rel = relative(context, dockerfilePath);
  const inside = rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
  const dockerfileName = inside ? rel.split(sep).join("/") : `.dockerfile.${randomBytes(10).toString("hex")}`;
  const filter = contextFilter(parseDockerignore(ignoreText ?? ""), inside ? dockerfileName : void 0);
  return {
    context,
    dockerfilePath,
    dockerfileBody,
    dockerfileName,
    inside,
    ...ignoreText !== void 0 ? { ignoreText } : {},
    filter,
    skip: new Set(inside ? [] : [".dockerignore"])
  };
}
async function createContextTar(opts) {
  const resolved = await resolveContext(opts);
  const { dockerfileName, inside, ignoreText, dockerfileBody } = resolved;
  const pack = import_tar_stream.default.pack();
  const fill = async () => {
    await addTree({ pack, dir: resolved.context, filter: resolved.filter, skip: resolved.skip });
    if (!inside) {
      const mtime = /* @__PURE__ */ new Date();
      await addEntry(pack, { name: dockerfileName, type: "file", mode: 420, mtime }, dockerfileBody);
      const ignoreBody = Buffer.from(`${ignoreText ?? ""}
${dockerfileName}
`);
      await addEntry(pack, { name: ".dockerignore", type: "file", mode: 420, mtime }, ignoreBody);
    }
    pack.finalize();
  };
  fill().catch((err) => pack.destroy(err));
  return { stream: pack, dockerfileName };
}

// src/image/git-ids.ts
import { execFile } from "node:child_process";
var TIMEOUT_MS = 3e4;
var runGit = (args, opts) => new Promise((resolve3, reject) => {
  const child = execFile(
    "git",
    args,
    {
      cwd: opts.cwd,
      encoding: "utf8",
      timeout: TIMEOUT_MS,
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" }
    },
    (err, stdout, stderr) => {
      if (!err) resolve3(stdout);
      else reject(new Error(`git ${args[0] ?? ""}: ${stderr.trim().split("\n")[0] || err.message}`));
    }
  );
  child.stdin?.on("error", () => void 0);
  child.stdin?.end(opts.input ?? "");
});
function fields(out) {
  const parts = out.split("\0");
  if (parts.at(-1) === "") parts.pop();
  return parts;
}
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
    const [path = "", attr = "", value = ""] = parts.slice(i, i + 3);
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
async function cleanBlobIds(context, opts = {}) {
  const git = opts.git ?? runGit;
  try {
    const [staged, dirty, autocrlf] = await Promise.all([
      git(["ls-files", "-s", "-v", "-z", "--", "."], { cwd: context }),
      git(["ls-files", "-m", "-d", "-z", "--", "."], { cwd: context }),
      // Exit status 1 when it is not set.
      git(["config", "--get", "core.autocrlf"], { cwd: context }).then(parseAutocrlf, () => "false")
    ]);
    const modified = new Set(fields(dirty));
    const candidates = parseStage(staged).filter(
      (e) => e.tag === "H" && e.stage === "0" && (e.mode === "100644" || e.mode === "100755") && !modified.has(e.path)
    );
    if (candidates.length === 0) return /* @__PURE__ */ new Map();
    const attrs = parseAttributes(
      await git(["check-attr", "-z", "--stdin", "eol", "text", "filter", "ident", "working-tree-encoding"], {
        cwd: context,
        input: candidates.map((e) => `${e.path}\0`).join("")
      })
    );
    const ids = /* @__PURE__ */ new Map();
    const sized = [];
    for (const e of candidates) {
      const conversion = conversionOf(attrs.get(e.path), autocrlf);
      if (conversion === "none") ids.set(e.path, { id: e.id });
      else if (conversion !== "unsafe") sized.push({ path: e.path, id: e.id, equal: conversion === "eol" });
    }
    if (sized.length > 0) {
      const out = await git(["cat-file", "--batch-check=%(objectname) %(objectsize)"], {
        cwd: context,
        input: sized.map((s) => `${s.id}
`).join("")
      });
      const sizes = new Map(
        out.split("\n").map((line) => line.split(" ")).filter((p) => p.length === 2 && /^\d+$/.test(p[1] ?? "")).map(([id = "", size = ""]) => [id, Number(size)])
      );
      for (const s of sized) {
        const blob = sizes.get(s.id);
        if (blob !== void 0) ids.set(s.path, { id: s.id, sizeCheck: { blob, equal: s.equal } });
      }
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
function hashFile(path) {
  return new Promise((resolve3, reject) => {
    const hash = createHash("sha256");
    const stream = createReadStream2(path, { highWaterMark: CHUNK });
    stream.on("data", (chunk) => hash.update(chunk));
    stream.once(
      "error",
      (err) => reject(new Error(`Cannot read ${path} in the build context: ${err.code ?? err.message}`))
    );
    stream.once("end", () => resolve3(hash.digest("hex")));
  });
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
async function hashBuildContext(spec, opts = {}) {
  const gitIds = opts.git === false ? Promise.resolve(void 0) : cleanBlobIds(resolve2(spec.context), { ...opts.git ? { git: opts.git } : {}, ...debugOf(opts) });
  const resolved = await resolveContext(spec);
  const blobIds = await gitIds;
  const total = createHash("sha256");
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
  const limit = Math.max(1, opts.concurrency ?? CONCURRENCY);
  const pending = [];
  let files = 0;
  let bytes = 0;
  let readBytes = 0;
  let gitFiles = 0;
  const fingerprints = /* @__PURE__ */ new Map();
  const foldFirst = async () => {
    const first = pending.shift();
    if (first) total.update(await first);
  };
  try {
    for await (const entry of walkContext({ dir: resolved.context, filter: resolved.filter, skip: resolved.skip })) {
      if (entry.type === "file") {
        files++;
        bytes += entry.size;
        const blobId = usableBlobId(blobIds?.get(entry.rel), entry.size);
        if (blobId !== void 0) {
          gitFiles++;
          fingerprints.set(entry.rel, `git:${blobId}`);
          pending.push(Promise.resolve(entryLine(entry, `git:${blobId}`)));
        } else {
          readBytes += entry.size;
          const line = hashFile(entry.full).then((h) => {
            fingerprints.set(entry.rel, h);
            return entryLine(entry, h);
          });
          line.catch(() => void 0);
          pending.push(line);
        }
      } else {
        pending.push(Promise.resolve(entryLine(entry)));
      }
      while (pending.length >= limit) await foldFirst();
    }
    while (pending.length > 0) await foldFirst();
  } catch (err) {
    await Promise.allSettled(pending);
    throw err;
  }
  const hex = total.digest("hex");
  return { digest: `sha256:${hex}`, tag: `ctx-${hex.slice(0, 16)}`, files, bytes, readBytes, gitFiles, fingerprints };
}
function debugOf(opts) {
  return opts.debug ? { debug: opts.debug } : {};
}

export {
  parseDockerignore,
  walkContext,
  resolveContext,
  createContextTar,
  cleanBlobIds,
  usableBlobId,
  hashFile,
  hashBuildContext
};
