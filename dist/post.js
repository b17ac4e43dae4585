import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  ActionLogger,
  actionsCore
} from "./chunks/chunk-2DVEBKMC.js";
import {
  cancelCheckRun
} from "./chunks/chunk-HHWOEGNY.js";
import {
  createDocker
} from "./chunks/chunk-QJO5NKRP.js";
import {
  readRoleInputs
} from "./chunks/chunk-UFCLGWQY.js";
import "./chunks/chunk-QH5WXBE7.js";
import {
  cleanupLocalRun
} from "./chunks/chunk-E4FWFVBZ.js";
import "./chunks/chunk-GFDFRE4Q.js";
import "./chunks/chunk-JNQNZV5F.js";
import "./chunks/chunk-57ZJPNCC.js";
import {
  useRoleCredentials
} from "./chunks/chunk-Y2S4CFQK.js";
import "./chunks/chunk-GTVDIZ7E.js";
import "./chunks/chunk-ZVW3633E.js";
import {
  createGithub,
  describeGithubError,
  errorText
} from "./chunks/chunk-5EXQTNPY.js";
import "./chunks/chunk-F7YBY3LO.js";
import "./chunks/chunk-67NRDOTG.js";
import "./chunks/chunk-AGW3FMZB.js";
import "./chunks/chunk-B3JEVRDI.js";
import {
  readState
} from "./chunks/chunk-BAMX6QX3.js";
import "./chunks/chunk-NSEUCI5W.js";
import "./chunks/chunk-7CYAUQXO.js";
import "./chunks/chunk-ZEJEE7YZ.js";
import "./chunks/chunk-U5VYFFZZ.js";
import {
  messageOf
} from "./chunks/chunk-H2G727SZ.js";
import "./chunks/chunk-RV6NU5IZ.js";
import "./chunks/chunk-DPCXCUBM.js";

// src/action/post-step.ts
async function stopLeftTrainingJob(deps, state) {
  if (!state.jobName || !state.sagemakerRegion) return;
  const { core } = deps;
  core.info(`The main step did not finish: stopping training job ${state.jobName} (${state.sagemakerRegion}).`);
  const stop = deps.stopTrainingJob ?? (await import("./chunks/cleanup-J3PZRJBL.js")).stopSavedTrainingJob;
  await stop({
    jobName: state.jobName,
    region: state.sagemakerRegion,
    logger: new ActionLogger(core),
    env: deps.env ?? process.env
  });
}
async function stopLeftAwsWork(deps, state) {
  if (!state.sagemakerRegion) return;
  const removeCredentials = postStepCredentials(
    deps.core,
    deps.env ?? process.env,
    state.sagemakerRegion,
    new ActionLogger(deps.core)
  );
  try {
    if (state.taskArn) await stopLeftTask(deps, { ...state, taskArn: state.taskArn });
    else await stopLeftTrainingJob(deps, state);
  } finally {
    removeCredentials();
  }
}
function postStepCredentials(core, env, region, logger) {
  try {
    const role = readRoleInputs(core, env);
    return role ? useRoleCredentials({ role, region, env, logger }) : () => void 0;
  } catch (err) {
    core.warning(`Using the default AWS credentials: ${messageOf(err)}`);
    return () => void 0;
  }
}
async function stopLeftTask(deps, state) {
  const { core } = deps;
  core.info(`The main step did not finish: stopping runner task ${state.taskArn}.`);
  const stop = deps.stopTask ?? (await import("./chunks/stop-N7WQRQH2.js")).stopSavedTask;
  try {
    await stop({
      taskArn: state.taskArn,
      ...state.fargateCluster ? { cluster: state.fargateCluster } : {},
      ...state.jobName && state.sagemakerRegion ? { jobName: state.jobName, sagemakerRegion: state.sagemakerRegion } : {},
      logger: new ActionLogger(core),
      env: deps.env ?? process.env
    });
  } catch (err) {
    core.warning(`Could not stop runner task ${state.taskArn}: ${messageOf(err)}`);
  }
}
async function cancelLeftCheckRun(deps, state) {
  const { core } = deps;
  if (state.checkRunId === void 0 || state.checkRunDone) return;
  const env = deps.env ?? process.env;
  const token = core.getInput("github-token" /* GithubToken */).trim();
  if (token) core.setSecret(token);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!token || !owner || !repo) {
    core.warning(
      `Check run ${state.checkRunId} was left in progress and cannot be completed (no token or repository).`
    );
    return;
  }
  const conclusion = state.checkRunConclusion ?? "cancelled";
  try {
    const logger = new ActionLogger(core);
    const github = await (deps.createGithub ?? createGithub)({
      token,
      baseUrl: env.GITHUB_API_URL ?? "https://api.github.com",
      logger
    });
    await cancelCheckRun({ github, owner, repo, checkRunId: state.checkRunId, conclusion });
    core.info(`Check run ${state.checkRunId} completed as ${conclusion}.`);
  } catch (err) {
    core.warning(
      `Could not complete check run ${state.checkRunId} as ${conclusion}: ${errorText(describeGithubError(err))}`
    );
  }
}
async function runPostStep(deps) {
  const { core } = deps;
  try {
    const state = readState((key) => core.getState(key));
    for (const ignored of state.ignored) core.warning(`Ignoring saved state that is not well-formed: ${ignored}`);
    await cancelLeftCheckRun(deps, state);
    if (state.finished) {
      core.debug("The main step finished: nothing to clean up.");
      return;
    }
    await stopLeftAwsWork(deps, state);
    if (state.containers.length === 0 && state.network === void 0) {
      core.debug("No containers or network were recorded: nothing to clean up.");
      return;
    }
    const what = [`${state.containers.length} container(s)`, ...state.network ? ["a network"] : []].join(" and ");
    core.info(`The main step did not finish${state.jobName ? ` job ${state.jobName}` : ""}: removing ${what}.`);
    const docker = await (deps.createDocker ?? createDocker)();
    await cleanupLocalRun(
      docker,
      { containers: state.containers, ...state.network ? { network: state.network } : {} },
      new ActionLogger(core)
    );
  } catch (err) {
    core.warning(`Cleanup failed: ${messageOf(err)}`);
  }
}

// src/post.ts
var warnOnly = (err) => {
  actionsCore.warning(`Cleanup failed: ${messageOf(err)}`);
  process.exitCode = 0;
};
process.on("uncaughtException", warnOnly);
process.on("unhandledRejection", warnOnly);
await runPostStep({ core: actionsCore });
