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
var chunk_SPTEJLOZ_exports = {};
__export(chunk_SPTEJLOZ_exports, {
  parseDockerignore: () => parseDockerignore,
  resolveContext: () => resolveContext,
  walkContext: () => walkContext
});
module.exports = __defProp(chunk_SPTEJLOZ_exports, "__esModule", { value: true });
var import_chunk_VBX2D4NB = require("./chunk-VBX2D4NB.js");
var import_chunk_6EMK3JHB = require("./chunk-6EMK3JHB.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var import_node_crypto = require("node:crypto");
var import_promises = require("node:fs/promises");
var import_node_path = require("node:path");
var import_dockerignore = (0, import_chunk_7VZ5H7B6.__toESM)((0, import_chunk_VBX2D4NB.require_ignore)(), 1);
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
  const names = (await (0, import_promises.readdir)(opts.dir).catch((err) => {
    throw new Error(`Cannot read the folder ${opts.dir} in the build context: ${err.code ?? err.message}`);
  })).sort();
  for await (const [name, stat] of (0, import_chunk_6EMK3JHB.lstatEach)(opts.dir, names)) {
    const rel = prefix + name;
    const full = (0, import_node_path.join)(opts.dir, name);
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
    else if (stat.isSymbolicLink()) yield { ...base, type: "symlink", linkname: await (0, import_promises.readlink)(full) };
  }
}
async function resolveContext(opts) {
  const context = (0, import_node_path.resolve)(opts.context);
  const dockerfilePath = (0, import_node_path.resolve)(context, opts.dockerfile);
  const contextStat = await (0, import_promises.lstat)(context).catch(() => void 0);
  if (!contextStat?.isDirectory()) throw new Error(`Build context ${context} is not a folder`);
  const dockerfileBody = await (0, import_promises.readFile)(dockerfilePath).catch((err) => {
    throw new Error(`Cannot read the Dockerfile ${dockerfilePath}: ${err.code ?? err.message}`);
  });
  const ignoreText = await (0, import_promises.readFile)((0, import_node_path.join)(context, ".dockerignore"), "utf8").catch(() => void 0);
  const rel = (0, import_node_path.relative)(context, dockerfilePath);
  const inside = rel !== "" && !rel.startsWith(`..${import_node_path.sep}`) && rel !== ".." && !(0, import_node_path.isAbsolute)(rel);
  const dockerfileName = inside ? rel.split(import_node_path.sep).join("/") : `.dockerfile.${(0, import_node_crypto.randomBytes)(10).toString("hex")}`;
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
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  parseDockerignore,
  resolveContext,
  walkContext
});
