import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  findReusableResult,
  recordRunResult,
  reusedResult,
  trainedFingerprint
} from "./chunk-CRV66M3M.js";
import "./chunk-VV6DHBOK.js";
import "./chunk-6MLJGRIQ.js";
import "./chunk-MZMGGJLS.js";
import "./chunk-K7QAG5FF.js";
import "./chunk-U5SEZIOI.js";
import "./chunk-2LTHJ3JV.js";
import "./chunk-N5M5JGPS.js";
import "./chunk-VF7KJEF7.js";
import "./chunk-F5AZXM46.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-RBPMM6CA.js";
import "./chunk-B3JEVRDI.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  findReusableResult,
  recordRunResult,
  reusedResult,
  trainedFingerprint
};
