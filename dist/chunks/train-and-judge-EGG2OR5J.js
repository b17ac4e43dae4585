import {
  judgeAndReport,
  trainAndJudge
} from "./chunk-5D6U6EOQ.js";
import "./chunk-YNHMOGT6.js";
import "./chunk-OVMUTU22.js";
import "./chunk-6XJUV4WN.js";
import "./chunk-3Y6ZB6SW.js";
import "./chunk-HATZXHA5.js";
import "./chunk-AJM2PTKR.js";
import "./chunk-E32V7DX2.js";
import "./chunk-VB35TD3Y.js";
import "./chunk-MHQU2NGJ.js";
import "./chunk-KFWCMJSX.js";
import "./chunk-IL3VUA2S.js";
import "./chunk-UMA3BQCH.js";
import "./chunk-HNNMNGSZ.js";
import "./chunk-Q3ZBZB5P.js";
import "./chunk-NBTSJA7Y.js";
import "./chunk-A2ZB4GEY.js";
import "./chunk-NHSZ5FW5.js";
import "./chunk-JR6BMV5V.js";
import "./chunk-QBYG7RQS.js";
import "./chunk-YOYRZ3GA.js";
import "./chunk-G3PK4UPH.js";
import "./chunk-OWRVBMST.js";
import "./chunk-HIONJ6JB.js";
import "./chunk-KWKXA2KE.js";
import "./chunk-OEPHYHQN.js";
import "./chunk-ZIWWOMLH.js";
import "./chunk-7VZ5H7B6.js";
export {
  judgeAndReport,
  trainAndJudge
};
