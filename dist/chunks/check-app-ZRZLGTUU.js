import {
  BranchNotFoundError,
  findCheckApp
} from "./chunk-CX6QTPIY.js";
import "./chunk-VX7BJFZM.js";
import "./chunk-7VZ5H7B6.js";
export {
  BranchNotFoundError,
  findCheckApp
};
