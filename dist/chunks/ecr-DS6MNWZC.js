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
var ecr_DS6MNWZC_exports = {};
__export(ecr_DS6MNWZC_exports, {
  ecrCredentials: () => ecrCredentials,
  ensureEcrRepository: () => ensureEcrRepository,
  parseEcrHost: () => import_chunk_CMKMZ7VG.parseEcrHost
});
module.exports = __defProp(ecr_DS6MNWZC_exports, "__esModule", { value: true });
var import_chunk_DPUPXHZ4 = require("./chunk-DPUPXHZ4.js");
var import_chunk_CMKMZ7VG = require("./chunk-CMKMZ7VG.js");
var import_chunk_D546KRQB = require("./chunk-D546KRQB.js");
var import_chunk_2MJ7FFP2 = require("./chunk-2MJ7FFP2.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_EEZT73VI = require("./chunk-EEZT73VI.js");
var import_chunk_UTHY2BUW = require("./chunk-UTHY2BUW.js");
var import_chunk_X6HAP4OX = require("./chunk-X6HAP4OX.js");
var import_chunk_LYTMSHXR = require("./chunk-LYTMSHXR.js");
var import_chunk_YFMXSBBW = require("./chunk-YFMXSBBW.js");
var import_chunk_65MDVLYD = require("./chunk-65MDVLYD.js");
var import_chunk_LU7E3M5V = require("./chunk-LU7E3M5V.js");
var import_chunk_X4VY5EZD = require("./chunk-X4VY5EZD.js");
var import_chunk_TC5HUNIO = require("./chunk-TC5HUNIO.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
function nameOf(err) {
  const name = typeof err === "object" && err !== null ? err.name : void 0;
  return typeof name === "string" ? name : "";
}
async function ecrCredentials(opts) {
  let response;
  try {
    response = await opts.client.send(new import_chunk_DPUPXHZ4.GetAuthorizationTokenCommand({ registryIds: [opts.registry.account] }));
  } catch (err) {
    throw new Error(
      `Cannot get an ECR authorization token for account ${opts.registry.account} in ${opts.registry.region}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`
    );
  }
  const token = response.authorizationData?.[0]?.authorizationToken;
  if (!token) throw new Error(`ECR returned no authorization token for account ${opts.registry.account}`);
  opts.mask(token);
  const decoded = Buffer.from(token, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) throw new Error("ECR returned an authorization token that is not user:password");
  const password = decoded.slice(colon + 1);
  opts.mask(password);
  return { username: decoded.slice(0, colon), password };
}
async function ensureEcrRepository(opts) {
  const { client, registry, name } = opts;
  try {
    await client.send(new import_chunk_DPUPXHZ4.DescribeRepositoriesCommand({ registryId: registry.account, repositoryNames: [name] }));
    return "exists";
  } catch (err) {
    if (nameOf(err) !== "RepositoryNotFoundException") {
      throw new Error(`Cannot look up the ECR repository ${name}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    }
  }
  try {
    await client.send(
      new import_chunk_DPUPXHZ4.CreateRepositoryCommand({
        registryId: registry.account,
        repositoryName: name,
        imageScanningConfiguration: { scanOnPush: true },
        imageTagMutability: opts.immutableTags ? "IMMUTABLE" : "MUTABLE"
      })
    );
  } catch (err) {
    if (nameOf(err) === "RepositoryAlreadyExistsException") return "exists";
    throw new Error(`Cannot create the ECR repository ${name}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  }
  opts.logger.info(
    `Created the ECR repository ${name} (scan on push, ${opts.immutableTags ? "immutable" : "mutable"} tags)`
  );
  return "created";
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ecrCredentials,
  ensureEcrRepository,
  parseEcrHost
});
