import {
  judgeAndReport,
  trainAndJudge
} from "./chunk-OA5SKQ52.js";
import "./chunk-BFTENJIT.js";
import "./chunk-LKL6FYIQ.js";
import "./chunk-OVMUTU22.js";
import "./chunk-3Y6ZB6SW.js";
import "./chunk-YEKSJBTU.js";
import "./chunk-AJ4NKK5M.js";
import "./chunk-Q3ZBZB5P.js";
import "./chunk-QBYG7RQS.js";
import "./chunk-OWRVBMST.js";
import "./chunk-KWKXA2KE.js";
import "./chunk-OEPHYHQN.js";
import "./chunk-7VZ5H7B6.js";
export {
  judgeAndReport,
  trainAndJudge
};
