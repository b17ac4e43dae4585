import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  stopSavedTrainingJob
} from "./chunk-CTYWGIMZ.js";
import "./chunk-6HP7CHUP.js";
import "./chunk-JD3R6ORR.js";
import "./chunk-LX6GIH2V.js";
import "./chunk-DPCXCUBM.js";
export {
  stopSavedTrainingJob
};
