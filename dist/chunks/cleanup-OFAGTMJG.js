import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  stopSavedTrainingJob
} from "./chunk-JHEZGA3P.js";
import "./chunk-JDVG64NN.js";
import "./chunk-L5SUO6U6.js";
import "./chunk-T22APPMD.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-L77VU2UZ.js";
import "./chunk-5V4BOM4Q.js";
import "./chunk-DPCXCUBM.js";
export {
  stopSavedTrainingJob
};
