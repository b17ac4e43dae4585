import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  ActionLogger,
  actionsCore,
  messageOf
} from "./chunks/chunk-ZINMQPF2.js";
import {
  createDocker
} from "./chunks/chunk-JQ4EZXZX.js";
import {
  readState
} from "./chunks/chunk-5IVUKNMN.js";
import {
  cleanupLocalRun
} from "./chunks/chunk-FJMSXGPP.js";
import "./chunks/chunk-W2TOWP6Q.js";

// src/action/post-step.ts
async function runPostStep(deps) {
  const { core } = deps;
  try {
    const state = readState((key) => core.getState(key));
    for (const ignored of state.ignored) core.warning(`Ignoring saved state that is not a Docker id: ${ignored}`);
    if (state.finished) {
      core.debug("The main step finished: nothing to clean up.");
      return;
    }
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
