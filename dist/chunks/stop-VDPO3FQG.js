import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  stopTrainingJob
} from "./chunk-NM2X3LNX.js";
import "./chunk-ABT65SKP.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-H2G727SZ.js";
import "./chunk-DPCXCUBM.js";
export {
  stopTrainingJob
};
