import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  judgeAndReport,
  trainAndJudge
} from "./chunk-SIINXXQN.js";
import "./chunk-PQ2WWX2G.js";
import "./chunk-NXKZVDYV.js";
import "./chunk-7JYDKPKG.js";
import "./chunk-UPP6HN6O.js";
import "./chunk-AS44ZVSD.js";
import "./chunk-L4ONTP5Q.js";
import "./chunk-7DSRKR5T.js";
import "./chunk-GFDFRE4Q.js";
import "./chunk-MBUOFJVP.js";
import "./chunk-7CYAUQXO.js";
import "./chunk-F5AZXM46.js";
import "./chunk-7VCEYUFO.js";
import "./chunk-BBQJM6XF.js";
import "./chunk-JNQNZV5F.js";
import "./chunk-VS64PSWH.js";
import "./chunk-GTVDIZ7E.js";
import "./chunk-RBPMM6CA.js";
import "./chunk-NSEUCI5W.js";
import "./chunk-U5VYFFZZ.js";
import "./chunk-H2G727SZ.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  judgeAndReport,
  trainAndJudge
};
