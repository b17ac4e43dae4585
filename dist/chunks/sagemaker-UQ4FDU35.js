import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  MIN_DESCRIBE_INTERVAL_MS,
  SageMakerBackend,
  lazySageMakerBackend
} from "./chunk-JX5TPMG2.js";
import {
  LOG_GROUP,
  jobLinks,
  outcomeOf
} from "./chunk-HD526JNG.js";
import {
  stopSavedTrainingJob
} from "./chunk-D7MQVAA6.js";
import {
  stopTrainingJob
} from "./chunk-XXTGDE5D.js";
import {
  TagKey,
  createTrainingJobInput,
  runTagValue,
  runTags,
  sageMakerRequestProblems
} from "./chunk-T22APPMD.js";
import "./chunk-6K5YUH5B.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-57ZJPNCC.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  LOG_GROUP,
  MIN_DESCRIBE_INTERVAL_MS,
  SageMakerBackend,
  TagKey,
  createTrainingJobInput,
  jobLinks,
  lazySageMakerBackend,
  outcomeOf,
  runTagValue,
  runTags,
  sageMakerRequestProblems,
  stopSavedTrainingJob,
  stopTrainingJob
};
