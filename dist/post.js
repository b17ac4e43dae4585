import {
  cleanupServe
} from "./chunks/chunk-LZV2YA6E.js";
import "./chunks/chunk-E32V7DX2.js";
import {
  ActionLogger,
  actionsCore,
  readRoleInputs
} from "./chunks/chunk-PS2N73GR.js";
import "./chunks/chunk-6BCONTLY.js";
import {
  cancelCheckRun
} from "./chunks/chunk-STZI2M2M.js";
import "./chunks/chunk-FNUKYPLP.js";
import {
  createGithub,
  describeGithubError,
  errorText
} from "./chunks/chunk-VX7BJFZM.js";
import "./chunks/chunk-3Y6ZB6SW.js";
import "./chunks/chunk-M2JUJ74G.js";
import {
  createBackend,
  modeOfSavedState
} from "./chunks/chunk-YEKSJBTU.js";
import {
  createDocker
} from "./chunks/chunk-AJ4NKK5M.js";
import "./chunks/chunk-XZEEPGY5.js";
import {
  readState
} from "./chunks/chunk-Q3ZBZB5P.js";
import {
  readRunIdentity
} from "./chunks/chunk-QBYG7RQS.js";
import {
  useRoleCredentials
} from "./chunks/chunk-JJKN5NHK.js";
import "./chunks/chunk-IULFMOT4.js";
import "./chunks/chunk-YOYRZ3GA.js";
import "./chunks/chunk-NYTR2SKW.js";
import "./chunks/chunk-EXI4PAKY.js";
import "./chunks/chunk-YJLFLQOZ.js";
import "./chunks/chunk-SZ5DK7JW.js";
import "./chunks/chunk-OKR6MCXK.js";
import "./chunks/chunk-OWRVBMST.js";
import "./chunks/chunk-HIONJ6JB.js";
import "./chunks/chunk-KWKXA2KE.js";
import {
  messageOf
} from "./chunks/chunk-OEPHYHQN.js";
import "./chunks/chunk-ZIWWOMLH.js";
import "./chunks/chunk-7VZ5H7B6.js";

// src/action/post-step.ts
function postStepCredentials(core, run, region, logger) {
  const { env, identity } = run;
  try {
    const role = readRoleInputs(core, identity);
    return role ? useRoleCredentials({ role, region, env, logger }) : () => void 0;
  } catch (err) {
    core.warning(`Using the default AWS credentials: ${messageOf(err)}`);
    return () => void 0;
  }
}
async function cancelLeftCheckRun(deps, { identity }, state) {
  const { core } = deps;
  if (state.checkRunId === void 0 || state.checkRunDone) return;
  const token = core.getInput("github-token" /* GithubToken */).trim();
  if (token) core.setSecret(token);
  const [owner, repo] = (identity.repository ?? "").split("/");
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
      baseUrl: identity.apiUrl,
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
async function cleanUpLeftWork(deps, run, state) {
  const { core } = deps;
  const { identity } = run;
  const logger = new ActionLogger(core);
  const mode = modeOfSavedState(state);
  const backend = createBackend(mode, {
    docker: deps.createDocker ?? createDocker,
    identity,
    ...deps.stopTrainingJob ? { stopSavedJob: deps.stopTrainingJob } : {},
    ...deps.stopTask ? { stopSavedTask: deps.stopTask } : {}
  });
  const ctx = { logger, identity };
  if (mode === "local" || !state.sagemakerRegion) return backend.cleanup(state, ctx);
  const removeCredentials = postStepCredentials(core, run, state.sagemakerRegion, logger);
  try {
    await backend.cleanup(state, ctx);
  } finally {
    removeCredentials();
  }
}
async function runPostStep(deps) {
  const { core } = deps;
  const env = deps.env ?? process.env;
  const run = { env, identity: readRunIdentity(env) };
  try {
    const state = readState((key) => core.getState(key));
    for (const ignored of state.ignored) core.warning(`Ignoring saved state that is not well-formed: ${ignored}`);
    await cancelLeftCheckRun(deps, run, state);
    await cleanupServe(state, deps.createDocker ?? createDocker, new ActionLogger(core));
    if (state.finished) {
      core.debug("The main step finished: nothing to clean up.");
      return;
    }
    await cleanUpLeftWork(deps, run, state);
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
