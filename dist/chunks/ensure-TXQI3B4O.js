import {
  hashBuildContext
} from "./chunk-VK5EXTPS.js";
import {
  buildLabels,
  parseRepository,
  registryAccess
} from "./chunk-N7PAOZNL.js";
import "./chunk-CMKMZ7VG.js";
import "./chunk-VGI42KPH.js";
import "./chunk-SPTEJLOZ.js";
import "./chunk-VBX2D4NB.js";
import "./chunk-6EMK3JHB.js";
import {
  RedactingLogger
} from "./chunk-NBTSJA7Y.js";
import {
  NO_RUN_IDENTITY
} from "./chunk-QBYG7RQS.js";
import "./chunk-OKR6MCXK.js";
import "./chunk-KWKXA2KE.js";
import {
  messageOf
} from "./chunk-OEPHYHQN.js";
import "./chunk-ZIWWOMLH.js";
import "./chunk-7VZ5H7B6.js";

// src/image/ensure.ts
async function lookUpPushedImage(opts) {
  const logger = new RedactingLogger(opts.logger, opts.mask);
  const lookUp = { ...opts, spec: { ...opts.spec, createRepository: false } };
  try {
    const [content, access] = await Promise.all([
      hashBuildContext(opts.spec, { debug: (m) => logger.debug(m) }),
      registryAccess(lookUp, (secret) => logger.mask(secret))
    ]);
    const digest = await access.client.manifestDigest(access.path, content.tag);
    return { content, registry: digest ? { digest } : {} };
  } catch (err) {
    throw new Error(logger.redact(messageOf(err)));
  }
}
function contentOf(opts, logger) {
  const known = opts.lookedUp?.content;
  if (known) {
    logger.info(`Content tag ${known.tag}: ${known.files} file(s), hashed once for the run cache`);
    return Promise.resolve(known);
  }
  const started = Date.now();
  return hashBuildContext(opts.spec, { debug: (message) => logger.debug(message) }).then((content) => {
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
  const { registry, path } = parseRepository(opts.spec.repository ?? "");
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
  const labelled = buildLabels({ ...opts, identity: opts.identity ?? NO_RUN_IDENTITY });
  labelled.catch(() => void 0);
  const { makeImage } = await import("./make-image-A4SIRQKW.js");
  return makeImage({ opts, content, logger, access, labelled });
}
async function ensureImage(opts) {
  const logger = new RedactingLogger(opts.logger, opts.mask);
  try {
    if (opts.push && !opts.spec.repository) throw new Error("image.repository is required to push the image");
    if (opts.push) parseRepository(opts.spec.repository ?? "");
    const hashed = contentOf(opts, logger);
    if (!opts.push) {
      const [{ ensureLocal }, content2] = await Promise.all([import("./ensure-local-YWWMKA5O.js"), hashed]);
      return await ensureLocal(opts, content2, logger);
    }
    const known = foundInRegistry(opts, logger);
    if (known) return known;
    const [content, access] = await Promise.all([
      hashed,
      registryAccess(opts, (secret) => logger.mask(secret)).then((access2) => {
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
export {
  ensureImage,
  lookUpPushedImage
};
