import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  AVAILABLE_MODES,
  ModeNotAvailableError,
  assertModeAvailable,
  defaultBackendFor,
  runTraining
} from "./chunk-FRVLCPOT.js";
import "./chunk-IL4F2KYX.js";
import {
  localImageTag,
  resolveImage
} from "./chunk-RYVZJQFL.js";
import "./chunk-GTZ6UQXR.js";
import "./chunk-KTFARFKW.js";
import "./chunk-LCA5KMUK.js";
import "./chunk-ELM3FYZM.js";
import "./chunk-3PFMI2OA.js";
import "./chunk-YRGHHZX7.js";
import "./chunk-5UQ5WPOF.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-VKWIQM5E.js";
import "./chunk-MIZKA6CH.js";
import "./chunk-V5UUTD32.js";
import "./chunk-ME7YDMKM.js";
import "./chunk-AGW3FMZB.js";
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
