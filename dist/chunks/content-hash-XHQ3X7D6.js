import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  hashBuildContext,
  hashFile
} from "./chunk-6MLJGRIQ.js";
import "./chunk-MZMGGJLS.js";
import "./chunk-2LTHJ3JV.js";
import "./chunk-N5M5JGPS.js";
import "./chunk-H2G727SZ.js";
import "./chunk-DPCXCUBM.js";
export {
  hashBuildContext,
  hashFile
};
