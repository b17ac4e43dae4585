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
var chunk_N7PAOZNL_exports = {};
__export(chunk_N7PAOZNL_exports, {
  buildLabels: () => buildLabels,
  parseRepository: () => parseRepository,
  registryAccess: () => registryAccess
});
module.exports = __defProp(chunk_N7PAOZNL_exports, "__esModule", { value: true });
var import_chunk_CMKMZ7VG = require("./chunk-CMKMZ7VG.js");
var import_chunk_VGI42KPH = require("./chunk-VGI42KPH.js");
var import_chunk_OKR6MCXK = require("./chunk-OKR6MCXK.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_node_child_process = require("node:child_process");
function gitHead(cwd) {
  return new Promise((resolve) => {
    (0, import_node_child_process.execFile)("git", ["rev-parse", "HEAD"], { cwd, timeout: 5e3 }, (err, stdout) => {
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
async function defaultEcr(region) {
  const { ECRClient } = await Promise.resolve().then(() => require("./dist-es-Y4I2DWOL.js"));
  return new ECRClient((0, import_chunk_ZIWWOMLH.clientConfig)(region));
}
function parseRepository(repository) {
  const ref = (0, import_chunk_OKR6MCXK.parseImageReference)(repository);
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
    Promise.resolve().then(() => require("./ecr-DS6MNWZC.js"))
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
  const ecrRegistry = (0, import_chunk_CMKMZ7VG.parseEcrHost)(registry);
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
  const client = new import_chunk_VGI42KPH.RegistryClient({
    host: registry,
    ...credentials ? { credentials } : {},
    ...opts.fetch ? { fetch: opts.fetch } : {},
    ...(0, import_chunk_VGI42KPH.signalOf)(opts),
    mask
  });
  return { path, repository: `${registry}/${path}`, ...credentials ? { credentials } : {}, client };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  buildLabels,
  parseRepository,
  registryAccess
});
