import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  createCloudWatchLogsClient,
  createEcsClient,
  createSageMakerClient,
  createSecretsManagerClient
} from "./chunk-7VCEYUFO.js";
import {
  createS3Client
} from "./chunk-RBPMM6CA.js";
import {
  CLIENT_RETRY,
  clientConfig
} from "./chunk-RV6NU5IZ.js";
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
