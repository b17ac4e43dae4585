import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  AVAILABLE_MODES,
  ModeNotAvailableError,
  assertModeAvailable,
  defaultBackendFor,
  localImageTag,
  runTraining
} from "./chunk-4RLUPHGN.js";
import "./chunk-KTFARFKW.js";
import "./chunk-ME7YDMKM.js";
import "./chunk-5IVUKNMN.js";
import "./chunk-FJMSXGPP.js";
import "./chunk-W2TOWP6Q.js";
export {
  AVAILABLE_MODES,
  ModeNotAvailableError,
  assertModeAvailable,
  defaultBackendFor,
  localImageTag,
  runTraining
};
