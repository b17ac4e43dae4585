var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var dist_src_C5M65P4L_exports = {};
__export(dist_src_C5M65P4L_exports, {
  Octokit: () => Octokit2
});
module.exports = __defProp(dist_src_C5M65P4L_exports, "__esModule", { value: true });
var import_chunk_VV7UWPJH = require("./chunk-VV7UWPJH.js");
var import_chunk_AABL2YXP = require("./chunk-AABL2YXP.js");
var import_chunk_7566RPP3 = require("./chunk-7566RPP3.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var VERSION = "6.0.0";
function requestLog(octokit) {
  octokit.hook.wrap("request", (request, options) => {
    octokit.log.debug("request", options);
    const start = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path = requestOptions.url.replace(options.baseUrl, "");
    return request(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      return response;
    }).catch((error) => {
      const requestId = error.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path} - ${error.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      throw error;
    });
  });
}
requestLog.VERSION = VERSION;
var VERSION2 = "22.0.1";
var Octokit2 = import_chunk_VV7UWPJH.Octokit.plugin(requestLog, import_chunk_VV7UWPJH.legacyRestEndpointMethods, import_chunk_VV7UWPJH.paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION2}`
  }
);
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  Octokit
});
