import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  AVAILABLE_MODES,
  ModeNotAvailableError,
  assertModeAvailable,
  defaultBackendFor,
  runTraining
} from "./chunk-TIDEEJWJ.js";
import {
  localImageTag,
  resolveImage
} from "./chunk-PX73F3NL.js";
import "./chunk-GTZ6UQXR.js";
import "./chunk-2LTHJ3JV.js";
import "./chunk-CTYWGIMZ.js";
import "./chunk-WSRQCJWL.js";
import "./chunk-6HP7CHUP.js";
import "./chunk-HJU2WKCK.js";
import "./chunk-IX6OCSS3.js";
import "./chunk-YRGHHZX7.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-JD3R6ORR.js";
import "./chunk-LX6GIH2V.js";
import "./chunk-MIZKA6CH.js";
import "./chunk-ME7YDMKM.js";
import "./chunk-AGW3FMZB.js";
import "./chunk-ZHZKBASF.js";
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
