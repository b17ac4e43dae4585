import {
  findReusableResult,
  recordRunResult,
  reusedResult,
  trainedFingerprint
} from "./chunk-XSKGJPZJ.js";
import "./chunk-ZIFLYHXC.js";
import "./chunk-EZNXSEHB.js";
import "./chunk-VK5EXTPS.js";
import "./chunk-SPTEJLOZ.js";
import "./chunk-VBX2D4NB.js";
import "./chunk-6EMK3JHB.js";
import "./chunk-WAEPYHZO.js";
import "./chunk-HNNMNGSZ.js";
import "./chunk-NHSZ5FW5.js";
import "./chunk-OVMUTU22.js";
import "./chunk-G3PK4UPH.js";
import "./chunk-YOYRZ3GA.js";
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
