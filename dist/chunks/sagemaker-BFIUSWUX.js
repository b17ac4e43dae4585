import {
  MIN_DESCRIBE_INTERVAL_MS,
  SageMakerBackend,
  cleanupSavedJob,
  lazySageMakerBackend,
  stopSavedTrainingJob
} from "./chunk-QOLQOTYR.js";
import {
  LOG_GROUP,
  jobLinks,
  outcomeOf
} from "./chunk-MHQU2NGJ.js";
import "./chunk-NHSZ5FW5.js";
import {
  TagKey,
  createTrainingJobInput,
  runTagValue,
  runTags,
  stopTrainingJob
} from "./chunk-JR6BMV5V.js";
import "./chunk-A2ZB4GEY.js";
import "./chunk-G3PK4UPH.js";
import "./chunk-QBYG7RQS.js";
import "./chunk-YOYRZ3GA.js";
import "./chunk-OEPHYHQN.js";
import "./chunk-ZIWWOMLH.js";
import "./chunk-7VZ5H7B6.js";
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
