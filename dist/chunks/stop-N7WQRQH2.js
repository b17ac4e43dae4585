import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  stopSavedTask,
  stopTask
} from "./chunk-H73VLR3J.js";
import "./chunk-WC5MKKGZ.js";
import "./chunk-XXTGDE5D.js";
import "./chunk-T22APPMD.js";
import "./chunk-6K5YUH5B.js";
import "./chunk-57ZJPNCC.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  stopSavedTask,
  stopTask
};
