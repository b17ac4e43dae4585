import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  JOB_LABEL,
  LocalBackend,
  cleanupLocalRun,
  instanceTypeHasGpu,
  packDirectoryToTarGz
} from "./chunk-3PFMI2OA.js";
import "./chunk-YRGHHZX7.js";
import "./chunk-5UQ5WPOF.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-VKWIQM5E.js";
import "./chunk-W2TOWP6Q.js";
export {
  JOB_LABEL,
  LocalBackend,
  cleanupLocalRun,
  instanceTypeHasGpu,
  packDirectoryToTarGz
};
