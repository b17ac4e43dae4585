import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import "./chunks/chunk-6HDILSJP.js";
import {
  conclude,
  trainAndJudge
} from "./chunks/chunk-MG36PIVR.js";
import "./chunks/chunk-CE7BIIDV.js";
import "./chunks/chunk-LI5VR6L7.js";
import {
  linkAbort
} from "./chunks/chunk-4GNBZ3ZO.js";
import {
  ActionLogger,
  actionsCore,
  readInputs
} from "./chunks/chunk-7RPICM6V.js";
import {
  lookUpBaseline
} from "./chunks/chunk-DBFYQI22.js";
import "./chunks/chunk-RUGKKFXA.js";
import {
  CheckRun,
  commentBody,
  commentMarker,
  completedCheckOutput,
  errorCheckOutput,
  runLinks,
  skippedCheckOutput,
  summaryMarkdown
} from "./chunks/chunk-WFAC67FF.js";
import "./chunks/chunk-JWTUT4KU.js";
import "./chunks/chunk-7JYDKPKG.js";
import {
  createGithub,
  describeGithubError,
  errorText
} from "./chunks/chunk-WPKPKEUQ.js";
import {
  createDocker
} from "./chunks/chunk-GUAOLE2T.js";
import "./chunks/chunk-QH5WXBE7.js";
import "./chunks/chunk-P3ICDQG5.js";
import "./chunks/chunk-AS44ZVSD.js";
import "./chunks/chunk-L4ONTP5Q.js";
import "./chunks/chunk-7DSRKR5T.js";
import "./chunks/chunk-GFDFRE4Q.js";
import {
  isStateKey
} from "./chunks/chunk-MBUOFJVP.js";
import "./chunks/chunk-7CYAUQXO.js";
import "./chunks/chunk-F5AZXM46.js";
import "./chunks/chunk-7VCEYUFO.js";
import "./chunks/chunk-BBQJM6XF.js";
import "./chunks/chunk-JNQNZV5F.js";
import "./chunks/chunk-VS64PSWH.js";
import {
  setUpAwsCredentials
} from "./chunks/chunk-FNIJWYXR.js";
import "./chunks/chunk-ZEJEE7YZ.js";
import "./chunks/chunk-GTVDIZ7E.js";
import "./chunks/chunk-RBPMM6CA.js";
import {
  requestSummary
} from "./chunks/chunk-SV34OGDY.js";
import {
  ConfigError,
  loadConfig
} from "./chunks/chunk-G7BYGF26.js";
import "./chunks/chunk-VHNHW4JV.js";
import {
  inlineCode
} from "./chunks/chunk-F7YBY3LO.js";
import "./chunks/chunk-AGW3FMZB.js";
import "./chunks/chunk-B3JEVRDI.js";
import "./chunks/chunk-NSEUCI5W.js";
import "./chunks/chunk-U5VYFFZZ.js";
import {
  messageOf
} from "./chunks/chunk-H2G727SZ.js";
import "./chunks/chunk-RV6NU5IZ.js";
import "./chunks/chunk-DPCXCUBM.js";

// src/action/main-step.ts
import { resolve as resolve2 } from "node:path";

// src/report/outputs.ts
function actionOutputs(result) {
  return {
    ["job-name" /* JobName */]: result.jobName,
    ["status" /* Status */]: result.status,
    ["failure-reason" /* FailureReason */]: result.failureReason ?? "",
    ["model-artifacts" /* ModelArtifacts */]: result.modelArtifacts ?? "",
    ["output-artifacts" /* OutputArtifacts */]: result.outputArtifacts ?? "",
    ["metrics" /* Metrics */]: JSON.stringify(result.metrics),
    ["image-uri" /* ImageUri */]: result.imageUri,
    ["image-tag" /* ImageTag */]: result.imageTag ?? "",
    ["image-built" /* ImageBuilt */]: result.imageBuilt === true ? "true" : "false",
    ["image-source" /* ImageSource */]: result.imageSource ?? "",
    ["duration-seconds" /* DurationSeconds */]: String(Math.round(result.durationSeconds)),
    // Plain numbers (USD, percent) a workflow can compare; empty when unknown.
    ["estimated-cost" /* EstimatedCost */]: result.cost ? result.cost.usd.toFixed(2) : "",
    ["spot-savings" /* SpotSavings */]: result.spotSavingsPercent !== void 0 ? String(result.spotSavingsPercent) : "",
    ["task-arn" /* TaskArn */]: result.taskArn ?? "",
    ["result-uri" /* ResultUri */]: result.detached?.resultUri ?? "",
    ["reused" /* Reused */]: result.reused ? "true" : "false",
    ["reused-from-job" /* ReusedFromJob */]: result.reused?.jobName ?? "",
    ["reused-from-commit" /* ReusedFromCommit */]: result.reused?.commit ?? ""
  };
}

