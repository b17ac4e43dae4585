import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  appGithub,
  completeDetachedCheck,
  lookUpDetachedBaseline,
  reportingAppMismatch
} from "./chunk-MUEWSP37.js";
import "./chunk-WJQSCODM.js";
import "./chunk-HLRS27IT.js";
import "./chunk-OHBXUBHZ.js";
import "./chunk-WPKPKEUQ.js";
import "./chunk-7JYDKPKG.js";
import "./chunk-QH5WXBE7.js";
import "./chunk-F7YBY3LO.js";
import "./chunk-S3SLN6VT.js";
import "./chunk-H2G727SZ.js";
import "./chunk-DPCXCUBM.js";
export {
  appGithub,
  completeDetachedCheck,
  lookUpDetachedBaseline,
  reportingAppMismatch
};
