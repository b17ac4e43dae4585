import {
  buildLabels,
  registryAccess
} from "./chunk-N7PAOZNL.js";
import "./chunk-CMKMZ7VG.js";
import {
  buildLocalImage
} from "./chunk-7GY6S3HI.js";
import {
  engineOf,
  signalOf
} from "./chunk-VGI42KPH.js";
import "./chunk-SPTEJLOZ.js";
import "./chunk-VBX2D4NB.js";
import "./chunk-SO5CUFW3.js";
import "./chunk-HOY3A64H.js";
import "./chunk-6EMK3JHB.js";
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

// src/image/pull-local.ts
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
    opts.logger.info(`The registry's ${opts.repository}:${opts.tag} was not pulled (${messageOf(err)}): building it`);
    return false;
  }
}

// src/image/ensure-local.ts
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
  const access = await registryAccess(lookUp, (secret) => logger.mask(secret)).catch((err) => {
    logger.info(`The registry was not asked for ${tag} (${messageOf(err)}): building it`);
    return void 0;
  });
  if (!access) return false;
  return pullIntoEngine({ docker, ...access, tag, localRef, logger });
}
async function ensureLocal(opts, content, logger) {
  const docker = await engineOf(opts)();
  const ref = `${opts.localRepository}:${content.tag}`;
  const alias = opts.localAlias ? `${opts.localRepository}:${opts.localAlias}` : void 0;
  const reuse = !opts.spec.forceBuild;
  let built = false;
  if (reuse && await engineHas(docker, ref)) {
    logger.info(`Image ${ref} is already in the engine (same content): not building it again`);
  } else if (reuse && opts.spec.repository && await pullLocal(opts, docker, content.tag, ref, logger)) {
  } else {
    const { labels } = await buildLabels({ ...opts, identity: opts.identity ?? NO_RUN_IDENTITY });
    await (opts.build ?? buildLocalImage)({ docker, spec: opts.spec, tag: ref, logger, labels, ...signalOf(opts) });
    built = true;
  }
  if (alias) await tagInEngine(docker, ref, alias);
  return { uri: alias ?? ref, tag: content.tag, built, pushed: false, source: built ? "built" : "found" };
}
export {
  ensureLocal
};