// src/report/gate-outputs.ts
function gateOutputs(o) {
  return {
    ["gate" /* Gate */]: o.outcome.gate,
    ["conclusion" /* Conclusion */]: o.outcome.conclusion,
    ["check-run-id" /* CheckRunId */]: o.checkRunId === void 0 ? "" : String(o.checkRunId),
    ["baseline-sha" /* BaselineSha */]: o.baselineSha ?? ""
  };
}

// src/action/detached.ts
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
    ["Training job", inlineCode(result.jobName)],
    ["Runner task", result.taskArn ? inlineCode(result.taskArn) : "unknown"],
    ["Result", result.detached ? inlineCode(result.detached.resultUri) : "unknown"],
    ["Instances", `${inlineCode(result.instanceType)} \xD7 ${result.instanceCount}`],
    ["Image", inlineCode(result.imageUri)]
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
    summary: `## \u23F3 Training ${inlineCode(result.jobName)} continues on AWS

The Fargate runner task follows the job and completes this check run when it ends.

${facts(result)}`
  };
}

// src/action/event-policy.ts
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

// src/action/github-session.ts
import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";

// src/github/context.ts
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
  const { env } = options;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) return void 0;
  const event = obj(options.event) ?? {};
  const eventName = env.GITHUB_EVENT_NAME ?? "";
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
    const author = str(obj(pr.user)?.login) ?? str(options.env.GITHUB_ACTOR);
    const baseSha = str(base?.sha);
    pullRequest = {
      number,
      baseRef: str(base?.ref) ?? "",
      headRef: str(head?.ref) ?? "",
      fromFork: headRepo === void 0 || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
      fromDependabot: author === DEPENDABOT || options.env.GITHUB_ACTOR === DEPENDABOT,
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
  sha ??= str(env.GITHUB_SHA);
  if (!sha) return void 0;
  const defaultBranch = str(obj(event.repository)?.default_branch);
  const baseBranch = pullRequest?.baseRef || queueBase || options.baselineBranch || defaultBranch;
  const serverUrl = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  const runId = str(env.GITHUB_RUN_ID);
  return {
    owner,
    repo,
    eventName,
    sha,
    ...baseBranch ? { baseBranch } : {},
    ...pullRequest ? { pullRequest } : {},
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    serverUrl,
    ...runId ? { runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` } : {}
  };
}

// src/action/github-session.ts
async function readEventFile(env, logger) {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    logger.debug(`Could not read the event payload ${path}: ${messageOf(err)}`);
    return {};
  }
}
async function openGithub(o) {
  const { inputs, logger } = o;
  const event = await (o.readEvent ?? (() => readEventFile(o.env, logger)))();
  const read = githubContext({
    env: o.env,
    event,
    ...inputs.gate.baselineBranch ? { baselineBranch: inputs.gate.baselineBranch } : {}
  });
  const context = read && reportingContext(read, inputs.gate);
  if (!context) return { offline: "this is not a GitHub Actions run (no GITHUB_REPOSITORY or commit)" };
  if (!inputs.githubToken) return { context, offline: "no github-token was given" };
  try {
    const github = await (o.createGithub ?? createGithub)({
      token: inputs.githubToken,
      baseUrl: context.apiUrl,
      logger
    });
    const check = new CheckRun({
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
    return { context, offline: `the GitHub client could not be created (${messageOf(err)})` };
  }
}
function repositoryPath(env, file) {
  const root = env.GITHUB_WORKSPACE;
  if (!file || !root) return void 0;
  const path = relative(resolve(root), resolve(root, file));
  if (path === "" || path.startsWith("..") || isAbsolute(path)) return void 0;
  return path.split(sep).join("/");
}
function lookUpSessionBaseline(session, inputs, logger) {
  const { github, context } = session;
  if (!github || !context)
    return Promise.resolve({ missing: `it was not looked up (${session.offline ?? "no token"})` });
  return lookUpBaseline({
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

// src/github/comment.ts
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

// src/action/reporter.ts
var ActionReporter = class {
  constructor(o) {
    this.o = o;
  }
  o;
  saveState(key, value) {
    const { core, logger } = this.o;
    if (key === "task-arn" /* TaskArn */) core.setOutput("task-arn" /* TaskArn */, value);
    if (isStateKey(key)) core.saveState(key, value);
    else logger.debug(`Not saving unknown state ${String(key)}`);
  }
  phase(phase, jobName) {
    this.o.session.check?.phase(phase, jobName);
  }
  async report(judged) {
    this.o.core.saveState("finished" /* Finished */, "true");
    await this.o.logger.group("Report", () => this.reportJudged(judged));
  }
  async handedOff(_request, result) {
    this.o.core.saveState("finished" /* Finished */, "true");
    await this.o.logger.group("Report", () => this.reportHandOff(result));
  }
  /** Where the run is on GitHub (repository, workflow run, commit, configuration), for the reports' links. */
  links(request) {
    return runLinks({
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
  }
  async reportJudged(judged) {
    const { core, session } = this.o;
    const { result, request, gate, lookup } = judged;
    const baseBranch = session.context?.baseBranch;
    for (const [name, value] of Object.entries(actionOutputs(result))) core.setOutput(name, value);
    this.setGateOutputs(judged);
    const summary = summaryMarkdown(result, request, {
      gate,
      links: this.links(request),
      ...baseBranch ? { baseBranch } : {},
      ...lookup.missing !== void 0 ? { baselineMissing: lookup.missing } : {}
    });
    await writeSummary(core, summary);
    const { check } = session;
    if (check && session.context) await this.completeCheck(check, judged, session.context.sha);
    await this.postComment(summary);
  }
  async completeCheck(check, judged, sha) {
    const { core, session, annotationPath } = this.o;
    const { outcome, lookup } = judged;
    const baseBranch = session.context?.baseBranch;
    core.saveState("check-run-conclusion" /* CheckRunConclusion */, outcome.conclusion);
    const before = check.id;
    const posted = await check.complete(
      outcome.conclusion,
      completedCheckOutput({
        result: judged.result,
        request: judged.request,
        gate: judged.gate,
        outcome,
        sha,
        ...baseBranch ? { baseBranch } : {},
        ...lookup.missing !== void 0 ? { baselineMissing: lookup.missing } : {},
        ...annotationPath ? { annotationPath } : {},
        links: this.links(judged.request),
        // GitHub documents no Mermaid in check runs: the check links to the job summary's charts.
        ...session.context?.runUrl ? { chartsUrl: session.context.runUrl } : {}
      })
    );
    if (posted) core.saveState("check-run-done" /* CheckRunDone */, "true");
    if (check.id !== before) this.setGateOutputs(judged);
  }
  async postComment(summary) {
    const { inputs, session, logger } = this.o;
    const { github, context } = session;
    if (!inputs.gate.comment) return;
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
        marker: commentMarker(inputs.gate.checkName),
        body: commentBody(inputs.gate.checkName, summary),
        author: botLogin(session.check?.appSlug)
      });
      logger.info(`Pull request comment ${done}.`);
    } catch (err) {
      const info = describeGithubError(err);
      const hint = info.kind === "permission" ? "; give the job `permissions: pull-requests: write`" : "";
      logger.warning(`Could not comment on the pull request (${errorText(info)})${hint}.`);
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
    core.setOutput("gate" /* Gate */, "");
    core.setOutput("conclusion" /* Conclusion */, "");
    core.setOutput("check-run-id" /* CheckRunId */, session.check?.id === void 0 ? "" : String(session.check.id));
    core.setOutput("baseline-sha" /* BaselineSha */, "");
    const reporter = "report" in handOff ? "runner" : "none";
    await writeSummary(core, detachedSummary(result, reporter));
    const check = session.check;
    if (check?.id !== void 0 && "report" in handOff) {
      await check.update(handedOffCheckOutput(result));
      core.saveState("check-run-done" /* CheckRunDone */, "true");
    }
    logger.info(
      `Training job ${result.jobName} continues in runner task ${result.taskArn ?? "?"}; its result will be at ${result.detached?.resultUri ?? "?"}` + (reporter === "runner" ? `, and the runner completes check run ${check?.id ?? ""}.` : ".")
    );
  }
};
async function writeSummary(core, markdown) {
  try {
    await core.writeSummary(markdown);
  } catch (err) {
    core.warning(`Could not write the job summary: ${messageOf(err)}`);
  }
}

// src/action/main-step.ts
async function completeEarly(core, session, conclusion, output) {
  if (!session.check) return;
  if (await session.check.complete(conclusion, output)) core.saveState("check-run-done" /* CheckRunDone */, "true");
}
async function startCheck(inputs, deps, logger) {
  const session = await openGithub({
    inputs,
    env: deps.env,
    logger,
    ...deps.readEvent ? { readEvent: deps.readEvent } : {},
    ...deps.createGithub ? { createGithub: deps.createGithub } : {},
    ...deps.clock ? { clock: deps.clock } : {}
  });
  if (session.check) {
    const id = await session.check.start();
    if (id !== void 0) deps.core.saveState("check-run-id" /* CheckRunId */, String(id));
  } else {
    logger.warning(
      `No check run is posted: ${session.offline ?? "no GitHub context"}. The step's outcome and the job summary carry the result.`
    );
  }
  return session;
}
function loadConfiguration(inputs, deps, logger) {
  return logger.group("Configuration", async () => {
    const { request: loaded, warnings } = await loadConfig({
      workspace: inputs.workspace,
      configFile: inputs.configFile,
      configFileExplicit: inputs.configFileExplicit,
      overrides: inputs.overrides,
      env: deps.env
    });
    for (const w of warnings) logger.warning(`${w.where}: ${w.message}`);
    logger.info(requestSummary(loaded).trimEnd());
    return loaded;
  });
}
async function refuseEvent(core, session, request, inputs) {
  const policy = eventPolicy({ context: session.context, mode: request.mode, gate: inputs.gate });
  if (policy.kind !== "refuse") return false;
  const outcome = conclude({ kind: "skipped", reason: policy.reason });
  core.saveState("finished" /* Finished */, "true");
  for (const [name, value] of Object.entries(gateOutputs({ outcome }))) core.setOutput(name, value);
  await writeSummary(core, skippedCheckOutput(policy.reason).summary);
  await completeEarly(core, session, "action_required", skippedCheckOutput(policy.reason));
  core.setFailed(`Not trained: ${policy.reason}.`);
  return true;
}
async function trainWithReports({ deps, inputs, request, session, annotationPath, logger }) {
  const { core } = deps;
  const removeCredentials = await setUpAwsCredentials({
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
  const abort = linkAbort({ logger, signals: deps.signals ?? process });
  try {
    const reporter = new ActionReporter({
      core,
      logger,
      session,
      inputs,
      annotationPath,
      ...handOff ? { handOff } : {}
    });
    const judged = await trainAndJudge(request, {
      ...deps.pipeline,
      docker: deps.createDocker ?? createDocker,
      logger,
      signal: abort.signal,
      env: deps.env,
      reporter,
      // The run cache records the commit the check run is on (a pull request's head, not its merge commit).
      runCache: { ...deps.pipeline?.runCache, commit: session.context?.sha ?? deps.env.GITHUB_SHA },
      ...handOff ? {} : { baseline: { lookUp: () => lookUpSessionBaseline(session, inputs, logger) } },
      ...handOff && "report" in handOff ? { detachedReport: handOff.report } : {}
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
async function runMainStep(deps) {
  const { core } = deps;
  const logger = new ActionLogger(core);
  let session = {};
  let annotationPath;
  try {
    const inputs = readInputs(core, deps.env, deps.cwd);
    annotationPath = repositoryPath(deps.env, resolve2(inputs.workspace, inputs.configFile));
    session = await startCheck(inputs, deps, logger);
    const request = await loadConfiguration(inputs, deps, logger);
    annotationPath = repositoryPath(deps.env, request.configFile) ?? annotationPath;
    if (await refuseEvent(core, session, request, inputs)) return;
    await trainWithReports({ deps, inputs, request, session, annotationPath, logger });
  } catch (err) {
    const message = messageOf(err);
    const problems = err instanceof ConfigError ? err.issues : [];
    await completeEarly(core, session, "failure", errorCheckOutput(message, annotationPath, problems)).catch(
      () => void 0
    );
    core.setFailed(message);
  }
}

// src/main.ts
await runMainStep({ core: actionsCore, env: process.env, cwd: process.cwd() });
