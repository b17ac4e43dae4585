import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  AVAILABLE_MODES,
  ModeNotAvailableError,
  assertModeAvailable,
  defaultBackendFor,
  runTraining
} from "./chunk-KG4AAIFE.js";
import "./chunk-ABQVQNI3.js";
import "./chunk-IOJI4QJS.js";
import "./chunk-6HP7CHUP.js";
import {
  localImageTag,
  resolveImage
} from "./chunk-6IP5L3AP.js";
import "./chunk-2LTHJ3JV.js";
import "./chunk-GTZ6UQXR.js";
import "./chunk-GXGLXT6D.js";
import "./chunk-YRGHHZX7.js";
import "./chunk-XT2KFVDN.js";
import "./chunk-IX6OCSS3.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-MIZKA6CH.js";
import "./chunk-ME7YDMKM.js";
import "./chunk-ZHZKBASF.js";
import "./chunk-AGW3FMZB.js";
import "./chunk-DPCXCUBM.js";
export {
  AVAILABLE_MODES,
  ModeNotAvailableError,
  assertModeAvailable,
  defaultBackendFor,
  localImageTag,
  resolveImage,
  runTraining
};
