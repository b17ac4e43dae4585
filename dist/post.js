var import_chunk_LZV2YA6E = require("./chunks/chunk-LZV2YA6E.js");
var import_chunk_E32V7DX2 = require("./chunks/chunk-E32V7DX2.js");
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
function postStepCredentials(core, run, region, logger) {
  const { env, identity } = run;
  try {
    const role = (0, import_chunk_ST62CECN.readRoleInputs)(core, identity);
    return role ? (0, import_chunk_JJKN5NHK.useRoleCredentials)({ role, region, env, logger }) : () => void 0;
  } catch (err) {
    core.warning(`Using the default AWS credentials: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    return () => void 0;
  }
}
async function cancelLeftCheckRun(deps, { identity }, state) {
  const { core } = deps;
  if (state.checkRunId === void 0 || state.checkRunDone) return;
  const token = core.getInput(
    "github-token"
    /* GithubToken */
  ).trim();
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
    const logger = new import_chunk_ST62CECN.ActionLogger(core);
    const github = await (deps.createGithub ?? import_chunk_VX7BJFZM.createGithub)({
      token,
      baseUrl: identity.apiUrl,
      logger
    });
    await (0, import_chunk_STZI2M2M.cancelCheckRun)({ github, owner, repo, checkRunId: state.checkRunId, conclusion });
    core.info(`Check run ${state.checkRunId} completed as ${conclusion}.`);
  } catch (err) {
    core.warning(
      `Could not complete check run ${state.checkRunId} as ${conclusion}: ${(0, import_chunk_VX7BJFZM.errorText)((0, import_chunk_VX7BJFZM.describeGithubError)(err))}`
    );
  }
}
async function cleanUpLeftWork(deps, run, state) {
  const { core } = deps;
  const { identity } = run;
  const logger = new import_chunk_ST62CECN.ActionLogger(core);
  const mode = (0, import_chunk_7U3WTFAM.modeOfSavedState)(state);
  const backend = (0, import_chunk_7U3WTFAM.createBackend)(mode, {
    docker: deps.createDocker ?? import_chunk_AJ4NKK5M.createDocker,
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
  const run = { env, identity: (0, import_chunk_QBYG7RQS.readRunIdentity)(env) };
  try {
    const state = (0, import_chunk_Q3ZBZB5P.readState)((key) => core.getState(key));
    for (const ignored of state.ignored) core.warning(`Ignoring saved state that is not well-formed: ${ignored}`);
    await cancelLeftCheckRun(deps, run, state);
    await (0, import_chunk_LZV2YA6E.cleanupServe)(state, deps.createDocker ?? import_chunk_AJ4NKK5M.createDocker, new import_chunk_ST62CECN.ActionLogger(core));
    if (state.finished) {
      core.debug("The main step finished: nothing to clean up.");
      return;
    }
    await cleanUpLeftWork(deps, run, state);
  } catch (err) {
    core.warning(`Cleanup failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  }
}
var warnOnly = (err) => {
  import_chunk_ST62CECN.actionsCore.warning(`Cleanup failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  process.exitCode = 0;
};
process.on("uncaughtException", warnOnly);
process.on("unhandledRejection", warnOnly);
void runPostStep({ core: import_chunk_ST62CECN.actionsCore });
