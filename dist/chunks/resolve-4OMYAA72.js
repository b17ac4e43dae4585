import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  localImageTag,
  resolveImage
} from "./chunk-ID7V7BEX.js";
import "./chunk-2LTHJ3JV.js";
import "./chunk-GTZ6UQXR.js";
import "./chunk-IX6OCSS3.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-AGW3FMZB.js";
import "./chunk-7CYAUQXO.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  localImageTag,
  resolveImage
};
