import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  AVAILABLE_MODES,
  ModeNotAvailableError,
  assertModeAvailable,
  defaultBackendFor,
  runTraining
} from "./chunk-G3TSZ66U.js";
import {
  localImageTag,
  resolveImage
} from "./chunk-HVM26UHR.js";
import "./chunk-H73VLR3J.js";
import "./chunk-WC5MKKGZ.js";
import "./chunk-JX5TPMG2.js";
import "./chunk-HD526JNG.js";
import "./chunk-D7MQVAA6.js";
import "./chunk-XXTGDE5D.js";
import "./chunk-T22APPMD.js";
import "./chunk-6K5YUH5B.js";
import "./chunk-E4FWFVBZ.js";
import "./chunk-GFDFRE4Q.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-57ZJPNCC.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-BAMX6QX3.js";
import "./chunk-NSEUCI5W.js";
import "./chunk-7CYAUQXO.js";
import "./chunk-U5VYFFZZ.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
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
