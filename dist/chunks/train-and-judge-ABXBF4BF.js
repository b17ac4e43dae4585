import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  judgeAndReport,
  trainAndJudge
} from "./chunk-S34F7SHZ.js";
import "./chunk-JNPUN5AF.js";
import "./chunk-VF7KJEF7.js";
import "./chunk-ETKKFRTO.js";
import "./chunk-7JYDKPKG.js";
import "./chunk-VZCP2H2D.js";
import "./chunk-BGZQFWND.js";
import "./chunk-MLHEFWSB.js";
import "./chunk-GMA746FE.js";
import "./chunk-BBQJM6XF.js";
import "./chunk-D3IMMP4M.js";
import "./chunk-7DSRKR5T.js";
import "./chunk-GFDFRE4Q.js";
import "./chunk-F5AZXM46.js";
import "./chunk-34TW6UFN.js";
import "./chunk-7CYAUQXO.js";
import "./chunk-7VCEYUFO.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-NM2X3LNX.js";
import "./chunk-ABT65SKP.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-RBPMM6CA.js";
import "./chunk-M2NW7RRS.js";
import "./chunk-U5VYFFZZ.js";
import "./chunk-S3SLN6VT.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  judgeAndReport,
  trainAndJudge
};
