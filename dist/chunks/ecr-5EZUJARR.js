import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand
} from "./chunk-6JGSNROF.js";
import {
  parseEcrHost
} from "./chunk-RZJUGQDQ.js";
import "./chunk-ZWI4LZDD.js";
import "./chunk-KNMIZIEG.js";
import "./chunk-S3SLN6VT.js";
import {
  messageOf
} from "./chunk-H2G727SZ.js";
import "./chunk-RX77DMQY.js";
import "./chunk-PMXA5N5M.js";
import "./chunk-OI5VUIGU.js";
import "./chunk-IKOOMJ22.js";
import "./chunk-6NOGWSEU.js";
import "./chunk-4CXWA4QZ.js";
import "./chunk-5K7X57GN.js";
import "./chunk-OHB4OHZ6.js";
import "./chunk-JVRCI4RE.js";
import "./chunk-DPCXCUBM.js";

// src/image/ecr.ts
function nameOf(err) {
  const name = typeof err === "object" && err !== null ? err.name : void 0;
  return typeof name === "string" ? name : "";
}
async function ecrCredentials(opts) {
  let response;
  try {
    response = await opts.client.send(new GetAuthorizationTokenCommand({ registryIds: [opts.registry.account] }));
  } catch (err) {
    throw new Error(
      `Cannot get an ECR authorization token for account ${opts.registry.account} in ${opts.registry.region}: ${messageOf(err)}`
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
    await client.send(new DescribeRepositoriesCommand({ registryId: registry.account, repositoryNames: [name] }));
    return "exists";
  } catch (err) {
    if (nameOf(err) !== "RepositoryNotFoundException") {
      throw new Error(`Cannot look up the ECR repository ${name}: ${messageOf(err)}`);
    }
  }
  try {
    await client.send(
      new CreateRepositoryCommand({
        registryId: registry.account,
        repositoryName: name,
        imageScanningConfiguration: { scanOnPush: true },
        imageTagMutability: opts.immutableTags ? "IMMUTABLE" : "MUTABLE"
      })
    );
  } catch (err) {
    if (nameOf(err) === "RepositoryAlreadyExistsException") return "exists";
    throw new Error(`Cannot create the ECR repository ${name}: ${messageOf(err)}`);
  }
  opts.logger.info(
    `Created the ECR repository ${name} (scan on push, ${opts.immutableTags ? "immutable" : "mutable"} tags)`
  );
  return "created";
}
export {
  ecrCredentials,
  ensureEcrRepository,
  parseEcrHost
};
