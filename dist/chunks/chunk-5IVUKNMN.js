import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);

// src/state.ts
var State = /* @__PURE__ */ ((State2) => {
  State2["JobName"] = "job-name";
  State2["Containers"] = "containers";
  State2["Network"] = "network";
  State2["Finished"] = "finished";
  return State2;
})(State || {});
var STATE_KEYS = new Set(Object.values(State));
function isStateKey(key) {
  return STATE_KEYS.has(key);
}
var DOCKER_REF = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
function splitIds(value) {
  return value.split(",").map((id) => id.trim()).filter((id) => id.length > 0);
}
function readState(getState) {
  const ignored = [];
  const containers = [];
  for (const id of splitIds(getState("containers" /* Containers */))) {
    if (DOCKER_REF.test(id)) containers.push(id);
    else ignored.push(`${"containers" /* Containers */}: ${JSON.stringify(id)}`);
  }
  const network = getState("network" /* Network */).trim();
  if (network && !DOCKER_REF.test(network)) ignored.push(`${"network" /* Network */}: ${JSON.stringify(network)}`);
  const jobName = getState("job-name" /* JobName */).trim();
  return {
    ...jobName ? { jobName } : {},
    containers,
    ...network && DOCKER_REF.test(network) ? { network } : {},
    finished: getState("finished" /* Finished */).trim() === "true",
    ignored
  };
}

export {
  isStateKey,
  splitIds,
  readState
};
