import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  createCloudWatchLogsClient,
  createEcsClient,
  createSageMakerClient,
  createSecretsManagerClient
} from "./chunk-JDVG64NN.js";
import {
  createS3Client
} from "./chunk-L77VU2UZ.js";
import {
  CLIENT_RETRY,
  clientConfig
} from "./chunk-5V4BOM4Q.js";
import "./chunk-DPCXCUBM.js";
export {
  CLIENT_RETRY,
  clientConfig,
  createCloudWatchLogsClient,
  createEcsClient,
  createS3Client,
  createSageMakerClient,
  createSecretsManagerClient
};
