import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  DEFAULT_BASELINE_DEPTH,
  DEFAULT_CHECK_NAME,
  Input,
  InputError,
  REGISTRY_PASSWORD_ENV,
  readGateInputs,
  readInputs,
  readRoleInputs
} from "./chunk-UFCLGWQY.js";
import "./chunk-Y2S4CFQK.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-67NRDOTG.js";
import "./chunk-AGW3FMZB.js";
import "./chunk-B3JEVRDI.js";
import "./chunk-NSEUCI5W.js";
import "./chunk-ZEJEE7YZ.js";
import "./chunk-U5VYFFZZ.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  DEFAULT_BASELINE_DEPTH,
  DEFAULT_CHECK_NAME,
  Input,
  InputError,
  REGISTRY_PASSWORD_ENV,
  readGateInputs,
  readInputs,
  readRoleInputs
};
