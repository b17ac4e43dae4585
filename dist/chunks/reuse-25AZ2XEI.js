import {
  findReusableResult,
  recordRunResult,
  reusedResult,
  trainedFingerprint
} from "./chunk-T2A2MILT.js";
import "./chunk-VW2OE5HN.js";
import "./chunk-OM6D42WG.js";
import "./chunk-SPTEJLOZ.js";
import "./chunk-EZNXSEHB.js";
import "./chunk-IARS4GDI.js";
import "./chunk-VBX2D4NB.js";
import "./chunk-6EMK3JHB.js";
import "./chunk-OVMUTU22.js";
import "./chunk-HNNMNGSZ.js";
import "./chunk-NHSZ5FW5.js";
import "./chunk-YOYRZ3GA.js";
import "./chunk-G3PK4UPH.js";
import "./chunk-SZ5DK7JW.js";
import "./chunk-OEPHYHQN.js";
import "./chunk-ZIWWOMLH.js";
import "./chunk-7VZ5H7B6.js";
export {
  findReusableResult,
  recordRunResult,
  reusedResult,
  trainedFingerprint
};
