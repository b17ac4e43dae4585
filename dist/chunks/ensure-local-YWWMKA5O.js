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
var ensure_local_YWWMKA5O_exports = {};
__export(ensure_local_YWWMKA5O_exports, {
  ensureLocal: () => ensureLocal
});
module.exports = __defProp(ensure_local_YWWMKA5O_exports, "__esModule", { value: true });
var import_chunk_N7PAOZNL = require("./chunk-N7PAOZNL.js");
var import_chunk_CMKMZ7VG = require("./chunk-CMKMZ7VG.js");
var import_chunk_7GY6S3HI = require("./chunk-7GY6S3HI.js");
var import_chunk_VGI42KPH = require("./chunk-VGI42KPH.js");
var import_chunk_SPTEJLOZ = require("./chunk-SPTEJLOZ.js");
var import_chunk_VBX2D4NB = require("./chunk-VBX2D4NB.js");
var import_chunk_SO5CUFW3 = require("./chunk-SO5CUFW3.js");
var import_chunk_HOY3A64H = require("./chunk-HOY3A64H.js");
var import_chunk_6EMK3JHB = require("./chunk-6EMK3JHB.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_OKR6MCXK = require("./chunk-OKR6MCXK.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
async function pullIntoEngine(opts) {
  try {
    const digest = await opts.client.manifestDigest(opts.path, opts.tag);
    if (!digest) return false;
    const ref = `${opts.repository}@${digest}`;
    const serveraddress = opts.repository.split("/")[0] ?? opts.repository;
    const authconfig = opts.credentials ? { ...opts.credentials, serveraddress } : { serveraddress };
    const stream = await opts.docker.pull(ref, { authconfig });
    await new Promise(
      (resolve, reject) => opts.docker.modem.followProgress(
        stream,
        (err) => err ? reject(err instanceof Error ? err : new Error(JSON.stringify(err))) : resolve()
      )
    );
    const colon = opts.localRef.lastIndexOf(":");
    await opts.docker.getImage(ref).tag({ repo: opts.localRef.slice(0, colon), tag: opts.localRef.slice(colon + 1) });
    opts.logger.info(`Pulled ${ref} (${opts.repository}:${opts.tag}, the same content) instead of building it`);
    return true;
  } catch (err) {
    opts.logger.info(`The registry's ${opts.repository}:${opts.tag} was not pulled (${(0, import_chunk_OEPHYHQN.messageOf)(err)}): building it`);
    return false;
  }
}
async function engineHas(docker, ref) {
  try {
    await docker.getImage(ref).inspect();
    return true;
  } catch (err) {
    if (err.statusCode === 404) return false;
    throw err;
  }
}
async function tagInEngine(docker, source, target) {
  const colon = target.lastIndexOf(":");
  await docker.getImage(source).tag({ repo: target.slice(0, colon), tag: target.slice(colon + 1) });
}
async function pullLocal(opts, docker, tag, localRef, logger) {
  const lookUp = { ...opts, spec: { ...opts.spec, createRepository: false } };
  const access = await (0, import_chunk_N7PAOZNL.registryAccess)(lookUp, (secret) => logger.mask(secret)).catch((err) => {
    logger.info(`The registry was not asked for ${tag} (${(0, import_chunk_OEPHYHQN.messageOf)(err)}): building it`);
    return void 0;
  });
  if (!access) return false;
  return pullIntoEngine({ docker, ...access, tag, localRef, logger });
}
async function ensureLocal(opts, content, logger) {
  const docker = await (0, import_chunk_VGI42KPH.engineOf)(opts)();
  const ref = `${opts.localRepository}:${content.tag}`;
  const alias = opts.localAlias ? `${opts.localRepository}:${opts.localAlias}` : void 0;
  const reuse = !opts.spec.forceBuild;
  let built = false;
  if (reuse && await engineHas(docker, ref)) {
    logger.info(`Image ${ref} is already in the engine (same content): not building it again`);
  } else if (reuse && opts.spec.repository && await pullLocal(opts, docker, content.tag, ref, logger)) {
  } else {
    const { labels } = await (0, import_chunk_N7PAOZNL.buildLabels)({ ...opts, identity: opts.identity ?? import_chunk_QBYG7RQS.NO_RUN_IDENTITY });
    await (opts.build ?? import_chunk_7GY6S3HI.buildLocalImage)({ docker, spec: opts.spec, tag: ref, logger, labels, ...(0, import_chunk_VGI42KPH.signalOf)(opts) });
    built = true;
  }
  if (alias) await tagInEngine(docker, ref, alias);
  return { uri: alias ?? ref, tag: content.tag, built, pushed: false, source: built ? "built" : "found" };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ensureLocal
});
