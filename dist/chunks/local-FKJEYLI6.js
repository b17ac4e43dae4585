import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  JOB_LABEL,
  LocalBackend,
  cleanupLocalRun,
  instanceTypeHasGpu
} from "./chunk-E4FWFVBZ.js";
import "./chunk-GFDFRE4Q.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-57ZJPNCC.js";
import "./chunk-7CYAUQXO.js";
import "./chunk-U5VYFFZZ.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  JOB_LABEL,
  LocalBackend,
  cleanupLocalRun,
  instanceTypeHasGpu
};
