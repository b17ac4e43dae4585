var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var ensure_TXQI3B4O_exports = {};
__export(ensure_TXQI3B4O_exports, {
  ensureImage: () => ensureImage,
  lookUpPushedImage: () => lookUpPushedImage
});
module.exports = __defProp(ensure_TXQI3B4O_exports, "__esModule", { value: true });
var import_chunk_VK5EXTPS = require("./chunk-VK5EXTPS.js");
var import_chunk_N7PAOZNL = require("./chunk-N7PAOZNL.js");
var import_chunk_CMKMZ7VG = require("./chunk-CMKMZ7VG.js");
var import_chunk_VGI42KPH = require("./chunk-VGI42KPH.js");
var import_chunk_SPTEJLOZ = require("./chunk-SPTEJLOZ.js");
var import_chunk_VBX2D4NB = require("./chunk-VBX2D4NB.js");
var import_chunk_6EMK3JHB = require("./chunk-6EMK3JHB.js");
var import_chunk_NBTSJA7Y = require("./chunk-NBTSJA7Y.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_OKR6MCXK = require("./chunk-OKR6MCXK.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
async function lookUpPushedImage(opts) {
  const logger = new import_chunk_NBTSJA7Y.RedactingLogger(opts.logger, opts.mask);
  const lookUp = { ...opts, spec: { ...opts.spec, createRepository: false } };
  try {
    const [content, access] = await Promise.all([
      (0, import_chunk_VK5EXTPS.hashBuildContext)(opts.spec, { debug: (m) => logger.debug(m) }),
      (0, import_chunk_N7PAOZNL.registryAccess)(lookUp, (secret) => logger.mask(secret))
    ]);
    const digest = await access.client.manifestDigest(access.path, content.tag);
    return { content, registry: digest ? { digest } : {} };
  } catch (err) {
    throw new Error(logger.redact((0, import_chunk_OEPHYHQN.messageOf)(err)));
  }
}
function contentOf(opts, logger) {
  const known = opts.lookedUp?.content;
  if (known) {
    logger.info(`Content tag ${known.tag}: ${known.files} file(s), hashed once for the run cache`);
    return Promise.resolve(known);
  }
  const started = Date.now();
  return (0, import_chunk_VK5EXTPS.hashBuildContext)(opts.spec, { debug: (message) => logger.debug(message) }).then((content) => {
    const mib = (n) => (n / 1024 / 1024).toFixed(1);
    const byGit = content.gitFiles > 0 ? `, ${content.gitFiles} by git blob id` : "";
    logger.info(
      `Content tag ${content.tag}: ${content.files} file(s), ${mib(content.bytes)} MiB (${mib(content.readBytes)} MiB read${byGit}) in ${((Date.now() - started) / 1e3).toFixed(2)} s`
    );
    return content;
  });
}
function foundInRegistry(opts, logger) {
  const digest = opts.lookedUp?.registry?.digest;
  if (!digest || opts.spec.forceBuild || !opts.lookedUp) return void 0;
  const { registry, path } = (0, import_chunk_N7PAOZNL.parseRepository)(opts.spec.repository ?? "");
  return found(`${registry}/${path}`, opts.lookedUp.content.tag, digest, logger);
}
function found(repository, tag, digest, logger) {
  logger.info(`Image ${repository}:${tag} is already in the registry (${digest}): not building or pushing`);
  return { uri: `${repository}@${digest}`, tag, built: false, pushed: false, digest, source: "found" };
}
async function ensurePushed(opts, content, logger, access) {
  if (!opts.spec.forceBuild) {
    const known = opts.lookedUp?.registry;
    const existing = known ? known.digest : await access.client.manifestDigest(access.path, content.tag);
    if (existing) return found(access.repository, content.tag, existing, logger);
  }
  const labelled = (0, import_chunk_N7PAOZNL.buildLabels)({ ...opts, identity: opts.identity ?? import_chunk_QBYG7RQS.NO_RUN_IDENTITY });
  labelled.catch(() => void 0);
  const { makeImage } = await Promise.resolve().then(() => require("./make-image-A4SIRQKW.js"));
  return makeImage({ opts, content, logger, access, labelled });
}
async function ensureImage(opts) {
  const logger = new import_chunk_NBTSJA7Y.RedactingLogger(opts.logger, opts.mask);
  try {
    if (opts.push && !opts.spec.repository) throw new Error("image.repository is required to push the image");
    if (opts.push) (0, import_chunk_N7PAOZNL.parseRepository)(opts.spec.repository ?? "");
    const hashed = contentOf(opts, logger);
    if (!opts.push) {
      const [{ ensureLocal }, content2] = await Promise.all([Promise.resolve().then(() => require("./ensure-local-YWWMKA5O.js")), hashed]);
      return await ensureLocal(opts, content2, logger);
    }
    const known = foundInRegistry(opts, logger);
    if (known) return known;
    const [content, access] = await Promise.all([
      hashed,
      (0, import_chunk_N7PAOZNL.registryAccess)(opts, (secret) => logger.mask(secret)).then((access2) => {
        access2.client.warmUp();
        return access2;
      })
    ]);
    opts.signal?.throwIfAborted();
    return await ensurePushed(opts, content, logger, access);
  } catch (err) {
    if (err instanceof Error) {
      err.message = logger.redact(err.message);
      if (err.stack) err.stack = logger.redact(err.stack);
      throw err;
    }
    throw new Error(logger.redact(String(err)));
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ensureImage,
  lookUpPushedImage
});
