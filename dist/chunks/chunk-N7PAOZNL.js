import {
  parseEcrHost
} from "./chunk-CMKMZ7VG.js";
import {
  RegistryClient,
  signalOf
} from "./chunk-VGI42KPH.js";
import {
  parseImageReference
} from "./chunk-OKR6MCXK.js";
import {
  clientConfig
} from "./chunk-ZIWWOMLH.js";

// src/image/labels.ts
import { execFile } from "node:child_process";
function gitHead(cwd) {
  return new Promise((resolve) => {
    execFile("git", ["rev-parse", "HEAD"], { cwd, timeout: 5e3 }, (err, stdout) => {
      const sha = String(stdout).trim();
      resolve(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : void 0);
    });
  });
}
function imageLabels(identity, revision) {
  const { serverUrl, repository } = identity;
  return {
    ...revision ? { "org.opencontainers.image.revision": revision } : {},
    ...repository ? { "org.opencontainers.image.source": `${serverUrl.replace(/\/+$/, "")}/${repository}` } : {}
  };
}
async function buildLabels(opts) {
  const given = opts.revision ? await opts.revision() : opts.identity.commit;
  const revision = given ?? (opts.revision ? void 0 : await gitHead(opts.spec.context));
  return { labels: imageLabels(opts.identity, revision), ...revision ? { revision } : {} };
}

// src/image/registry-access.ts
async function defaultEcr(region) {
  const { ECRClient } = await import("./dist-es-Y4I2DWOL.js");
  return new ECRClient(clientConfig(region));
}
function parseRepository(repository) {
  const ref = parseImageReference(repository);
  if ("problem" in ref) throw new Error(`The image repository "${repository}" ${ref.problem}`);
  if (ref.tag !== void 0 || ref.digest !== void 0) {
    throw new Error(`The image repository "${repository}" must not include a tag or digest`);
  }
  if (ref.registry === void 0) {
    throw new Error(
      `The image repository "${repository}" must include the registry host, such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/${ref.path}`
    );
  }
  return { registry: ref.registry, path: ref.path };
}
async function ecrAccess(opts, registry, path, mask) {
  const [client, { ecrCredentials, ensureEcrRepository }] = await Promise.all([
    (opts.ecr ?? defaultEcr)(registry.region),
    import("./ecr-DS6MNWZC.js")
  ]);
  const credentials = await ecrCredentials({ client, registry, mask });
  if (opts.spec.createRepository) {
    const immutableTags = opts.spec.immutableTags === true;
    await ensureEcrRepository({ client, registry, name: path, immutableTags, logger: opts.logger });
  }
  return credentials;
}
async function registryCredentials(opts, registry, path, mask) {
  const { spec, env } = opts;
  const ecrRegistry = parseEcrHost(registry);
  if (ecrRegistry) return ecrAccess(opts, ecrRegistry, path, mask);
  if (spec.registryUsername === void 0) return void 0;
  const variable = spec.registryPasswordEnv;
  if (variable === void 0) {
    throw new Error(
      "image.registry-username is set but no password: set image.registry-password-env (or the registry-password input)"
    );
  }
  const password = env[variable];
  if (password === void 0 || password === "") {
    throw new Error(`The registry password variable ${variable} (image.registry-password-env) is empty or not set`);
  }
  mask(password);
  return { username: spec.registryUsername, password };
}
async function registryAccess(opts, mask) {
  const { registry, path } = parseRepository(opts.spec.repository ?? "");
  const credentials = await registryCredentials(opts, registry, path, mask);
  const client = new RegistryClient({
    host: registry,
    ...credentials ? { credentials } : {},
    ...opts.fetch ? { fetch: opts.fetch } : {},
    ...signalOf(opts),
    mask
  });
  return { path, repository: `${registry}/${path}`, ...credentials ? { credentials } : {}, client };
}

export {
  buildLabels,
  parseRepository,
  registryAccess
};
