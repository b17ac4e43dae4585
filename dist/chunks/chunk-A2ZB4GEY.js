import {
  clientConfig
} from "./chunk-ZIWWOMLH.js";

// src/aws/clients.ts
async function createSageMakerClient(region) {
  const { SageMakerClient } = await import("./dist-es-TDH24GG4.js");
  return new SageMakerClient(clientConfig(region));
}
async function createCloudWatchLogsClient(region) {
  const { CloudWatchLogsClient } = await import("./dist-es-GAO4KP5T.js");
  return new CloudWatchLogsClient(clientConfig(region));
}
async function createEcsClient(region) {
  const { ECSClient } = await import("./dist-es-ISAV356K.js");
  return new ECSClient(clientConfig(region));
}
async function createSecretsManagerClient(region) {
  const { SecretsManagerClient } = await import("./dist-es-R2OGOPKR.js");
  return new SecretsManagerClient(clientConfig(region));
}

export {
  createSageMakerClient,
  createCloudWatchLogsClient,
  createEcsClient,
  createSecretsManagerClient
};
