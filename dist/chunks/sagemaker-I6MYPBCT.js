import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  MIN_DESCRIBE_INTERVAL_MS,
  SageMakerBackend,
  lazySageMakerBackend
} from "./chunk-HLLSRU4H.js";
import {
  stopSavedTrainingJob
} from "./chunk-JHEZGA3P.js";
import "./chunk-JDVG64NN.js";
import {
  LOG_GROUP,
  jobLinks,
  outcomeOf
} from "./chunk-ZSLQRDCX.js";
import {
  stopTrainingJob
} from "./chunk-L5SUO6U6.js";
import {
  TagKey,
  createTrainingJobInput,
  runTagValue,
  runTags,
  sageMakerRequestProblems
} from "./chunk-T22APPMD.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-L77VU2UZ.js";
import "./chunk-5V4BOM4Q.js";
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
