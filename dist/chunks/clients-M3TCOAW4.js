import {
  createCloudWatchLogsClient,
  createEcsClient,
  createSageMakerClient,
  createSecretsManagerClient
} from "./chunk-A2ZB4GEY.js";
import {
  createS3Client
} from "./chunk-G3PK4UPH.js";
import {
  CLIENT_RETRY,
  clientConfig
} from "./chunk-ZIWWOMLH.js";
import "./chunk-7VZ5H7B6.js";
export {
  CLIENT_RETRY,
  clientConfig,
  createCloudWatchLogsClient,
  createEcsClient,
  createS3Client,
  createSageMakerClient,
  createSecretsManagerClient
};
