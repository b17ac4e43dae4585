import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  AVAILABLE_MODES,
  ModeNotAvailableError,
  assertModeAvailable,
  defaultBackendFor,
  runTraining
} from "./chunk-BLU4TXU6.js";
import {
  localImageTag,
  resolveImage
} from "./chunk-TIU3R2GY.js";
import "./chunk-GTZ6UQXR.js";
import "./chunk-KTFARFKW.js";
import "./chunk-XZJSYAM7.js";
import "./chunk-6KCOS5OK.js";
import "./chunk-5UQ5WPOF.js";
import "./chunk-VKWIQM5E.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-MIZKA6CH.js";
import "./chunk-ME7YDMKM.js";
import "./chunk-AGW3FMZB.js";
import "./chunk-SYH7JWVC.js";
import "./chunk-W2TOWP6Q.js";
export {
  AVAILABLE_MODES,
  ModeNotAvailableError,
  assertModeAvailable,
  defaultBackendFor,
  localImageTag,
  resolveImage,
  runTraining
};
