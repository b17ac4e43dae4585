import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  AVAILABLE_MODES,
  ModeNotAvailableError,
  assertModeAvailable,
  defaultBackendFor,
  runTraining
} from "./chunk-RVEV7CER.js";
import "./chunk-HLLSRU4H.js";
import "./chunk-JHEZGA3P.js";
import {
  localImageTag,
  resolveImage
} from "./chunk-DU77NCYC.js";
import "./chunk-GTZ6UQXR.js";
import "./chunk-2LTHJ3JV.js";
import "./chunk-7EUZBGJX.js";
import "./chunk-WC5MKKGZ.js";
import "./chunk-JDVG64NN.js";
import "./chunk-ZSLQRDCX.js";
import "./chunk-L5SUO6U6.js";
import "./chunk-T22APPMD.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-K4PTENOQ.js";
import "./chunk-IX6OCSS3.js";
import "./chunk-YRGHHZX7.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-L77VU2UZ.js";
import "./chunk-5V4BOM4Q.js";
import "./chunk-MIZKA6CH.js";
import "./chunk-AGW3FMZB.js";
import "./chunk-BAMX6QX3.js";
import "./chunk-ME7YDMKM.js";
import "./chunk-DPCXCUBM.js";
export {
  AVAILABLE_MODES,
  ModeNotAvailableError,
  assertModeAvailable,
  defaultBackendFor,
  localImageTag,
  resolveImage,
  runTraining
};
