import {
  lookUpBaseline
} from "./chunk-6BCONTLY.js";
import {
  CheckRun,
  completedCheckOutput,
  runLinks
} from "./chunk-STZI2M2M.js";
import {
  regionInArn
} from "./chunk-KWKXA2KE.js";
import {
  messageOf
} from "./chunk-OEPHYHQN.js";

// src/runner/github-app.ts
var INSTALLATION_PERMISSIONS = { checks: "write", contents: "read", pull_requests: "read" };
var SECRET_SHAPE = '{"appId": "123456", "privateKey": "-----BEGIN RSA PRIVATE KEY-----\\n\u2026"}';
function secretRegion(secretId) {
  return regionInArn(secretId, "secretsmanager");
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
  const { GetSecretValueCommand } = await import("./dist-es-R2OGOPKR.js");
  const response = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (response.SecretString === void 0) {
    throw new Error(`The secret ${secretId} has no string value: store ${SECRET_SHAPE}`);
  }
  return parseAppSecret(secretId, response.SecretString, logger);
}
async function installationToken(o) {
  const [{ Octokit }, { createAppAuth }] = await Promise.all([import("./dist-src-C5M65P4L.js"), import("./dist-node-JD3WQPLL.js")]);
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
    const create = o.createGithub ?? (await import("./client-QFSIAT5C.js")).createGithub;
    return await create({ token, baseUrl: report.apiUrl, logger });
  } catch (err) {
    logger.error(
      `Could not complete check run ${report.checkRunId} on ${report.owner}/${report.repo}: no GitHub token (${messageOf(err)}). The result is in result.json; the check run stays in progress.`
    );
    return void 0;
  }
}
function lookUpDetachedBaseline(github, report, logger) {
  return lookUpBaseline({
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
  const check = new CheckRun({
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
    completedCheckOutput({
      result: judged.result,
      request: judged.request,
      gate: judged.gate,
      outcome: judged.outcome,
      sha: report.sha,
      ...report.baseBranch ? { baseBranch: report.baseBranch } : {},
      ...judged.lookup.missing !== void 0 ? { baselineMissing: judged.lookup.missing } : {},
      ...report.annotationPath ? { annotationPath: report.annotationPath } : {},
      // No job summary holds this run's charts: the action returned before the job ended.
      links: runLinks({
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

export {
  appGithub,
  lookUpDetachedBaseline,
  completeDetachedCheck,
  reportingAppMismatch
};
