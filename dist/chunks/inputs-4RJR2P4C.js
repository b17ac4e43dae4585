import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  DEFAULT_BASELINE_DEPTH,
  DEFAULT_CHECK_NAME,
  Input,
  InputError,
  REGISTRY_PASSWORD_ENV,
  readGateInputs,
  readInputs
} from "./chunk-IKIQAZBD.js";
import "./chunk-AJCJ3S32.js";
import "./chunk-ME7YDMKM.js";
import "./chunk-AGW3FMZB.js";
import "./chunk-DPCXCUBM.js";
export {
  DEFAULT_BASELINE_DEPTH,
  DEFAULT_CHECK_NAME,
  Input,
  InputError,
  REGISTRY_PASSWORD_ENV,
  readGateInputs,
  readInputs
};
