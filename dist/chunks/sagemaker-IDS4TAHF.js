import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  MIN_DESCRIBE_INTERVAL_MS,
  SageMakerBackend,
  cleanupSavedJob,
  lazySageMakerBackend,
  stopSavedTrainingJob
} from "./chunk-GMA746FE.js";
import {
  LOG_GROUP,
  jobLinks,
  outcomeOf
} from "./chunk-BBQJM6XF.js";
import "./chunk-7VCEYUFO.js";
import "./chunk-JNQNZV5F.js";
import {
  TagKey,
  createTrainingJobInput,
  runTagValue,
  runTags,
  stopTrainingJob
} from "./chunk-NM2X3LNX.js";
import "./chunk-ABT65SKP.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-RBPMM6CA.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  LOG_GROUP,
  MIN_DESCRIBE_INTERVAL_MS,
  SageMakerBackend,
  TagKey,
  cleanupSavedJob,
  createTrainingJobInput,
  jobLinks,
  lazySageMakerBackend,
  outcomeOf,
  runTagValue,
  runTags,
  stopSavedTrainingJob,
  stopTrainingJob
};
