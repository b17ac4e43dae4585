import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  CheckRun,
  DEFAULT_CHECK_NAME,
  DEFAULT_UPDATE_INTERVAL_MS,
  cancelCheckRun
} from "./chunk-HLRS27IT.js";
import "./chunk-OHBXUBHZ.js";
import "./chunk-WPKPKEUQ.js";
import "./chunk-7JYDKPKG.js";
import "./chunk-QH5WXBE7.js";
import "./chunk-F7YBY3LO.js";
import "./chunk-DPCXCUBM.js";
export {
  CheckRun,
  DEFAULT_CHECK_NAME,
  DEFAULT_UPDATE_INTERVAL_MS,
  cancelCheckRun
};
