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
var chunk_ZYOC4NDY_exports = {};
__export(chunk_ZYOC4NDY_exports, {
  appGithub: () => appGithub,
  completeDetachedCheck: () => completeDetachedCheck,
  lookUpDetachedBaseline: () => lookUpDetachedBaseline,
  reportingAppMismatch: () => reportingAppMismatch
});
module.exports = __defProp(chunk_ZYOC4NDY_exports, "__esModule", { value: true });
var import_chunk_6BCONTLY = require("./chunk-6BCONTLY.js");
var import_chunk_STZI2M2M = require("./chunk-STZI2M2M.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var INSTALLATION_PERMISSIONS = { checks: "write", contents: "read", pull_requests: "read" };
var SECRET_SHAPE = '{"appId": "123456", "privateKey": "-----BEGIN RSA PRIVATE KEY-----\\n\u2026"}';
function secretRegion(secretId) {
  return (0, import_chunk_KWKXA2KE.regionInArn)(secretId, "secretsmanager");
}
function parseAppSecret(secretId, text, logger) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`The secret ${secretId} is not JSON: store ${SECRET_SHAPE}`);
  }
  const v = typeof value === "object" && value !== null ? value : {};
  const rawKey = typeof v.privateKey === "string" ? v.privateKey : "";
  const privateKey = rawKey.includes("\n") ? rawKey : rawKey.replace(/\\n/g, "\n");
  if (privateKey) {
    logger.mask?.(rawKey);
    logger.mask?.(privateKey);
    for (const line of privateKey.split("\n")) if (line.trim().length >= 16) logger.mask?.(line.trim());
  }
  const appId = typeof v.appId === "number" || typeof v.appId === "string" ? String(v.appId).trim() : "";
  if (!/^\d+$/.test(appId) || !privateKey.includes("-----BEGIN")) {
    throw new Error(`The secret ${secretId} must hold ${SECRET_SHAPE} (the App's numeric id and its PEM private key)`);
  }
  return { appId, privateKey };
}
async function readAppSecret(client, secretId, logger) {
  const { GetSecretValueCommand } = await Promise.resolve().then(() => require("./dist-es-R2OGOPKR.js"));
  const response = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (response.SecretString === void 0) {
    throw new Error(`The secret ${secretId} has no string value: store ${SECRET_SHAPE}`);
  }
  return parseAppSecret(secretId, response.SecretString, logger);
}
async function installationToken(o) {
  const [{ Octokit }, { createAppAuth }] = await Promise.all([Promise.resolve().then(() => require("./dist-src-C5M65P4L.js")), Promise.resolve().then(() => require("./dist-node-JD3WQPLL.js"))]);
  const quiet = (message) => o.logger.debug(`GitHub: ${message}`);
  const app = new Octokit({
    baseUrl: o.apiUrl.replace(/\/+$/, ""),
    userAgent: "sagemaker-training-action",
    authStrategy: createAppAuth,
    auth: { appId: o.app.appId, privateKey: o.app.privateKey },
    log: { debug: () => void 0, info: () => void 0, warn: quiet, error: quiet }
  });
  let installationId;
  try {
    const { data } = await app.request("GET /repos/{owner}/{repo}/installation", { owner: o.owner, repo: o.repo });
    installationId = data.id;
  } catch (err) {
    const status = err.status;
    if (status === 404) {
      throw new Error(
        `The GitHub App ${o.app.appId} is not installed on ${o.owner}/${o.repo}: install it on the repository.`,
        { cause: err }
      );
    }
    throw err;
  }
  const auth = await app.auth({
    type: "installation",
    installationId,
    repositoryNames: [o.repo],
    permissions: INSTALLATION_PERMISSIONS
  });
  if (typeof auth.token !== "string" || auth.token === "") throw new Error("GitHub returned no installation token");
  o.logger.mask?.(auth.token);
  return auth.token;
}
async function appGithub(o) {
  const { report, logger } = o;
  try {
    const app = await readAppSecret(
      await o.secrets(secretRegion(report.appSecret) ?? o.region),
      report.appSecret,
      logger
    );
    const token = await (o.installationToken ?? installationToken)({
      apiUrl: report.apiUrl,
      owner: report.owner,
      repo: report.repo,
      app,
      logger
    });
    const create = o.createGithub ?? (await Promise.resolve().then(() => require("./client-QFSIAT5C.js"))).createGithub;
    return await create({ token, baseUrl: report.apiUrl, logger });
  } catch (err) {
    logger.error(
      `Could not complete check run ${report.checkRunId} on ${report.owner}/${report.repo}: no GitHub token (${(0, import_chunk_OEPHYHQN.messageOf)(err)}). The result is in result.json; the check run stays in progress.`
    );
    return void 0;
  }
}
function lookUpDetachedBaseline(github, report, logger) {
  return (0, import_chunk_6BCONTLY.lookUpBaseline)({
    github,
    owner: report.owner,
    repo: report.repo,
    ...report.baseBranch ? { branch: report.baseBranch } : {},
    checkName: report.checkName,
    depth: report.baselineDepth,
    skipSha: report.sha,
    logger
  });
}
async function completeDetachedCheck(o) {
  const { report, judged, logger } = o;
  const check = new import_chunk_STZI2M2M.CheckRun({
    github: o.github,
    owner: report.owner,
    repo: report.repo,
    name: report.checkName,
    sha: report.sha,
    logger,
    ...o.now ? { now: o.now } : {},
    ...report.runUrl ? { detailsUrl: report.runUrl } : {}
  });
  check.id = report.checkRunId;
  const posted = await check.complete(
    judged.outcome.conclusion,
    (0, import_chunk_STZI2M2M.completedCheckOutput)({
      result: judged.result,
      request: judged.request,
      gate: judged.gate,
      outcome: judged.outcome,
      sha: report.sha,
      ...report.baseBranch ? { baseBranch: report.baseBranch } : {},
      ...judged.lookup.missing !== void 0 ? { baselineMissing: judged.lookup.missing } : {},
      ...report.annotationPath ? { annotationPath: report.annotationPath } : {},
      // No job summary holds this run's charts: the action returned before the job ended.
      links: (0, import_chunk_STZI2M2M.runLinks)({
        ...report.runUrl ? { runUrl: report.runUrl } : {},
        ...report.annotationPath ? { configPath: report.annotationPath } : {},
        region: judged.request.region
      })
    })
  );
  if (!posted) logger.error(`Check run ${report.checkRunId} was not completed; the result is in result.json.`);
  else if (judged.outcome.reason) logger.info(`Gate: ${judged.outcome.reason}`);
  return posted;
}
async function reportingAppMismatch(o) {
  const { report } = o;
  if (report.checkRunAppId === void 0) return void 0;
  let appId;
  try {
    const region = secretRegion(report.appSecret) ?? o.region;
    appId = (await readAppSecret(await o.secrets(region), report.appSecret, o.logger)).appId;
  } catch {
    return void 0;
  }
  if (Number(appId) === report.checkRunAppId) return void 0;
  return `check run ${report.checkRunId} was created by GitHub App ${report.checkRunAppId}, but ${report.appSecret} holds App ${appId}: only the App that created a check run may complete it. Give the action that App's installation token as github-token (actions/create-github-app-token), or store that App in the secret`;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  appGithub,
  completeDetachedCheck,
  lookUpDetachedBaseline,
  reportingAppMismatch
});
