import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  lookUpBaseline
} from "./chunk-WSKESMFF.js";
import {
  judgeTraining
} from "./chunk-H6BXSSTH.js";
import {
  CheckRun,
  completedCheckOutput
} from "./chunk-HHWOEGNY.js";
import "./chunk-QH5WXBE7.js";
import "./chunk-ZVW3633E.js";
import "./chunk-5EXQTNPY.js";
import "./chunk-F7YBY3LO.js";
import {
  messageOf
} from "./chunk-H2G727SZ.js";
import "./chunk-DPCXCUBM.js";

// src/runner/github-app.ts
var INSTALLATION_PERMISSIONS = { checks: "write", contents: "read" };
var SECRET_SHAPE = '{"appId": "123456", "privateKey": "-----BEGIN RSA PRIVATE KEY-----\\n\u2026"}';
function secretRegion(secretId) {
  return /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):/.exec(secretId)?.[1];
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
  const { GetSecretValueCommand } = await import("./dist-es-BZE7S7UB.js");
  const response = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (response.SecretString === void 0) {
    throw new Error(`The secret ${secretId} has no string value: store ${SECRET_SHAPE}`);
  }
  return parseAppSecret(secretId, response.SecretString, logger);
}
async function installationToken(o) {
  const [{ Octokit }, { createAppAuth }] = await Promise.all([import("./dist-src-EWHR44NO.js"), import("./dist-node-VKY6Q6CK.js")]);
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

// src/runner/report.ts
async function reportDetached(o) {
  const { report, logger, result, request } = o;
  let github;
  try {
    const region = secretRegion(report.appSecret) ?? request.region;
    const app = await readAppSecret(await o.secrets(region), report.appSecret, logger);
    const token = await (o.installationToken ?? installationToken)({
      apiUrl: report.apiUrl,
      owner: report.owner,
      repo: report.repo,
      app,
      logger
    });
    const create = o.createGithub ?? (await import("./client-JTZXLOI6.js")).createGithub;
    github = await create({ token, baseUrl: report.apiUrl, logger });
  } catch (err) {
    logger.error(
      `Could not complete check run ${report.checkRunId} on ${report.owner}/${report.repo}: no GitHub token (${messageOf(err)}). The result is in result.json; the check run stays in progress.`
    );
    return false;
  }
  const lookup = await lookUpBaseline({
    github,
    owner: report.owner,
    repo: report.repo,
    ...report.baseBranch ? { branch: report.baseBranch } : {},
    checkName: report.checkName,
    depth: report.baselineDepth,
    skipSha: report.sha,
    logger
  });
  const { gate, outcome } = judgeTraining(request.metrics, result, lookup.baseline);
  const check = new CheckRun({
    github,
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
    outcome.conclusion,
    completedCheckOutput({
      result,
      request,
      gate,
      outcome,
      sha: report.sha,
      ...report.baseBranch ? { baseBranch: report.baseBranch } : {},
      ...lookup.missing !== void 0 ? { baselineMissing: lookup.missing } : {},
      ...report.annotationPath ? { annotationPath: report.annotationPath } : {}
    })
  );
  if (!posted) logger.error(`Check run ${report.checkRunId} was not completed; the result is in result.json.`);
  else if (outcome.reason) logger.info(`Gate: ${outcome.reason}`);
  return posted;
}
export {
  reportDetached
};
