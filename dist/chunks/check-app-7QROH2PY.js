import {
  BranchNotFoundError,
  findCheckApp
} from "./chunk-JZAYP4LE.js";
import "./chunk-RDMBENYR.js";
import "./chunk-7VZ5H7B6.js";
export {
  BranchNotFoundError,
  findCheckApp
};
