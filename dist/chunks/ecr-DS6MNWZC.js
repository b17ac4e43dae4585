import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand
} from "./chunk-DPUPXHZ4.js";
import {
  parseEcrHost
} from "./chunk-CMKMZ7VG.js";
import "./chunk-D546KRQB.js";
import "./chunk-2MJ7FFP2.js";
import "./chunk-KWKXA2KE.js";
import {
  messageOf
} from "./chunk-OEPHYHQN.js";
import "./chunk-EEZT73VI.js";
import "./chunk-UTHY2BUW.js";
import "./chunk-X6HAP4OX.js";
import "./chunk-LYTMSHXR.js";
import "./chunk-YFMXSBBW.js";
import "./chunk-65MDVLYD.js";
import "./chunk-LU7E3M5V.js";
import "./chunk-X4VY5EZD.js";
import "./chunk-TC5HUNIO.js";
import "./chunk-7VZ5H7B6.js";

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
