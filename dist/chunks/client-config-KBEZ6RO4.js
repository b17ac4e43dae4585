import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  CLIENT_RETRY,
  clientConfig,
  installedCredentials,
  useCredentials
} from "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  CLIENT_RETRY,
  clientConfig,
  installedCredentials,
  useCredentials
};
