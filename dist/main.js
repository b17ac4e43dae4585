var import_chunk_ADSTKGQU = require("./chunks/chunk-ADSTKGQU.js");
var import_chunk_5X56SO76 = require("./chunks/chunk-5X56SO76.js");
var import_chunk_TERDQLG2 = require("./chunks/chunk-TERDQLG2.js");
var import_chunk_LKL6FYIQ = require("./chunks/chunk-LKL6FYIQ.js");
var import_chunk_OVMUTU22 = require("./chunks/chunk-OVMUTU22.js");
var import_chunk_4VGYOB5M = require("./chunks/chunk-4VGYOB5M.js");
var import_chunk_A2ZB4GEY = require("./chunks/chunk-A2ZB4GEY.js");
var import_chunk_KSJBMR3M = require("./chunks/chunk-KSJBMR3M.js");
var import_chunk_G3PK4UPH = require("./chunks/chunk-G3PK4UPH.js");
var import_chunk_ST62CECN = require("./chunks/chunk-ST62CECN.js");
var import_chunk_6BCONTLY = require("./chunks/chunk-6BCONTLY.js");
var import_chunk_STZI2M2M = require("./chunks/chunk-STZI2M2M.js");
var import_chunk_FNUKYPLP = require("./chunks/chunk-FNUKYPLP.js");
var import_chunk_VX7BJFZM = require("./chunks/chunk-VX7BJFZM.js");
var import_chunk_3Y6ZB6SW = require("./chunks/chunk-3Y6ZB6SW.js");
var import_chunk_M2JUJ74G = require("./chunks/chunk-M2JUJ74G.js");
var import_chunk_7U3WTFAM = require("./chunks/chunk-7U3WTFAM.js");
var import_chunk_AJ4NKK5M = require("./chunks/chunk-AJ4NKK5M.js");
var import_chunk_XZEEPGY5 = require("./chunks/chunk-XZEEPGY5.js");
var import_chunk_Q3ZBZB5P = require("./chunks/chunk-Q3ZBZB5P.js");
var import_chunk_QBYG7RQS = require("./chunks/chunk-QBYG7RQS.js");
var import_chunk_JJKN5NHK = require("./chunks/chunk-JJKN5NHK.js");
var import_chunk_IULFMOT4 = require("./chunks/chunk-IULFMOT4.js");
var import_chunk_YOYRZ3GA = require("./chunks/chunk-YOYRZ3GA.js");
var import_chunk_6COBZIKS = require("./chunks/chunk-6COBZIKS.js");
var import_chunk_NYTR2SKW = require("./chunks/chunk-NYTR2SKW.js");
var import_chunk_634ZN4XJ = require("./chunks/chunk-634ZN4XJ.js");
var import_chunk_YJLFLQOZ = require("./chunks/chunk-YJLFLQOZ.js");
var import_chunk_SZ5DK7JW = require("./chunks/chunk-SZ5DK7JW.js");
var import_chunk_OKR6MCXK = require("./chunks/chunk-OKR6MCXK.js");
var import_chunk_UO73Q2OA = require("./chunks/chunk-UO73Q2OA.js");
var import_chunk_HIONJ6JB = require("./chunks/chunk-HIONJ6JB.js");
var import_chunk_KWKXA2KE = require("./chunks/chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunks/chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunks/chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunks/chunk-7VZ5H7B6.js");
var import_node_path = require("node:path");
var import_promises = require("node:fs/promises");
var import_node_path2 = require("node:path");
var import_promises2 = require("node:fs/promises");
var import_promises3 = require("node:fs/promises");
var import_node_path3 = require("node:path");
function actionOutputs(result) {
  return {
    [
      "job-name"
      /* JobName */
    ]: result.jobName,
    [
      "status"
      /* Status */
    ]: result.status,
    [
      "failure-reason"
      /* FailureReason */
    ]: result.failureReason ?? "",
    [
      "model-artifacts"
      /* ModelArtifacts */
    ]: result.modelArtifacts ?? "",
    [
      "output-artifacts"
      /* OutputArtifacts */
    ]: result.outputArtifacts ?? "",
    [
      "metrics"
      /* Metrics */
    ]: JSON.stringify(result.metrics),
    [
      "image-uri"
      /* ImageUri */
    ]: result.imageUri,
    [
      "image-tag"
      /* ImageTag */
    ]: result.imageTag ?? "",
    [
      "image-built"
      /* ImageBuilt */
    ]: result.imageBuilt === true ? "true" : "false",
    [
      "image-source"
      /* ImageSource */
    ]: result.imageSource ?? "",
    [
      "duration-seconds"
      /* DurationSeconds */
    ]: String(Math.round(result.durationSeconds)),
    // Plain numbers (USD, percent) a workflow can compare; empty when unknown.
    [
      "estimated-cost"
      /* EstimatedCost */
    ]: result.cost ? result.cost.usd.toFixed(2) : "",
    [
      "spot-savings"
      /* SpotSavings */
    ]: result.spotSavingsPercent !== void 0 ? String(result.spotSavingsPercent) : "",
    [
      "task-arn"
      /* TaskArn */
    ]: result.taskArn ?? "",
    [
      "result-uri"
      /* ResultUri */
    ]: result.detached?.resultUri ?? "",
    [
      "reused"
      /* Reused */
    ]: result.reused ? "true" : "false",
    [
      "reused-from-job"
      /* ReusedFromJob */
    ]: result.reused?.jobName ?? "",
    [
      "reused-from-commit"
      /* ReusedFromCommit */
    ]: result.reused?.commit ?? ""
  };
}
function gateOutputs(o) {
  return {
    [
      "gate"
      /* Gate */
    ]: o.outcome.gate,
    [
      "conclusion"
      /* Conclusion */
    ]: o.outcome.conclusion,
    [
      "check-run-id"
      /* CheckRunId */
    ]: o.checkRunId === void 0 ? "" : String(o.checkRunId),
    [
      "baseline-sha"
      /* BaselineSha */
    ]: o.baselineSha ?? ""
  };
}
var WORKFLOW_APP_ID = 15368;
var WORKFLOW_TOKEN_CHECK = 'wait: false: the check run was created with the workflow token (the github-actions app), which the runner\u2019s GitHub App cannot complete (GitHub: "check run can only be modified by the GitHub App that created it"); pass the App\u2019s installation token as github-token (actions/create-github-app-token with the App of fargate.github-app-secret)';
function detachedReport(o) {
  const secret = o.request.fargate?.githubAppSecret;
  if (!o.context || o.checkRunId === void 0) return { missing: "no check run was created" };
  if (!secret) return { missing: "fargate.github-app-secret is not set, so the runner cannot authenticate to GitHub" };
  if (o.checkRunAppId === WORKFLOW_APP_ID) return { refuse: WORKFLOW_TOKEN_CHECK };
  return {
    report: {
      apiUrl: o.context.apiUrl,
      owner: o.context.owner,
      repo: o.context.repo,
      sha: o.context.sha,
      checkRunId: o.checkRunId,
      ...o.checkRunAppId !== void 0 ? { checkRunAppId: o.checkRunAppId } : {},
      checkName: o.inputs.gate.checkName,
      ...o.context.baseBranch ? { baseBranch: o.context.baseBranch } : {},
      baselineDepth: o.inputs.gate.baselineDepth,
      appSecret: secret,
      ...o.annotationPath ? { annotationPath: o.annotationPath } : {},
      ...o.context.runUrl ? { runUrl: o.context.runUrl } : {}
    }
  };
}
function facts(result) {
  const rows = [
    ["Training job", (0, import_chunk_NYTR2SKW.inlineCode)(result.jobName)],
    ["Runner task", result.taskArn ? (0, import_chunk_NYTR2SKW.inlineCode)(result.taskArn) : "unknown"],
    ["Result", result.detached ? (0, import_chunk_NYTR2SKW.inlineCode)(result.detached.resultUri) : "unknown"],
    ["Instances", `${(0, import_chunk_NYTR2SKW.inlineCode)(result.instanceType)} \xD7 ${result.instanceCount}`],
    ["Image", (0, import_chunk_NYTR2SKW.inlineCode)(result.imageUri)]
  ];
  const links = result.links.map((l) => `[${l.label}](${l.url})`).join(" \xB7 ");
  return `| | |
|---|---|
${rows.map(([k, v]) => `| ${k} | ${v} |`).join("\n")}
${links ? `
${links}
` : ""}`;
}
function detachedSummary(result, reporter) {
  const end = reporter === "runner" ? `The runner completes check run ${result.detached?.checkRunId ?? ""} with the result when the job ends.` : "No check run will report the end: read the result from the URI above when the job ends.";
  return `## \u23F3 Training continues on AWS

The runner task started the job and watches it; this workflow step is done. ${end}

${facts(result)}`;
}
function handedOffCheckOutput(result) {
  return {
    title: "Training on AWS: the runner reports the result",
    summary: `## \u23F3 Training ${(0, import_chunk_NYTR2SKW.inlineCode)(result.jobName)} continues on AWS

The Fargate runner task follows the job and completes this check run when it ends.

${facts(result)}`
  };
}
var HOW_TO_RUN = "a maintainer can train it with workflow_dispatch on the branch (`gh workflow run <workflow> --ref <branch>`, after pushing a fork's branch to this repository) once the code is reviewed";
function reportingContext(context, gate) {
  if (context.eventName !== "pull_request_target" || gate.pullRequestTarget !== "train-base") return context;
  const baseSha = context.pullRequest?.baseSha;
  if (!baseSha) return context;
  return { ...context, sha: baseSha, baseBranch: context.pullRequest?.baseRef ?? context.baseBranch ?? "" };
}
function eventPolicy(o) {
  const { context } = o;
  if (!context) return { kind: "train" };
  if (context.eventName === "pull_request_target" && o.gate.pullRequestTarget !== "train-base") {
    return {
      kind: "refuse",
      reason: "pull_request_target runs the base branch\u2019s workflow and code with a write token, so a result would not be the pull request\u2019s; use the pull_request event, or set pull-request-target: train-base to train the base branch and report it on the base commit"
    };
  }
  const pr = context.pullRequest;
  if (context.eventName === "pull_request" && pr && (pr.fromFork || pr.fromDependabot) && o.mode !== "local") {
    const who = pr.fromDependabot ? "Dependabot\u2019s pull requests" : "pull requests from forks";
    return {
      kind: "refuse",
      reason: `${who} get no secrets and a read-only token, so mode "${o.mode}" cannot run; ${HOW_TO_RUN}`
    };
  }
  return { kind: "train" };
}
function obj(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function str(value) {
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
var SHA = /^[0-9a-f]{40}$/i;
var PR_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
var DEPENDABOT = "dependabot[bot]";
function githubContext(options) {
  const { identity } = options;
  const [owner, repo] = (identity.repository ?? "").split("/");
  if (!owner || !repo) return void 0;
  const event = obj(options.event) ?? {};
  const eventName = identity.eventName ?? "";
  const pr = obj(event.pull_request);
  const head = obj(pr?.head);
  const base = obj(pr?.base);
  let sha;
  let pullRequest;
  let queueBase;
  if (PR_EVENTS.has(eventName) && pr) {
    sha = str(head?.sha);
    const headRepo = str(obj(head?.repo)?.full_name);
    const baseRepo = str(obj(base?.repo)?.full_name) ?? `${owner}/${repo}`;
    const number = typeof pr.number === "number" ? pr.number : Number(event.number);
    const author = str(obj(pr.user)?.login) ?? identity.actor;
    const baseSha = str(base?.sha);
    pullRequest = {
      number,
      baseRef: str(base?.ref) ?? "",
      headRef: str(head?.ref) ?? "",
      fromFork: headRepo === void 0 || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
      fromDependabot: author === DEPENDABOT || identity.actor === DEPENDABOT,
      ...baseSha ? { baseSha } : {}
    };
  } else if (eventName === "merge_group") {
    const group = obj(event.merge_group);
    sha = str(group?.head_sha);
    queueBase = str(group?.base_ref)?.replace(/^refs\/heads\//, "");
  } else if (eventName === "push") {
    const after = str(event.after);
    sha = after && SHA.test(after) && !/^0+$/.test(after) ? after : void 0;
  }
  sha ??= identity.commit;
  if (!sha) return void 0;
  const defaultBranch = str(obj(event.repository)?.default_branch);
  const baseBranch = pullRequest?.baseRef || queueBase || options.baselineBranch || defaultBranch;
  return {
    owner,
    repo,
    eventName,
    sha,
    ...baseBranch ? { baseBranch } : {},
    ...pullRequest ? { pullRequest } : {},
    apiUrl: identity.apiUrl,
    serverUrl: identity.serverUrl,
    ...identity.runUrl ? { runUrl: identity.runUrl } : {}
  };
}
function deferredReason(context, inputs) {
  const pr = context.pullRequest;
  if (!inputs.saveResult || context.eventName !== "pull_request" || !pr || !(pr.fromFork || pr.fromDependabot)) {
    return void 0;
  }
  const who = pr.fromDependabot ? "Dependabot\u2019s pull requests" : "pull requests from forks";
  return `${who} get a read-only token: the result is saved to ${inputs.saveResult}, and the workflow_run workflow posts the check run from it`;
}
async function readEventFile(identity, logger) {
  const path = identity.eventPath;
  if (!path) return {};
  try {
    return JSON.parse(await (0, import_promises.readFile)(path, "utf8"));
  } catch (err) {
    logger.debug(`Could not read the event payload ${path}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    return {};
  }
}
async function openGithub(o) {
  const { inputs, logger } = o;
  const event = await (o.readEvent ?? (() => readEventFile(o.identity, logger)))();
  const read = githubContext({
    identity: o.identity,
    event,
    ...inputs.gate.baselineBranch ? { baselineBranch: inputs.gate.baselineBranch } : {}
  });
  const context = read && reportingContext(read, inputs.gate);
  if (!context) return { offline: "this is not a GitHub Actions run (no GITHUB_REPOSITORY or commit)" };
  if (!inputs.githubToken) return { context, offline: "no github-token was given" };
  try {
    const github = await (o.createGithub ?? import_chunk_VX7BJFZM.createGithub)({
      token: inputs.githubToken,
      baseUrl: context.apiUrl,
      logger
    });
    const deferred = deferredReason(context, inputs);
    if (deferred) return { context, github, deferred };
    const check = new import_chunk_STZI2M2M.CheckRun({
      github,
      owner: context.owner,
      repo: context.repo,
      name: inputs.gate.checkName,
      sha: context.sha,
      logger,
      ...o.clock ? { now: o.clock } : {},
      ...context.runUrl ? { detailsUrl: context.runUrl } : {}
    });
    return { context, github, check };
  } catch (err) {
    return { context, offline: `the GitHub client could not be created (${(0, import_chunk_OEPHYHQN.messageOf)(err)})` };
  }
}
function repositoryPath(identity, file) {
  const root = identity.workspace;
  if (!file || !root) return void 0;
  const path = (0, import_node_path2.relative)((0, import_node_path2.resolve)(root), (0, import_node_path2.resolve)(root, file));
  if (path === "" || path.startsWith("..") || (0, import_node_path2.isAbsolute)(path)) return void 0;
  return path.split(import_node_path2.sep).join("/");
}
function lookUpSessionBaseline(session, inputs, logger) {
  const { github, context } = session;
  if (!github || !context)
    return Promise.resolve({ missing: `it was not looked up (${session.offline ?? "no token"})` });
  return (0, import_chunk_6BCONTLY.lookUpBaseline)({
    github,
    owner: context.owner,
    repo: context.repo,
    ...context.baseBranch ? { branch: context.baseBranch } : {},
    checkName: inputs.gate.checkName,
    depth: inputs.gate.baselineDepth,
    skipSha: context.sha,
    logger
  });
}
var obj2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
var str2 = (v) => typeof v === "string" && v !== "" ? v : void 0;
function triggeringRun(eventName, event) {
  if (eventName !== "workflow_run") {
    return { problem: `it runs on ${eventName ? `"${eventName}"` : "no event"}, not on workflow_run` };
  }
  const run = obj2(obj2(event)?.workflow_run);
  const headSha = str2(run?.head_sha);
  const headRepository = str2(obj2(run?.head_repository)?.full_name);
  if (!run || !headSha || !/^[0-9a-f]{40}$/.test(headSha) || !headRepository) {
    return { problem: "the workflow_run payload has no head_sha or head_repository" };
  }
  const url = str2(run.html_url);
  const actor = str2(obj2(run.actor)?.login);
  const pulls = Array.isArray(run.pull_requests) ? run.pull_requests : [];
  return {
    id: typeof run.id === "number" ? run.id : 0,
    event: str2(run.event) ?? "",
    headSha,
    headBranch: str2(run.head_branch) ?? "",
    headRepository,
    ...url ? { url } : {},
    pullRequests: pulls.map((p) => obj2(p)?.number).filter((n) => typeof n === "number"),
    ...actor ? { actor } : {}
  };
}
var SAVED_RESULT_FORMAT = "sagemaker-train/saved-result";
var SAVED_RESULT_VERSION = 1;
var SAVED_LIMITS = {
  bytes: 1024 * 1024,
  metrics: 50,
  pointsPerMetric: 500,
  logLines: 50,
  lineChars: 2e3,
  textChars: 1024
};
function thin(points, max) {
  if (points.length <= max) return points;
  const step = Math.ceil(points.length / max);
  const kept = points.filter((_, i) => i % step === 0);
  const last = points.at(-1);
  if (last && kept.at(-1) !== last) kept[kept.length - 1] = last;
  return kept;
}
var clip = (text2, max) => text2.length > max ? `${text2.slice(0, max - 1)}\u2026` : text2;
function savedResult(result, where) {
  if (result.status === "InProgress") return void 0;
  const names = Object.keys(result.metrics).slice(0, SAVED_LIMITS.metrics);
  const series = Object.entries(result.metricSeries).filter(([name]) => names.includes(name));
  return {
    format: SAVED_RESULT_FORMAT,
    version: SAVED_RESULT_VERSION,
    pullRequest: where.pullRequest,
    headSha: where.headSha,
    result: {
      jobName: result.jobName,
      status: result.status,
      ...result.failureReason ? { failureReason: clip(result.failureReason, SAVED_LIMITS.textChars) } : {},
      metrics: Object.fromEntries(names.map((n) => [n, result.metrics[n]])),
      metricSeries: Object.fromEntries(series.map(([n, points]) => [n, thin(points, SAVED_LIMITS.pointsPerMetric)])),
      imageUri: clip(result.imageUri, SAVED_LIMITS.textChars),
      ...result.imageTag ? { imageTag: result.imageTag } : {},
      instanceType: result.instanceType,
      instanceCount: result.instanceCount,
      startedAt: result.startedAt,
      endedAt: result.endedAt,
      durationSeconds: result.durationSeconds,
      logTail: result.logTail.slice(-SAVED_LIMITS.logLines).map((l) => clip(l, SAVED_LIMITS.lineChars))
    }
  };
}
function trainingResultOf(saved) {
  const r = saved.result;
  return {
    mode: "local",
    jobName: r.jobName,
    status: r.status,
    ...r.failureReason ? { failureReason: r.failureReason } : {},
    metrics: r.metrics,
    metricSeries: r.metricSeries,
    imageUri: r.imageUri,
    ...r.imageTag ? { imageTag: r.imageTag } : {},
    instanceType: r.instanceType,
    instanceCount: r.instanceCount,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    durationSeconds: r.durationSeconds,
    logTail: r.logTail,
    links: []
  };
}
var SavedResultError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "SavedResultError";
  }
};
var fail = (path, problem) => {
  throw new SavedResultError(`${path} ${problem}`);
};
var SHA2 = /^[0-9a-f]{40}$/;
var NAME = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}$/;
var JOB_NAME = /^[A-Za-z0-9](-*[A-Za-z0-9]){0,62}$/;
var ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
function text(max, pattern, what) {
  return (v, path) => {
    if (typeof v !== "string") return fail(path, "must be a string");
    if (v.length > max) return fail(path, `must be at most ${max} characters`);
    if (pattern && !pattern.test(v)) return fail(path, `must be ${what ?? `like ${String(pattern)}`}`);
    return v;
  };
}
function int(min, max) {
  return (v, path) => Number.isInteger(v) && v >= min && v <= max ? v : fail(path, `must be a whole number from ${min} to ${max}`);
}
var finite = (v, path) => typeof v === "number" && Number.isFinite(v) ? v : fail(path, "must be a finite number");
function object(v, path) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : fail(path, "must be an object");
}
function list(max, item) {
  return (v, path) => {
    if (!Array.isArray(v)) return fail(path, "must be a list");
    if (v.length > max) return fail(path, `must have at most ${max} entries`);
    return v.map((x, i) => item(x, `${path}[${i}]`));
  };
}
function byMetric(value) {
  return (v, path) => {
    const o = object(v, path);
    const keys = Object.keys(o);
    if (keys.length > SAVED_LIMITS.metrics) fail(path, `must have at most ${SAVED_LIMITS.metrics} metrics`);
    const out = {};
    for (const k of keys) {
      if (!NAME.test(k)) fail(`${path}.${k}`, "is not a metric name (letters, digits, _.:/-, at most 64)");
      out[k] = value(o[k], `${path}.${k}`);
    }
    return out;
  };
}
function fields(spec, optional) {
  return (v, path) => {
    const o = object(v, path);
    for (const k of Object.keys(o)) if (!(k in spec)) fail(`${path}.${k}`, "is not a field of a saved result");
    const out = {};
    for (const [k, check] of Object.entries(spec)) {
      if (o[k] === void 0 && optional.includes(k)) continue;
      if (o[k] === void 0) fail(`${path}.${k}`, "is missing");
      out[k] = check(o[k], `${path}.${k}`);
    }
    return out;
  };
}
var point = fields({ timestamp: finite, value: finite, epoch: int(0, 1e9) }, ["epoch"]);
var training = fields(
  {
    jobName: text(63, JOB_NAME, "a training job name (letters, digits and hyphens, at most 63)"),
    status: (v, path) => v === "Completed" || v === "Failed" || v === "Stopped" ? v : fail(path, "must be Completed, Failed or Stopped"),
    failureReason: text(SAVED_LIMITS.textChars),
    metrics: byMetric(finite),
    metricSeries: byMetric(list(SAVED_LIMITS.pointsPerMetric, point)),
    imageUri: text(SAVED_LIMITS.textChars),
    imageTag: text(128),
    instanceType: text(64, /^(local|local_gpu|ml\.[a-z0-9.-]+)$/, "local, local_gpu or an ml.* instance type"),
    instanceCount: int(1, 100),
    startedAt: text(40, ISO_TIME, "a UTC time such as 2026-01-02T03:04:05.000Z"),
    endedAt: text(40, ISO_TIME, "a UTC time such as 2026-01-02T03:04:05.000Z"),
    durationSeconds: (v, path) => finite(v, path) >= 0 ? v : fail(path, "must not be negative"),
    logTail: list(SAVED_LIMITS.logLines, text(SAVED_LIMITS.lineChars))
  },
  ["failureReason", "imageTag"]
);
var document = fields(
  {
    format: (v, path) => v === SAVED_RESULT_FORMAT ? v : fail(path, `must be "${SAVED_RESULT_FORMAT}"`),
    version: (v, path) => v === SAVED_RESULT_VERSION ? v : fail(path, `must be ${SAVED_RESULT_VERSION}`),
    pullRequest: int(1, 1e9),
    headSha: text(40, SHA2, "a full commit SHA (40 lowercase hex digits)"),
    result: training
  },
  []
);
function readSavedResult(bytes) {
  const size = typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.length;
  if (size > SAVED_LIMITS.bytes) throw new SavedResultError(`is ${size} bytes, more than ${SAVED_LIMITS.bytes}`);
  let value;
  try {
    value = JSON.parse(bytes.toString());
  } catch (err) {
    throw new SavedResultError(`is not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return document(value, "$");
}
function botLogin(appSlug) {
  return `${appSlug ?? "github-actions"}[bot]`;
}
var PER_PAGE = 100;
var MAX_PAGES = 30;
async function upsertStickyComment(o) {
  const where = { owner: o.owner, repo: o.repo };
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await o.github.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...where,
      issue_number: o.issueNumber,
      per_page: PER_PAGE,
      page
    });
    const ours = data.find((c) => c.user?.login === o.author && c.body?.includes(o.marker));
    if (ours) {
      await o.github.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
        ...where,
        comment_id: ours.id,
        body: o.body
      });
      return "updated";
    }
    if (data.length < PER_PAGE) break;
  }
  await o.github.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...where,
    issue_number: o.issueNumber,
    body: o.body
  });
  return "created";
}
async function saveResult(path, result, context, logger) {
  const pr = context?.pullRequest;
  if (!context || !pr || !Number.isInteger(pr.number) || pr.number < 1) {
    logger.info("save-result: this run is not for a pull request; nothing is saved.");
    return;
  }
  const saved = savedResult(result, { pullRequest: pr.number, headSha: context.sha });
  if (!saved) return;
  try {
    await (0, import_promises3.mkdir)((0, import_node_path3.dirname)(path), { recursive: true });
    await (0, import_promises3.writeFile)(path, `${JSON.stringify(saved, null, 1)}
`);
    logger.info(`Result of pull request #${pr.number} at ${context.sha.slice(0, 7)} saved to ${path}.`);
  } catch (err) {
    logger.warning(`Could not save the result to ${path}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  }
}
var ActionReporter = class {
  constructor(o) {
    this.o = o;
  }
  o;
  saveState(key, value) {
    const { core, logger } = this.o;
    if (key === "task-arn") core.setOutput("task-arn", value);
    if ((0, import_chunk_Q3ZBZB5P.isStateKey)(key)) core.saveState(key, value);
    else logger.debug(`Not saving unknown state ${String(key)}`);
  }
  phase(phase, jobName) {
    this.o.session.check?.phase(phase, jobName);
  }
  async report(judged) {
    this.o.core.saveState("finished", "true");
    await this.o.logger.group("Report", () => this.reportJudged(judged));
  }
  async handedOff(_request, result) {
    this.o.core.saveState("finished", "true");
    await this.o.logger.group("Report", () => this.reportHandOff(result));
  }
  /** Where the run is on GitHub (repository, workflow run, commit, configuration), for the reports' links. */
  links(request) {
    return (0, import_chunk_STZI2M2M.runLinks)({
      ...this.o.session.context,
      ...this.o.annotationPath ? { configPath: this.o.annotationPath } : {},
      ...request.mode !== "local" ? { region: request.region } : {}
    });
  }
  setGateOutputs(judged) {
    const { core, session } = this.o;
    const outputs = gateOutputs({
      outcome: judged.outcome,
      ...session.check?.id !== void 0 ? { checkRunId: session.check.id } : {},
      ...judged.lookup.baseline ? { baselineSha: judged.lookup.baseline.sha } : {}
    });
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
    for (const [name, value] of Object.entries((0, import_chunk_STZI2M2M.servingOutputs)(judged.serve, judged.registration)))
      core.setOutput(name, value);
  }
  async reportJudged(judged) {
    const { core, session } = this.o;
    const { result, request, gate, lookup } = judged;
    const baseBranch = session.context?.baseBranch;
    for (const [name, value] of Object.entries(actionOutputs(result))) core.setOutput(name, value);
    this.setGateOutputs(judged);
    const summary = (0, import_chunk_STZI2M2M.summaryMarkdown)(result, request, {
      gate,
      links: this.links(request),
      ...baseBranch ? { baseBranch } : {},
      ...lookup.missing !== void 0 ? { baselineMissing: lookup.missing } : {},
      ...judged.serve ? { serve: judged.serve } : {},
      ...judged.registration ? { registration: judged.registration } : {}
    });
    await writeSummary(core, summary + warningsSection(this.o.configWarnings));
    if (this.o.inputs.saveResult) await saveResult(this.o.inputs.saveResult, result, session.context, this.o.logger);
    const { check } = session;
    if (check && session.context) await this.completeCheck(check, judged, session.context.sha);
    await this.postComment(summary);
  }
  async completeCheck(check, judged, sha) {
    const { core, session, annotationPath } = this.o;
    const { outcome, lookup } = judged;
    const baseBranch = session.context?.baseBranch;
    core.saveState("check-run-conclusion", outcome.conclusion);
    const before = check.id;
    const posted = await check.complete(
      outcome.conclusion,
      (0, import_chunk_STZI2M2M.completedCheckOutput)({
        result: judged.result,
        request: judged.request,
        gate: judged.gate,
        outcome,
        sha,
        ...baseBranch ? { baseBranch } : {},
        ...lookup.missing !== void 0 ? { baselineMissing: lookup.missing } : {},
        ...annotationPath ? { annotationPath } : {},
        links: this.links(judged.request),
        ...judged.serve ? { serve: judged.serve } : {},
        ...judged.registration ? { registration: judged.registration } : {},
        // GitHub documents no Mermaid in check runs: the check links to the job summary's charts.
        ...session.context?.runUrl ? { chartsUrl: session.context.runUrl } : {}
      })
    );
    if (posted) core.saveState("check-run-done", "true");
    if (check.id !== before) this.setGateOutputs(judged);
  }
  async postComment(summary) {
    const { inputs, session, logger } = this.o;
    const { github, context } = session;
    if (!inputs.gate.comment) return;
    if (session.deferred) {
      logger.info("No pull request comment from this run: the workflow_run workflow writes it.");
      return;
    }
    if (!github || !context?.pullRequest) {
      logger.info("No pull request comment: this run is not for a pull request, or has no token.");
      return;
    }
    try {
      const done = await upsertStickyComment({
        github,
        owner: context.owner,
        repo: context.repo,
        issueNumber: context.pullRequest.number,
        marker: (0, import_chunk_STZI2M2M.commentMarker)(inputs.gate.checkName),
        body: (0, import_chunk_STZI2M2M.commentBody)(inputs.gate.checkName, summary),
        author: botLogin(session.check?.appSlug)
      });
      logger.info(`Pull request comment ${done}.`);
    } catch (err) {
      const info = (0, import_chunk_VX7BJFZM.describeGithubError)(err);
      const hint = info.kind === "permission" ? "; give the job `permissions: pull-requests: write`" : "";
      logger.warning(`Could not comment on the pull request (${(0, import_chunk_VX7BJFZM.errorText)(info)})${hint}.`);
    }
  }
  /**
   * wait: false: the runner owns the run now. Outputs and a short summary; the check run stays in progress for the
   * runner to complete. The step succeeds: the job has not ended.
   */
  async reportHandOff(result) {
    const { core, session, logger } = this.o;
    const handOff = this.o.handOff ?? { missing: "no check run was created" };
    for (const [name, value] of Object.entries(actionOutputs(result))) core.setOutput(name, value);
    core.setOutput("gate", "");
    core.setOutput("conclusion", "");
    core.setOutput("check-run-id", session.check?.id === void 0 ? "" : String(session.check.id));
    core.setOutput("baseline-sha", "");
    const reporter = "report" in handOff ? "runner" : "none";
    await writeSummary(core, detachedSummary(result, reporter) + warningsSection(this.o.configWarnings));
    const check = session.check;
    if (check?.id !== void 0 && "report" in handOff) {
      await check.update(handedOffCheckOutput(result));
      core.saveState("check-run-done", "true");
    }
    logger.info(
      `Training job ${result.jobName} continues in runner task ${result.taskArn ?? "?"}; its result will be at ${result.detached?.resultUri ?? "?"}` + (reporter === "runner" ? `, and the runner completes check run ${check?.id ?? ""}.` : ".")
    );
  }
};
function warningsSection(warnings = []) {
  if (warnings.length === 0) return "";
  const shown = warnings.slice(0, 15).map((w) => {
    const text2 = w.length > 200 ? `${w.slice(0, 199)}\u2026` : w;
    return `- \`${text2.replaceAll("`", "'")}\``;
  });
  const more = warnings.length > shown.length ? [`- \u2026 and ${warnings.length - shown.length} more (see the log)`] : [];
  return ["", "", "#### \u26A0\uFE0F Configuration warnings", "", ...shown, ...more, ""].join("\n");
}
async function writeSummary(core, markdown) {
  try {
    await core.writeSummary(markdown);
  } catch (err) {
    core.warning(`Could not write the job summary: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  }
}
var DEPENDABOT2 = "dependabot[bot]";
async function readSavedFile(path, run) {
  const size = await (0, import_promises2.stat)(path).then(
    (s) => s.size,
    (err) => {
      if (err.code !== "ENOENT") throw err;
      const where = run.url ? `; its log says why: ${run.url}` : "";
      throw new SavedResultError(`is not there: the training run saved no result${where}`);
    }
  );
  if (size > SAVED_LIMITS.bytes) throw new SavedResultError(`is ${size} bytes, more than ${SAVED_LIMITS.bytes}`);
  const saved = readSavedResult(await (0, import_promises2.readFile)(path));
  if (saved.headSha !== run.headSha) {
    throw new SavedResultError(
      `names commit ${saved.headSha}, but the workflow run that saved it trained ${run.headSha}`
    );
  }
  return saved;
}
async function claimedPull(github, base, saved, run) {
  const claim = `pull request #${saved.pullRequest}`;
  if (run.pullRequests.length > 0 && !run.pullRequests.includes(saved.pullRequest)) {
    throw new SavedResultError(`names ${claim}, but the workflow run was for #${run.pullRequests.join(", #")}`);
  }
  const { data: pr } = await github.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
    owner: base.owner,
    repo: base.repo,
    pull_number: saved.pullRequest
  }).catch((err) => {
    throw new SavedResultError(`names ${claim}, which could not be read (${(0, import_chunk_OEPHYHQN.messageOf)(err)})`);
  });
  const headRepo = pr.head.repo?.full_name ?? "";
  if (headRepo.toLowerCase() !== run.headRepository.toLowerCase() || pr.head.ref !== run.headBranch) {
    throw new SavedResultError(
      `names ${claim}, whose head is ${headRepo || "(deleted)"}:${pr.head.ref}, but the workflow run trained ${run.headRepository}:${run.headBranch}`
    );
  }
  const baseRepo = `${base.owner}/${base.repo}`.toLowerCase();
  return {
    number: pr.number,
    baseRef: pr.base.ref,
    headRef: pr.head.ref,
    fromFork: headRepo.toLowerCase() !== baseRepo,
    fromDependabot: pr.user?.login === DEPENDABOT2
  };
}
function needsPublishing(run, base) {
  if (run.event !== "pull_request") return `the run was for ${run.event || "another event"}, and posted its own check`;
  const fork = run.headRepository.toLowerCase() !== `${base.owner}/${base.repo}`.toLowerCase();
  if (!fork && run.actor !== DEPENDABOT2)
    return "the pull request is from this repository, and its run posted the check";
  return void 0;
}
async function runPublishStep({ deps, inputs, logger, readEvent }) {
  const { core, identity } = deps;
  const event = await readEvent();
  const run = triggeringRun(identity.eventName, event);
  if ("problem" in run)
    throw new import_chunk_ST62CECN.InputError("publish-result", `needs a workflow triggered by workflow_run: ${run.problem}`);
  const base = githubContext({ identity, event });
  if (!base) throw new import_chunk_ST62CECN.InputError("publish-result", "needs GITHUB_REPOSITORY (a GitHub Actions run)");
  core.saveState("finished", "true");
  const skip = needsPublishing(run, base);
  if (skip) {
    logger.info(`Nothing to publish: ${skip}.`);
    return;
  }
  if (!inputs.githubToken) throw new import_chunk_ST62CECN.InputError("github-token", "is needed to post the check run");
  const github = await (deps.createGithub ?? import_chunk_VX7BJFZM.createGithub)({ token: inputs.githubToken, baseUrl: base.apiUrl, logger });
  const check = new import_chunk_STZI2M2M.CheckRun({
    github,
    owner: base.owner,
    repo: base.repo,
    name: inputs.gate.checkName,
    sha: run.headSha,
    logger,
    ...run.url ? { detailsUrl: run.url } : {}
  });
  let saved;
  let pullRequest;
  try {
    saved = await readSavedFile(inputs.publishResult, run);
    pullRequest = await claimedPull(github, base, saved, run);
  } catch (err) {
    if (!(err instanceof SavedResultError)) throw err;
    const message = `The saved result ${inputs.publishResult} was refused: ${err.message}`;
    if (await check.complete("failure", (0, import_chunk_STZI2M2M.errorCheckOutput)(message))) core.saveState("check-run-done", "true");
    core.setFailed(message);
    return;
  }
  const context = {
    ...base,
    eventName: "pull_request",
    sha: run.headSha,
    baseBranch: pullRequest.baseRef,
    pullRequest,
    ...run.url ? { runUrl: run.url } : {}
  };
  await publish({ deps, inputs, logger, session: { context, github, check }, saved });
}
async function publish(o) {
  const { deps, inputs, logger, session, saved } = o;
  const { request, warnings } = await (0, import_chunk_634ZN4XJ.loadConfig)({
    workspace: inputs.workspace,
    configFile: inputs.configFile,
    configFileExplicit: inputs.configFileExplicit,
    overrides: inputs.overrides,
    env: deps.env
  });
  for (const w of warnings) logger.debug(`${w.where}: ${w.message}`);
  const annotationPath = repositoryPath(deps.identity, request.configFile);
  const reporter = new ActionReporter({ core: deps.core, logger, session, inputs, annotationPath });
  const judged = await (0, import_chunk_5X56SO76.judgeAndReport)(request, trainingResultOf(saved), {
    reporter,
    baseline: { lookUp: () => lookUpSessionBaseline(session, inputs, logger) }
  });
  logger.info(
    `Pull request #${saved.pullRequest} at ${saved.headSha.slice(0, 7)}: ${judged.outcome.conclusion} (${judged.outcome.reason}).`
  );
}
async function completeEarly(core, session, conclusion, output) {
  if (!session.check) return;
  if (await session.check.complete(conclusion, output)) core.saveState("check-run-done", "true");
}
async function startCheck(inputs, deps, logger) {
  const session = await openGithub({
    inputs,
    identity: deps.identity,
    logger,
    ...deps.readEvent ? { readEvent: deps.readEvent } : {},
    ...deps.createGithub ? { createGithub: deps.createGithub } : {},
    ...deps.clock ? { clock: deps.clock } : {}
  });
  if (session.check) {
    const id = await session.check.start();
    if (id !== void 0) deps.core.saveState("check-run-id", String(id));
  } else if (session.deferred) {
    logger.info(`No check run is posted from this run: ${session.deferred}.`);
  } else {
    logger.warning(
      `No check run is posted: ${session.offline ?? "no GitHub context"}. The step's outcome and the job summary carry the result.`
    );
  }
  return session;
}
function loadConfiguration(inputs, deps, logger) {
  return logger.group("Configuration", async () => {
    const { request: loaded, warnings } = await (0, import_chunk_634ZN4XJ.loadConfig)({
      workspace: inputs.workspace,
      configFile: inputs.configFile,
      configFileExplicit: inputs.configFileExplicit,
      overrides: inputs.overrides,
      env: deps.env
    });
    const lines = warnings.map((w) => `${w.where}: ${w.message}`);
    for (const line of lines) logger.warning(line);
    logger.info((0, import_chunk_6COBZIKS.requestSummary)(loaded).trimEnd());
    return { request: loaded, warnings: lines };
  });
}
async function refuseEvent(core, session, request, inputs) {
  const policy = eventPolicy({ context: session.context, mode: request.mode, gate: inputs.gate });
  if (policy.kind !== "refuse") return false;
  const outcome = (0, import_chunk_5X56SO76.conclude)({ kind: "skipped", reason: policy.reason });
  core.saveState("finished", "true");
  for (const [name, value] of Object.entries(gateOutputs({ outcome }))) core.setOutput(name, value);
  await writeSummary(core, (0, import_chunk_STZI2M2M.skippedCheckOutput)(policy.reason).summary);
  await completeEarly(core, session, "action_required", (0, import_chunk_STZI2M2M.skippedCheckOutput)(policy.reason));
  core.setFailed(`Not trained: ${policy.reason}.`);
  return true;
}
async function trainWithReports({ deps, inputs, request, session, annotationPath, logger, warnings }) {
  const { core } = deps;
  const removeCredentials = await (0, import_chunk_JJKN5NHK.setUpAwsCredentials)({
    ...deps.awsCredentials,
    ...inputs.roleToAssume ? { role: inputs.roleToAssume } : {},
    request,
    env: deps.env,
    logger
  });
  const handOff = request.mode === "fargate" && !request.wait ? detachedReport({
    request,
    context: session.context,
    checkRunId: session.check?.id,
    checkRunAppId: session.check?.appId,
    inputs,
    annotationPath
  }) : void 0;
  if (handOff && "refuse" in handOff) {
    removeCredentials();
    throw new Error(handOff.refuse);
  }
  const abort = (0, import_chunk_KSJBMR3M.linkAbort)({ logger, signals: deps.signals ?? process });
  try {
    const reporter = new ActionReporter({
      core,
      logger,
      session,
      inputs,
      annotationPath,
      configWarnings: warnings,
      ...handOff ? { handOff } : {}
    });
    const judged = await (0, import_chunk_5X56SO76.trainAndJudge)(request, {
      ...deps.pipeline,
      docker: deps.createDocker ?? import_chunk_AJ4NKK5M.createDocker,
      logger,
      signal: abort.signal,
      env: deps.env,
      identity: deps.identity,
      reporter,
      // The run cache records the commit the check run is on (a pull request's head, not its merge commit).
      runCache: { ...deps.pipeline?.runCache, commit: session.context?.sha ?? deps.identity.commit },
      ...handOff ? {} : { baseline: { lookUp: () => lookUpSessionBaseline(session, inputs, logger) } },
      ...handOff && "report" in handOff ? { detachedReport: handOff.report } : {},
      // The runner's Docker engine runs serve tests in every mode (a detached run has no verdict here to add to).
      serve: {},
      ...request.register ? { register: registerDeps(session, deps, logger, abort.signal) } : {}
    });
    if (judged.handedOff) return;
    if (judged.outcome.conclusion === "success")
      logger.info(`Training job ${judged.result.jobName} completed and passed the gate.`);
    else core.setFailed(judged.outcome.reason);
  } finally {
    abort.dispose();
    removeCredentials();
  }
}
function registerDeps(session, deps, logger, signal) {
  const ctx = session.context;
  const { identity } = deps;
  return {
    clients: {
      sagemaker: import_chunk_A2ZB4GEY.createSageMakerClient,
      s3: deps.pipeline?.s3 ?? import_chunk_G3PK4UPH.createS3Client,
      logger,
      signal
    },
    event: {
      ...ctx?.eventName ?? identity.eventName ? { eventName: ctx?.eventName ?? identity.eventName } : {},
      ...identity.ref ? { ref: identity.ref } : {},
      ...ctx?.baseBranch ? { defaultBranch: ctx.baseBranch } : {}
    },
    repository: ctx ? `${ctx.owner}/${ctx.repo}` : identity.repository ?? "",
    commit: ctx?.sha ?? identity.commit ?? "",
    run: ctx?.runUrl ?? identity.runId ?? ""
  };
}
async function runMainStep(given) {
  const deps = { ...given, identity: (0, import_chunk_QBYG7RQS.readRunIdentity)(given.env) };
  const { core } = deps;
  const logger = new import_chunk_ST62CECN.ActionLogger(core);
  let session = {};
  let annotationPath;
  try {
    const inputs = (0, import_chunk_ST62CECN.readInputs)(core, deps.identity, deps.cwd);
    annotationPath = repositoryPath(deps.identity, (0, import_node_path.resolve)(inputs.workspace, inputs.configFile));
    if (inputs.publishResult) {
      const readEvent = deps.readEvent ?? (() => readEventFile(deps.identity, logger));
      return await runPublishStep({
        deps,
        inputs: { ...inputs, publishResult: inputs.publishResult },
        logger,
        readEvent
      });
    }
    session = await startCheck(inputs, deps, logger);
    const { request, warnings } = await loadConfiguration(inputs, deps, logger);
    annotationPath = repositoryPath(deps.identity, request.configFile) ?? annotationPath;
    if (await refuseEvent(core, session, request, inputs)) return;
    await trainWithReports({ deps, inputs, request, session, annotationPath, logger, warnings });
  } catch (err) {
    const message = (0, import_chunk_OEPHYHQN.messageOf)(err);
    const problems = err instanceof import_chunk_634ZN4XJ.ConfigError ? err.issues : [];
    await completeEarly(core, session, "failure", (0, import_chunk_STZI2M2M.errorCheckOutput)(message, annotationPath, problems)).catch(
      () => void 0
    );
    core.setFailed(message);
  }
}
void runMainStep({ core: import_chunk_ST62CECN.actionsCore, env: process.env, cwd: process.cwd() });
