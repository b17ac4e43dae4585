import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  clientConfig
} from "./chunk-5V4BOM4Q.js";

// src/aws/clients.ts
async function createSageMakerClient(region) {
  const { SageMakerClient } = await import("./dist-es-FC7OND65.js");
  return new SageMakerClient(clientConfig(region));
}
async function createCloudWatchLogsClient(region) {
  const { CloudWatchLogsClient } = await import("./dist-es-NYERCY7G.js");
  return new CloudWatchLogsClient(clientConfig(region));
}
async function createEcsClient(region) {
  const { ECSClient } = await import("./dist-es-56E35256.js");
  return new ECSClient(clientConfig(region));
}
async function createSecretsManagerClient(region) {
  const { SecretsManagerClient } = await import("./dist-es-4SBXZNZE.js");
  return new SecretsManagerClient(clientConfig(region));
}

export {
  createSageMakerClient,
  createCloudWatchLogsClient,
  createEcsClient,
  createSecretsManagerClient
};
