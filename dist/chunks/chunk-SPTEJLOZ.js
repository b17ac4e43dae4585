import {
  require_ignore
} from "./chunk-VBX2D4NB.js";
import {
  lstatEach
} from "./chunk-6EMK3JHB.js";
import {
  __toESM
} from "./chunk-7VZ5H7B6.js";

// src/image/build-context.ts
var import_dockerignore = __toESM(require_ignore(), 1);
import { randomBytes } from "node:crypto";
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
  for await (const [name, stat] of lstatEach(opts.dir, names)) {
    const rel = prefix + name;
    const full = join(opts.dir, name);
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

export {
  parseDockerignore,
  walkContext,
  resolveContext
};
