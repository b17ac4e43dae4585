import {
  stopTrainingJob
} from "./chunk-JR6BMV5V.js";
import "./chunk-QBYG7RQS.js";
import "./chunk-YOYRZ3GA.js";
import "./chunk-OEPHYHQN.js";
import "./chunk-7VZ5H7B6.js";
export {
  stopTrainingJob
};
