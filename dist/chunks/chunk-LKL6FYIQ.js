// src/image/resolve.ts
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
  const prepare = deps.prepareImage ?? (await import("./ensure-TXQI3B4O.js")).ensureImage;
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

export {
  localImageTag,
  resolveImage
};
