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
var event_streams_JXCO3RFJ_exports = {};
__export(event_streams_JXCO3RFJ_exports, {
  EventStreamCodec: () => import_chunk_BLTKLEVU.EventStreamCodec,
  EventStreamMarshaller: () => import_chunk_BLTKLEVU.EventStreamMarshaller2,
  EventStreamSerde: () => import_chunk_BLTKLEVU.EventStreamSerde,
  HeaderMarshaller: () => import_chunk_BLTKLEVU.HeaderMarshaller,
  Int64: () => import_chunk_BLTKLEVU.Int64,
  MessageDecoderStream: () => import_chunk_BLTKLEVU.MessageDecoderStream,
  MessageEncoderStream: () => import_chunk_BLTKLEVU.MessageEncoderStream,
  SmithyMessageDecoderStream: () => import_chunk_BLTKLEVU.SmithyMessageDecoderStream,
  SmithyMessageEncoderStream: () => import_chunk_BLTKLEVU.SmithyMessageEncoderStream,
  UniversalEventStreamMarshaller: () => import_chunk_BLTKLEVU.EventStreamMarshaller,
  eventStreamSerdeProvider: () => import_chunk_BLTKLEVU.eventStreamSerdeProvider2,
  getChunkedStream: () => import_chunk_BLTKLEVU.getChunkedStream,
  getMessageUnmarshaller: () => import_chunk_BLTKLEVU.getMessageUnmarshaller,
  getUnmarshalledStream: () => import_chunk_BLTKLEVU.getUnmarshalledStream,
  iterableToReadableStream: () => import_chunk_BLTKLEVU.iterableToReadableStream,
  readableStreamToIterable: () => import_chunk_BLTKLEVU.readableStreamToIterable,
  resolveEventStreamSerdeConfig: () => import_chunk_BLTKLEVU.resolveEventStreamSerdeConfig,
  universalEventStreamSerdeProvider: () => import_chunk_BLTKLEVU.eventStreamSerdeProvider
});
module.exports = __defProp(event_streams_JXCO3RFJ_exports, "__esModule", { value: true });
var import_chunk_BLTKLEVU = require("./chunk-BLTKLEVU.js");
var import_chunk_X6HAP4OX = require("./chunk-X6HAP4OX.js");
var import_chunk_X4VY5EZD = require("./chunk-X4VY5EZD.js");
var import_chunk_TC5HUNIO = require("./chunk-TC5HUNIO.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  EventStreamCodec,
  EventStreamMarshaller,
  EventStreamSerde,
  HeaderMarshaller,
  Int64,
  MessageDecoderStream,
  MessageEncoderStream,
  SmithyMessageDecoderStream,
  SmithyMessageEncoderStream,
  UniversalEventStreamMarshaller,
  eventStreamSerdeProvider,
  getChunkedStream,
  getMessageUnmarshaller,
  getUnmarshalledStream,
  iterableToReadableStream,
  readableStreamToIterable,
  resolveEventStreamSerdeConfig,
  universalEventStreamSerdeProvider
});
