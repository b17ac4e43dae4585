import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  SageMakerRun,
  isRegistryImage
} from "./chunk-K5AWFJLR.js";
import "./chunk-U5SEZIOI.js";
import "./chunk-HPZJ6QL3.js";
import "./chunk-ZWI4LZDD.js";
import "./chunk-KNMIZIEG.js";
import "./chunk-QH5WXBE7.js";
import "./chunk-GFDFRE4Q.js";
import "./chunk-34TW6UFN.js";
import "./chunk-7CYAUQXO.js";
import "./chunk-F5AZXM46.js";
import "./chunk-BBQJM6XF.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-VS64PSWH.js";
import "./chunk-ZEJEE7YZ.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-RBPMM6CA.js";
import "./chunk-NSEUCI5W.js";
import "./chunk-S3SLN6VT.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-RX77DMQY.js";
import "./chunk-PMXA5N5M.js";
import "./chunk-OI5VUIGU.js";
import "./chunk-IKOOMJ22.js";
import "./chunk-6NOGWSEU.js";
import "./chunk-4CXWA4QZ.js";
import "./chunk-5K7X57GN.js";
import "./chunk-OHB4OHZ6.js";
import "./chunk-JVRCI4RE.js";
import "./chunk-DPCXCUBM.js";
export {
  SageMakerRun,
  isRegistryImage
};
