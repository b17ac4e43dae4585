import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  cleanupServe
} from "./chunks/chunk-JONOONX3.js";
import {
  ActionLogger,
  actionsCore,
  readRoleInputs
} from "./chunks/chunk-TU32624O.js";
import "./chunks/chunk-WJQSCODM.js";
import {
  cancelCheckRun
} from "./chunks/chunk-HLRS27IT.js";
import "./chunks/chunk-OHBXUBHZ.js";
import {
  createGithub,
  describeGithubError,
  errorText
} from "./chunks/chunk-WPKPKEUQ.js";
import "./chunks/chunk-7JYDKPKG.js";
import "./chunks/chunk-RUGKKFXA.js";
import {
  createBackend,
  modeOfSavedState
} from "./chunks/chunk-VZCP2H2D.js";
import {
  createDocker
} from "./chunks/chunk-BGZQFWND.js";
import "./chunks/chunk-MLHEFWSB.js";
import "./chunks/chunk-QH5WXBE7.js";
import "./chunks/chunk-GMA746FE.js";
import "./chunks/chunk-BBQJM6XF.js";
import "./chunks/chunk-D3IMMP4M.js";
import "./chunks/chunk-7DSRKR5T.js";
import "./chunks/chunk-GFDFRE4Q.js";
import "./chunks/chunk-F5AZXM46.js";
import {
  readState
} from "./chunks/chunk-34TW6UFN.js";
import "./chunks/chunk-7CYAUQXO.js";
import "./chunks/chunk-7VCEYUFO.js";
import "./chunks/chunk-JNQNZV5F.js";
import "./chunks/chunk-NM2X3LNX.js";
import {
  readRunIdentity
} from "./chunks/chunk-ABT65SKP.js";
import {
  useRoleCredentials
} from "./chunks/chunk-WQBTM6LQ.js";
import "./chunks/chunk-ZEJEE7YZ.js";
import "./chunks/chunk-GTVDIZ7E.js";
import "./chunks/chunk-RBPMM6CA.js";
import "./chunks/chunk-7Z4LDHEY.js";
import "./chunks/chunk-VHNHW4JV.js";
import "./chunks/chunk-F7YBY3LO.js";
import "./chunks/chunk-AGW3FMZB.js";
import "./chunks/chunk-M2NW7RRS.js";
import "./chunks/chunk-B3JEVRDI.js";
import "./chunks/chunk-U5VYFFZZ.js";
import "./chunks/chunk-S3SLN6VT.js";
import {
  messageOf
} from "./chunks/chunk-H2G727SZ.js";
import "./chunks/chunk-RV6NU5IZ.js";
import "./chunks/chunk-DPCXCUBM.js";

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
