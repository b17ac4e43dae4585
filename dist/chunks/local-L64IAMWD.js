import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  JOB_LABEL,
  LocalBackend,
  cleanupLocalRun,
  instanceTypeHasGpu,
  packDirectoryToTarGz
} from "./chunk-K4PTENOQ.js";
import "./chunk-IX6OCSS3.js";
import "./chunk-YRGHHZX7.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-L77VU2UZ.js";
import "./chunk-5V4BOM4Q.js";
import "./chunk-DPCXCUBM.js";
export {
  JOB_LABEL,
  LocalBackend,
  cleanupLocalRun,
  instanceTypeHasGpu,
  packDirectoryToTarGz
};
