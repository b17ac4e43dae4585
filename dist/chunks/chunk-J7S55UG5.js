var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var chunk_J7S55UG5_exports = {};
__export(chunk_J7S55UG5_exports, {
  MAX_OVERRIDES_BYTES: () => MAX_OVERRIDES_BYTES,
  describeExit: () => describeExit,
  essentialContainers: () => essentialContainers,
  isRunnerExitCode: () => isRunnerExitCode,
  overridesBytes: () => overridesBytes,
  runTaskInput: () => runTaskInput,
  runnerContainer: () => runnerContainer,
  runnerLogLocation: () => runnerLogLocation,
  stopSavedTask: () => stopSavedTask,
  stopTask: () => stopTask,
  taskEnd: () => taskEnd,
  taskLinks: () => taskLinks
});
module.exports = __defProp(chunk_J7S55UG5_exports, "__esModule", { value: true });
var import_chunk_IL3VUA2S = require("./chunk-IL3VUA2S.js");
var import_chunk_JR6BMV5V = require("./chunk-JR6BMV5V.js");
var import_chunk_A2ZB4GEY = require("./chunk-A2ZB4GEY.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_YOYRZ3GA = require("./chunk-YOYRZ3GA.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_node_crypto = require("node:crypto");
var MAX_OVERRIDES_BYTES = 8 * 1024;
var MAX_CLIENT_TOKEN = 64;
var MAX_STARTED_BY = 36;
function sha256(text) {
  return (0, import_node_crypto.createHash)("sha256").update(text).digest("hex");
}
function clientToken(jobName, attempt, runTag = "") {
  return `${jobName.slice(0, 40)}-${sha256(`${jobName}\0${runTag}`).slice(0, 12)}-${attempt}`.slice(
    0,
    MAX_CLIENT_TOKEN
  );
}
function startedBy(jobName) {
  const clean = jobName.replace(/[^A-Za-z0-9_/-]/g, "-");
  if (clean.length <= MAX_STARTED_BY) return clean;
  return `${clean.slice(0, MAX_STARTED_BY - 9)}-${sha256(jobName).slice(0, 8)}`;
}
function overridesBytes(overrides) {
  return Buffer.byteLength(JSON.stringify(overrides), "utf8");
}
function runTaskInput(o) {
  const { spec } = o;
  return {
    cluster: spec.cluster,
    taskDefinition: spec.taskDefinition,
    // Not launchType: the two are exclusive, and only a strategy can ask for FARGATE_SPOT.
    capacityProviderStrategy: [{ capacityProvider: spec.capacity, weight: 1 }],
    count: 1,
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: [...spec.subnets],
        securityGroups: [...spec.securityGroups],
        assignPublicIp: spec.assignPublicIp ? "ENABLED" : "DISABLED"
      }
    },
    overrides: { containerOverrides: [{ name: spec.container, environment: o.environment }] },
    clientToken: clientToken(o.jobName, o.attempt, o.runTag),
    startedBy: startedBy(o.jobName)
  };
}
function taskIdOf(taskArn) {
  return taskArn.slice(taskArn.lastIndexOf("/") + 1);
}
function clusterNameOf(clusterOrArn) {
  const task = /:task\/([^/]+)\/[^/]+$/.exec(clusterOrArn);
  if (task) return task[1];
  return clusterOrArn.slice(clusterOrArn.lastIndexOf("/") + 1);
}
function regionOfArn(arn) {
  return (0, import_chunk_KWKXA2KE.regionInArn)(arn, "ecs");
}
function runnerContainer(def, name) {
  const container = def.containerDefinitions?.find((c) => c.name === name);
  if (container) return container;
  const names = (def.containerDefinitions ?? []).map((c) => c.name ?? "?").join(", ") || "none";
  throw new Error(
    `fargate.container: task definition ${def.taskDefinitionArn ?? "?"} has no container named "${name}" (its containers: ${names}). Set fargate.container to the runner's container.`
  );
}
function runnerLogLocation(container, taskArn) {
  const config = container.logConfiguration;
  const options = config?.options ?? {};
  const group = options["awslogs-group"];
  const prefix = options["awslogs-stream-prefix"];
  if (config?.logDriver !== "awslogs" || !group || !prefix || !container.name) return void 0;
  return {
    group,
    ...options["awslogs-region"] ? { region: options["awslogs-region"] } : {},
    stream: `${prefix}/${container.name}/${taskIdOf(taskArn)}`
  };
}
function essentialContainers(def, runner) {
  const names = (def?.containerDefinitions ?? []).filter((c) => c.essential !== false).map((c) => c.name ?? "");
  return new Set(names.length > 0 ? names : [runner]);
}
function stopped(task) {
  const code = task.stopCode ?? "no stop code";
  return `${code}: ${task.stoppedReason ?? "no reason given"}`;
}
function taskEnd(task, runner, essential) {
  const containers = task.containers ?? [];
  const runnerContainer2 = containers.find((c) => c.name === runner);
  const anyStarted = containers.some((c) => c.exitCode !== void 0 || c.runtimeId !== void 0);
  if (task.stopCode === "TaskFailedToStart" || !anyStarted) {
    const details = containers.filter((c) => c.reason).map((c) => `${c.name ?? "?"}: ${c.reason ?? ""}`).join("; ");
    return { kind: "never-started", reason: `${stopped(task)}${details ? ` (${details})` : ""}` };
  }
  const problems = [];
  for (const c of containers) {
    if (!essential.has(c.name ?? "") || c.exitCode === 0) continue;
    problems.push(
      `essential container ${c.name ?? "?"} ${c.exitCode === void 0 ? "reported no exit code" : `exited ${c.exitCode}`}` + (c.reason ? ` (${c.reason})` : "")
    );
  }
  return {
    kind: "exited",
    exitCode: runnerContainer2?.exitCode,
    succeeded: task.lastStatus === "STOPPED" && problems.length === 0,
    problems
  };
}
var EXIT_MEANINGS = {
  [import_chunk_IL3VUA2S.RunnerExit.Completed]: "the job completed",
  [import_chunk_IL3VUA2S.RunnerExit.Error]: "the runner failed",
  [import_chunk_IL3VUA2S.RunnerExit.BadRequest]: "the request could not be read or is not valid; nothing was launched",
  [import_chunk_IL3VUA2S.RunnerExit.JobFailed]: "the job failed",
  [import_chunk_IL3VUA2S.RunnerExit.JobStopped]: "the job was stopped",
  137: "killed (SIGKILL: out of memory, or it did not stop within stopTimeout)",
  139: "segmentation fault",
  143: "terminated (SIGTERM)"
};
function describeExit(exitCode) {
  if (exitCode === void 0) return "no exit code";
  const meaning = EXIT_MEANINGS[exitCode];
  return `exit code ${exitCode}${meaning ? ` (${meaning})` : ""}`;
}
function isRunnerExitCode(exitCode) {
  return exitCode !== void 0 && Object.values(import_chunk_IL3VUA2S.RunnerExit).includes(exitCode);
}
function cloudWatchFragment(value) {
  return encodeURIComponent(value).replace(/%/g, "$25");
}
function taskLinks(region, taskArn, log) {
  const host = `https://${region}.console.aws.amazon.com`;
  const cluster = encodeURIComponent(clusterNameOf(taskArn));
  const links = [
    {
      label: "Fargate runner task",
      url: `${host}/ecs/v2/clusters/${cluster}/tasks/${encodeURIComponent(taskIdOf(taskArn))}?region=${region}`
    }
  ];
  if (log) {
    const logRegion = log.region ?? region;
    links.push({
      label: "Runner logs",
      url: `https://${logRegion}.console.aws.amazon.com/cloudwatch/home?region=${logRegion}#logsV2:log-groups/log-group/${cloudWatchFragment(log.group)}/log-events/${cloudWatchFragment(log.stream)}`
    });
  }
  return links;
}
async function stopTask(o) {
  if (!o.taskArn) return false;
  try {
    const { StopTaskCommand } = await Promise.resolve().then(() => require("./dist-es-ISAV356K.js"));
    await o.ecs.send(new StopTaskCommand({ cluster: o.cluster, task: o.taskArn, reason: o.reason.slice(0, 255) }), {
      ...o.signal ? { abortSignal: o.signal } : {}
    });
    o.logger.info(`Stop requested for runner task ${o.taskArn}`);
    return true;
  } catch (err) {
    const name = (0, import_chunk_YOYRZ3GA.awsErrorName)(err);
    if (name === "InvalidParameterException" || name === "ClusterNotFoundException") {
      o.logger.info(`Runner task ${o.taskArn} is not running: nothing to stop (${(0, import_chunk_OEPHYHQN.messageOf)(err)})`);
    } else {
      o.logger.warning(`Could not stop runner task ${o.taskArn}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    }
    return false;
  }
}
async function stopSavedTask(o) {
  const done = { task: false, job: false };
  const region = regionOfArn(o.taskArn) ?? o.sagemakerRegion;
  const cluster = o.cluster || /:task\/([^/]+)\//.exec(o.taskArn)?.[1] || "default";
  try {
    if (!region) throw new Error(`no region in ${o.taskArn}`);
    const ecs = await (o.ecs ?? import_chunk_A2ZB4GEY.createEcsClient)(region);
    done.task = await stopTask({
      ecs,
      cluster,
      taskArn: o.taskArn,
      reason: "cancelled: the workflow step ended before the run",
      logger: o.logger,
      ...o.signal ? { signal: o.signal } : {}
    });
  } catch (err) {
    o.logger.warning(`Could not stop runner task ${o.taskArn}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  }
  if (o.jobName && o.sagemakerRegion) {
    try {
      const sagemaker = await (o.sagemaker ?? import_chunk_A2ZB4GEY.createSageMakerClient)(o.sagemakerRegion);
      const runTag = (0, import_chunk_JR6BMV5V.runTagValue)(o.identity ?? import_chunk_QBYG7RQS.NO_RUN_IDENTITY);
      done.job = await (0, import_chunk_JR6BMV5V.stopTrainingJob)(sagemaker, o.jobName, o.logger, {
        ...runTag !== void 0 ? { runTag } : {},
        ...o.signal ? { signal: o.signal } : {}
      });
    } catch (err) {
      o.logger.warning(`Could not stop training job ${o.jobName}: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    }
  }
  return done;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  MAX_OVERRIDES_BYTES,
  describeExit,
  essentialContainers,
  isRunnerExitCode,
  overridesBytes,
  runTaskInput,
  runnerContainer,
  runnerLogLocation,
  stopSavedTask,
  stopTask,
  taskEnd,
  taskLinks
});
