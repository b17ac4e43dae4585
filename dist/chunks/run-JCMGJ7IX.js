import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  SageMakerRun,
  isRegistryImage
} from "./chunk-JGRN4CEQ.js";
import "./chunk-7SZGNQFI.js";
import "./chunk-P6652XSB.js";
import "./chunk-XHADVES3.js";
import "./chunk-ZSLQRDCX.js";
import "./chunk-L5SUO6U6.js";
import "./chunk-T22APPMD.js";
import "./chunk-4KWSCO26.js";
import "./chunk-QH5WXBE7.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-YRGHHZX7.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-L77VU2UZ.js";
import "./chunk-5V4BOM4Q.js";
import "./chunk-BAMX6QX3.js";
import "./chunk-ME7YDMKM.js";
import "./chunk-2ZBSMH65.js";
import "./chunk-PMXA5N5M.js";
import "./chunk-OI5VUIGU.js";
import "./chunk-FINLO4KZ.js";
import "./chunk-6NOGWSEU.js";
import "./chunk-4CXWA4QZ.js";
import "./chunk-OHB4OHZ6.js";
import "./chunk-5K7X57GN.js";
import "./chunk-JVRCI4RE.js";
import "./chunk-DPCXCUBM.js";
export {
  SageMakerRun,
  isRegistryImage
};
