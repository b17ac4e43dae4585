import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  clientConfig
} from "./chunk-RV6NU5IZ.js";

// src/aws/clients.ts
async function createSageMakerClient(region) {
  const { SageMakerClient } = await import("./dist-es-XUS3LKGL.js");
  return new SageMakerClient(clientConfig(region));
}
async function createCloudWatchLogsClient(region) {
  const { CloudWatchLogsClient } = await import("./dist-es-XAHUXVPG.js");
  return new CloudWatchLogsClient(clientConfig(region));
}
async function createEcsClient(region) {
  const { ECSClient } = await import("./dist-es-K7GFRZSW.js");
  return new ECSClient(clientConfig(region));
}
async function createSecretsManagerClient(region) {
  const { SecretsManagerClient } = await import("./dist-es-BZE7S7UB.js");
  return new SecretsManagerClient(clientConfig(region));
}

export {
  createSageMakerClient,
  createCloudWatchLogsClient,
  createEcsClient,
  createSecretsManagerClient
};
