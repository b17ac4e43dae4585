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
var chunk_LKL6FYIQ_exports = {};
__export(chunk_LKL6FYIQ_exports, {
  localImageTag: () => localImageTag,
  resolveImage: () => resolveImage
});
module.exports = __defProp(chunk_LKL6FYIQ_exports, "__esModule", { value: true });
function localImageTag(namePrefix) {
  const name = namePrefix.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "job";
  return `sagemaker-train/${name}:local`;
}
async function resolveImage(request, deps) {
  const spec = request.image;
  if (spec.kind === "prebuilt") {
    deps.logger.info(`Using the prebuilt image ${spec.uri}`);
    return { uri: spec.uri, built: false };
  }
  const local = localImageTag(request.job.namePrefix);
  const prepare = deps.prepareImage ?? (await Promise.resolve().then(() => require("./ensure-TXQI3B4O.js"))).ensureImage;
  const outcome = await prepare({
    docker: deps.docker,
    spec,
    push: request.mode !== "local",
    localRepository: local.slice(0, local.lastIndexOf(":")),
    localAlias: "local",
    logger: deps.logger,
    signal: deps.signal,
    env: deps.env ?? {},
    ...deps.identity ? { identity: deps.identity } : {},
    ...deps.buildImage ? { build: deps.buildImage } : {},
    ...deps.ecr ? { ecr: deps.ecr } : {},
    ...deps.lookedUp ? { lookedUp: deps.lookedUp } : {}
  });
  const source = outcome.source ?? (outcome.built ? "built" : "found");
  return {
    uri: outcome.uri,
    tag: outcome.tag,
    built: outcome.built,
    source,
    ...outcome.note ? { note: outcome.note } : {},
    ...outcome.digest ? { digest: outcome.digest } : {}
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  localImageTag,
  resolveImage
});
