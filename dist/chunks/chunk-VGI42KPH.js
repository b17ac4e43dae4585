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
var chunk_VGI42KPH_exports = {};
__export(chunk_VGI42KPH_exports, {
  RegistryClient: () => RegistryClient,
  RegistryError: () => RegistryError,
  engineOf: () => engineOf,
  signalOf: () => signalOf
});
module.exports = __defProp(chunk_VGI42KPH_exports, "__esModule", { value: true });
var import_node_stream = require("node:stream");
var import_promises = require("node:stream/promises");
function engineOf(opts) {
  let engine;
  return () => engine ??= typeof opts.docker === "function" ? opts.docker() : Promise.resolve(opts.docker);
}
function signalOf(opts) {
  return opts.signal ? { signal: opts.signal } : {};
}
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var IDLE_MS = 3e5;
function plainHeaders(headers) {
  if (headers === void 0) return {};
  if (Array.isArray(headers)) return Object.fromEntries(headers.map(([k = "", v = ""]) => [k, v]));
  if (Object.getPrototypeOf(headers) === Object.prototype) return { ...headers };
  return void 0;
}
function bodyOf(body) {
  if (body === void 0 || body === null) return {};
  if (Buffer.isBuffer(body)) return { body };
  if (body instanceof ReadableStream) return { body };
  return void 0;
}
function collect(res) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    res.on("data", (chunk) => chunks.push(chunk));
    res.once("end", () => resolve(Buffer.concat(chunks)));
    res.once("error", reject);
  });
}
function responseOf(res) {
  const status = res.statusCode ?? 0;
  const bytes = collect(res);
  bytes.catch(() => void 0);
  const read = () => bytes;
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get: (name) => {
        const value = res.headers[name.toLowerCase()];
        return value === void 0 ? null : Array.isArray(value) ? value.join(", ") : value;
      }
    },
    text: async () => (await read()).toString("utf8"),
    json: async () => JSON.parse((await read()).toString("utf8")),
    arrayBuffer: async () => {
      const buffer = await read();
      return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    },
    body: {
      cancel: () => read().then(
        () => void 0,
        () => void 0
      )
    }
  };
}
async function exchange(send, body) {
  const req = send();
  req.setTimeout(IDLE_MS, () => req.destroy(new Error(`no answer for ${IDLE_MS / 1e3} s`)));
  const answered = new Promise((resolve, reject) => {
    req.once("response", resolve);
    req.once("error", reject);
  });
  if (body === void 0) req.end();
  else if (Buffer.isBuffer(body)) req.end(body);
  else {
    (0, import_promises.pipeline)(import_node_stream.Readable.from(body), req).catch((err) => req.destroy(err));
  }
  return answered;
}
var registryFetch = async (input, init = {}) => {
  const url = new URL(input);
  const headers = plainHeaders(init.headers);
  const body = bodyOf(init.body);
  const plain = (url.protocol === "http:" || url.protocol === "https:") && (init.redirect ?? "follow") === "follow";
  if (!plain || !headers || !body) return fetch(input, init);
  const { request } = url.protocol === "https:" ? await Promise.resolve().then(() => __toESM(require("node:https"))) : await Promise.resolve().then(() => __toESM(require("node:http")));
  const options = {
    method: init.method ?? "GET",
    headers,
    ...init.signal ? { signal: init.signal } : {}
  };
  const res = await exchange(() => request(url, options), body.body);
  if (!REDIRECTS.has(res.statusCode ?? 0) || !res.headers.location) return responseOf(res);
  res.resume();
  if (body.body !== void 0 && !Buffer.isBuffer(body.body)) {
    throw new TypeError(
      `${url.origin} redirected a streamed upload (HTTP ${res.statusCode}), which cannot be sent again`
    );
  }
  return fetch(input, init);
};
var MANIFEST_ACCEPT = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
].join(", ");
function isInsecureByDefault(host) {
  const name = host.replace(/:\d+$/, "");
  return name === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(name) || name === "[::1]";
}
var RegistryError = class extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
    this.name = "RegistryError";
  }
  status;
};
function parseChallenge(header) {
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!match) return void 0;
  const params = {};
  const re = /(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let m = re.exec(match[2] ?? ""); m; m = re.exec(match[2] ?? "")) {
    params[(m[1] ?? "").toLowerCase()] = m[2] !== void 0 ? m[2].replace(/\\(.)/g, "$1") : m[3] ?? "";
  }
  return { scheme: (match[1] ?? "").toLowerCase(), params };
}
function basic(credentials) {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}
function messageOf(err) {
  if (err instanceof Error) {
    const cause = err.cause;
    return cause instanceof Error ? `${err.message} (${cause.message})` : err.message;
  }
  return String(err);
}
var RegistryClient = class {
  constructor(options) {
    this.options = options;
    const insecure = options.insecure ?? isInsecureByDefault(options.host);
    const apiHost = ["docker.io", "index.docker.io"].includes(options.host) ? "registry-1.docker.io" : options.host;
    this.base = `${insecure ? "http" : "https"}://${apiHost}`;
    this.fetch = options.fetch ?? registryFetch;
  }
  options;
  base;
  fetch;
  authorization;
  /** The digest `name:reference` points to, or undefined when the registry does not have it. */
  async manifestDigest(name, reference) {
    const url = `${this.base}/v2/${name}/manifests/${encodeURIComponent(reference)}`;
    const response = await this.request(url, "HEAD", name);
    if (response.status === 404) return void 0;
    if (response.ok) {
      const digest = response.headers.get("docker-content-digest");
      if (!digest) throw new RegistryError(`${this.options.host} answered ${name}:${reference} without a digest`);
      return digest;
    }
    throw new RegistryError(
      `${this.options.host} answered HTTP ${response.status} for ${name}:${reference}`,
      response.status
    );
  }
  /**
   * Gives the manifest `digest` a second tag through the API (GET it, PUT it under `tag`): what `docker tag` + `docker
   * push` would do, without the engine walking the layers again.
   */
  async tagManifest(name, digest, tag) {
    const base = `${this.base}/v2/${name}/manifests/`;
    const got = await this.request(`${base}${digest}`, "GET", name);
    if (!got.ok) throw new RegistryError(`${this.options.host} answered HTTP ${got.status} for ${name}@${digest}`);
    const type = got.headers.get("content-type") ?? "application/vnd.docker.distribution.manifest.v2+json";
    const body = Buffer.from(await got.arrayBuffer());
    const put = await this.request(`${base}${encodeURIComponent(tag)}`, "PUT", name, { type, body });
    if (!put.ok) {
      const detail = (await put.text().catch(() => "")).trim().slice(0, 300);
      throw new RegistryError(
        `${this.options.host} refused the tag ${name}:${tag} (HTTP ${put.status})${detail ? `: ${detail}` : ""}`,
        put.status
      );
    }
  }
  /**
   * Opens the connection while other work goes on (the first request of a process also loads the HTTP client): a
   * `GET /v2/`, its answer unread and any failure left to the requests that matter.
   */
  warmUp() {
    Promise.resolve().then(() => this.fetch(`${this.base}/v2/`, this.options.signal ? { signal: this.options.signal } : {})).then((response) => response.body?.cancel()).catch(() => void 0);
  }
  /** The registry's base URL (`http(s)://host`). */
  get baseUrl() {
    return this.base;
  }
  /** The registry's host, as configured. */
  get host() {
    return this.options.host;
  }
  async request(url, method, name, upload) {
    return this.send(url, method, name, upload ? { type: upload.type, body: upload.body, push: true } : {});
  }
  /**
   * One request of the API, answering an authentication challenge once. A streamed body cannot be sent twice: send
   * something without one first (the upload's POST), so the token is in hand when the stream goes.
   */
  async send(url, method, name, opts = {}) {
    const send = (authorization) => this.fetch(url, {
      method,
      headers: {
        Accept: MANIFEST_ACCEPT,
        ...opts.type ? { "Content-Type": opts.type } : {},
        ...opts.length !== void 0 ? { "Content-Length": String(opts.length) } : {},
        ...authorization ? { Authorization: authorization } : {}
      },
      ...opts.body ? { body: opts.body, duplex: "half" } : {},
      redirect: "follow",
      ...this.options.signal ? { signal: this.options.signal } : {}
    }).catch((err) => {
      throw new RegistryError(`Cannot reach the registry ${this.options.host}: ${messageOf(err)}`);
    });
    let response = await send(this.authorization);
    if (response.status !== 401) return response;
    if (opts.body && !Buffer.isBuffer(opts.body)) {
      throw this.authError(name, "it asked to authenticate again in the middle of an upload");
    }
    const challenge = parseChallenge(response.headers.get("www-authenticate") ?? "");
    if (challenge?.scheme === "bearer") this.authorization = await this.bearer(challenge, name, opts.push === true);
    else if (challenge?.scheme === "basic") {
      if (!this.options.credentials) throw this.authError(name, "it asks for a user name and password");
      this.authorization = basic(this.options.credentials);
    } else throw this.authError(name, "it refused the request without saying how to authenticate");
    response = await send(this.authorization);
    if (response.status === 401 || response.status === 403) {
      throw this.authError(
        name,
        this.options.credentials ? "it refused the credentials given" : "it needs credentials",
        response.status
      );
    }
    return response;
  }
  /** The token flow: GET realm?service=…&scope=repository:<name>:pull(,push), with Basic credentials if any. */
  async bearer(challenge, name, push = false) {
    const realm = challenge.params.realm;
    if (!realm) throw this.authError(name, "its Bearer challenge names no token service");
    const url = new URL(realm);
    if (challenge.params.service) url.searchParams.set("service", challenge.params.service);
    url.searchParams.set("scope", challenge.params.scope ?? `repository:${name}:${push ? "pull,push" : "pull"}`);
    const response = await this.fetch(url, {
      headers: this.options.credentials ? { Authorization: basic(this.options.credentials) } : {},
      ...this.options.signal ? { signal: this.options.signal } : {}
    }).catch((err) => {
      throw new RegistryError(`Cannot reach the token service ${url.origin}: ${messageOf(err)}`);
    });
    if (response.status === 401 || response.status === 403) {
      throw this.authError(name, "its token service refused the credentials given", response.status);
    }
    if (!response.ok) {
      throw new RegistryError(`The token service ${url.origin} answered HTTP ${response.status}`, response.status);
    }
    const body = await response.json().catch(() => ({}));
    const token = typeof body.token === "string" ? body.token : body.access_token;
    if (typeof token !== "string" || token === "") {
      throw new RegistryError(`The token service ${url.origin} returned no token`);
    }
    this.options.mask?.(token);
    return `Bearer ${token}`;
  }
  authError(name, why, status = 401) {
    const hint = this.options.credentials ? "" : " (set image.registry-username and image.registry-password-env, or the registry-username and registry-password inputs)";
    return new RegistryError(
      `Authentication to the registry ${this.options.host} failed for ${name}: ${why}${hint}`,
      status
    );
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  RegistryClient,
  RegistryError,
  engineOf,
  signalOf
});
