var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var serve_PVKIDZUD_exports = {};
__export(serve_PVKIDZUD_exports, {
  SERVE_LABEL: () => import_chunk_LZV2YA6E.SERVE_LABEL,
  SERVE_PORT: () => import_chunk_LZV2YA6E.SERVE_PORT,
  cleanupServe: () => import_chunk_LZV2YA6E.cleanupServe,
  hostingEnv: () => import_chunk_LZV2YA6E.hostingEnv,
  pullImage: () => pullImage,
  runServeTest: () => runServeTest,
  serveContainerOptions: () => import_chunk_LZV2YA6E.serveContainerOptions
});
module.exports = __defProp(serve_PVKIDZUD_exports, "__esModule", { value: true });
var import_chunk_CMKMZ7VG = require("./chunk-CMKMZ7VG.js");
var import_chunk_HOY3A64H = require("./chunk-HOY3A64H.js");
var import_chunk_LZV2YA6E = require("./chunk-LZV2YA6E.js");
var import_chunk_E32V7DX2 = require("./chunk-E32V7DX2.js");
var import_chunk_AJ4NKK5M = require("./chunk-AJ4NKK5M.js");
var import_chunk_Q3ZBZB5P = require("./chunk-Q3ZBZB5P.js");
var import_chunk_SZ5DK7JW = require("./chunk-SZ5DK7JW.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_ZIWWOMLH = require("./chunk-ZIWWOMLH.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var import_promises = require("node:fs/promises");
var import_node_path = require("node:path");
var import_node_http = require("node:http");
var import_node_fs = require("node:fs");
var import_promises2 = require("node:fs/promises");
var import_node_os = require("node:os");
var import_node_path2 = require("node:path");
var import_node_stream = require("node:stream");
var import_node_fs2 = require("node:fs");
var import_promises3 = require("node:fs/promises");
var import_node_path3 = require("node:path");
var import_promises4 = require("node:stream/promises");
var import_node_zlib = require("node:zlib");
function exchange(o) {
  const now = o.now ?? (() => performance.now());
  const keep = o.maxBodyBytes ?? 1024 * 1024;
  return new Promise((resolve2, reject) => {
    const started = now();
    const req = (0, import_node_http.request)(
      {
        host: "127.0.0.1",
        port: o.port,
        method: o.method,
        path: o.path,
        agent: false,
        headers: { ...o.headers, ...o.body ? { "content-length": String(o.body.length) } : {} },
        timeout: o.timeoutMs,
        ...o.signal ? { signal: o.signal } : {}
      },
      (res) => {
        const chunks = [];
        let kept = 0;
        res.on("data", (chunk) => {
          if (kept < keep) chunks.push(chunk.subarray(0, keep - kept));
          kept += chunk.length;
        });
        res.on(
          "end",
          () => resolve2({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            ...res.headers["content-type"] ? { contentType: res.headers["content-type"] } : {},
            latencyMs: now() - started
          })
        );
        res.on("error", reject);
      }
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${o.timeoutMs} ms`)));
    req.on("error", reject);
    req.end(o.body);
  });
}
function steps(path) {
  return [...path.slice(1).matchAll(/\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]/g)].map(
    (m) => m[1] !== void 0 ? m[1] : Number(m[2])
  );
}
function atJsonPath(value, path) {
  let here = value;
  let walked = "$";
  for (const step of steps(path)) {
    walked += typeof step === "number" ? `[${step}]` : `.${step}`;
    if (typeof step === "number" ? !Array.isArray(here) : typeof here !== "object" || here === null)
      return { missing: walked };
    const next = here[step];
    if (next === void 0) return { missing: walked };
    here = next;
  }
  return { found: here };
}
var preview = (body) => JSON.stringify(body.length > 120 ? `${body.slice(0, 117)}...` : body);
function mismatch(match, body) {
  if (match.kind === "regex") {
    return new RegExp(match.pattern).test(body) ? void 0 : `the answer ${preview(body)} does not match /${match.pattern}/`;
  }
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `the answer is not JSON: ${preview(body)}`;
  }
  const at = atJsonPath(parsed, match.path);
  if ("missing" in at) return `the answer has no ${at.missing}: ${preview(body)}`;
  if (match.equals === void 0) return void 0;
  const text = typeof at.found === "string" ? at.found : JSON.stringify(at.found);
  return text === match.equals ? void 0 : `${match.path} is ${text}, expected ${match.equals}`;
}
var import_tar_stream = (0, import_chunk_7VZ5H7B6.__toESM)((0, import_chunk_HOY3A64H.require_tar_stream)(), 1);
var UnsafeEntry = class extends Error {
};
var within = (root, path) => path === root || path.startsWith(root + import_node_path3.sep);
function targetOf(root, name) {
  if ((0, import_node_path3.isAbsolute)(name) || /^[A-Za-z]:[\\/]/.test(name))
    throw new UnsafeEntry(`model.tar.gz entry ${JSON.stringify(name)} is an absolute path`);
  const target = (0, import_node_path3.resolve)(root, name);
  if (!within(root, target) || name.split(/[\\/]/).includes(".."))
    throw new UnsafeEntry(`model.tar.gz entry ${JSON.stringify(name)} climbs out of the model folder with ..`);
  return target;
}
function checkLinkText(root, link) {
  if ((0, import_node_path3.isAbsolute)(link.linkname) || !within(root, (0, import_node_path3.resolve)((0, import_node_path3.dirname)(link.target), link.linkname)))
    throw new UnsafeEntry(
      `model.tar.gz entry ${JSON.stringify(link.name)} is a symbolic link to ${JSON.stringify(link.linkname)}, outside the model folder`
    );
}
async function makeLinks(root, links) {
  const realRoot = await (0, import_promises3.realpath)(root);
  for (const link of links) {
    await (0, import_promises3.mkdir)((0, import_node_path3.dirname)(link.target), { recursive: true });
    const parent = await (0, import_promises3.realpath)((0, import_node_path3.dirname)(link.target));
    if ((0, import_node_path3.relative)(realRoot, parent) !== (0, import_node_path3.relative)(root, (0, import_node_path3.dirname)(link.target)))
      throw new UnsafeEntry(`model.tar.gz entry ${JSON.stringify(link.name)} lies under a symbolic link`);
    await (0, import_promises3.symlink)(link.linkname, link.target);
  }
  for (const link of links) {
    const leads = await (0, import_promises3.realpath)(link.target).catch(() => void 0);
    if (leads !== void 0 && !within(realRoot, leads))
      throw new UnsafeEntry(
        `model.tar.gz entry ${JSON.stringify(link.name)} is a symbolic link that leads outside the model folder`
      );
  }
}
function writeEntry(entry, target, mode) {
  return new Promise((done, reject) => {
    const out = (0, import_node_fs2.createWriteStream)(target, { mode });
    const fail = (err) => {
      out.destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    let ended = false;
    entry.on("end", () => ended = true);
    entry.on("error", fail);
    entry.on("close", () => {
      if (!ended) fail(new Error(`model.tar.gz ended inside ${target}`));
    });
    out.on("error", fail);
    out.on("finish", () => done());
    entry.pipe(out);
  });
}
async function extractInto(root, archive, bound) {
  const extract = import_tar_stream.default.extract();
  const gunzip = (0, import_node_zlib.createGunzip)();
  const writing = (0, import_promises4.pipeline)(archive, bound, gunzip, extract);
  writing.catch(() => void 0);
  const links = [];
  let current;
  let failure;
  const stop = (err) => {
    failure ??= err;
    current?.destroy(err);
    extract.destroy(err);
  };
  for (const stream of [archive, bound, gunzip]) stream.on("error", stop);
  try {
    for await (const entry of extract) {
      current = entry;
      const { name, type, linkname, mode } = entry.header;
      const target = targetOf(root, name);
      if (type === "directory") await (0, import_promises3.mkdir)(target, { recursive: true });
      else if (type === "file") {
        await (0, import_promises3.mkdir)((0, import_node_path3.dirname)(target), { recursive: true });
        if (failure) throw failure;
        await writeEntry(entry, target, (mode ?? 420) & 493);
        continue;
      } else if (type === "symlink" && linkname) {
        const link = { name, target, linkname };
        checkLinkText(root, link);
        links.push(link);
      }
      entry.resume();
    }
    await writing;
  } catch (err) {
    archive.destroy();
    throw failure ?? err;
  }
  await makeLinks(root, links);
}
function sizeBound(maxBytes, what) {
  let seen = 0;
  return new import_node_stream.Transform({
    transform(chunk, _enc, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new Error(`${what} is larger than serve.max-model-size (${maxBytes} bytes)`));
      else done(null, chunk);
    }
  });
}
async function openArchive(uri, deps) {
  if (!uri.startsWith("s3://")) return (0, import_node_fs.createReadStream)(uri);
  if (!deps.s3) throw new Error(`No S3 client to download ${uri}`);
  const { GetObjectCommand } = await Promise.resolve().then(() => require("./dist-es-6PQYVZUJ.js"));
  const { bucket, key } = (0, import_chunk_SZ5DK7JW.parseS3Uri)(uri);
  const client = await deps.s3(deps.region);
  const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), {
    abortSignal: deps.signal
  });
  if (answer.ContentLength !== void 0 && answer.ContentLength > deps.maxBytes) {
    answer.Body?.destroy();
    throw new Error(
      `${uri} is ${answer.ContentLength} bytes, larger than serve.max-model-size (${deps.maxBytes} bytes)`
    );
  }
  if (!(answer.Body instanceof import_node_stream.Readable)) throw new Error(`${uri}: S3 answered without a body`);
  return answer.Body;
}
async function extractModel(uri, deps) {
  const dir = await (0, import_promises2.mkdtemp)((0, import_node_path2.join)((0, import_node_os.tmpdir)(), "sagemaker-train-model-"));
  const remove = () => (0, import_promises2.rm)(dir, { recursive: true, force: true });
  try {
    await extractInto(dir, await openArchive(uri, deps), sizeBound(deps.maxBytes, uri));
    return { dir, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}
var PING_EVERY_MS = 25;
var PING_TIMEOUT_MS = 2e3;
var LOG_LINES = 30;
var ServeFailure = class extends Error {
};
function abortableSleep(signal) {
  return (ms) => new Promise((done) => {
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      done();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener("abort", finish, { once: true });
  });
}
var ServeCancelled = class extends ServeFailure {
};
function stopIfCancelled(signal, during) {
  if (signal.aborted) throw new ServeCancelled(`the run was cancelled ${during}`);
}
async function exited(docker, id) {
  const state = await (0, import_chunk_LZV2YA6E.containerState)(docker, id);
  if (state.running) return void 0;
  return new ServeFailure(`the container exited with code ${state.exitCode ?? "?"} before /ping answered 200`);
}
async function waitForPing(docker, serving, spec, deps) {
  const port = serving.port;
  if (port === void 0)
    throw await exited(docker, serving.id) ?? new ServeFailure("the engine did not publish port 8080");
  const now = deps.now ?? (() => performance.now());
  const sleep = deps.sleep ?? abortableSleep(deps.signal);
  const started = now();
  const deadline = started + spec.pingTimeoutSeconds * 1e3;
  let last = "no answer";
  for (; ; ) {
    stopIfCancelled(deps.signal, "while the serve test waited for /ping");
    try {
      const answer = await exchange({
        port,
        method: "GET",
        path: "/ping",
        timeoutMs: PING_TIMEOUT_MS,
        signal: deps.signal
      });
      if (answer.status === 200) return now() - started;
      last = `status ${answer.status}`;
    } catch (err) {
      stopIfCancelled(deps.signal, "while the serve test waited for /ping");
      last = (0, import_chunk_OEPHYHQN.messageOf)(err);
      const gone = await exited(docker, serving.id);
      if (gone) throw gone;
    }
    if (now() >= deadline)
      throw new ServeFailure(`GET /ping did not answer 200 within ${spec.pingTimeoutSeconds} s (last: ${last})`);
    await sleep(PING_EVERY_MS);
  }
}
async function sendSample(port, sample, spec) {
  const name = (0, import_node_path.basename)(sample.file);
  const body = await (0, import_promises.readFile)(sample.file);
  try {
    const answer = await exchange({
      port,
      method: "POST",
      path: "/invocations",
      headers: { "content-type": sample.contentType, accept: sample.accept },
      body,
      timeoutMs: spec.invocationTimeoutSeconds * 1e3
    });
    const text = answer.body.toString("utf8");
    const wrongStatus = answer.status !== sample.expectStatus ? `status ${answer.status}, expected ${sample.expectStatus}` : void 0;
    const note = wrongStatus ?? (sample.match ? mismatch(sample.match, text) : void 0);
    return { name, status: answer.status, latencyMs: answer.latencyMs, passed: !note, ...note ? { note } : {} };
  } catch (err) {
    return { name, passed: false, note: `POST /invocations failed: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}` };
  }
}
async function engineOf(docker) {
  return typeof docker === "function" ? docker() : docker;
}
async function ensureImage(docker, imageUri, deps) {
  try {
    await docker.getImage(imageUri).inspect();
  } catch {
    if (!deps.pullImage) throw new ServeFailure(`the engine has no image ${imageUri} and cannot pull it`);
    await deps.pullImage(imageUri);
  }
}
function extractServedModel(request2, artifacts, deps) {
  return extractModel(artifacts, {
    region: request2.region,
    maxBytes: request2.serve.maxModelBytes,
    signal: deps.signal,
    ...deps.s3 ? { s3: deps.s3 } : {}
  }).catch((err) => {
    throw new ServeFailure(`the model could not be read: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
  });
}
async function runServeTest(request2, result, deps) {
  const spec = request2.serve;
  if (!result.modelArtifacts)
    return { passed: false, reason: "the run left no model.tar.gz to serve", samples: [], logTail: [] };
  const docker = await engineOf(deps.docker);
  let model;
  let id;
  const samples = [];
  try {
    model = await extractServedModel(request2, result.modelArtifacts, deps);
    await ensureImage(docker, result.imageUri, deps);
    stopIfCancelled(deps.signal, "before the serve test started its container");
    const serving = await (0, import_chunk_LZV2YA6E.startServing)(
      docker,
      {
        name: `${result.jobName}-serve`.slice(0, 128),
        imageUri: result.imageUri,
        modelDir: model.dir,
        region: request2.region,
        environment: spec.environment,
        jobName: result.jobName
      },
      (created) => {
        id = created;
        deps.onState?.("serve-container", created);
      }
    );
    const pingMs = await waitForPing(docker, serving, spec, deps);
    const port = serving.port ?? 0;
    deps.logger.info(`Serving: /ping answered 200 after ${Math.round(pingMs)} ms`);
    for (const sample of spec.samples) {
      stopIfCancelled(deps.signal, "while the serve test sent its samples");
      samples.push(await sendSample(port, sample, spec));
    }
    const failed = samples.find((s) => !s.passed);
    if (!failed) return { passed: true, pingMs, samples, logTail: [] };
    const logTail = await (0, import_chunk_LZV2YA6E.lastLogLines)(docker, serving.id, LOG_LINES);
    return { passed: false, reason: `${failed.name}: ${failed.note ?? "failed"}`, pingMs, samples, logTail };
  } catch (err) {
    const logTail = id ? await (0, import_chunk_LZV2YA6E.lastLogLines)(docker, id, LOG_LINES) : [];
    if (!(err instanceof ServeFailure))
      deps.logger.debug(err instanceof Error && err.stack ? err.stack : (0, import_chunk_OEPHYHQN.messageOf)(err));
    const cancelled = err instanceof ServeCancelled ? { cancelled: true } : {};
    return { passed: false, reason: (0, import_chunk_OEPHYHQN.messageOf)(err), samples, logTail, ...cancelled };
  } finally {
    if (id) {
      await (0, import_chunk_LZV2YA6E.removeServing)(docker, id, deps.logger);
      deps.onState?.("serve-container", "");
    }
    await model?.remove();
  }
}
async function defaultEcr(region) {
  const { ECRClient } = await Promise.resolve().then(() => require("./dist-es-Y4I2DWOL.js"));
  return new ECRClient((0, import_chunk_ZIWWOMLH.clientConfig)(region));
}
async function pullImage(imageUri, deps) {
  const host = imageUri.split("/")[0] ?? "";
  const registry = (0, import_chunk_CMKMZ7VG.parseEcrHost)(host);
  let authconfig = { serveraddress: host };
  if (registry) {
    const { ecrCredentials } = await Promise.resolve().then(() => require("./ecr-DS6MNWZC.js"));
    const credentials = await ecrCredentials({
      client: await (deps.ecr ?? defaultEcr)(registry.region),
      registry,
      mask: (secret) => deps.logger.mask?.(secret)
    });
    authconfig = { ...credentials, serveraddress: host };
  }
  const docker = await deps.docker();
  const stream = await docker.pull(imageUri, { authconfig });
  await new Promise(
    (resolve2, reject) => docker.modem.followProgress(
      stream,
      (err) => err ? reject(err instanceof Error ? err : new Error(JSON.stringify(err))) : resolve2()
    )
  );
  deps.logger.info(`Pulled ${imageUri} for the serve test`);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  SERVE_LABEL,
  SERVE_PORT,
  cleanupServe,
  hostingEnv,
  pullImage,
  runServeTest,
  serveContainerOptions
});
