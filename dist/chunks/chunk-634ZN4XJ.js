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
var chunk_634ZN4XJ_exports = {};
__export(chunk_634ZN4XJ_exports, {
  ConfigError: () => ConfigError,
  DEFAULT_CONFIG_FILE: () => DEFAULT_CONFIG_FILE,
  OVERRIDES: () => OVERRIDES,
  loadConfig: () => loadConfig,
  overridesFromFlags: () => overridesFromFlags,
  overridesFromInputs: () => overridesFromInputs,
  suggest: () => suggest
});
module.exports = __defProp(chunk_634ZN4XJ_exports, "__esModule", { value: true });
var import_chunk_YJLFLQOZ = require("./chunk-YJLFLQOZ.js");
var import_chunk_SZ5DK7JW = require("./chunk-SZ5DK7JW.js");
var import_chunk_OKR6MCXK = require("./chunk-OKR6MCXK.js");
var import_chunk_UO73Q2OA = require("./chunk-UO73Q2OA.js");
var import_chunk_HIONJ6JB = require("./chunk-HIONJ6JB.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_node_fs = require("node:fs");
var import_promises = require("node:fs/promises");
var import_node_path = __toESM(require("node:path"));
var import_node_path2 = __toESM(require("node:path"));
var import_node_path3 = __toESM(require("node:path"));
var import_node_path4 = __toESM(require("node:path"));
var import_node_path5 = __toESM(require("node:path"));
var ConfigError = class extends Error {
  issues;
  constructor(issues) {
    super(formatIssues(issues));
    this.name = "ConfigError";
    this.issues = issues;
  }
};
function formatIssues(issues) {
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  return [`Invalid configuration (${count}):`, ...issues.map((i) => `- ${i.where}: ${i.message}`)].join("\n");
}
var IssueList = class {
  items = [];
  add(where, message) {
    this.items.push({ where, message });
  }
  get empty() {
    return this.items.length === 0;
  }
  throwIfAny() {
    if (this.items.length > 0) throw new ConfigError(this.items);
  }
};
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from(
    { length: rows },
    (_, i) => Array.from({ length: cols }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  const at = (i, j) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    const row = d[i];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}
function normalise(name) {
  return name.toLowerCase().replace(/[-_\s.]/g, "");
}
function suggest(name, candidates) {
  const wanted = normalise(name);
  let best;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalise(candidate));
    if (best === void 0 || distance < best.distance) best = { candidate, distance };
  }
  if (best === void 0) return void 0;
  const allowed = Math.max(1, Math.min(3, Math.floor(Math.max(wanted.length, 3) / 3)));
  return best.distance <= allowed ? best.candidate : void 0;
}
function didYouMean(name, candidates) {
  const match = suggest(name, candidates);
  return match === void 0 ? "" : ` (did you mean "${match}"?)`;
}
var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
function isCollection(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case MAP:
      case SEQ:
        return true;
    }
  return false;
}
function isNode(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case ALIAS:
      case MAP:
      case SCALAR:
      case SEQ:
        return true;
    }
  return false;
}
var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
var BREAK = /* @__PURE__ */ Symbol("break visit");
var SKIP = /* @__PURE__ */ Symbol("skip children");
var REMOVE = /* @__PURE__ */ Symbol("remove node");
function visit(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    visit_(null, node, visitor_, Object.freeze([]));
}
visit.BREAK = BREAK;
visit.SKIP = SKIP;
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path6) {
  const ctrl = callVisitor(key, node, visitor, path6);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path6, ctrl);
    return visit_(key, ctrl, visitor, path6);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path6 = Object.freeze(path6.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = visit_(i, node.items[i], visitor, path6);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path6 = Object.freeze(path6.concat(node));
      const ck = visit_("key", node.key, visitor, path6);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = visit_("value", node.value, visitor, path6);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
async function visitAsync(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    await visitAsync_(null, node, visitor_, Object.freeze([]));
}
visitAsync.BREAK = BREAK;
visitAsync.SKIP = SKIP;
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path6) {
  const ctrl = await callVisitor(key, node, visitor, path6);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path6, ctrl);
    return visitAsync_(key, ctrl, visitor, path6);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path6 = Object.freeze(path6.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = await visitAsync_(i, node.items[i], visitor, path6);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path6 = Object.freeze(path6.concat(node));
      const ck = await visitAsync_("key", node.key, visitor, path6);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = await visitAsync_("value", node.value, visitor, path6);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
function initVisitor(visitor) {
  if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
    return Object.assign({
      Alias: visitor.Node,
      Map: visitor.Node,
      Scalar: visitor.Node,
      Seq: visitor.Node
    }, visitor.Value && {
      Map: visitor.Value,
      Scalar: visitor.Value,
      Seq: visitor.Value
    }, visitor.Collection && {
      Map: visitor.Collection,
      Seq: visitor.Collection
    }, visitor);
  }
  return visitor;
}
function callVisitor(key, node, visitor, path6) {
  if (typeof visitor === "function")
    return visitor(key, node, path6);
  if (isMap(node))
    return visitor.Map?.(key, node, path6);
  if (isSeq(node))
    return visitor.Seq?.(key, node, path6);
  if (isPair(node))
    return visitor.Pair?.(key, node, path6);
  if (isScalar(node))
    return visitor.Scalar?.(key, node, path6);
  if (isAlias(node))
    return visitor.Alias?.(key, node, path6);
  return void 0;
}
function replaceNode(key, path6, node) {
  const parent = path6[path6.length - 1];
  if (isCollection(parent)) {
    parent.items[key] = node;
  } else if (isPair(parent)) {
    if (key === "key")
      parent.key = node;
    else
      parent.value = node;
  } else if (isDocument(parent)) {
    parent.contents = node;
  } else {
    const pt = isAlias(parent) ? "alias" : "scalar";
    throw new Error(`Cannot replace node with ${pt} parent`);
  }
}
var escapeChars = {
  "!": "%21",
  ",": "%2C",
  "[": "%5B",
  "]": "%5D",
  "{": "%7B",
  "}": "%7D"
};
var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
var Directives = class _Directives {
  constructor(yaml, tags) {
    this.docStart = null;
    this.docEnd = false;
    this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
    this.tags = Object.assign({}, _Directives.defaultTags, tags);
  }
  clone() {
    const copy = new _Directives(this.yaml, this.tags);
    copy.docStart = this.docStart;
    return copy;
  }
  /**
   * During parsing, get a Directives instance for the current document and
   * update the stream state according to the current version's spec.
   */
  atDocument() {
    const res = new _Directives(this.yaml, this.tags);
    switch (this.yaml.version) {
      case "1.1":
        this.atNextDocument = true;
        break;
      case "1.2":
        this.atNextDocument = false;
        this.yaml = {
          explicit: _Directives.defaultYaml.explicit,
          version: "1.2"
        };
        this.tags = Object.assign({}, _Directives.defaultTags);
        break;
    }
    return res;
  }
  /**
   * @param onError - May be called even if the action was successful
   * @returns `true` on success
   */
  add(line, onError) {
    if (this.atNextDocument) {
      this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
      this.tags = Object.assign({}, _Directives.defaultTags);
      this.atNextDocument = false;
    }
    const parts = line.trim().split(/[ \t]+/);
    const name = parts.shift();
    switch (name) {
      case "%TAG": {
        if (parts.length !== 2) {
          onError(0, "%TAG directive should contain exactly two parts");
          if (parts.length < 2)
            return false;
        }
        const [handle, prefix] = parts;
        this.tags[handle] = prefix;
        return true;
      }
      case "%YAML": {
        this.yaml.explicit = true;
        if (parts.length !== 1) {
          onError(0, "%YAML directive should contain exactly one part");
          return false;
        }
        const [version] = parts;
        if (version === "1.1" || version === "1.2") {
          this.yaml.version = version;
          return true;
        } else {
          const isValid = /^\d+\.\d+$/.test(version);
          onError(6, `Unsupported YAML version ${version}`, isValid);
          return false;
        }
      }
      default:
        onError(0, `Unknown directive ${name}`, true);
        return false;
    }
  }
  /**
   * Resolves a tag, matching handles to those defined in %TAG directives.
   *
   * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
   *   `'!local'` tag, or `null` if unresolvable.
   */
  tagName(source, onError) {
    if (source === "!")
      return "!";
    if (source[0] !== "!") {
      onError(`Not a valid tag: ${source}`);
      return null;
    }
    if (source[1] === "<") {
      const verbatim = source.slice(2, -1);
      if (verbatim === "!" || verbatim === "!!") {
        onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
        return null;
      }
      if (source[source.length - 1] !== ">")
        onError("Verbatim tags must end with a >");
      return verbatim;
    }
    const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
    if (!suffix)
      onError(`The ${source} tag has no suffix`);
    const prefix = this.tags[handle];
    if (prefix) {
      try {
        return prefix + decodeURIComponent(suffix);
      } catch (error) {
        onError(String(error));
        return null;
      }
    }
    if (handle === "!")
      return source;
    onError(`Could not resolve tag: ${source}`);
    return null;
  }
  /**
   * Given a fully resolved tag, returns its printable string form,
   * taking into account current tag prefixes and defaults.
   */
  tagString(tag) {
    for (const [handle, prefix] of Object.entries(this.tags)) {
      if (tag.startsWith(prefix))
        return handle + escapeTagName(tag.substring(prefix.length));
    }
    return tag[0] === "!" ? tag : `!<${tag}>`;
  }
  toString(doc) {
    const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
    const tagEntries = Object.entries(this.tags);
    let tagNames;
    if (doc && tagEntries.length > 0 && isNode(doc.contents)) {
      const tags = {};
      visit(doc.contents, (_key, node) => {
        if (isNode(node) && node.tag)
          tags[node.tag] = true;
      });
      tagNames = Object.keys(tags);
    } else
      tagNames = [];
    for (const [handle, prefix] of tagEntries) {
      if (handle === "!!" && prefix === "tag:yaml.org,2002:")
        continue;
      if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
        lines.push(`%TAG ${handle} ${prefix}`);
    }
    return lines.join("\n");
  }
};
Directives.defaultYaml = { explicit: false, version: "1.2" };
Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
function anchorIsValid(anchor) {
  if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
    const sa = JSON.stringify(anchor);
    const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
    throw new Error(msg);
  }
  return true;
}
function anchorNames(root) {
  const anchors = /* @__PURE__ */ new Set();
  visit(root, {
    Value(_key, node) {
      if (node.anchor)
        anchors.add(node.anchor);
    }
  });
  return anchors;
}
function findNewAnchor(prefix, exclude) {
  for (let i = 1; true; ++i) {
    const name = `${prefix}${i}`;
    if (!exclude.has(name))
      return name;
  }
}
function createNodeAnchors(doc, prefix) {
  const aliasObjects = [];
  const sourceObjects = /* @__PURE__ */ new Map();
  let prevAnchors = null;
  return {
    onAnchor: (source) => {
      aliasObjects.push(source);
      prevAnchors ?? (prevAnchors = anchorNames(doc));
      const anchor = findNewAnchor(prefix, prevAnchors);
      prevAnchors.add(anchor);
      return anchor;
    },
    /**
     * With circular references, the source node is only resolved after all
     * of its child nodes are. This is why anchors are set only after all of
     * the nodes have been created.
     */
    setAnchors: () => {
      for (const source of aliasObjects) {
        const ref = sourceObjects.get(source);
        if (typeof ref === "object" && ref.anchor && (isScalar(ref.node) || isCollection(ref.node))) {
          ref.node.anchor = ref.anchor;
        } else {
          const error = new Error("Failed to resolve repeated object (this should not happen)");
          error.source = source;
          throw error;
        }
      }
    },
    sourceObjects
  };
}
function applyReviver(reviver, obj, key, val) {
  if (val && typeof val === "object") {
    if (Array.isArray(val)) {
      for (let i = 0, len = val.length; i < len; ++i) {
        const v0 = val[i];
        const v1 = applyReviver(reviver, val, String(i), v0);
        if (v1 === void 0)
          delete val[i];
        else if (v1 !== v0)
          val[i] = v1;
      }
    } else if (val instanceof Map) {
      for (const k of Array.from(val.keys())) {
        const v0 = val.get(k);
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          val.delete(k);
        else if (v1 !== v0)
          val.set(k, v1);
      }
    } else if (val instanceof Set) {
      for (const v0 of Array.from(val)) {
        const v1 = applyReviver(reviver, val, v0, v0);
        if (v1 === void 0)
          val.delete(v0);
        else if (v1 !== v0) {
          val.delete(v0);
          val.add(v1);
        }
      }
    } else {
      for (const [k, v0] of Object.entries(val)) {
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          delete val[k];
        else if (v1 !== v0)
          val[k] = v1;
      }
    }
  }
  return reviver.call(obj, key, val);
}
function toJS(value, arg, ctx) {
  if (Array.isArray(value))
    return value.map((v, i) => toJS(v, String(i), ctx));
  if (value && typeof value.toJSON === "function") {
    if (!ctx || !hasAnchor(value))
      return value.toJSON(arg, ctx);
    const data = { aliasCount: 0, count: 1, res: void 0 };
    ctx.anchors.set(value, data);
    ctx.onCreate = (res2) => {
      data.res = res2;
      delete ctx.onCreate;
    };
    const res = value.toJSON(arg, ctx);
    if (ctx.onCreate)
      ctx.onCreate(res);
    return res;
  }
  if (typeof value === "bigint" && !ctx?.keep)
    return Number(value);
  return value;
}
var NodeBase = class {
  constructor(type) {
    Object.defineProperty(this, NODE_TYPE, { value: type });
  }
  /** Create a copy of this node.  */
  clone() {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** A plain JavaScript representation of this node. */
  toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    if (!isDocument(doc))
      throw new TypeError("A document argument is required");
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc,
      keep: true,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this, "", ctx);
    if (typeof onAnchor === "function")
      for (const { count, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
};
var Alias = class extends NodeBase {
  constructor(source) {
    super(ALIAS);
    this.source = source;
    Object.defineProperty(this, "tag", {
      set() {
        throw new Error("Alias nodes cannot have tags");
      }
    });
  }
  /**
   * Resolve the value of this alias within `doc`, finding the last
   * instance of the `source` anchor before this node.
   */
  resolve(doc, ctx) {
    if (ctx?.maxAliasCount === 0)
      throw new ReferenceError("Alias resolution is disabled");
    let nodes;
    if (ctx?.aliasResolveCache) {
      nodes = ctx.aliasResolveCache;
    } else {
      nodes = [];
      visit(doc, {
        Node: (_key, node) => {
          if (isAlias(node) || hasAnchor(node))
            nodes.push(node);
        }
      });
      if (ctx)
        ctx.aliasResolveCache = nodes;
    }
    let found = void 0;
    for (const node of nodes) {
      if (node === this)
        break;
      if (node.anchor === this.source)
        found = node;
    }
    if (found && ctx) {
      const { anchors, doc: doc2, maxAliasCount } = ctx;
      let data = anchors.get(found);
      if (!data) {
        toJS(found, null, ctx);
        data = anchors.get(found);
      }
      if (data?.res === void 0) {
        const msg = "This should not happen: Alias anchor was not resolved?";
        throw new ReferenceError(msg);
      }
      if (maxAliasCount >= 0) {
        data.count += 1;
        if (data.aliasCount === 0)
          data.aliasCount = getAliasCount(doc2, found, anchors);
        if (data.count * data.aliasCount > maxAliasCount) {
          const msg = "Excessive alias count indicates a resource exhaustion attack";
          throw new ReferenceError(msg);
        }
      }
    }
    return found;
  }
  toJSON(_arg, ctx) {
    if (!ctx)
      return { source: this.source };
    const source = this.resolve(ctx.doc, ctx);
    if (!source) {
      const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
      throw new ReferenceError(msg);
    }
    return ctx.anchors.get(source).res;
  }
  toString(ctx, _onComment, _onChompKeep) {
    const src = `*${this.source}`;
    if (ctx) {
      anchorIsValid(this.source);
      if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
        const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
        throw new Error(msg);
      }
      if (ctx.implicitKey)
        return `${src} `;
    }
    return src;
  }
};
function getAliasCount(doc, node, anchors) {
  if (isAlias(node)) {
    const source = node.resolve(doc);
    const anchor = anchors && source && anchors.get(source);
    return anchor ? anchor.count * anchor.aliasCount : 0;
  } else if (isCollection(node)) {
    let count = 0;
    for (const item of node.items) {
      const c = getAliasCount(doc, item, anchors);
      if (c > count)
        count = c;
    }
    return count;
  } else if (isPair(node)) {
    const kc = getAliasCount(doc, node.key, anchors);
    const vc = getAliasCount(doc, node.value, anchors);
    return Math.max(kc, vc);
  }
  return 1;
}
var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
var Scalar = class extends NodeBase {
  constructor(value) {
    super(SCALAR);
    this.value = value;
  }
  toJSON(arg, ctx) {
    return ctx?.keep ? this.value : toJS(this.value, arg, ctx);
  }
  toString() {
    return String(this.value);
  }
};
Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
Scalar.PLAIN = "PLAIN";
Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
var defaultTagPrefix = "tag:yaml.org,2002:";
function findTagObject(value, tagName, tags) {
  if (tagName) {
    const match = tags.filter((t) => t.tag === tagName);
    const tagObj = match.find((t) => !t.format) ?? match[0];
    if (!tagObj)
      throw new Error(`Tag ${tagName} not found`);
    return tagObj;
  }
  return tags.find((t) => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
  if (isDocument(value))
    value = value.contents;
  if (isNode(value))
    return value;
  if (isPair(value)) {
    const map2 = ctx.schema[MAP].createNode?.(ctx.schema, null, ctx);
    map2.items.push(value);
    return map2;
  }
  if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
    value = value.valueOf();
  }
  const { aliasDuplicateObjects, onAnchor, onTagObj, schema: schema4, sourceObjects } = ctx;
  let ref = void 0;
  if (aliasDuplicateObjects && value && typeof value === "object") {
    ref = sourceObjects.get(value);
    if (ref) {
      ref.anchor ?? (ref.anchor = onAnchor(value));
      return new Alias(ref.anchor);
    } else {
      ref = { anchor: null, node: null };
      sourceObjects.set(value, ref);
    }
  }
  if (tagName?.startsWith("!!"))
    tagName = defaultTagPrefix + tagName.slice(2);
  let tagObj = findTagObject(value, tagName, schema4.tags);
  if (!tagObj) {
    if (value && typeof value.toJSON === "function") {
      value = value.toJSON();
    }
    if (!value || typeof value !== "object") {
      const node2 = new Scalar(value);
      if (ref)
        ref.node = node2;
      return node2;
    }
    tagObj = value instanceof Map ? schema4[MAP] : Symbol.iterator in Object(value) ? schema4[SEQ] : schema4[MAP];
  }
  if (onTagObj) {
    onTagObj(tagObj);
    delete ctx.onTagObj;
  }
  const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar(value);
  if (tagName)
    node.tag = tagName;
  else if (!tagObj.default)
    node.tag = tagObj.tag;
  if (ref)
    ref.node = node;
  return node;
}
function collectionFromPath(schema4, path6, value) {
  let v = value;
  for (let i = path6.length - 1; i >= 0; --i) {
    const k = path6[i];
    if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
      const a = [];
      a[k] = v;
      v = a;
    } else {
      v = /* @__PURE__ */ new Map([[k, v]]);
    }
  }
  return createNode(v, void 0, {
    aliasDuplicateObjects: false,
    keepUndefined: false,
    onAnchor: () => {
      throw new Error("This should not happen, please report a bug.");
    },
    schema: schema4,
    sourceObjects: /* @__PURE__ */ new Map()
  });
}
var isEmptyPath = (path6) => path6 == null || typeof path6 === "object" && !!path6[Symbol.iterator]().next().done;
var Collection = class extends NodeBase {
  constructor(type, schema4) {
    super(type);
    Object.defineProperty(this, "schema", {
      value: schema4,
      configurable: true,
      enumerable: false,
      writable: true
    });
  }
  /**
   * Create a copy of this collection.
   *
   * @param schema - If defined, overwrites the original's schema
   */
  clone(schema4) {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (schema4)
      copy.schema = schema4;
    copy.items = copy.items.map((it) => isNode(it) || isPair(it) ? it.clone(schema4) : it);
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /**
   * Adds a value to the collection. For `!!map` and `!!omap` the value must
   * be a Pair instance or a `{ key, value }` object, which may not have a key
   * that already exists in the map.
   */
  addIn(path6, value) {
    if (isEmptyPath(path6))
      this.add(value);
    else {
      const [key, ...rest] = path6;
      const node = this.get(key, true);
      if (isCollection(node))
        node.addIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
  /**
   * Removes a value from the collection.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path6) {
    const [key, ...rest] = path6;
    if (rest.length === 0)
      return this.delete(key);
    const node = this.get(key, true);
    if (isCollection(node))
      return node.deleteIn(rest);
    else
      throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path6, keepScalar) {
    const [key, ...rest] = path6;
    const node = this.get(key, true);
    if (rest.length === 0)
      return !keepScalar && isScalar(node) ? node.value : node;
    else
      return isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
  }
  hasAllNullValues(allowScalar) {
    return this.items.every((node) => {
      if (!isPair(node))
        return false;
      const n = node.value;
      return n == null || allowScalar && isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
    });
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   */
  hasIn(path6) {
    const [key, ...rest] = path6;
    if (rest.length === 0)
      return this.has(key);
    const node = this.get(key, true);
    return isCollection(node) ? node.hasIn(rest) : false;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path6, value) {
    const [key, ...rest] = path6;
    if (rest.length === 0) {
      this.set(key, value);
    } else {
      const node = this.get(key, true);
      if (isCollection(node))
        node.setIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
};
var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
function indentComment(comment, indent) {
  if (/^\n+$/.test(comment))
    return comment.substring(1);
  return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
var FOLD_FLOW = "flow";
var FOLD_BLOCK = "block";
var FOLD_QUOTED = "quoted";
function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
  if (!lineWidth || lineWidth < 0)
    return text;
  if (lineWidth < minContentWidth)
    minContentWidth = 0;
  const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
  if (text.length <= endStep)
    return text;
  const folds = [];
  const escapedFolds = {};
  let end = lineWidth - indent.length;
  if (typeof indentAtStart === "number") {
    if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
      folds.push(0);
    else
      end = lineWidth - indentAtStart;
  }
  let split = void 0;
  let prev = void 0;
  let overflow = false;
  let i = -1;
  let escStart = -1;
  let escEnd = -1;
  if (mode === FOLD_BLOCK) {
    i = consumeMoreIndentedLines(text, i, indent.length);
    if (i !== -1)
      end = i + endStep;
  }
  for (let ch; ch = text[i += 1]; ) {
    if (mode === FOLD_QUOTED && ch === "\\") {
      escStart = i;
      switch (text[i + 1]) {
        case "x":
          i += 3;
          break;
        case "u":
          i += 5;
          break;
        case "U":
          i += 9;
          break;
        default:
          i += 1;
      }
      escEnd = i;
    }
    if (ch === "\n") {
      if (mode === FOLD_BLOCK)
        i = consumeMoreIndentedLines(text, i, indent.length);
      end = i + indent.length + endStep;
      split = void 0;
    } else {
      if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
        const next = text[i + 1];
        if (next && next !== " " && next !== "\n" && next !== "	")
          split = i;
      }
      if (i >= end) {
        if (split) {
          folds.push(split);
          end = split + endStep;
          split = void 0;
        } else if (mode === FOLD_QUOTED) {
          while (prev === " " || prev === "	") {
            prev = ch;
            ch = text[i += 1];
            overflow = true;
          }
          const j = i > escEnd + 1 ? i - 2 : escStart - 1;
          if (escapedFolds[j])
            return text;
          folds.push(j);
          escapedFolds[j] = true;
          end = j + endStep;
          split = void 0;
        } else {
          overflow = true;
        }
      }
    }
    prev = ch;
  }
  if (overflow && onOverflow)
    onOverflow();
  if (folds.length === 0)
    return text;
  if (onFold)
    onFold();
  let res = text.slice(0, folds[0]);
  for (let i2 = 0; i2 < folds.length; ++i2) {
    const fold = folds[i2];
    const end2 = folds[i2 + 1] || text.length;
    if (fold === 0)
      res = `
${indent}${text.slice(0, end2)}`;
    else {
      if (mode === FOLD_QUOTED && escapedFolds[fold])
        res += `${text[fold]}\\`;
      res += `
${indent}${text.slice(fold + 1, end2)}`;
    }
  }
  return res;
}
function consumeMoreIndentedLines(text, i, indent) {
  let end = i;
  let start = i + 1;
  let ch = text[start];
  while (ch === " " || ch === "	") {
    if (i < start + indent) {
      ch = text[++i];
    } else {
      do {
        ch = text[++i];
      } while (ch && ch !== "\n");
      end = i;
      start = i + 1;
      ch = text[start];
    }
  }
  return end;
}
var getFoldOptions = (ctx, isBlock2) => ({
  indentAtStart: isBlock2 ? ctx.indent.length : ctx.indentAtStart,
  lineWidth: ctx.options.lineWidth,
  minContentWidth: ctx.options.minContentWidth
});
var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
  if (!lineWidth || lineWidth < 0)
    return false;
  const limit = lineWidth - indentLength;
  const strLen = str.length;
  if (strLen <= limit)
    return false;
  for (let i = 0, start = 0; i < strLen; ++i) {
    if (str[i] === "\n") {
      if (i - start > limit)
        return true;
      start = i + 1;
      if (strLen - start <= limit)
        return false;
    }
  }
  return true;
}
function doubleQuotedString(value, ctx) {
  const json = JSON.stringify(value);
  if (ctx.options.doubleQuotedAsJSON)
    return json;
  const { implicitKey } = ctx;
  const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  let str = "";
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
      str += json.slice(start, i) + "\\ ";
      i += 1;
      start = i;
      ch = "\\";
    }
    if (ch === "\\")
      switch (json[i + 1]) {
        case "u":
          {
            str += json.slice(start, i);
            const code = json.substr(i + 2, 4);
            switch (code) {
              case "0000":
                str += "\\0";
                break;
              case "0007":
                str += "\\a";
                break;
              case "000b":
                str += "\\v";
                break;
              case "001b":
                str += "\\e";
                break;
              case "0085":
                str += "\\N";
                break;
              case "00a0":
                str += "\\_";
                break;
              case "2028":
                str += "\\L";
                break;
              case "2029":
                str += "\\P";
                break;
              default:
                if (code.substr(0, 2) === "00")
                  str += "\\x" + code.substr(2);
                else
                  str += json.substr(i, 6);
            }
            i += 5;
            start = i + 1;
          }
          break;
        case "n":
          if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
            i += 1;
          } else {
            str += json.slice(start, i) + "\n\n";
            while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
              str += "\n";
              i += 2;
            }
            str += indent;
            if (json[i + 2] === " ")
              str += "\\";
            i += 1;
            start = i + 1;
          }
          break;
        default:
          i += 1;
      }
  }
  str = start ? str + json.slice(start) : json;
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
  if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
    return doubleQuotedString(value, ctx);
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
  return ctx.implicitKey ? res : foldFlowLines(res, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
  const { singleQuote } = ctx.options;
  let qs;
  if (singleQuote === false)
    qs = doubleQuotedString;
  else {
    const hasDouble = value.includes('"');
    const hasSingle = value.includes("'");
    if (hasDouble && !hasSingle)
      qs = singleQuotedString;
    else if (hasSingle && !hasDouble)
      qs = doubleQuotedString;
    else
      qs = singleQuote ? singleQuotedString : doubleQuotedString;
  }
  return qs(value, ctx);
}
var blockEndNewlines;
try {
  blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
} catch {
  blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
  const { blockQuote, commentString, lineWidth } = ctx.options;
  if (!blockQuote || /\n[\t ]+$/.test(value)) {
    return quotedString(value, ctx);
  }
  const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
  const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.BLOCK_FOLDED ? false : type === Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
  if (!value)
    return literal ? "|\n" : ">\n";
  let chomp;
  let endStart;
  for (endStart = value.length; endStart > 0; --endStart) {
    const ch = value[endStart - 1];
    if (ch !== "\n" && ch !== "	" && ch !== " ")
      break;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf("\n");
  if (endNlPos === -1) {
    chomp = "-";
  } else if (value === end || endNlPos !== end.length - 1) {
    chomp = "+";
    if (onChompKeep)
      onChompKeep();
  } else {
    chomp = "";
  }
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === "\n")
      end = end.slice(0, -1);
    end = end.replace(blockEndNewlines, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd;
  let startNlPos = -1;
  for (startEnd = 0; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === " ")
      startWithSpace = true;
    else if (ch === "\n")
      startNlPos = startEnd;
    else
      break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const indentSize = indent ? "2" : "1";
  let header = (startWithSpace ? indentSize : "") + chomp;
  if (comment) {
    header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
    if (onComment)
      onComment();
  }
  if (!literal) {
    const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
    let literalFallback = false;
    const foldOptions = getFoldOptions(ctx, true);
    if (blockQuote !== "folded" && type !== Scalar.BLOCK_FOLDED) {
      foldOptions.onOverflow = () => {
        literalFallback = true;
      };
    }
    const body = foldFlowLines(`${start}${foldedValue}${end}`, indent, FOLD_BLOCK, foldOptions);
    if (!literalFallback)
      return `>${header}
${indent}${body}`;
  }
  value = value.replace(/\n+/g, `$&${indent}`);
  return `|${header}
${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
  const { type, value } = item;
  const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
  if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
    return quotedString(value, ctx);
  }
  if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
    return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
  }
  if (!implicitKey && !inFlow && type !== Scalar.PLAIN && value.includes("\n")) {
    return blockString(item, ctx, onComment, onChompKeep);
  }
  if (containsDocumentMarker(value)) {
    if (indent === "") {
      ctx.forceBlockIndent = true;
      return blockString(item, ctx, onComment, onChompKeep);
    } else if (implicitKey && indent === indentStep) {
      return quotedString(value, ctx);
    }
  }
  const str = value.replace(/\n+/g, `$&
${indent}`);
  if (actualString) {
    const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
    const { compat, tags } = ctx.doc.schema;
    if (tags.some(test) || compat?.some(test))
      return quotedString(value, ctx);
  }
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
  const { implicitKey, inFlow } = ctx;
  const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
  let { type } = item;
  if (type !== Scalar.QUOTE_DOUBLE) {
    if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
      type = Scalar.QUOTE_DOUBLE;
  }
  const _stringify = (_type) => {
    switch (_type) {
      case Scalar.BLOCK_FOLDED:
      case Scalar.BLOCK_LITERAL:
        return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
      case Scalar.QUOTE_DOUBLE:
        return doubleQuotedString(ss.value, ctx);
      case Scalar.QUOTE_SINGLE:
        return singleQuotedString(ss.value, ctx);
      case Scalar.PLAIN:
        return plainString(ss, ctx, onComment, onChompKeep);
      default:
        return null;
    }
  };
  let res = _stringify(type);
  if (res === null) {
    const { defaultKeyType, defaultStringType } = ctx.options;
    const t = implicitKey && defaultKeyType || defaultStringType;
    res = _stringify(t);
    if (res === null)
      throw new Error(`Unsupported default string type ${t}`);
  }
  return res;
}
function createStringifyContext(doc, options) {
  const opt = Object.assign({
    blockQuote: true,
    commentString: stringifyComment,
    defaultKeyType: null,
    defaultStringType: "PLAIN",
    directives: null,
    doubleQuotedAsJSON: false,
    doubleQuotedMinMultiLineLength: 40,
    falseStr: "false",
    flowCollectionPadding: true,
    indentSeq: true,
    lineWidth: 80,
    minContentWidth: 20,
    nullStr: "null",
    simpleKeys: false,
    singleQuote: null,
    trailingComma: false,
    trueStr: "true",
    verifyAliasOrder: true
  }, doc.schema.toStringOptions, options);
  let inFlow;
  switch (opt.collectionStyle) {
    case "block":
      inFlow = false;
      break;
    case "flow":
      inFlow = true;
      break;
    default:
      inFlow = null;
  }
  return {
    anchors: /* @__PURE__ */ new Set(),
    doc,
    flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
    indent: "",
    indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
    inFlow,
    options: opt
  };
}
function getTagObject(tags, item) {
  if (item.tag) {
    const match = tags.filter((t) => t.tag === item.tag);
    if (match.length > 0)
      return match.find((t) => t.format === item.format) ?? match[0];
  }
  let tagObj = void 0;
  let obj;
  if (isScalar(item)) {
    obj = item.value;
    let match = tags.filter((t) => t.identify?.(obj));
    if (match.length > 1) {
      const testMatch = match.filter((t) => t.test);
      if (testMatch.length > 0)
        match = testMatch;
    }
    tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
  } else {
    obj = item;
    tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
  }
  if (!tagObj) {
    const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
    throw new Error(`Tag not resolved for ${name} value`);
  }
  return tagObj;
}
function stringifyProps(node, tagObj, { anchors, doc }) {
  if (!doc.directives)
    return "";
  const props = [];
  const anchor = (isScalar(node) || isCollection(node)) && node.anchor;
  if (anchor && anchorIsValid(anchor)) {
    anchors.add(anchor);
    props.push(`&${anchor}`);
  }
  const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
  if (tag)
    props.push(doc.directives.tagString(tag));
  return props.join(" ");
}
function stringify(item, ctx, onComment, onChompKeep) {
  if (isPair(item))
    return item.toString(ctx, onComment, onChompKeep);
  if (isAlias(item)) {
    if (ctx.doc.directives)
      return item.toString(ctx);
    if (ctx.resolvedAliases?.has(item)) {
      throw new TypeError(`Cannot stringify circular structure without alias nodes`);
    } else {
      if (ctx.resolvedAliases)
        ctx.resolvedAliases.add(item);
      else
        ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
      item = item.resolve(ctx.doc);
    }
  }
  let tagObj = void 0;
  const node = isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
  tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
  const props = stringifyProps(node, tagObj, ctx);
  if (props.length > 0)
    ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
  const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : isScalar(node) ? stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
  if (!props)
    return str;
  return isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
}
function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
  const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
  let keyComment = isNode(key) && key.comment || null;
  if (simpleKeys) {
    if (keyComment) {
      throw new Error("With simple keys, key nodes cannot have comments");
    }
    if (isCollection(key) || !isNode(key) && typeof key === "object") {
      const msg = "With simple keys, collection cannot be used as a key value";
      throw new Error(msg);
    }
  }
  let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || isCollection(key) || (isScalar(key) ? key.type === Scalar.BLOCK_FOLDED || key.type === Scalar.BLOCK_LITERAL : typeof key === "object"));
  ctx = Object.assign({}, ctx, {
    allNullValues: false,
    implicitKey: !explicitKey && (simpleKeys || !allNullValues),
    indent: indent + indentStep
  });
  let keyCommentDone = false;
  let chompKeep = false;
  let str = stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
  if (!explicitKey && !ctx.inFlow && str.length > 1024) {
    if (simpleKeys)
      throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
    explicitKey = true;
  }
  if (ctx.inFlow) {
    if (allNullValues || value == null) {
      if (keyCommentDone && onComment)
        onComment();
      return str === "" ? "?" : explicitKey ? `? ${str}` : str;
    }
  } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
    str = `? ${str}`;
    if (keyComment && !keyCommentDone) {
      str += lineComment(str, ctx.indent, commentString(keyComment));
    } else if (chompKeep && onChompKeep)
      onChompKeep();
    return str;
  }
  if (keyCommentDone)
    keyComment = null;
  if (explicitKey) {
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
    str = `? ${str}
${indent}:`;
  } else {
    str = `${str}:`;
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
  }
  let vsb, vcb, valueComment;
  if (isNode(value)) {
    vsb = !!value.spaceBefore;
    vcb = value.commentBefore;
    valueComment = value.comment;
  } else {
    vsb = false;
    vcb = null;
    valueComment = null;
    if (value && typeof value === "object")
      value = doc.createNode(value);
  }
  ctx.implicitKey = false;
  if (!explicitKey && !keyComment && isScalar(value))
    ctx.indentAtStart = str.length + 1;
  chompKeep = false;
  if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && isSeq(value) && !value.flow && !value.tag && !value.anchor) {
    ctx.indent = ctx.indent.substring(2);
  }
  let valueCommentDone = false;
  const valueStr = stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
  let ws = " ";
  if (keyComment || vsb || vcb) {
    ws = vsb ? "\n" : "";
    if (vcb) {
      const cs = commentString(vcb);
      ws += `
${indentComment(cs, ctx.indent)}`;
    }
    if (valueStr === "" && !ctx.inFlow) {
      if (ws === "\n" && valueComment)
        ws = "\n\n";
    } else {
      ws += `
${ctx.indent}`;
    }
  } else if (!explicitKey && isCollection(value)) {
    const vs0 = valueStr[0];
    const nl0 = valueStr.indexOf("\n");
    const hasNewline = nl0 !== -1;
    const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
    if (hasNewline || !flow) {
      let hasPropsLine = false;
      if (hasNewline && (vs0 === "&" || vs0 === "!")) {
        let sp0 = valueStr.indexOf(" ");
        if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
          sp0 = valueStr.indexOf(" ", sp0 + 1);
        }
        if (sp0 === -1 || nl0 < sp0)
          hasPropsLine = true;
      }
      if (!hasPropsLine)
        ws = `
${ctx.indent}`;
    }
  } else if (valueStr === "" || valueStr[0] === "\n") {
    ws = "";
  }
  str += ws + valueStr;
  if (ctx.inFlow) {
    if (valueCommentDone && onComment)
      onComment();
  } else if (valueComment && !valueCommentDone) {
    str += lineComment(str, ctx.indent, commentString(valueComment));
  } else if (chompKeep && onChompKeep) {
    onChompKeep();
  }
  return str;
}
function warn(logLevel, warning) {
  if (logLevel === "debug" || logLevel === "warn") {
    console.warn(warning);
  }
}
var MERGE_KEY = "<<";
var merge = {
  identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
  default: "key",
  tag: "tag:yaml.org,2002:merge",
  test: /^<<$/,
  resolve: () => Object.assign(new Scalar(Symbol(MERGE_KEY)), {
    addToJSMap: addMergeToJSMap
  }),
  stringify: () => MERGE_KEY
};
var isMergeKey = (ctx, key) => (merge.identify(key) || isScalar(key) && (!key.type || key.type === Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (isSeq(source))
    for (const it of source.items)
      mergeValue(ctx, map2, it);
  else if (Array.isArray(source))
    for (const it of source)
      mergeValue(ctx, map2, it);
  else
    mergeValue(ctx, map2, source);
}
function mergeValue(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (!isMap(source))
    throw new Error("Merge sources must be maps or map aliases");
  const srcMap = source.toJSON(null, ctx, Map);
  for (const [key, value2] of srcMap) {
    if (map2 instanceof Map) {
      if (!map2.has(key))
        map2.set(key, value2);
    } else if (map2 instanceof Set) {
      map2.add(key);
    } else if (!Object.prototype.hasOwnProperty.call(map2, key)) {
      Object.defineProperty(map2, key, {
        value: value2,
        writable: true,
        enumerable: true,
        configurable: true
      });
    }
  }
  return map2;
}
function resolveAliasValue(ctx, value) {
  return ctx && isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}
function addPairToJSMap(ctx, map2, { key, value }) {
  if (isNode(key) && key.addToJSMap)
    key.addToJSMap(ctx, map2, value);
  else if (isMergeKey(ctx, key))
    addMergeToJSMap(ctx, map2, value);
  else {
    const jsKey = toJS(key, "", ctx);
    if (map2 instanceof Map) {
      map2.set(jsKey, toJS(value, jsKey, ctx));
    } else if (map2 instanceof Set) {
      map2.add(jsKey);
    } else {
      const stringKey = stringifyKey(key, jsKey, ctx);
      const jsValue = toJS(value, stringKey, ctx);
      if (stringKey in map2)
        Object.defineProperty(map2, stringKey, {
          value: jsValue,
          writable: true,
          enumerable: true,
          configurable: true
        });
      else
        map2[stringKey] = jsValue;
    }
  }
  return map2;
}
function stringifyKey(key, jsKey, ctx) {
  if (jsKey === null)
    return "";
  if (typeof jsKey !== "object")
    return String(jsKey);
  if (isNode(key) && ctx?.doc) {
    const strCtx = createStringifyContext(ctx.doc, {});
    strCtx.anchors = /* @__PURE__ */ new Set();
    for (const node of ctx.anchors.keys())
      strCtx.anchors.add(node.anchor);
    strCtx.inFlow = true;
    strCtx.inStringifyKey = true;
    const strKey = key.toString(strCtx);
    if (!ctx.mapKeyWarned) {
      let jsonStr = JSON.stringify(strKey);
      if (jsonStr.length > 40)
        jsonStr = jsonStr.substring(0, 36) + '..."';
      warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
      ctx.mapKeyWarned = true;
    }
    return strKey;
  }
  return JSON.stringify(jsKey);
}
function createPair(key, value, ctx) {
  const k = createNode(key, void 0, ctx);
  const v = createNode(value, void 0, ctx);
  return new Pair(k, v);
}
var Pair = class _Pair {
  constructor(key, value = null) {
    Object.defineProperty(this, NODE_TYPE, { value: PAIR });
    this.key = key;
    this.value = value;
  }
  clone(schema4) {
    let { key, value } = this;
    if (isNode(key))
      key = key.clone(schema4);
    if (isNode(value))
      value = value.clone(schema4);
    return new _Pair(key, value);
  }
  toJSON(_, ctx) {
    const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    return addPairToJSMap(ctx, pair, this);
  }
  toString(ctx, onComment, onChompKeep) {
    return ctx?.doc ? stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
  }
};
function stringifyCollection(collection, ctx, options) {
  const flow = ctx.inFlow ?? collection.flow;
  const stringify4 = flow ? stringifyFlowCollection : stringifyBlockCollection;
  return stringify4(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
  const { indent, options: { commentString } } = ctx;
  const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
  let chompKeep = false;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment2 = null;
    if (isNode(item)) {
      if (!chompKeep && item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
      if (item.comment)
        comment2 = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (!chompKeep && ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
      }
    }
    chompKeep = false;
    let str2 = stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
    if (comment2)
      str2 += lineComment(str2, itemIndent, commentString(comment2));
    if (chompKeep && comment2)
      chompKeep = false;
    lines.push(blockItemPrefix + str2);
  }
  let str;
  if (lines.length === 0) {
    str = flowChars.start + flowChars.end;
  } else {
    str = lines[0];
    for (let i = 1; i < lines.length; ++i) {
      const line = lines[i];
      str += line ? `
${indent}${line}` : "\n";
    }
  }
  if (comment) {
    str += "\n" + indentComment(commentString(comment), indent);
    if (onComment)
      onComment();
  } else if (chompKeep && onChompKeep)
    onChompKeep();
  return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
  const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
  itemIndent += indentStep;
  const itemCtx = Object.assign({}, ctx, {
    indent: itemIndent,
    inFlow: true,
    type: null
  });
  let reqNewline = false;
  let linesAtValue = 0;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment = null;
    if (isNode(item)) {
      if (item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, false);
      if (item.comment)
        comment = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, false);
        if (ik.comment)
          reqNewline = true;
      }
      const iv = isNode(item.value) ? item.value : null;
      if (iv) {
        if (iv.comment)
          comment = iv.comment;
        if (iv.commentBefore)
          reqNewline = true;
      } else if (item.value == null && ik?.comment) {
        comment = ik.comment;
      }
    }
    if (comment)
      reqNewline = true;
    let str = stringify(item, itemCtx, () => comment = null);
    reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
    if (i < items.length - 1) {
      str += ",";
    } else if (ctx.options.trailingComma) {
      if (ctx.options.lineWidth > 0) {
        reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
      }
      if (reqNewline) {
        str += ",";
      }
    }
    if (comment)
      str += lineComment(str, itemIndent, commentString(comment));
    lines.push(str);
    linesAtValue = lines.length;
  }
  const { start, end } = flowChars;
  if (lines.length === 0) {
    return start + end;
  } else {
    if (!reqNewline) {
      const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
      reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
    }
    if (reqNewline) {
      let str = start;
      for (const line of lines)
        str += line ? `
${indentStep}${indent}${line}` : "\n";
      return `${str}
${indent}${end}`;
    } else {
      return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
    }
  }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
  if (comment && chompKeep)
    comment = comment.replace(/^\n+/, "");
  if (comment) {
    const ic = indentComment(commentString(comment), indent);
    lines.push(ic.trimStart());
  }
}
function findPair(items, key) {
  const k = isScalar(key) ? key.value : key;
  for (const it of items) {
    if (isPair(it)) {
      if (it.key === key || it.key === k)
        return it;
      if (isScalar(it.key) && it.key.value === k)
        return it;
    }
  }
  return void 0;
}
var YAMLMap = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:map";
  }
  constructor(schema4) {
    super(MAP, schema4);
    this.items = [];
  }
  /**
   * A generic collection parsing method that can be extended
   * to other node classes that inherit from YAMLMap
   */
  static from(schema4, obj, ctx) {
    const { keepUndefined, replacer } = ctx;
    const map2 = new this(schema4);
    const add = (key, value) => {
      if (typeof replacer === "function")
        value = replacer.call(obj, key, value);
      else if (Array.isArray(replacer) && !replacer.includes(key))
        return;
      if (value !== void 0 || keepUndefined)
        map2.items.push(createPair(key, value, ctx));
    };
    if (obj instanceof Map) {
      for (const [key, value] of obj)
        add(key, value);
    } else if (obj && typeof obj === "object") {
      for (const key of Object.keys(obj))
        add(key, obj[key]);
    }
    if (typeof schema4.sortMapEntries === "function") {
      map2.items.sort(schema4.sortMapEntries);
    }
    return map2;
  }
  /**
   * Adds a value to the collection.
   *
   * @param overwrite - If not set `true`, using a key that is already in the
   *   collection will throw. Otherwise, overwrites the previous value.
   */
  add(pair, overwrite) {
    let _pair;
    if (isPair(pair))
      _pair = pair;
    else if (!pair || typeof pair !== "object" || !("key" in pair)) {
      _pair = new Pair(pair, pair?.value);
    } else
      _pair = new Pair(pair.key, pair.value);
    const prev = findPair(this.items, _pair.key);
    const sortEntries = this.schema?.sortMapEntries;
    if (prev) {
      if (!overwrite)
        throw new Error(`Key ${_pair.key} already set`);
      if (isScalar(prev.value) && isScalarValue(_pair.value))
        prev.value.value = _pair.value;
      else
        prev.value = _pair.value;
    } else if (sortEntries) {
      const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
      if (i === -1)
        this.items.push(_pair);
      else
        this.items.splice(i, 0, _pair);
    } else {
      this.items.push(_pair);
    }
  }
  delete(key) {
    const it = findPair(this.items, key);
    if (!it)
      return false;
    const del = this.items.splice(this.items.indexOf(it), 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const it = findPair(this.items, key);
    const node = it?.value;
    return (!keepScalar && isScalar(node) ? node.value : node) ?? void 0;
  }
  has(key) {
    return !!findPair(this.items, key);
  }
  set(key, value) {
    this.add(new Pair(key, value), true);
  }
  /**
   * @param ctx - Conversion context, originally set in Document#toJS()
   * @param {Class} Type - If set, forces the returned collection type
   * @returns Instance of Type, Map, or Object
   */
  toJSON(_, ctx, Type) {
    const map2 = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const item of this.items)
      addPairToJSMap(ctx, map2, item);
    return map2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    for (const item of this.items) {
      if (!isPair(item))
        throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
    }
    if (!ctx.allNullValues && this.hasAllNullValues(false))
      ctx = Object.assign({}, ctx, { allNullValues: true });
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "",
      flowChars: { start: "{", end: "}" },
      itemIndent: ctx.indent || "",
      onChompKeep,
      onComment
    });
  }
};
var map = {
  collection: "map",
  default: true,
  nodeClass: YAMLMap,
  tag: "tag:yaml.org,2002:map",
  resolve(map2, onError) {
    if (!isMap(map2))
      onError("Expected a mapping for this tag");
    return map2;
  },
  createNode: (schema4, obj, ctx) => YAMLMap.from(schema4, obj, ctx)
};
var YAMLSeq = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:seq";
  }
  constructor(schema4) {
    super(SEQ, schema4);
    this.items = [];
  }
  add(value) {
    this.items.push(value);
  }
  /**
   * Removes a value from the collection.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   *
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return false;
    const del = this.items.splice(idx, 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return void 0;
    const it = this.items[idx];
    return !keepScalar && isScalar(it) ? it.value : it;
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   */
  has(key) {
    const idx = asItemIndex(key);
    return typeof idx === "number" && idx < this.items.length;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   *
   * If `key` does not contain a representation of an integer, this will throw.
   * It may be wrapped in a `Scalar`.
   */
  set(key, value) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      throw new Error(`Expected a valid index, not ${key}.`);
    const prev = this.items[idx];
    if (isScalar(prev) && isScalarValue(value))
      prev.value = value;
    else
      this.items[idx] = value;
  }
  toJSON(_, ctx) {
    const seq2 = [];
    if (ctx?.onCreate)
      ctx.onCreate(seq2);
    let i = 0;
    for (const item of this.items)
      seq2.push(toJS(item, String(i++), ctx));
    return seq2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "- ",
      flowChars: { start: "[", end: "]" },
      itemIndent: (ctx.indent || "") + "  ",
      onChompKeep,
      onComment
    });
  }
  static from(schema4, obj, ctx) {
    const { replacer } = ctx;
    const seq2 = new this(schema4);
    if (obj && Symbol.iterator in Object(obj)) {
      let i = 0;
      for (let it of obj) {
        if (typeof replacer === "function") {
          const key = obj instanceof Set ? it : String(i++);
          it = replacer.call(obj, key, it);
        }
        seq2.items.push(createNode(it, void 0, ctx));
      }
    }
    return seq2;
  }
};
function asItemIndex(key) {
  let idx = isScalar(key) ? key.value : key;
  if (idx && typeof idx === "string")
    idx = Number(idx);
  return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
}
var seq = {
  collection: "seq",
  default: true,
  nodeClass: YAMLSeq,
  tag: "tag:yaml.org,2002:seq",
  resolve(seq2, onError) {
    if (!isSeq(seq2))
      onError("Expected a sequence for this tag");
    return seq2;
  },
  createNode: (schema4, obj, ctx) => YAMLSeq.from(schema4, obj, ctx)
};
var string = {
  identify: (value) => typeof value === "string",
  default: true,
  tag: "tag:yaml.org,2002:str",
  resolve: (str) => str,
  stringify(item, ctx, onComment, onChompKeep) {
    ctx = Object.assign({ actualString: true }, ctx);
    return stringifyString(item, ctx, onComment, onChompKeep);
  }
};
var nullTag = {
  identify: (value) => value == null,
  createNode: () => new Scalar(null),
  default: true,
  tag: "tag:yaml.org,2002:null",
  test: /^(?:~|[Nn]ull|NULL)?$/,
  resolve: () => new Scalar(null),
  stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
};
var boolTag = {
  identify: (value) => typeof value === "boolean",
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  resolve: (str) => new Scalar(str[0] === "t" || str[0] === "T"),
  stringify({ source, value }, ctx) {
    if (source && boolTag.test.test(source)) {
      const sv = source[0] === "t" || source[0] === "T";
      if (value === sv)
        return source;
    }
    return value ? ctx.options.trueStr : ctx.options.falseStr;
  }
};
function stringifyNumber({ format, minFractionDigits, tag, value }) {
  if (typeof value === "bigint")
    return String(value);
  const num = typeof value === "number" ? value : Number(value);
  if (!isFinite(num))
    return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
  let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
  if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
    let i = n.indexOf(".");
    if (i < 0) {
      i = n.length;
      n += ".";
    }
    let d = minFractionDigits - (n.length - i - 1);
    while (d-- > 0)
      n += "0";
  }
  return n;
}
var floatNaN = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str));
    const dot = str.indexOf(".");
    if (dot !== -1 && str[str.length - 1] === "0")
      node.minFractionDigits = str.length - dot - 1;
    return node;
  },
  stringify: stringifyNumber
};
var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
function intStringify(node, radix, prefix) {
  const { value } = node;
  if (intIdentify(value) && value >= 0)
    return prefix + value.toString(radix);
  return stringifyNumber(node);
}
var intOct = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^0o[0-7]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
  stringify: (node) => intStringify(node, 8, "0o")
};
var int = {
  identify: intIdentify,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^0x[0-9a-fA-F]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
  stringify: (node) => intStringify(node, 16, "0x")
};
var schema = [
  map,
  seq,
  string,
  nullTag,
  boolTag,
  intOct,
  int,
  intHex,
  floatNaN,
  floatExp,
  float
];
function intIdentify2(value) {
  return typeof value === "bigint" || Number.isInteger(value);
}
var stringifyJSON = ({ value }) => JSON.stringify(value);
var jsonScalars = [
  {
    identify: (value) => typeof value === "string",
    default: true,
    tag: "tag:yaml.org,2002:str",
    resolve: (str) => str,
    stringify: stringifyJSON
  },
  {
    identify: (value) => value == null,
    createNode: () => new Scalar(null),
    default: true,
    tag: "tag:yaml.org,2002:null",
    test: /^null$/,
    resolve: () => null,
    stringify: stringifyJSON
  },
  {
    identify: (value) => typeof value === "boolean",
    default: true,
    tag: "tag:yaml.org,2002:bool",
    test: /^true$|^false$/,
    resolve: (str) => str === "true",
    stringify: stringifyJSON
  },
  {
    identify: intIdentify2,
    default: true,
    tag: "tag:yaml.org,2002:int",
    test: /^-?(?:0|[1-9][0-9]*)$/,
    resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
    stringify: ({ value }) => intIdentify2(value) ? value.toString() : JSON.stringify(value)
  },
  {
    identify: (value) => typeof value === "number",
    default: true,
    tag: "tag:yaml.org,2002:float",
    test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
    resolve: (str) => parseFloat(str),
    stringify: stringifyJSON
  }
];
var jsonError = {
  default: true,
  tag: "",
  test: /^/,
  resolve(str, onError) {
    onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
    return str;
  }
};
var schema2 = [map, seq].concat(jsonScalars, jsonError);
var binary = {
  identify: (value) => value instanceof Uint8Array,
  // Buffer inherits from Uint8Array
  default: false,
  tag: "tag:yaml.org,2002:binary",
  /**
   * Returns a Buffer in node and an Uint8Array in browsers
   *
   * To use the resulting buffer as an image, you'll want to do something like:
   *
   *   const blob = new Blob([buffer], { type: 'image/jpeg' })
   *   document.querySelector('#photo').src = URL.createObjectURL(blob)
   */
  resolve(src, onError) {
    if (typeof atob === "function") {
      const str = atob(src.replace(/[\n\r]/g, ""));
      const buffer = new Uint8Array(str.length);
      for (let i = 0; i < str.length; ++i)
        buffer[i] = str.charCodeAt(i);
      return buffer;
    } else {
      onError("This environment does not support reading binary tags; either Buffer or atob is required");
      return src;
    }
  },
  stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
    if (!value)
      return "";
    const buf = value;
    let str;
    if (typeof btoa === "function") {
      let s = "";
      for (let i = 0; i < buf.length; ++i)
        s += String.fromCharCode(buf[i]);
      str = btoa(s);
    } else {
      throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
    }
    type ?? (type = Scalar.BLOCK_LITERAL);
    if (type !== Scalar.QUOTE_DOUBLE) {
      const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
      const n = Math.ceil(str.length / lineWidth);
      const lines = new Array(n);
      for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
        lines[i] = str.substr(o, lineWidth);
      }
      str = lines.join(type === Scalar.BLOCK_LITERAL ? "\n" : " ");
    }
    return stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
  }
};
function resolvePairs(seq2, onError) {
  if (isSeq(seq2)) {
    for (let i = 0; i < seq2.items.length; ++i) {
      let item = seq2.items[i];
      if (isPair(item))
        continue;
      else if (isMap(item)) {
        if (item.items.length > 1)
          onError("Each pair must have its own sequence indicator");
        const pair = item.items[0] || new Pair(new Scalar(null));
        if (item.commentBefore)
          pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
        if (item.comment) {
          const cn = pair.value ?? pair.key;
          cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
        }
        item = pair;
      }
      seq2.items[i] = isPair(item) ? item : new Pair(item);
    }
  } else
    onError("Expected a sequence for this tag");
  return seq2;
}
function createPairs(schema4, iterable, ctx) {
  const { replacer } = ctx;
  const pairs2 = new YAMLSeq(schema4);
  pairs2.tag = "tag:yaml.org,2002:pairs";
  let i = 0;
  if (iterable && Symbol.iterator in Object(iterable))
    for (let it of iterable) {
      if (typeof replacer === "function")
        it = replacer.call(iterable, String(i++), it);
      let key, value;
      if (Array.isArray(it)) {
        if (it.length === 2) {
          key = it[0];
          value = it[1];
        } else
          throw new TypeError(`Expected [key, value] tuple: ${it}`);
      } else if (it && it instanceof Object) {
        const keys = Object.keys(it);
        if (keys.length === 1) {
          key = keys[0];
          value = it[key];
        } else {
          throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
        }
      } else {
        key = it;
      }
      pairs2.items.push(createPair(key, value, ctx));
    }
  return pairs2;
}
var pairs = {
  collection: "seq",
  default: false,
  tag: "tag:yaml.org,2002:pairs",
  resolve: resolvePairs,
  createNode: createPairs
};
var YAMLOMap = class _YAMLOMap extends YAMLSeq {
  constructor() {
    super();
    this.add = YAMLMap.prototype.add.bind(this);
    this.delete = YAMLMap.prototype.delete.bind(this);
    this.get = YAMLMap.prototype.get.bind(this);
    this.has = YAMLMap.prototype.has.bind(this);
    this.set = YAMLMap.prototype.set.bind(this);
    this.tag = _YAMLOMap.tag;
  }
  /**
   * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
   * but TypeScript won't allow widening the signature of a child method.
   */
  toJSON(_, ctx) {
    if (!ctx)
      return super.toJSON(_);
    const map2 = /* @__PURE__ */ new Map();
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const pair of this.items) {
      let key, value;
      if (isPair(pair)) {
        key = toJS(pair.key, "", ctx);
        value = toJS(pair.value, key, ctx);
      } else {
        key = toJS(pair, "", ctx);
      }
      if (map2.has(key))
        throw new Error("Ordered maps must not include duplicate keys");
      map2.set(key, value);
    }
    return map2;
  }
  static from(schema4, iterable, ctx) {
    const pairs2 = createPairs(schema4, iterable, ctx);
    const omap2 = new this();
    omap2.items = pairs2.items;
    return omap2;
  }
};
YAMLOMap.tag = "tag:yaml.org,2002:omap";
var omap = {
  collection: "seq",
  identify: (value) => value instanceof Map,
  nodeClass: YAMLOMap,
  default: false,
  tag: "tag:yaml.org,2002:omap",
  resolve(seq2, onError) {
    const pairs2 = resolvePairs(seq2, onError);
    const seenKeys = [];
    for (const { key } of pairs2.items) {
      if (isScalar(key)) {
        if (seenKeys.includes(key.value)) {
          onError(`Ordered maps must not include duplicate keys: ${key.value}`);
        } else {
          seenKeys.push(key.value);
        }
      }
    }
    return Object.assign(new YAMLOMap(), pairs2);
  },
  createNode: (schema4, iterable, ctx) => YAMLOMap.from(schema4, iterable, ctx)
};
function boolStringify({ value, source }, ctx) {
  const boolObj = value ? trueTag : falseTag;
  if (source && boolObj.test.test(source))
    return source;
  return value ? ctx.options.trueStr : ctx.options.falseStr;
}
var trueTag = {
  identify: (value) => value === true,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  resolve: () => new Scalar(true),
  stringify: boolStringify
};
var falseTag = {
  identify: (value) => value === false,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  resolve: () => new Scalar(false),
  stringify: boolStringify
};
var floatNaN2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str.replace(/_/g, "")),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str.replace(/_/g, "")));
    const dot = str.indexOf(".");
    if (dot !== -1) {
      const f = str.substring(dot + 1).replace(/_/g, "");
      if (f[f.length - 1] === "0")
        node.minFractionDigits = f.length;
    }
    return node;
  },
  stringify: stringifyNumber
};
var intIdentify3 = (value) => typeof value === "bigint" || Number.isInteger(value);
function intResolve2(str, offset, radix, { intAsBigInt }) {
  const sign = str[0];
  if (sign === "-" || sign === "+")
    offset += 1;
  str = str.substring(offset).replace(/_/g, "");
  if (intAsBigInt) {
    switch (radix) {
      case 2:
        str = `0b${str}`;
        break;
      case 8:
        str = `0o${str}`;
        break;
      case 16:
        str = `0x${str}`;
        break;
    }
    const n2 = BigInt(str);
    return sign === "-" ? BigInt(-1) * n2 : n2;
  }
  const n = parseInt(str, radix);
  return sign === "-" ? -1 * n : n;
}
function intStringify2(node, radix, prefix) {
  const { value } = node;
  if (intIdentify3(value)) {
    const str = value.toString(radix);
    return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
  }
  return stringifyNumber(node);
}
var intBin = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "BIN",
  test: /^[-+]?0b[0-1_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 2, opt),
  stringify: (node) => intStringify2(node, 2, "0b")
};
var intOct2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^[-+]?0[0-7_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 1, 8, opt),
  stringify: (node) => intStringify2(node, 8, "0")
};
var int2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9][0-9_]*$/,
  resolve: (str, _onError, opt) => intResolve2(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^[-+]?0x[0-9a-fA-F_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 16, opt),
  stringify: (node) => intStringify2(node, 16, "0x")
};
var YAMLSet = class _YAMLSet extends YAMLMap {
  constructor(schema4) {
    super(schema4);
    this.tag = _YAMLSet.tag;
  }
  add(key) {
    let pair;
    if (isPair(key))
      pair = key;
    else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
      pair = new Pair(key.key, null);
    else
      pair = new Pair(key, null);
    const prev = findPair(this.items, pair.key);
    if (!prev)
      this.items.push(pair);
  }
  /**
   * If `keepPair` is `true`, returns the Pair matching `key`.
   * Otherwise, returns the value of that Pair's key.
   */
  get(key, keepPair) {
    const pair = findPair(this.items, key);
    return !keepPair && isPair(pair) ? isScalar(pair.key) ? pair.key.value : pair.key : pair;
  }
  set(key, value) {
    if (typeof value !== "boolean")
      throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
    const prev = findPair(this.items, key);
    if (prev && !value) {
      this.items.splice(this.items.indexOf(prev), 1);
    } else if (!prev && value) {
      this.items.push(new Pair(key));
    }
  }
  toJSON(_, ctx) {
    return super.toJSON(_, ctx, Set);
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    if (this.hasAllNullValues(true))
      return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
    else
      throw new Error("Set items must all have null values");
  }
  static from(schema4, iterable, ctx) {
    const { replacer } = ctx;
    const set2 = new this(schema4);
    if (iterable && Symbol.iterator in Object(iterable))
      for (let value of iterable) {
        if (typeof replacer === "function")
          value = replacer.call(iterable, value, value);
        set2.items.push(createPair(value, null, ctx));
      }
    return set2;
  }
};
YAMLSet.tag = "tag:yaml.org,2002:set";
var set = {
  collection: "map",
  identify: (value) => value instanceof Set,
  nodeClass: YAMLSet,
  default: false,
  tag: "tag:yaml.org,2002:set",
  createNode: (schema4, iterable, ctx) => YAMLSet.from(schema4, iterable, ctx),
  resolve(map2, onError) {
    if (isMap(map2)) {
      if (map2.hasAllNullValues(true))
        return Object.assign(new YAMLSet(), map2);
      else
        onError("Set items must all have null values");
    } else
      onError("Expected a mapping for this tag");
    return map2;
  }
};
function parseSexagesimal(str, asBigInt) {
  const sign = str[0];
  const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
  const num = (n) => asBigInt ? BigInt(n) : Number(n);
  const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
  return sign === "-" ? num(-1) * res : res;
}
function stringifySexagesimal(node) {
  let { value } = node;
  let num = (n) => n;
  if (typeof value === "bigint")
    num = (n) => BigInt(n);
  else if (isNaN(value) || !isFinite(value))
    return stringifyNumber(node);
  let sign = "";
  if (value < 0) {
    sign = "-";
    value *= num(-1);
  }
  const _60 = num(60);
  const parts = [value % _60];
  if (value < 60) {
    parts.unshift(0);
  } else {
    value = (value - parts[0]) / _60;
    parts.unshift(value % _60);
    if (value >= 60) {
      value = (value - parts[0]) / _60;
      parts.unshift(value);
    }
  }
  return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
}
var intTime = {
  identify: (value) => typeof value === "bigint" || Number.isInteger(value),
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
  stringify: stringifySexagesimal
};
var floatTime = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  resolve: (str) => parseSexagesimal(str, false),
  stringify: stringifySexagesimal
};
var timestamp = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: "tag:yaml.org,2002:timestamp",
  // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
  // may be omitted altogether, resulting in a date format. In such a case, the time part is
  // assumed to be 00:00:00Z (start of day, UTC).
  test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
  resolve(str) {
    const match = str.match(timestamp.test);
    if (!match)
      throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
    const [, year, month, day, hour, minute, second] = match.map(Number);
    const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
    let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
    const tz = match[8];
    if (tz && tz !== "Z") {
      let d = parseSexagesimal(tz, false);
      if (Math.abs(d) < 30)
        d *= 60;
      date -= 6e4 * d;
    }
    return new Date(date);
  },
  stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
};
var schema3 = [
  map,
  seq,
  string,
  nullTag,
  trueTag,
  falseTag,
  intBin,
  intOct2,
  int2,
  intHex2,
  floatNaN2,
  floatExp2,
  float2,
  binary,
  merge,
  omap,
  pairs,
  set,
  intTime,
  floatTime,
  timestamp
];
var schemas = /* @__PURE__ */ new Map([
  ["core", schema],
  ["failsafe", [map, seq, string]],
  ["json", schema2],
  ["yaml11", schema3],
  ["yaml-1.1", schema3]
]);
var tagsByName = {
  binary,
  bool: boolTag,
  float,
  floatExp,
  floatNaN,
  floatTime,
  int,
  intHex,
  intOct,
  intTime,
  map,
  merge,
  null: nullTag,
  omap,
  pairs,
  seq,
  set,
  timestamp
};
var coreKnownTags = {
  "tag:yaml.org,2002:binary": binary,
  "tag:yaml.org,2002:merge": merge,
  "tag:yaml.org,2002:omap": omap,
  "tag:yaml.org,2002:pairs": pairs,
  "tag:yaml.org,2002:set": set,
  "tag:yaml.org,2002:timestamp": timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
  const schemaTags = schemas.get(schemaName);
  if (schemaTags && !customTags) {
    return addMergeTag && !schemaTags.includes(merge) ? schemaTags.concat(merge) : schemaTags.slice();
  }
  let tags = schemaTags;
  if (!tags) {
    if (Array.isArray(customTags))
      tags = [];
    else {
      const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
    }
  }
  if (Array.isArray(customTags)) {
    for (const tag of customTags)
      tags = tags.concat(tag);
  } else if (typeof customTags === "function") {
    tags = customTags(tags.slice());
  }
  if (addMergeTag)
    tags = tags.concat(merge);
  return tags.reduce((tags2, tag) => {
    const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
    if (!tagObj) {
      const tagName = JSON.stringify(tag);
      const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
    }
    if (!tags2.includes(tagObj))
      tags2.push(tagObj);
    return tags2;
  }, []);
}
var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
var Schema = class _Schema {
  constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema: schema4, sortMapEntries, toStringDefaults }) {
    this.compat = Array.isArray(compat) ? getTags(compat, "compat") : compat ? getTags(null, compat) : null;
    this.name = typeof schema4 === "string" && schema4 || "core";
    this.knownTags = resolveKnownTags ? coreKnownTags : {};
    this.tags = getTags(customTags, this.name, merge2);
    this.toStringOptions = toStringDefaults ?? null;
    Object.defineProperty(this, MAP, { value: map });
    Object.defineProperty(this, SCALAR, { value: string });
    Object.defineProperty(this, SEQ, { value: seq });
    this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
  }
  clone() {
    const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
    copy.tags = this.tags.slice();
    return copy;
  }
};
function stringifyDocument(doc, options) {
  const lines = [];
  let hasDirectives = options.directives === true;
  if (options.directives !== false && doc.directives) {
    const dir = doc.directives.toString(doc);
    if (dir) {
      lines.push(dir);
      hasDirectives = true;
    } else if (doc.directives.docStart)
      hasDirectives = true;
  }
  if (hasDirectives)
    lines.push("---");
  const ctx = createStringifyContext(doc, options);
  const { commentString } = ctx.options;
  if (doc.commentBefore) {
    if (lines.length !== 1)
      lines.unshift("");
    const cs = commentString(doc.commentBefore);
    lines.unshift(indentComment(cs, ""));
  }
  let chompKeep = false;
  let contentComment = null;
  if (doc.contents) {
    if (isNode(doc.contents)) {
      if (doc.contents.spaceBefore && hasDirectives)
        lines.push("");
      if (doc.contents.commentBefore) {
        const cs = commentString(doc.contents.commentBefore);
        lines.push(indentComment(cs, ""));
      }
      ctx.forceBlockIndent = !!doc.comment;
      contentComment = doc.contents.comment;
    }
    const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
    let body = stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
    if (contentComment)
      body += lineComment(body, "", commentString(contentComment));
    if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
      lines[lines.length - 1] = `--- ${body}`;
    } else
      lines.push(body);
  } else {
    lines.push(stringify(doc.contents, ctx));
  }
  if (doc.directives?.docEnd) {
    if (doc.comment) {
      const cs = commentString(doc.comment);
      if (cs.includes("\n")) {
        lines.push("...");
        lines.push(indentComment(cs, ""));
      } else {
        lines.push(`... ${cs}`);
      }
    } else {
      lines.push("...");
    }
  } else {
    let dc = doc.comment;
    if (dc && chompKeep)
      dc = dc.replace(/^\n+/, "");
    if (dc) {
      if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
        lines.push("");
      lines.push(indentComment(commentString(dc), ""));
    }
  }
  return lines.join("\n") + "\n";
}
var Document = class _Document {
  constructor(value, replacer, options) {
    this.commentBefore = null;
    this.comment = null;
    this.errors = [];
    this.warnings = [];
    Object.defineProperty(this, NODE_TYPE, { value: DOC });
    let _replacer = null;
    if (typeof replacer === "function" || Array.isArray(replacer)) {
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const opt = Object.assign({
      intAsBigInt: false,
      keepSourceTokens: false,
      logLevel: "warn",
      prettyErrors: true,
      strict: true,
      stringKeys: false,
      uniqueKeys: true,
      version: "1.2"
    }, options);
    this.options = opt;
    let { version } = opt;
    if (options?._directives) {
      this.directives = options._directives.atDocument();
      if (this.directives.yaml.explicit)
        version = this.directives.yaml.version;
    } else
      this.directives = new Directives({ version });
    this.setSchema(version, options);
    this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
  }
  /**
   * Create a deep copy of this Document and its contents.
   *
   * Custom Node values that inherit from `Object` still refer to their original instances.
   */
  clone() {
    const copy = Object.create(_Document.prototype, {
      [NODE_TYPE]: { value: DOC }
    });
    copy.commentBefore = this.commentBefore;
    copy.comment = this.comment;
    copy.errors = this.errors.slice();
    copy.warnings = this.warnings.slice();
    copy.options = Object.assign({}, this.options);
    if (this.directives)
      copy.directives = this.directives.clone();
    copy.schema = this.schema.clone();
    copy.contents = isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** Adds a value to the document. */
  add(value) {
    if (assertCollection(this.contents))
      this.contents.add(value);
  }
  /** Adds a value to the document. */
  addIn(path6, value) {
    if (assertCollection(this.contents))
      this.contents.addIn(path6, value);
  }
  /**
   * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
   *
   * If `node` already has an anchor, `name` is ignored.
   * Otherwise, the `node.anchor` value will be set to `name`,
   * or if an anchor with that name is already present in the document,
   * `name` will be used as a prefix for a new unique anchor.
   * If `name` is undefined, the generated anchor will use 'a' as a prefix.
   */
  createAlias(node, name) {
    if (!node.anchor) {
      const prev = anchorNames(this);
      node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      !name || prev.has(name) ? findNewAnchor(name || "a", prev) : name;
    }
    return new Alias(node.anchor);
  }
  createNode(value, replacer, options) {
    let _replacer = void 0;
    if (typeof replacer === "function") {
      value = replacer.call({ "": value }, "", value);
      _replacer = replacer;
    } else if (Array.isArray(replacer)) {
      const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
      const asStr = replacer.filter(keyToStr).map(String);
      if (asStr.length > 0)
        replacer = replacer.concat(asStr);
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
    const { onAnchor, setAnchors, sourceObjects } = createNodeAnchors(
      this,
      // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      anchorPrefix || "a"
    );
    const ctx = {
      aliasDuplicateObjects: aliasDuplicateObjects ?? true,
      keepUndefined: keepUndefined ?? false,
      onAnchor,
      onTagObj,
      replacer: _replacer,
      schema: this.schema,
      sourceObjects
    };
    const node = createNode(value, tag, ctx);
    if (flow && isCollection(node))
      node.flow = true;
    setAnchors();
    return node;
  }
  /**
   * Convert a key and a value into a `Pair` using the current schema,
   * recursively wrapping all values as `Scalar` or `Collection` nodes.
   */
  createPair(key, value, options = {}) {
    const k = this.createNode(key, null, options);
    const v = this.createNode(value, null, options);
    return new Pair(k, v);
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    return assertCollection(this.contents) ? this.contents.delete(key) : false;
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path6) {
    if (isEmptyPath(path6)) {
      if (this.contents == null)
        return false;
      this.contents = null;
      return true;
    }
    return assertCollection(this.contents) ? this.contents.deleteIn(path6) : false;
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  get(key, keepScalar) {
    return isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
  }
  /**
   * Returns item at `path`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path6, keepScalar) {
    if (isEmptyPath(path6))
      return !keepScalar && isScalar(this.contents) ? this.contents.value : this.contents;
    return isCollection(this.contents) ? this.contents.getIn(path6, keepScalar) : void 0;
  }
  /**
   * Checks if the document includes a value with the key `key`.
   */
  has(key) {
    return isCollection(this.contents) ? this.contents.has(key) : false;
  }
  /**
   * Checks if the document includes a value at `path`.
   */
  hasIn(path6) {
    if (isEmptyPath(path6))
      return this.contents !== void 0;
    return isCollection(this.contents) ? this.contents.hasIn(path6) : false;
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  set(key, value) {
    if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, [key], value);
    } else if (assertCollection(this.contents)) {
      this.contents.set(key, value);
    }
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path6, value) {
    if (isEmptyPath(path6)) {
      this.contents = value;
    } else if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, Array.from(path6), value);
    } else if (assertCollection(this.contents)) {
      this.contents.setIn(path6, value);
    }
  }
  /**
   * Change the YAML version and schema used by the document.
   * A `null` version disables support for directives, explicit tags, anchors, and aliases.
   * It also requires the `schema` option to be given as a `Schema` instance value.
   *
   * Overrides all previously set schema options.
   */
  setSchema(version, options = {}) {
    if (typeof version === "number")
      version = String(version);
    let opt;
    switch (version) {
      case "1.1":
        if (this.directives)
          this.directives.yaml.version = "1.1";
        else
          this.directives = new Directives({ version: "1.1" });
        opt = { resolveKnownTags: false, schema: "yaml-1.1" };
        break;
      case "1.2":
      case "next":
        if (this.directives)
          this.directives.yaml.version = version;
        else
          this.directives = new Directives({ version });
        opt = { resolveKnownTags: true, schema: "core" };
        break;
      case null:
        if (this.directives)
          delete this.directives;
        opt = null;
        break;
      default: {
        const sv = JSON.stringify(version);
        throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
      }
    }
    if (options.schema instanceof Object)
      this.schema = options.schema;
    else if (opt)
      this.schema = new Schema(Object.assign(opt, options));
    else
      throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
  }
  // json & jsonArg are only used from toJSON()
  toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc: this,
      keep: !json,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this.contents, jsonArg ?? "", ctx);
    if (typeof onAnchor === "function")
      for (const { count, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
  /**
   * A JSON representation of the document `contents`.
   *
   * @param jsonArg Used by `JSON.stringify` to indicate the array index or
   *   property name.
   */
  toJSON(jsonArg, onAnchor) {
    return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
  }
  /** A YAML representation of the document. */
  toString(options = {}) {
    if (this.errors.length > 0)
      throw new Error("Document with errors cannot be stringified");
    if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
      const s = JSON.stringify(options.indent);
      throw new Error(`"indent" option must be a positive integer, not ${s}`);
    }
    return stringifyDocument(this, options);
  }
};
function assertCollection(contents) {
  if (isCollection(contents))
    return true;
  throw new Error("Expected a YAML collection as document contents");
}
var YAMLError = class extends Error {
  constructor(name, pos, code, message) {
    super();
    this.name = name;
    this.code = code;
    this.message = message;
    this.pos = pos;
  }
};
var YAMLParseError = class extends YAMLError {
  constructor(pos, code, message) {
    super("YAMLParseError", pos, code, message);
  }
};
var YAMLWarning = class extends YAMLError {
  constructor(pos, code, message) {
    super("YAMLWarning", pos, code, message);
  }
};
var prettifyError = (src, lc) => (error) => {
  if (error.pos[0] === -1)
    return;
  error.linePos = error.pos.map((pos) => lc.linePos(pos));
  const { line, col } = error.linePos[0];
  error.message += ` at line ${line}, column ${col}`;
  let ci = col - 1;
  let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
  if (ci >= 60 && lineStr.length > 80) {
    const trimStart = Math.min(ci - 39, lineStr.length - 79);
    lineStr = "\u2026" + lineStr.substring(trimStart);
    ci -= trimStart - 1;
  }
  if (lineStr.length > 80)
    lineStr = lineStr.substring(0, 79) + "\u2026";
  if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
    let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
    if (prev.length > 80)
      prev = prev.substring(0, 79) + "\u2026\n";
    lineStr = prev + lineStr;
  }
  if (/[^ ]/.test(lineStr)) {
    let count = 1;
    const end = error.linePos[1];
    if (end?.line === line && end.col > col) {
      count = Math.max(1, Math.min(end.col - col, 80 - ci));
    }
    const pointer = " ".repeat(ci) + "^".repeat(count);
    error.message += `:

${lineStr}
${pointer}
`;
  }
};
function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
  let spaceBefore = false;
  let atNewline = startOnNewline;
  let hasSpace = startOnNewline;
  let comment = "";
  let commentSep = "";
  let hasNewline = false;
  let reqSpace = false;
  let tab = null;
  let anchor = null;
  let tag = null;
  let newlineAfterProp = null;
  let comma = null;
  let found = null;
  let start = null;
  for (const token of tokens) {
    if (reqSpace) {
      if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
        onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      reqSpace = false;
    }
    if (tab) {
      if (atNewline && token.type !== "comment" && token.type !== "newline") {
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      }
      tab = null;
    }
    switch (token.type) {
      case "space":
        if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
          tab = token;
        }
        hasSpace = true;
        break;
      case "comment": {
        if (!hasSpace)
          onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
        const cb = token.source.substring(1) || " ";
        if (!comment)
          comment = cb;
        else
          comment += commentSep + cb;
        commentSep = "";
        atNewline = false;
        break;
      }
      case "newline":
        if (atNewline) {
          if (comment)
            comment += token.source;
          else if (!found || indicator !== "seq-item-ind")
            spaceBefore = true;
        } else
          commentSep += token.source;
        atNewline = true;
        hasNewline = true;
        if (anchor || tag)
          newlineAfterProp = token;
        hasSpace = true;
        break;
      case "anchor":
        if (anchor)
          onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
        if (token.source.endsWith(":"))
          onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
        anchor = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      case "tag": {
        if (tag)
          onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
        tag = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      }
      case indicator:
        if (anchor || tag)
          onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
        if (found)
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
        found = token;
        atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
        hasSpace = false;
        break;
      case "comma":
        if (flow) {
          if (comma)
            onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
          comma = token;
          atNewline = false;
          hasSpace = false;
          break;
        }
      // else fallthrough
      default:
        onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
        atNewline = false;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : offset;
  if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
    onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
  }
  if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
    onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
  return {
    comma,
    found,
    spaceBefore,
    comment,
    hasNewline,
    anchor,
    tag,
    newlineAfterProp,
    end,
    start: start ?? end
  };
}
function containsNewline(key) {
  if (!key)
    return null;
  switch (key.type) {
    case "alias":
    case "scalar":
    case "double-quoted-scalar":
    case "single-quoted-scalar":
      if (key.source.includes("\n"))
        return true;
      if (key.end) {
        for (const st of key.end)
          if (st.type === "newline")
            return true;
      }
      return false;
    case "flow-collection":
      for (const it of key.items) {
        for (const st of it.start)
          if (st.type === "newline")
            return true;
        if (it.sep) {
          for (const st of it.sep)
            if (st.type === "newline")
              return true;
        }
        if (containsNewline(it.key) || containsNewline(it.value))
          return true;
      }
      return false;
    default:
      return true;
  }
}
function flowIndentCheck(indent, fc, onError) {
  if (fc?.type === "flow-collection") {
    const end = fc.end[0];
    if (end.indent === indent && (end.source === "]" || end.source === "}") && containsNewline(fc)) {
      const msg = "Flow end indicator should be more indented than parent";
      onError(end, "BAD_INDENT", msg, true);
    }
  }
}
function mapIncludes(ctx, items, search) {
  const { uniqueKeys } = ctx.options;
  if (uniqueKeys === false)
    return false;
  const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || isScalar(a) && isScalar(b) && a.value === b.value;
  return items.some((pair) => isEqual(pair.key, search));
}
var startColMsg = "All mapping items must start at the same column";
function resolveBlockMap({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bm, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLMap;
  const map2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  let offset = bm.offset;
  let commentEnd = null;
  for (const collItem of bm.items) {
    const { start, key, sep, value } = collItem;
    const keyProps = resolveProps(start, {
      indicator: "explicit-key-ind",
      next: key ?? sep?.[0],
      offset,
      onError,
      parentIndent: bm.indent,
      startOnNewline: true
    });
    const implicitKey = !keyProps.found;
    if (implicitKey) {
      if (key) {
        if (key.type === "block-seq")
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
        else if ("indent" in key && key.indent !== bm.indent)
          onError(offset, "BAD_INDENT", startColMsg);
      }
      if (!keyProps.anchor && !keyProps.tag && !sep) {
        commentEnd = keyProps.end;
        if (keyProps.comment) {
          if (map2.comment)
            map2.comment += "\n" + keyProps.comment;
          else
            map2.comment = keyProps.comment;
        }
        continue;
      }
      if (keyProps.newlineAfterProp || containsNewline(key)) {
        onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
      }
    } else if (keyProps.found?.indent !== bm.indent) {
      onError(offset, "BAD_INDENT", startColMsg);
    }
    ctx.atKey = true;
    const keyStart = keyProps.end;
    const keyNode = key ? composeNode2(ctx, key, keyProps, onError) : composeEmptyNode2(ctx, keyStart, start, null, keyProps, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bm.indent, key, onError);
    ctx.atKey = false;
    if (mapIncludes(ctx, map2.items, keyNode))
      onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
    const valueProps = resolveProps(sep ?? [], {
      indicator: "map-value-ind",
      next: value,
      offset: keyNode.range[2],
      onError,
      parentIndent: bm.indent,
      startOnNewline: !key || key.type === "block-scalar"
    });
    offset = valueProps.end;
    if (valueProps.found) {
      if (implicitKey) {
        if (value?.type === "block-map" && !valueProps.hasNewline)
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
        if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
          onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : composeEmptyNode2(ctx, offset, sep, null, valueProps, onError);
      if (ctx.schema.compat)
        flowIndentCheck(bm.indent, value, onError);
      offset = valueNode.range[2];
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    } else {
      if (implicitKey)
        onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
      if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    }
  }
  if (commentEnd && commentEnd < offset)
    onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
  map2.range = [bm.offset, offset, commentEnd ?? offset];
  return map2;
}
function resolveBlockSeq({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bs, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLSeq;
  const seq2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = bs.offset;
  let commentEnd = null;
  for (const { start, value } of bs.items) {
    const props = resolveProps(start, {
      indicator: "seq-item-ind",
      next: value,
      offset,
      onError,
      parentIndent: bs.indent,
      startOnNewline: true
    });
    if (!props.found) {
      if (props.anchor || props.tag || value) {
        if (value?.type === "block-seq")
          onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
        else
          onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
      } else {
        commentEnd = props.end;
        if (props.comment)
          seq2.comment = props.comment;
        continue;
      }
    }
    const node = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, start, null, props, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bs.indent, value, onError);
    offset = node.range[2];
    seq2.items.push(node);
  }
  seq2.range = [bs.offset, offset, commentEnd ?? offset];
  return seq2;
}
function resolveEnd(end, offset, reqSpace, onError) {
  let comment = "";
  if (end) {
    let hasSpace = false;
    let sep = "";
    for (const token of end) {
      const { source, type } = token;
      switch (type) {
        case "space":
          hasSpace = true;
          break;
        case "comment": {
          if (reqSpace && !hasSpace)
            onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
          const cb = source.substring(1) || " ";
          if (!comment)
            comment = cb;
          else
            comment += sep + cb;
          sep = "";
          break;
        }
        case "newline":
          if (comment)
            sep += source;
          hasSpace = true;
          break;
        default:
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
      }
      offset += source.length;
    }
  }
  return { comment, offset };
}
var blockMsg = "Block collections are not allowed within flow collections";
var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
function resolveFlowCollection({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, fc, onError, tag) {
  const isMap2 = fc.start.source === "{";
  const fcName = isMap2 ? "flow map" : "flow sequence";
  const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap : YAMLSeq);
  const coll = new NodeClass(ctx.schema);
  coll.flow = true;
  const atRoot = ctx.atRoot;
  if (atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = fc.offset + fc.start.source.length;
  for (let i = 0; i < fc.items.length; ++i) {
    const collItem = fc.items[i];
    const { start, key, sep, value } = collItem;
    const props = resolveProps(start, {
      flow: fcName,
      indicator: "explicit-key-ind",
      next: key ?? sep?.[0],
      offset,
      onError,
      parentIndent: fc.indent,
      startOnNewline: false
    });
    if (!props.found) {
      if (!props.anchor && !props.tag && !sep && !value) {
        if (i === 0 && props.comma)
          onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        else if (i < fc.items.length - 1)
          onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
        if (props.comment) {
          if (coll.comment)
            coll.comment += "\n" + props.comment;
          else
            coll.comment = props.comment;
        }
        offset = props.end;
        continue;
      }
      if (!isMap2 && ctx.options.strict && containsNewline(key))
        onError(
          key,
          // checked by containsNewline()
          "MULTILINE_IMPLICIT_KEY",
          "Implicit keys of flow sequence pairs need to be on a single line"
        );
    }
    if (i === 0) {
      if (props.comma)
        onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
    } else {
      if (!props.comma)
        onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
      if (props.comment) {
        let prevItemComment = "";
        loop: for (const st of start) {
          switch (st.type) {
            case "comma":
            case "space":
              break;
            case "comment":
              prevItemComment = st.source.substring(1);
              break loop;
            default:
              break loop;
          }
        }
        if (prevItemComment) {
          let prev = coll.items[coll.items.length - 1];
          if (isPair(prev))
            prev = prev.value ?? prev.key;
          if (prev.comment)
            prev.comment += "\n" + prevItemComment;
          else
            prev.comment = prevItemComment;
          props.comment = props.comment.substring(prevItemComment.length + 1);
        }
      }
    }
    if (!isMap2 && !sep && !props.found) {
      const valueNode = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, sep, null, props, onError);
      coll.items.push(valueNode);
      offset = valueNode.range[2];
      if (isBlock(value))
        onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
    } else {
      ctx.atKey = true;
      const keyStart = props.end;
      const keyNode = key ? composeNode2(ctx, key, props, onError) : composeEmptyNode2(ctx, keyStart, start, null, props, onError);
      if (isBlock(key))
        onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
      ctx.atKey = false;
      const valueProps = resolveProps(sep ?? [], {
        flow: fcName,
        indicator: "map-value-ind",
        next: value,
        offset: keyNode.range[2],
        onError,
        parentIndent: fc.indent,
        startOnNewline: false
      });
      if (valueProps.found) {
        if (!isMap2 && !props.found && ctx.options.strict) {
          if (sep)
            for (const st of sep) {
              if (st === valueProps.found)
                break;
              if (st.type === "newline") {
                onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                break;
              }
            }
          if (props.start < valueProps.found.offset - 1024)
            onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
        }
      } else if (value) {
        if ("source" in value && value.source?.[0] === ":")
          onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
        else
          onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode2(ctx, valueProps.end, sep, null, valueProps, onError) : null;
      if (valueNode) {
        if (isBlock(value))
          onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
      } else if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      if (isMap2) {
        const map2 = coll;
        if (mapIncludes(ctx, map2.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        map2.items.push(pair);
      } else {
        const map2 = new YAMLMap(ctx.schema);
        map2.flow = true;
        map2.items.push(pair);
        const endRange = (valueNode ?? keyNode).range;
        map2.range = [keyNode.range[0], endRange[1], endRange[2]];
        coll.items.push(map2);
      }
      offset = valueNode ? valueNode.range[2] : valueProps.end;
    }
  }
  const expectedEnd = isMap2 ? "}" : "]";
  const [ce, ...ee] = fc.end;
  let cePos = offset;
  if (ce?.source === expectedEnd)
    cePos = ce.offset + ce.source.length;
  else {
    const name = fcName[0].toUpperCase() + fcName.substring(1);
    const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
    onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
    if (ce && ce.source.length !== 1)
      ee.unshift(ce);
  }
  if (ee.length > 0) {
    const end = resolveEnd(ee, cePos, ctx.options.strict, onError);
    if (end.comment) {
      if (coll.comment)
        coll.comment += "\n" + end.comment;
      else
        coll.comment = end.comment;
    }
    coll.range = [fc.offset, cePos, end.offset];
  } else {
    coll.range = [fc.offset, cePos, cePos];
  }
  return coll;
}
function resolveCollection(CN2, ctx, token, onError, tagName, tag) {
  const coll = token.type === "block-map" ? resolveBlockMap(CN2, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq(CN2, ctx, token, onError, tag) : resolveFlowCollection(CN2, ctx, token, onError, tag);
  const Coll = coll.constructor;
  if (tagName === "!" || tagName === Coll.tagName) {
    coll.tag = Coll.tagName;
    return coll;
  }
  if (tagName)
    coll.tag = tagName;
  return coll;
}
function composeCollection(CN2, ctx, token, props, onError) {
  const tagToken = props.tag;
  const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
  if (token.type === "block-seq") {
    const { anchor, newlineAfterProp: nl } = props;
    const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
    if (lastProp && (!nl || nl.offset < lastProp.offset)) {
      const message = "Missing newline after block sequence props";
      onError(lastProp, "MISSING_CHAR", message);
    }
  }
  const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
  if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.tagName && expType === "seq") {
    return resolveCollection(CN2, ctx, token, onError, tagName);
  }
  let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
  if (!tag) {
    const kt = ctx.schema.knownTags[tagName];
    if (kt?.collection === expType) {
      ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
      tag = kt;
    } else {
      if (kt) {
        onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
      } else {
        onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
      }
      return resolveCollection(CN2, ctx, token, onError, tagName);
    }
  }
  const coll = resolveCollection(CN2, ctx, token, onError, tagName, tag);
  const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
  const node = isNode(res) ? res : new Scalar(res);
  node.range = coll.range;
  node.tag = tagName;
  if (tag?.format)
    node.format = tag.format;
  return node;
}
function resolveBlockScalar(ctx, scalar, onError) {
  const start = scalar.offset;
  const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
  if (!header)
    return { value: "", type: null, comment: "", range: [start, start, start] };
  const type = header.mode === ">" ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
  const lines = scalar.source ? splitLines(scalar.source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i][1];
    if (content === "" || content === "\r")
      chompStart = i;
    else
      break;
  }
  if (chompStart === 0) {
    const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
    let end2 = start + header.length;
    if (scalar.source)
      end2 += scalar.source.length;
    return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
  }
  let trimIndent = scalar.indent + header.indent;
  let offset = scalar.offset + header.length;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i];
    if (content === "" || content === "\r") {
      if (header.indent === 0 && indent.length > trimIndent)
        trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) {
        const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
        onError(offset + indent.length, "MISSING_CHAR", message);
      }
      if (header.indent === 0)
        trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0 && !ctx.atRoot) {
        const message = "Block scalar values in collections must be indented";
        onError(offset, "BAD_INDENT", message);
      }
      break;
    }
    offset += indent.length + content.length + 1;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i][0].length > trimIndent)
      chompStart = i + 1;
  }
  let value = "";
  let sep = "";
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i)
    value += lines[i][0].slice(trimIndent) + "\n";
  for (let i = contentStart; i < chompStart; ++i) {
    let [indent, content] = lines[i];
    offset += indent.length + content.length + 1;
    const crlf = content[content.length - 1] === "\r";
    if (crlf)
      content = content.slice(0, -1);
    if (content && indent.length < trimIndent) {
      const src = header.indent ? "explicit indentation indicator" : "first line";
      const message = `Block scalar lines must not be less indented than their ${src}`;
      onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
      indent = "";
    }
    if (type === Scalar.BLOCK_LITERAL) {
      value += sep + indent.slice(trimIndent) + content;
      sep = "\n";
    } else if (indent.length > trimIndent || content[0] === "	") {
      if (sep === " ")
        sep = "\n";
      else if (!prevMoreIndented && sep === "\n")
        sep = "\n\n";
      value += sep + indent.slice(trimIndent) + content;
      sep = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep === "\n")
        value += "\n";
      else
        sep = "\n";
    } else {
      value += sep + content;
      sep = " ";
      prevMoreIndented = false;
    }
  }
  switch (header.chomp) {
    case "-":
      break;
    case "+":
      for (let i = chompStart; i < lines.length; ++i)
        value += "\n" + lines[i][0].slice(trimIndent);
      if (value[value.length - 1] !== "\n")
        value += "\n";
      break;
    default:
      value += "\n";
  }
  const end = start + header.length + scalar.source.length;
  return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
  if (props[0].type !== "block-scalar-header") {
    onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
    return null;
  }
  const { source } = props[0];
  const mode = source[0];
  let indent = 0;
  let chomp = "";
  let error = -1;
  for (let i = 1; i < source.length; ++i) {
    const ch = source[i];
    if (!chomp && (ch === "-" || ch === "+"))
      chomp = ch;
    else {
      const n = Number(ch);
      if (!indent && n)
        indent = n;
      else if (error === -1)
        error = offset + i;
    }
  }
  if (error !== -1)
    onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
  let hasSpace = false;
  let comment = "";
  let length = source.length;
  for (let i = 1; i < props.length; ++i) {
    const token = props[i];
    switch (token.type) {
      case "space":
        hasSpace = true;
      // fallthrough
      case "newline":
        length += token.source.length;
        break;
      case "comment":
        if (strict && !hasSpace) {
          const message = "Comments must be separated from other tokens by white space characters";
          onError(token, "MISSING_CHAR", message);
        }
        length += token.source.length;
        comment = token.source.substring(1);
        break;
      case "error":
        onError(token, "UNEXPECTED_TOKEN", token.message);
        length += token.source.length;
        break;
      /* istanbul ignore next should not happen */
      default: {
        const message = `Unexpected token in block scalar header: ${token.type}`;
        onError(token, "UNEXPECTED_TOKEN", message);
        const ts = token.source;
        if (ts && typeof ts === "string")
          length += ts.length;
      }
    }
  }
  return { mode, indent, chomp, comment, length };
}
function splitLines(source) {
  const split = source.split(/\n( *)/);
  const first = split[0];
  const m = first.match(/^( *)/);
  const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
  const lines = [line0];
  for (let i = 1; i < split.length; i += 2)
    lines.push([split[i], split[i + 1]]);
  return lines;
}
function resolveFlowScalar(scalar, strict, onError) {
  const { offset, type, source, end } = scalar;
  let _type;
  let value;
  const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
  switch (type) {
    case "scalar":
      _type = Scalar.PLAIN;
      value = plainValue(source, _onError);
      break;
    case "single-quoted-scalar":
      _type = Scalar.QUOTE_SINGLE;
      value = singleQuotedValue(source, _onError);
      break;
    case "double-quoted-scalar":
      _type = Scalar.QUOTE_DOUBLE;
      value = doubleQuotedValue(source, _onError);
      break;
    /* istanbul ignore next should not happen */
    default:
      onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
      return {
        value: "",
        type: null,
        comment: "",
        range: [offset, offset + source.length, offset + source.length]
      };
  }
  const valueEnd = offset + source.length;
  const re = resolveEnd(end, valueEnd, strict, onError);
  return {
    value,
    type: _type,
    comment: re.comment,
    range: [offset, valueEnd, re.offset]
  };
}
function plainValue(source, onError) {
  let badChar = "";
  switch (source[0]) {
    /* istanbul ignore next should not happen */
    case "	":
      badChar = "a tab character";
      break;
    case ",":
      badChar = "flow indicator character ,";
      break;
    case "%":
      badChar = "directive indicator character %";
      break;
    case "|":
    case ">": {
      badChar = `block scalar indicator ${source[0]}`;
      break;
    }
    case "@":
    case "`": {
      badChar = `reserved character ${source[0]}`;
      break;
    }
  }
  if (badChar)
    onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
  return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
  if (source[source.length - 1] !== "'" || source.length === 1)
    onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
  return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source);
  if (!match)
    return source;
  let trimEnd, trimBoth;
  try {
    trimEnd = new RegExp("(?<![ 	])[ 	]+$");
    trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
  } catch {
    trimEnd = /[ \t]+$/;
    trimBoth = /^[ \t]+|[ \t]+$/g;
  }
  let res = match[1].replace(trimEnd, "");
  let sep = " ";
  let pos = line.lastIndex;
  while (match = line.exec(source)) {
    const lm = match[1].replace(trimBoth, "");
    if (lm === "") {
      if (sep === "\n")
        res += sep;
      else
        sep = "\n";
    } else {
      res += sep + lm;
      sep = " ";
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return res + sep + (match?.[1] ?? "");
}
function doubleQuotedValue(source, onError) {
  let res = "";
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === "\r" && source[i + 1] === "\n")
      continue;
    if (ch === "\n") {
      const { fold, offset } = foldNewline(source, i);
      res += fold;
      i = offset;
    } else if (ch === "\\") {
      let next = source[++i];
      const cc = escapeCodes[next];
      if (cc)
        res += cc;
      else if (next === "\n") {
        next = source[i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "\r" && source[i + 1] === "\n") {
        next = source[++i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        res += parseCharCode(source, i + 1, length, onError);
        i += length;
      } else {
        const raw = source.substr(i - 1, 2);
        onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        res += raw;
      }
    } else if (ch === " " || ch === "	") {
      const wsStart = i;
      let next = source[i + 1];
      while (next === " " || next === "	")
        next = source[++i + 1];
      if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
        res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
    } else {
      res += ch;
    }
  }
  if (source[source.length - 1] !== '"' || source.length === 1)
    onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
  return res;
}
function foldNewline(source, offset) {
  let fold = "";
  let ch = source[offset + 1];
  while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
    if (ch === "\r" && source[offset + 2] !== "\n")
      break;
    if (ch === "\n")
      fold += "\n";
    offset += 1;
    ch = source[offset + 1];
  }
  if (!fold)
    fold = " ";
  return { fold, offset };
}
var escapeCodes = {
  "0": "\0",
  // null character
  a: "\x07",
  // bell character
  b: "\b",
  // backspace
  e: "\x1B",
  // escape character
  f: "\f",
  // form feed
  n: "\n",
  // line feed
  r: "\r",
  // carriage return
  t: "	",
  // horizontal tab
  v: "\v",
  // vertical tab
  N: "\x85",
  // Unicode next line
  _: "\xA0",
  // Unicode non-breaking space
  L: "\u2028",
  // Unicode line separator
  P: "\u2029",
  // Unicode paragraph separator
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "	": "	"
};
function parseCharCode(source, offset, length, onError) {
  const cc = source.substr(offset, length);
  const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
  const code = ok ? parseInt(cc, 16) : NaN;
  try {
    return String.fromCodePoint(code);
  } catch {
    const raw = source.substr(offset - 2, length + 2);
    onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
    return raw;
  }
}
function composeScalar(ctx, token, tagToken, onError) {
  const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar(ctx, token, onError) : resolveFlowScalar(token, ctx.options.strict, onError);
  const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
  let tag;
  if (ctx.options.stringKeys && ctx.atKey) {
    tag = ctx.schema[SCALAR];
  } else if (tagName)
    tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
  else if (token.type === "scalar")
    tag = findScalarTagByTest(ctx, value, token, onError);
  else
    tag = ctx.schema[SCALAR];
  let scalar;
  try {
    const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
    scalar = isScalar(res) ? res : new Scalar(res);
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
    scalar = new Scalar(value);
  }
  scalar.range = range;
  scalar.source = value;
  if (type)
    scalar.type = type;
  if (tagName)
    scalar.tag = tagName;
  if (tag.format)
    scalar.format = tag.format;
  if (comment)
    scalar.comment = comment;
  return scalar;
}
function findScalarTagByName(schema4, value, tagName, tagToken, onError) {
  if (tagName === "!")
    return schema4[SCALAR];
  const matchWithTest = [];
  for (const tag of schema4.tags) {
    if (!tag.collection && tag.tag === tagName) {
      if (tag.default && tag.test)
        matchWithTest.push(tag);
      else
        return tag;
    }
  }
  for (const tag of matchWithTest)
    if (tag.test?.test(value))
      return tag;
  const kt = schema4.knownTags[tagName];
  if (kt && !kt.collection) {
    schema4.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
    return kt;
  }
  onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
  return schema4[SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema: schema4 }, value, token, onError) {
  const tag = schema4.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema4[SCALAR];
  if (schema4.compat) {
    const compat = schema4.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema4[SCALAR];
    if (tag.tag !== compat.tag) {
      const ts = directives.tagString(tag.tag);
      const cs = directives.tagString(compat.tag);
      const msg = `Value may be parsed as either ${ts} or ${cs}`;
      onError(token, "TAG_RESOLVE_FAILED", msg, true);
    }
  }
  return tag;
}
function emptyScalarPosition(offset, before, pos) {
  if (before) {
    pos ?? (pos = before.length);
    for (let i = pos - 1; i >= 0; --i) {
      let st = before[i];
      switch (st.type) {
        case "space":
        case "comment":
        case "newline":
          offset -= st.source.length;
          continue;
      }
      st = before[++i];
      while (st?.type === "space") {
        offset += st.source.length;
        st = before[++i];
      }
      break;
    }
  }
  return offset;
}
var CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
  const atKey = ctx.atKey;
  const { spaceBefore, comment, anchor, tag } = props;
  let node;
  let isSrcToken = true;
  switch (token.type) {
    case "alias":
      node = composeAlias(ctx, token, onError);
      if (anchor || tag)
        onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
      break;
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "block-scalar":
      node = composeScalar(ctx, token, tag, onError);
      if (anchor)
        node.anchor = anchor.source.substring(1);
      break;
    case "block-map":
    case "block-seq":
    case "flow-collection":
      try {
        node = composeCollection(CN, ctx, token, props, onError);
        if (anchor)
          node.anchor = anchor.source.substring(1);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        onError(token, "RESOURCE_EXHAUSTION", message);
      }
      break;
    default: {
      const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
      onError(token, "UNEXPECTED_TOKEN", message);
      isSrcToken = false;
    }
  }
  node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
  if (anchor && node.anchor === "")
    onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  if (atKey && ctx.options.stringKeys && (!isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
    const msg = "With stringKeys, all keys must be strings";
    onError(tag ?? token, "NON_STRING_KEY", msg);
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    if (token.type === "scalar" && token.source === "")
      node.comment = comment;
    else
      node.commentBefore = comment;
  }
  if (ctx.options.keepSourceTokens && isSrcToken)
    node.srcToken = token;
  return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
  const token = {
    type: "scalar",
    offset: emptyScalarPosition(offset, before, pos),
    indent: -1,
    source: ""
  };
  const node = composeScalar(ctx, token, tag, onError);
  if (anchor) {
    node.anchor = anchor.source.substring(1);
    if (node.anchor === "")
      onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    node.comment = comment;
    node.range[2] = end;
  }
  return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
  const alias = new Alias(source.substring(1));
  if (alias.source === "")
    onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
  if (alias.source.endsWith(":"))
    onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
  const valueEnd = offset + source.length;
  const re = resolveEnd(end, valueEnd, options.strict, onError);
  alias.range = [offset, valueEnd, re.offset];
  if (re.comment)
    alias.comment = re.comment;
  return alias;
}
function composeDoc(options, directives, { offset, start, value, end }, onError) {
  const opts = Object.assign({ _directives: directives }, options);
  const doc = new Document(void 0, opts);
  const ctx = {
    atKey: false,
    atRoot: true,
    directives: doc.directives,
    options: doc.options,
    schema: doc.schema
  };
  const props = resolveProps(start, {
    indicator: "doc-start",
    next: value ?? end?.[0],
    offset,
    onError,
    parentIndent: 0,
    startOnNewline: true
  });
  if (props.found) {
    doc.directives.docStart = true;
    if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
      onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
  }
  doc.contents = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
  const contentEnd = doc.contents.range[2];
  const re = resolveEnd(end, contentEnd, false, onError);
  if (re.comment)
    doc.comment = re.comment;
  doc.range = [offset, contentEnd, re.offset];
  return doc;
}
function getErrorPos(src) {
  if (typeof src === "number")
    return [src, src + 1];
  if (Array.isArray(src))
    return src.length === 2 ? src : [src[0], src[1]];
  const { offset, source } = src;
  return [offset, offset + (typeof source === "string" ? source.length : 1)];
}
function parsePrelude(prelude) {
  let comment = "";
  let atComment = false;
  let afterEmptyLine = false;
  for (let i = 0; i < prelude.length; ++i) {
    const source = prelude[i];
    switch (source[0]) {
      case "#":
        comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
        atComment = true;
        afterEmptyLine = false;
        break;
      case "%":
        if (prelude[i + 1]?.[0] !== "#")
          i += 1;
        atComment = false;
        break;
      default:
        if (!atComment)
          afterEmptyLine = true;
        atComment = false;
    }
  }
  return { comment, afterEmptyLine };
}
var Composer = class {
  constructor(options = {}) {
    this.doc = null;
    this.atDirectives = false;
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
    this.onError = (source, code, message, warning) => {
      const pos = getErrorPos(source);
      if (warning)
        this.warnings.push(new YAMLWarning(pos, code, message));
      else
        this.errors.push(new YAMLParseError(pos, code, message));
    };
    this.directives = new Directives({ version: options.version || "1.2" });
    this.options = options;
  }
  decorate(doc, afterDoc) {
    const { comment, afterEmptyLine } = parsePrelude(this.prelude);
    if (comment) {
      const dc = doc.contents;
      if (afterDoc) {
        doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
      } else if (afterEmptyLine || doc.directives.docStart || !dc) {
        doc.commentBefore = comment;
      } else if (isCollection(dc) && !dc.flow && dc.items.length > 0) {
        let it = dc.items[0];
        if (isPair(it))
          it = it.key;
        const cb = it.commentBefore;
        it.commentBefore = cb ? `${comment}
${cb}` : comment;
      } else {
        const cb = dc.commentBefore;
        dc.commentBefore = cb ? `${comment}
${cb}` : comment;
      }
    }
    if (afterDoc) {
      for (let i = 0; i < this.errors.length; ++i)
        doc.errors.push(this.errors[i]);
      for (let i = 0; i < this.warnings.length; ++i)
        doc.warnings.push(this.warnings[i]);
    } else {
      doc.errors = this.errors;
      doc.warnings = this.warnings;
    }
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
  }
  /**
   * Current stream status information.
   *
   * Mostly useful at the end of input for an empty stream.
   */
  streamInfo() {
    return {
      comment: parsePrelude(this.prelude).comment,
      directives: this.directives,
      errors: this.errors,
      warnings: this.warnings
    };
  }
  /**
   * Compose tokens into documents.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *compose(tokens, forceDoc = false, endOffset = -1) {
    for (const token of tokens)
      yield* this.next(token);
    yield* this.end(forceDoc, endOffset);
  }
  /** Advance the composer by one CST token. */
  *next(token) {
    switch (token.type) {
      case "directive":
        this.directives.add(token.source, (offset, message, warning) => {
          const pos = getErrorPos(token);
          pos[0] += offset;
          this.onError(pos, "BAD_DIRECTIVE", message, warning);
        });
        this.prelude.push(token.source);
        this.atDirectives = true;
        break;
      case "document": {
        const doc = composeDoc(this.options, this.directives, token, this.onError);
        if (this.atDirectives && !doc.directives.docStart)
          this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
        this.decorate(doc, false);
        if (this.doc)
          yield this.doc;
        this.doc = doc;
        this.atDirectives = false;
        break;
      }
      case "byte-order-mark":
      case "space":
        break;
      case "comment":
      case "newline":
        this.prelude.push(token.source);
        break;
      case "error": {
        const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
        const error = new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
        if (this.atDirectives || !this.doc)
          this.errors.push(error);
        else
          this.doc.errors.push(error);
        break;
      }
      case "doc-end": {
        if (!this.doc) {
          const msg = "Unexpected doc-end without preceding document";
          this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
          break;
        }
        this.doc.directives.docEnd = true;
        const end = resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
        this.decorate(this.doc, true);
        if (end.comment) {
          const dc = this.doc.comment;
          this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
        }
        this.doc.range[2] = end.offset;
        break;
      }
      default:
        this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
    }
  }
  /**
   * Call at end of input to yield any remaining document.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *end(forceDoc = false, endOffset = -1) {
    if (this.doc) {
      this.decorate(this.doc, true);
      yield this.doc;
      this.doc = null;
    } else if (forceDoc) {
      const opts = Object.assign({ _directives: this.directives }, this.options);
      const doc = new Document(void 0, opts);
      if (this.atDirectives)
        this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
      doc.range = [0, endOffset, endOffset];
      this.decorate(doc, false);
      yield doc;
    }
  }
};
var BREAK2 = /* @__PURE__ */ Symbol("break visit");
var SKIP2 = /* @__PURE__ */ Symbol("skip children");
var REMOVE2 = /* @__PURE__ */ Symbol("remove item");
function visit2(cst, visitor) {
  if ("type" in cst && cst.type === "document")
    cst = { start: cst.start, value: cst.value };
  _visit(Object.freeze([]), cst, visitor);
}
visit2.BREAK = BREAK2;
visit2.SKIP = SKIP2;
visit2.REMOVE = REMOVE2;
visit2.itemAtPath = (cst, path6) => {
  let item = cst;
  for (const [field, index] of path6) {
    const tok = item?.[field];
    if (tok && "items" in tok) {
      item = tok.items[index];
    } else
      return void 0;
  }
  return item;
};
visit2.parentCollection = (cst, path6) => {
  const parent = visit2.itemAtPath(cst, path6.slice(0, -1));
  const field = path6[path6.length - 1][0];
  const coll = parent?.[field];
  if (coll && "items" in coll)
    return coll;
  throw new Error("Parent collection not found");
};
function _visit(path6, item, visitor) {
  let ctrl = visitor(item, path6);
  if (typeof ctrl === "symbol")
    return ctrl;
  for (const field of ["key", "value"]) {
    const token = item[field];
    if (token && "items" in token) {
      for (let i = 0; i < token.items.length; ++i) {
        const ci = _visit(Object.freeze(path6.concat([[field, i]])), token.items[i], visitor);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK2)
          return BREAK2;
        else if (ci === REMOVE2) {
          token.items.splice(i, 1);
          i -= 1;
        }
      }
      if (typeof ctrl === "function" && field === "key")
        ctrl = ctrl(item, path6);
    }
  }
  return typeof ctrl === "function" ? ctrl(item, path6) : ctrl;
}
var BOM = "\uFEFF";
var DOCUMENT = "";
var FLOW_END = "";
var SCALAR2 = "";
function tokenType(source) {
  switch (source) {
    case BOM:
      return "byte-order-mark";
    case DOCUMENT:
      return "doc-mode";
    case FLOW_END:
      return "flow-error-end";
    case SCALAR2:
      return "scalar";
    case "---":
      return "doc-start";
    case "...":
      return "doc-end";
    case "":
    case "\n":
    case "\r\n":
      return "newline";
    case "-":
      return "seq-item-ind";
    case "?":
      return "explicit-key-ind";
    case ":":
      return "map-value-ind";
    case "{":
      return "flow-map-start";
    case "}":
      return "flow-map-end";
    case "[":
      return "flow-seq-start";
    case "]":
      return "flow-seq-end";
    case ",":
      return "comma";
  }
  switch (source[0]) {
    case " ":
    case "	":
      return "space";
    case "#":
      return "comment";
    case "%":
      return "directive-line";
    case "*":
      return "alias";
    case "&":
      return "anchor";
    case "!":
      return "tag";
    case "'":
      return "single-quoted-scalar";
    case '"':
      return "double-quoted-scalar";
    case "|":
    case ">":
      return "block-scalar-header";
  }
  return null;
}
function isEmpty(ch) {
  switch (ch) {
    case void 0:
    case " ":
    case "\n":
    case "\r":
    case "	":
      return true;
    default:
      return false;
  }
}
var hexDigits = new Set("0123456789ABCDEFabcdef");
var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
var flowIndicatorChars = new Set(",[]{}");
var invalidAnchorChars = new Set(" ,[]{}\n\r	");
var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
var Lexer = class {
  constructor() {
    this.atEnd = false;
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    this.buffer = "";
    this.flowKey = false;
    this.flowLevel = 0;
    this.indentNext = 0;
    this.indentValue = 0;
    this.lineEndPos = null;
    this.next = null;
    this.pos = 0;
  }
  /**
   * Generate YAML tokens from the `source` string. If `incomplete`,
   * a part of the last line may be left as a buffer for the next call.
   *
   * @returns A generator of lexical tokens
   */
  *lex(source, incomplete = false) {
    if (source) {
      if (typeof source !== "string")
        throw TypeError("source is not a string");
      this.buffer = this.buffer ? this.buffer + source : source;
      this.lineEndPos = null;
    }
    this.atEnd = !incomplete;
    let next = this.next ?? "stream";
    while (next && (incomplete || this.hasChars(1)))
      next = yield* this.parseNext(next);
  }
  atLineEnd() {
    let i = this.pos;
    let ch = this.buffer[i];
    while (ch === " " || ch === "	")
      ch = this.buffer[++i];
    if (!ch || ch === "#" || ch === "\n")
      return true;
    if (ch === "\r")
      return this.buffer[i + 1] === "\n";
    return false;
  }
  charAt(n) {
    return this.buffer[this.pos + n];
  }
  continueScalar(offset) {
    let ch = this.buffer[offset];
    if (this.indentNext > 0) {
      let indent = 0;
      while (ch === " ")
        ch = this.buffer[++indent + offset];
      if (ch === "\r") {
        const next = this.buffer[indent + offset + 1];
        if (next === "\n" || !next && !this.atEnd)
          return offset + indent + 1;
      }
      return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
    }
    if (ch === "-" || ch === ".") {
      const dt = this.buffer.substr(offset, 3);
      if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
        return -1;
    }
    return offset;
  }
  getLine() {
    let end = this.lineEndPos;
    if (typeof end !== "number" || end !== -1 && end < this.pos) {
      end = this.buffer.indexOf("\n", this.pos);
      this.lineEndPos = end;
    }
    if (end === -1)
      return this.atEnd ? this.buffer.substring(this.pos) : null;
    if (this.buffer[end - 1] === "\r")
      end -= 1;
    return this.buffer.substring(this.pos, end);
  }
  hasChars(n) {
    return this.pos + n <= this.buffer.length;
  }
  setNext(state) {
    this.buffer = this.buffer.substring(this.pos);
    this.pos = 0;
    this.lineEndPos = null;
    this.next = state;
    return null;
  }
  peek(n) {
    return this.buffer.substr(this.pos, n);
  }
  *parseNext(next) {
    switch (next) {
      case "stream":
        return yield* this.parseStream();
      case "line-start":
        return yield* this.parseLineStart();
      case "block-start":
        return yield* this.parseBlockStart();
      case "doc":
        return yield* this.parseDocument();
      case "flow":
        return yield* this.parseFlowCollection();
      case "quoted-scalar":
        return yield* this.parseQuotedScalar();
      case "block-scalar":
        return yield* this.parseBlockScalar();
      case "plain-scalar":
        return yield* this.parsePlainScalar();
    }
  }
  *parseStream() {
    let line = this.getLine();
    if (line === null)
      return this.setNext("stream");
    if (line[0] === BOM) {
      yield* this.pushCount(1);
      line = line.substring(1);
    }
    if (line[0] === "%") {
      let dirEnd = line.length;
      let cs = line.indexOf("#");
      while (cs !== -1) {
        const ch = line[cs - 1];
        if (ch === " " || ch === "	") {
          dirEnd = cs - 1;
          break;
        } else {
          cs = line.indexOf("#", cs + 1);
        }
      }
      while (true) {
        const ch = line[dirEnd - 1];
        if (ch === " " || ch === "	")
          dirEnd -= 1;
        else
          break;
      }
      const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
      yield* this.pushCount(line.length - n);
      this.pushNewline();
      return "stream";
    }
    if (this.atLineEnd()) {
      const sp = yield* this.pushSpaces(true);
      yield* this.pushCount(line.length - sp);
      yield* this.pushNewline();
      return "stream";
    }
    yield DOCUMENT;
    return yield* this.parseLineStart();
  }
  *parseLineStart() {
    const ch = this.charAt(0);
    if (!ch && !this.atEnd)
      return this.setNext("line-start");
    if (ch === "-" || ch === ".") {
      if (!this.atEnd && !this.hasChars(4))
        return this.setNext("line-start");
      const s = this.peek(3);
      if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
        yield* this.pushCount(3);
        this.indentValue = 0;
        this.indentNext = 0;
        return s === "---" ? "doc" : "stream";
      }
    }
    this.indentValue = yield* this.pushSpaces(false);
    if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
      this.indentNext = this.indentValue;
    return yield* this.parseBlockStart();
  }
  *parseBlockStart() {
    const [ch0, ch1] = this.peek(2);
    if (!ch1 && !this.atEnd)
      return this.setNext("block-start");
    if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
      const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
      this.indentNext = this.indentValue + 1;
      this.indentValue += n;
      return "block-start";
    }
    return "doc";
  }
  *parseDocument() {
    yield* this.pushSpaces(true);
    const line = this.getLine();
    if (line === null)
      return this.setNext("doc");
    let n = yield* this.pushIndicators();
    switch (line[n]) {
      case "#":
        yield* this.pushCount(line.length - n);
      // fallthrough
      case void 0:
        yield* this.pushNewline();
        return yield* this.parseLineStart();
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel = 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        return "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "doc";
      case '"':
      case "'":
        return yield* this.parseQuotedScalar();
      case "|":
      case ">":
        n += yield* this.parseBlockScalarHeader();
        n += yield* this.pushSpaces(true);
        yield* this.pushCount(line.length - n);
        yield* this.pushNewline();
        return yield* this.parseBlockScalar();
      default:
        return yield* this.parsePlainScalar();
    }
  }
  *parseFlowCollection() {
    let nl, sp;
    let indent = -1;
    do {
      nl = yield* this.pushNewline();
      if (nl > 0) {
        sp = yield* this.pushSpaces(false);
        this.indentValue = indent = sp;
      } else {
        sp = 0;
      }
      sp += yield* this.pushSpaces(true);
    } while (nl + sp > 0);
    const line = this.getLine();
    if (line === null)
      return this.setNext("flow");
    if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
      const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
      if (!atFlowEndMarker) {
        this.flowLevel = 0;
        yield FLOW_END;
        return yield* this.parseLineStart();
      }
    }
    let n = 0;
    while (line[n] === ",") {
      n += yield* this.pushCount(1);
      n += yield* this.pushSpaces(true);
      this.flowKey = false;
    }
    n += yield* this.pushIndicators();
    switch (line[n]) {
      case void 0:
        return "flow";
      case "#":
        yield* this.pushCount(line.length - n);
        return "flow";
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel += 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        this.flowKey = true;
        this.flowLevel -= 1;
        return this.flowLevel ? "flow" : "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "flow";
      case '"':
      case "'":
        this.flowKey = true;
        return yield* this.parseQuotedScalar();
      case ":": {
        const next = this.charAt(1);
        if (this.flowKey || isEmpty(next) || next === ",") {
          this.flowKey = false;
          yield* this.pushCount(1);
          yield* this.pushSpaces(true);
          return "flow";
        }
      }
      // fallthrough
      default:
        this.flowKey = false;
        return yield* this.parsePlainScalar();
    }
  }
  *parseQuotedScalar() {
    const quote = this.charAt(0);
    let end = this.buffer.indexOf(quote, this.pos + 1);
    if (quote === "'") {
      while (end !== -1 && this.buffer[end + 1] === "'")
        end = this.buffer.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (this.buffer[end - 1 - n] === "\\")
          n += 1;
        if (n % 2 === 0)
          break;
        end = this.buffer.indexOf('"', end + 1);
      }
    }
    const qb = this.buffer.substring(0, end);
    let nl = qb.indexOf("\n", this.pos);
    if (nl !== -1) {
      while (nl !== -1) {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = qb.indexOf("\n", cs);
      }
      if (nl !== -1) {
        end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
      }
    }
    if (end === -1) {
      if (!this.atEnd)
        return this.setNext("quoted-scalar");
      end = this.buffer.length;
    }
    yield* this.pushToIndex(end + 1, false);
    return this.flowLevel ? "flow" : "doc";
  }
  *parseBlockScalarHeader() {
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    let i = this.pos;
    while (true) {
      const ch = this.buffer[++i];
      if (ch === "+")
        this.blockScalarKeep = true;
      else if (ch > "0" && ch <= "9")
        this.blockScalarIndent = Number(ch) - 1;
      else if (ch !== "-")
        break;
    }
    return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
  }
  *parseBlockScalar() {
    let nl = this.pos - 1;
    let indent = 0;
    let ch;
    loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
      switch (ch) {
        case " ":
          indent += 1;
          break;
        case "\n":
          nl = i2;
          indent = 0;
          break;
        case "\r": {
          const next = this.buffer[i2 + 1];
          if (!next && !this.atEnd)
            return this.setNext("block-scalar");
          if (next === "\n")
            break;
        }
        // fallthrough
        default:
          break loop;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("block-scalar");
    if (indent >= this.indentNext) {
      if (this.blockScalarIndent === -1)
        this.indentNext = indent;
      else {
        this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
      }
      do {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = this.buffer.indexOf("\n", cs);
      } while (nl !== -1);
      if (nl === -1) {
        if (!this.atEnd)
          return this.setNext("block-scalar");
        nl = this.buffer.length;
      }
    }
    let i = nl + 1;
    ch = this.buffer[i];
    while (ch === " ")
      ch = this.buffer[++i];
    if (ch === "	") {
      while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
        ch = this.buffer[++i];
      nl = i - 1;
    } else if (!this.blockScalarKeep) {
      do {
        let i2 = nl - 1;
        let ch2 = this.buffer[i2];
        if (ch2 === "\r")
          ch2 = this.buffer[--i2];
        const lastChar = i2;
        while (ch2 === " ")
          ch2 = this.buffer[--i2];
        if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
          nl = i2;
        else
          break;
      } while (true);
    }
    yield SCALAR2;
    yield* this.pushToIndex(nl + 1, true);
    return yield* this.parseLineStart();
  }
  *parsePlainScalar() {
    const inFlow = this.flowLevel > 0;
    let end = this.pos - 1;
    let i = this.pos - 1;
    let ch;
    while (ch = this.buffer[++i]) {
      if (ch === ":") {
        const next = this.buffer[i + 1];
        if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
          break;
        end = i;
      } else if (isEmpty(ch)) {
        let next = this.buffer[i + 1];
        if (ch === "\r") {
          if (next === "\n") {
            i += 1;
            ch = "\n";
            next = this.buffer[i + 1];
          } else
            end = i;
        }
        if (next === "#" || inFlow && flowIndicatorChars.has(next))
          break;
        if (ch === "\n") {
          const cs = this.continueScalar(i + 1);
          if (cs === -1)
            break;
          i = Math.max(i, cs - 2);
        }
      } else {
        if (inFlow && flowIndicatorChars.has(ch))
          break;
        end = i;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("plain-scalar");
    yield SCALAR2;
    yield* this.pushToIndex(end + 1, true);
    return inFlow ? "flow" : "doc";
  }
  *pushCount(n) {
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos += n;
      return n;
    }
    return 0;
  }
  *pushToIndex(i, allowEmpty) {
    const s = this.buffer.slice(this.pos, i);
    if (s) {
      yield s;
      this.pos += s.length;
      return s.length;
    } else if (allowEmpty)
      yield "";
    return 0;
  }
  *pushIndicators() {
    let n = 0;
    loop: while (true) {
      switch (this.charAt(0)) {
        case "!":
          n += yield* this.pushTag();
          n += yield* this.pushSpaces(true);
          continue loop;
        case "&":
          n += yield* this.pushUntil(isNotAnchorChar);
          n += yield* this.pushSpaces(true);
          continue loop;
        case "-":
        // this is an error
        case "?":
        // this is an error outside flow collections
        case ":": {
          const inFlow = this.flowLevel > 0;
          const ch1 = this.charAt(1);
          if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
            if (!inFlow)
              this.indentNext = this.indentValue + 1;
            else if (this.flowKey)
              this.flowKey = false;
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            continue loop;
          }
        }
      }
      break loop;
    }
    return n;
  }
  *pushTag() {
    if (this.charAt(1) === "<") {
      let i = this.pos + 2;
      let ch = this.buffer[i];
      while (!isEmpty(ch) && ch !== ">")
        ch = this.buffer[++i];
      return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
    } else {
      let i = this.pos + 1;
      let ch = this.buffer[i];
      while (ch) {
        if (tagChars.has(ch))
          ch = this.buffer[++i];
        else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
          ch = this.buffer[i += 3];
        } else
          break;
      }
      return yield* this.pushToIndex(i, false);
    }
  }
  *pushNewline() {
    const ch = this.buffer[this.pos];
    if (ch === "\n")
      return yield* this.pushCount(1);
    else if (ch === "\r" && this.charAt(1) === "\n")
      return yield* this.pushCount(2);
    else
      return 0;
  }
  *pushSpaces(allowTabs) {
    let i = this.pos - 1;
    let ch;
    do {
      ch = this.buffer[++i];
    } while (ch === " " || allowTabs && ch === "	");
    const n = i - this.pos;
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos = i;
    }
    return n;
  }
  *pushUntil(test) {
    let i = this.pos;
    let ch = this.buffer[i];
    while (!test(ch))
      ch = this.buffer[++i];
    return yield* this.pushToIndex(i, false);
  }
};
var LineCounter = class {
  constructor() {
    this.lineStarts = [];
    this.addNewLine = (offset) => this.lineStarts.push(offset);
    this.linePos = (offset) => {
      let low = 0;
      let high = this.lineStarts.length;
      while (low < high) {
        const mid = low + high >> 1;
        if (this.lineStarts[mid] < offset)
          low = mid + 1;
        else
          high = mid;
      }
      if (this.lineStarts[low] === offset)
        return { line: low + 1, col: 1 };
      if (low === 0)
        return { line: 0, col: offset };
      const start = this.lineStarts[low - 1];
      return { line: low, col: offset - start + 1 };
    };
  }
};
function includesToken(list, type) {
  for (let i = 0; i < list.length; ++i)
    if (list[i].type === type)
      return true;
  return false;
}
function findNonEmptyIndex(list) {
  for (let i = 0; i < list.length; ++i) {
    switch (list[i].type) {
      case "space":
      case "comment":
      case "newline":
        break;
      default:
        return i;
    }
  }
  return -1;
}
function isFlowToken(token) {
  switch (token?.type) {
    case "alias":
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "flow-collection":
      return true;
    default:
      return false;
  }
}
function getPrevProps(parent) {
  switch (parent.type) {
    case "document":
      return parent.start;
    case "block-map": {
      const it = parent.items[parent.items.length - 1];
      return it.sep ?? it.start;
    }
    case "block-seq":
      return parent.items[parent.items.length - 1].start;
    /* istanbul ignore next should not happen */
    default:
      return [];
  }
}
function getFirstKeyStartProps(prev) {
  if (prev.length === 0)
    return [];
  let i = prev.length;
  loop: while (--i >= 0) {
    switch (prev[i].type) {
      case "doc-start":
      case "explicit-key-ind":
      case "map-value-ind":
      case "seq-item-ind":
      case "newline":
        break loop;
    }
  }
  while (prev[++i]?.type === "space") {
  }
  return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
  if (source.length < 1e5)
    Array.prototype.push.apply(target, source);
  else
    for (let i = 0; i < source.length; ++i)
      target.push(source[i]);
}
function fixFlowSeqItems(fc) {
  if (fc.start.type === "flow-seq-start") {
    for (const it of fc.items) {
      if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
        if (it.key)
          it.value = it.key;
        delete it.key;
        if (isFlowToken(it.value)) {
          if (it.value.end)
            arrayPushArray(it.value.end, it.sep);
          else
            it.value.end = it.sep;
        } else
          arrayPushArray(it.start, it.sep);
        delete it.sep;
      }
    }
  }
}
var Parser = class {
  /**
   * @param onNewLine - If defined, called separately with the start position of
   *   each new line (in `parse()`, including the start of input).
   */
  constructor(onNewLine) {
    this.atNewLine = true;
    this.atScalar = false;
    this.indent = 0;
    this.offset = 0;
    this.onKeyLine = false;
    this.stack = [];
    this.source = "";
    this.type = "";
    this.lexer = new Lexer();
    this.onNewLine = onNewLine;
  }
  /**
   * Parse `source` as a YAML stream.
   * If `incomplete`, a part of the last line may be left as a buffer for the next call.
   *
   * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
   *
   * @returns A generator of tokens representing each directive, document, and other structure.
   */
  *parse(source, incomplete = false) {
    if (this.onNewLine && this.offset === 0)
      this.onNewLine(0);
    for (const lexeme of this.lexer.lex(source, incomplete))
      yield* this.next(lexeme);
    if (!incomplete)
      yield* this.end();
  }
  /**
   * Advance the parser by the `source` of one lexical token.
   */
  *next(source) {
    this.source = source;
    if (this.atScalar) {
      this.atScalar = false;
      yield* this.step();
      this.offset += source.length;
      return;
    }
    const type = tokenType(source);
    if (!type) {
      const message = `Not a YAML token: ${source}`;
      yield* this.pop({ type: "error", offset: this.offset, message, source });
      this.offset += source.length;
    } else if (type === "scalar") {
      this.atNewLine = false;
      this.atScalar = true;
      this.type = "scalar";
    } else {
      this.type = type;
      yield* this.step();
      switch (type) {
        case "newline":
          this.atNewLine = true;
          this.indent = 0;
          if (this.onNewLine)
            this.onNewLine(this.offset + source.length);
          break;
        case "space":
          if (this.atNewLine && source[0] === " ")
            this.indent += source.length;
          break;
        case "explicit-key-ind":
        case "map-value-ind":
        case "seq-item-ind":
          if (this.atNewLine)
            this.indent += source.length;
          break;
        case "doc-mode":
        case "flow-error-end":
          return;
        default:
          this.atNewLine = false;
      }
      this.offset += source.length;
    }
  }
  /** Call at end of input to push out any remaining constructions */
  *end() {
    while (this.stack.length > 0)
      yield* this.pop();
  }
  get sourceToken() {
    const st = {
      type: this.type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
    return st;
  }
  *step() {
    const top = this.peek(1);
    if (this.type === "doc-end" && top?.type !== "doc-end") {
      while (this.stack.length > 0)
        yield* this.pop();
      this.stack.push({
        type: "doc-end",
        offset: this.offset,
        source: this.source
      });
      return;
    }
    if (!top)
      return yield* this.stream();
    switch (top.type) {
      case "document":
        return yield* this.document(top);
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return yield* this.scalar(top);
      case "block-scalar":
        return yield* this.blockScalar(top);
      case "block-map":
        return yield* this.blockMap(top);
      case "block-seq":
        return yield* this.blockSequence(top);
      case "flow-collection":
        return yield* this.flowCollection(top);
      case "doc-end":
        return yield* this.documentEnd(top);
    }
    yield* this.pop();
  }
  peek(n) {
    return this.stack[this.stack.length - n];
  }
  *pop(error) {
    const token = error ?? this.stack.pop();
    if (!token) {
      const message = "Tried to pop an empty stack";
      yield { type: "error", offset: this.offset, source: "", message };
    } else if (this.stack.length === 0) {
      yield token;
    } else {
      const top = this.peek(1);
      if (token.type === "block-scalar") {
        token.indent = "indent" in top ? top.indent : 0;
      } else if (token.type === "flow-collection" && top.type === "document") {
        token.indent = 0;
      }
      if (token.type === "flow-collection")
        fixFlowSeqItems(token);
      switch (top.type) {
        case "document":
          top.value = token;
          break;
        case "block-scalar":
          top.props.push(token);
          break;
        case "block-map": {
          const it = top.items[top.items.length - 1];
          if (it.value) {
            top.items.push({ start: [], key: token, sep: [] });
            this.onKeyLine = true;
            return;
          } else if (it.sep) {
            it.value = token;
          } else {
            Object.assign(it, { key: token, sep: [] });
            this.onKeyLine = !it.explicitKey;
            return;
          }
          break;
        }
        case "block-seq": {
          const it = top.items[top.items.length - 1];
          if (it.value)
            top.items.push({ start: [], value: token });
          else
            it.value = token;
          break;
        }
        case "flow-collection": {
          const it = top.items[top.items.length - 1];
          if (!it || it.value)
            top.items.push({ start: [], key: token, sep: [] });
          else if (it.sep)
            it.value = token;
          else
            Object.assign(it, { key: token, sep: [] });
          return;
        }
        /* istanbul ignore next should not happen */
        default:
          yield* this.pop();
          yield* this.pop(token);
      }
      if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
        const last = token.items[token.items.length - 1];
        if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
          if (top.type === "document")
            top.end = last.start;
          else
            top.items.push({ start: last.start });
          token.items.splice(-1, 1);
        }
      }
    }
  }
  *stream() {
    switch (this.type) {
      case "directive-line":
        yield { type: "directive", offset: this.offset, source: this.source };
        return;
      case "byte-order-mark":
      case "space":
      case "comment":
      case "newline":
        yield this.sourceToken;
        return;
      case "doc-mode":
      case "doc-start": {
        const doc = {
          type: "document",
          offset: this.offset,
          start: []
        };
        if (this.type === "doc-start")
          doc.start.push(this.sourceToken);
        this.stack.push(doc);
        return;
      }
    }
    yield {
      type: "error",
      offset: this.offset,
      message: `Unexpected ${this.type} token in YAML stream`,
      source: this.source
    };
  }
  *document(doc) {
    if (doc.value)
      return yield* this.lineEnd(doc);
    switch (this.type) {
      case "doc-start": {
        if (findNonEmptyIndex(doc.start) !== -1) {
          yield* this.pop();
          yield* this.step();
        } else
          doc.start.push(this.sourceToken);
        return;
      }
      case "anchor":
      case "tag":
      case "space":
      case "comment":
      case "newline":
        doc.start.push(this.sourceToken);
        return;
    }
    const bv = this.startBlockValue(doc);
    if (bv)
      this.stack.push(bv);
    else {
      yield {
        type: "error",
        offset: this.offset,
        message: `Unexpected ${this.type} token in YAML document`,
        source: this.source
      };
    }
  }
  *scalar(scalar) {
    if (this.type === "map-value-ind") {
      const prev = getPrevProps(this.peek(2));
      const start = getFirstKeyStartProps(prev);
      let sep;
      if (scalar.end) {
        sep = scalar.end;
        sep.push(this.sourceToken);
        delete scalar.end;
      } else
        sep = [this.sourceToken];
      const map2 = {
        type: "block-map",
        offset: scalar.offset,
        indent: scalar.indent,
        items: [{ start, key: scalar, sep }]
      };
      this.onKeyLine = true;
      this.stack[this.stack.length - 1] = map2;
    } else
      yield* this.lineEnd(scalar);
  }
  *blockScalar(scalar) {
    switch (this.type) {
      case "space":
      case "comment":
      case "newline":
        scalar.props.push(this.sourceToken);
        return;
      case "scalar":
        scalar.source = this.source;
        this.atNewLine = true;
        this.indent = 0;
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        yield* this.pop();
        break;
      /* istanbul ignore next should not happen */
      default:
        yield* this.pop();
        yield* this.step();
    }
  }
  *blockMap(map2) {
    const it = map2.items[map2.items.length - 1];
    switch (this.type) {
      case "newline":
        this.onKeyLine = false;
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          it.start.push(this.sourceToken);
        }
        return;
      case "space":
      case "comment":
        if (it.value) {
          map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          if (this.atIndentedComment(it.start, map2.indent)) {
            const prev = map2.items[map2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              map2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
    }
    if (this.indent >= map2.indent) {
      const atMapIndent = !this.onKeyLine && this.indent === map2.indent;
      const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
      let start = [];
      if (atNextItem && it.sep && !it.value) {
        const nl = [];
        for (let i = 0; i < it.sep.length; ++i) {
          const st = it.sep[i];
          switch (st.type) {
            case "newline":
              nl.push(i);
              break;
            case "space":
              break;
            case "comment":
              if (st.indent > map2.indent)
                nl.length = 0;
              break;
            default:
              nl.length = 0;
          }
        }
        if (nl.length >= 2)
          start = it.sep.splice(nl[1]);
      }
      switch (this.type) {
        case "anchor":
        case "tag":
          if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start });
            this.onKeyLine = true;
          } else if (it.sep) {
            it.sep.push(this.sourceToken);
          } else {
            it.start.push(this.sourceToken);
          }
          return;
        case "explicit-key-ind":
          if (!it.sep && !it.explicitKey) {
            it.start.push(this.sourceToken);
            it.explicitKey = true;
          } else if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start, explicitKey: true });
          } else {
            this.stack.push({
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken], explicitKey: true }]
            });
          }
          this.onKeyLine = true;
          return;
        case "map-value-ind":
          if (it.explicitKey) {
            if (!it.sep) {
              if (includesToken(it.start, "newline")) {
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              } else {
                const start2 = getFirstKeyStartProps(it.start);
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                });
              }
            } else if (it.value) {
              map2.items.push({ start: [], key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start, key: null, sep: [this.sourceToken] }]
              });
            } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
              const start2 = getFirstKeyStartProps(it.start);
              const key = it.key;
              const sep = it.sep;
              sep.push(this.sourceToken);
              delete it.key;
              delete it.sep;
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: start2, key, sep }]
              });
            } else if (start.length > 0) {
              it.sep = it.sep.concat(start, this.sourceToken);
            } else {
              it.sep.push(this.sourceToken);
            }
          } else {
            if (!it.sep) {
              Object.assign(it, { key: null, sep: [this.sourceToken] });
            } else if (it.value || atNextItem) {
              map2.items.push({ start, key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: [], key: null, sep: [this.sourceToken] }]
              });
            } else {
              it.sep.push(this.sourceToken);
            }
          }
          this.onKeyLine = true;
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs = this.flowScalar(this.type);
          if (atNextItem || it.value) {
            map2.items.push({ start, key: fs, sep: [] });
            this.onKeyLine = true;
          } else if (it.sep) {
            this.stack.push(fs);
          } else {
            Object.assign(it, { key: fs, sep: [] });
            this.onKeyLine = true;
          }
          return;
        }
        default: {
          const bv = this.startBlockValue(map2);
          if (bv) {
            if (bv.type === "block-seq") {
              if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                yield* this.pop({
                  type: "error",
                  offset: this.offset,
                  message: "Unexpected block-seq-ind on same line with key",
                  source: this.source
                });
                return;
              }
            } else if (atMapIndent) {
              map2.items.push({ start });
            }
            this.stack.push(bv);
            return;
          }
        }
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *blockSequence(seq2) {
    const it = seq2.items[seq2.items.length - 1];
    switch (this.type) {
      case "newline":
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            seq2.items.push({ start: [this.sourceToken] });
        } else
          it.start.push(this.sourceToken);
        return;
      case "space":
      case "comment":
        if (it.value)
          seq2.items.push({ start: [this.sourceToken] });
        else {
          if (this.atIndentedComment(it.start, seq2.indent)) {
            const prev = seq2.items[seq2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              seq2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
      case "anchor":
      case "tag":
        if (it.value || this.indent <= seq2.indent)
          break;
        it.start.push(this.sourceToken);
        return;
      case "seq-item-ind":
        if (this.indent !== seq2.indent)
          break;
        if (it.value || includesToken(it.start, "seq-item-ind"))
          seq2.items.push({ start: [this.sourceToken] });
        else
          it.start.push(this.sourceToken);
        return;
    }
    if (this.indent > seq2.indent) {
      const bv = this.startBlockValue(seq2);
      if (bv) {
        this.stack.push(bv);
        return;
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *flowCollection(fc) {
    const it = fc.items[fc.items.length - 1];
    if (this.type === "flow-error-end") {
      let top;
      do {
        yield* this.pop();
        top = this.peek(1);
      } while (top?.type === "flow-collection");
    } else if (fc.end.length === 0) {
      switch (this.type) {
        case "comma":
        case "explicit-key-ind":
          if (!it || it.sep)
            fc.items.push({ start: [this.sourceToken] });
          else
            it.start.push(this.sourceToken);
          return;
        case "map-value-ind":
          if (!it || it.value)
            fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            Object.assign(it, { key: null, sep: [this.sourceToken] });
          return;
        case "space":
        case "comment":
        case "newline":
        case "anchor":
        case "tag":
          if (!it || it.value)
            fc.items.push({ start: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            it.start.push(this.sourceToken);
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs = this.flowScalar(this.type);
          if (!it || it.value)
            fc.items.push({ start: [], key: fs, sep: [] });
          else if (it.sep)
            this.stack.push(fs);
          else
            Object.assign(it, { key: fs, sep: [] });
          return;
        }
        case "flow-map-end":
        case "flow-seq-end":
          fc.end.push(this.sourceToken);
          return;
      }
      const bv = this.startBlockValue(fc);
      if (bv)
        this.stack.push(bv);
      else {
        yield* this.pop();
        yield* this.step();
      }
    } else {
      const parent = this.peek(2);
      if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
        yield* this.pop();
        yield* this.step();
      } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        fixFlowSeqItems(fc);
        const sep = fc.end.splice(1, fc.end.length);
        sep.push(this.sourceToken);
        const map2 = {
          type: "block-map",
          offset: fc.offset,
          indent: fc.indent,
          items: [{ start, key: fc, sep }]
        };
        this.onKeyLine = true;
        this.stack[this.stack.length - 1] = map2;
      } else {
        yield* this.lineEnd(fc);
      }
    }
  }
  flowScalar(type) {
    if (this.onNewLine) {
      let nl = this.source.indexOf("\n") + 1;
      while (nl !== 0) {
        this.onNewLine(this.offset + nl);
        nl = this.source.indexOf("\n", nl) + 1;
      }
    }
    return {
      type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
  }
  startBlockValue(parent) {
    switch (this.type) {
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return this.flowScalar(this.type);
      case "block-scalar-header":
        return {
          type: "block-scalar",
          offset: this.offset,
          indent: this.indent,
          props: [this.sourceToken],
          source: ""
        };
      case "flow-map-start":
      case "flow-seq-start":
        return {
          type: "flow-collection",
          offset: this.offset,
          indent: this.indent,
          start: this.sourceToken,
          items: [],
          end: []
        };
      case "seq-item-ind":
        return {
          type: "block-seq",
          offset: this.offset,
          indent: this.indent,
          items: [{ start: [this.sourceToken] }]
        };
      case "explicit-key-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        start.push(this.sourceToken);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, explicitKey: true }]
        };
      }
      case "map-value-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, key: null, sep: [this.sourceToken] }]
        };
      }
    }
    return null;
  }
  atIndentedComment(start, indent) {
    if (this.type !== "comment")
      return false;
    if (this.indent <= indent)
      return false;
    return start.every((st) => st.type === "newline" || st.type === "space");
  }
  *documentEnd(docEnd) {
    if (this.type !== "doc-mode") {
      if (docEnd.end)
        docEnd.end.push(this.sourceToken);
      else
        docEnd.end = [this.sourceToken];
      if (this.type === "newline")
        yield* this.pop();
    }
  }
  *lineEnd(token) {
    switch (this.type) {
      case "comma":
      case "doc-start":
      case "doc-end":
      case "flow-seq-end":
      case "flow-map-end":
      case "map-value-ind":
        yield* this.pop();
        yield* this.step();
        break;
      case "newline":
        this.onKeyLine = false;
      // fallthrough
      case "space":
      case "comment":
      default:
        if (token.end)
          token.end.push(this.sourceToken);
        else
          token.end = [this.sourceToken];
        if (this.type === "newline")
          yield* this.pop();
    }
  }
};
function parseOptions(options) {
  const prettyErrors = options.prettyErrors !== false;
  const lineCounter = options.lineCounter || prettyErrors && new LineCounter() || null;
  return { lineCounter, prettyErrors };
}
function parseDocument(source, options = {}) {
  const { lineCounter, prettyErrors } = parseOptions(options);
  const parser = new Parser(lineCounter?.addNewLine);
  const composer = new Composer(options);
  let doc = null;
  for (const _doc of composer.compose(parser.parse(source), true, source.length)) {
    if (!doc)
      doc = _doc;
    else if (doc.options.logLevel !== "silent") {
      doc.errors.push(new YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  if (prettyErrors && lineCounter) {
    doc.errors.forEach(prettifyError(source, lineCounter));
    doc.warnings.forEach(prettifyError(source, lineCounter));
  }
  return doc;
}
function childPath(parent, key) {
  return parent === "" ? key : `${parent}.${key}`;
}
function nodeAt(root, key) {
  let node = root;
  for (const part of key.split(".")) node = node?.kind === "map" ? node.entries.get(part)?.node : void 0;
  return node;
}
function emptyMap(path6, where, override) {
  return { kind: "map", path: path6, where, entries: /* @__PURE__ */ new Map(), ...override !== void 0 ? { override } : {} };
}
var MAX_DEPTH = 64;
function treeFromDocument(doc, lineCounter, issues, fileLabel) {
  return new TreeReader(doc, lineCounter, issues, fileLabel).convert(doc.contents, "", void 0, 0);
}
var TreeReader = class {
  constructor(doc, lineCounter, issues, fileLabel) {
    this.doc = doc;
    this.lineCounter = lineCounter;
    this.issues = issues;
    this.fileLabel = fileLabel;
  }
  doc;
  lineCounter;
  issues;
  fileLabel;
  convert(node, path6, fallbackLine, depth) {
    const resolved = isAlias(node) ? node.resolve(this.doc) : node;
    const line = this.lineOf(resolved?.range) ?? fallbackLine;
    const where = this.whereAt(path6, isAlias(node) ? this.lineOf(node.range) ?? line : line);
    if (isAlias(node) && resolved === void 0) {
      this.issues.add(
        where,
        `is the alias *${node.source}, but no anchor &${node.source} is defined before it: define the anchor on the value to reuse (such as hyperparameters: &${node.source} { epochs: 10 }), or write the value here`
      );
      return { kind: "scalar", path: path6, where, value: null };
    }
    if (depth > MAX_DEPTH) {
      this.issues.add(where, `is nested more than ${MAX_DEPTH} levels deep (an alias that refers to itself?)`);
      return { kind: "scalar", path: path6, where, value: null };
    }
    if (isMap(resolved)) return this.convertMap(resolved, path6, where, line, depth);
    if (isSeq(resolved)) {
      return {
        kind: "seq",
        path: path6,
        where,
        items: resolved.items.map((item, index) => this.convert(item, `${path6}[${index}]`, line, depth + 1))
      };
    }
    if (isScalar(resolved)) return scalarNode(resolved, path6, where);
    return { kind: "scalar", path: path6, where, value: null };
  }
  convertMap(resolved, path6, where, line, depth) {
    const map2 = { ...emptyMap(path6, where), ...line !== void 0 ? { line } : {} };
    for (const pair of resolved.items) {
      const keyLine = isScalar(pair.key) ? this.lineOf(pair.key.range) : line;
      const key = keyText(pair.key);
      if (key === void 0) {
        this.issues.add(this.whereAt(path6, keyLine), "has a key that is not a plain name (keys must be strings)");
        continue;
      }
      const entryPath = childPath(path6, key);
      map2.entries.set(key, {
        key,
        keyWhere: this.whereAt(entryPath, keyLine),
        node: this.convert(pair.value, entryPath, keyLine, depth + 1)
      });
    }
    return map2;
  }
  lineOf(range) {
    return range?.[0] === void 0 ? void 0 : this.lineCounter.linePos(range[0]).line;
  }
  whereAt(path6, line) {
    const name = path6 === "" ? this.fileLabel : path6;
    return line === void 0 ? name : `${name} (line ${line})`;
  }
};
function scalarNode(resolved, path6, where) {
  const value = resolved.value;
  const text = resolved.source;
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return { kind: "scalar", path: path6, where, value, ...text !== void 0 ? { text } : {} };
  }
  return { kind: "scalar", path: path6, where, value: text ?? "", ...text !== void 0 ? { text } : {} };
}
function keyText(key) {
  if (!isScalar(key)) return void 0;
  const value = key.value;
  if (typeof value === "string") return value === "" ? void 0 : value;
  if (typeof value === "number" || typeof value === "boolean") return key.source ?? String(value);
  return void 0;
}
function treeFromValue(value, path6, where, override, text) {
  if (Array.isArray(value)) {
    return {
      kind: "seq",
      path: path6,
      where,
      override,
      items: value.map(
        (item, index) => treeFromValue(item, `${path6}[${index}]`, `${override} (${path6}[${index}])`, override)
      )
    };
  }
  if (value !== null && typeof value === "object") {
    const map2 = emptyMap(path6, where, override);
    for (const [key, item] of Object.entries(value)) {
      const itemPath = childPath(path6, key);
      const itemWhere = `${override} (${itemPath})`;
      map2.entries.set(key, { key, keyWhere: itemWhere, node: treeFromValue(item, itemPath, itemWhere, override) });
    }
    return map2;
  }
  const scalar = value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : typeof value === "bigint" ? value.toString() : null;
  return { kind: "scalar", path: path6, where, override, value: scalar, ...text !== void 0 ? { text } : {} };
}
function applyOverride(root, override, issues) {
  const { path: path6, source } = override;
  if (override.problem !== void 0) {
    issues.add(source, override.problem);
    return;
  }
  if (path6.length === 0) {
    issues.add(source, "names no setting");
    return;
  }
  let parent = root;
  for (let i = 0; i < path6.length - 1; i++) {
    const key = path6[i];
    const entry = parent.entries.get(key);
    const nodePath2 = childPath(parent.path, key);
    if (entry === void 0 || entry.node.kind === "scalar" && entry.node.value === null) {
      const created = emptyMap(nodePath2, source, source);
      parent.entries.set(key, { key, keyWhere: entry?.keyWhere ?? source, node: created });
      parent = created;
    } else if (entry.node.kind === "map") {
      parent = entry.node;
    } else {
      issues.add(
        source,
        `cannot set ${path6.join(".")}: ${nodePath2} is ${entry.node.kind === "seq" ? "a list" : "a single value"} in the configuration (${entry.node.where}), not a mapping`
      );
      return;
    }
  }
  const last = path6[path6.length - 1];
  const nodePath = childPath(parent.path, last);
  const existing = parent.entries.get(last);
  const value = override.value;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && existing?.node.kind === "map") {
    const target = existing.node;
    for (const [key, item] of Object.entries(value)) {
      const itemPath = childPath(nodePath, key);
      const itemWhere = `${source} (${itemPath})`;
      target.entries.set(key, { key, keyWhere: itemWhere, node: treeFromValue(item, itemPath, itemWhere, source) });
    }
    return;
  }
  parent.entries.set(last, {
    key: last,
    keyWhere: existing?.keyWhere ?? source,
    node: treeFromValue(value, nodePath, source, source, override.text)
  });
}
var NO_EFFECT = [
  { key: "job.role-arn", in: "local", why: "the containers run with no SageMaker execution role" },
  { key: "job.volume-size-gb", in: "local", why: "the containers use the disk of this machine" },
  { key: "job.spot", in: "local", why: "managed spot training exists only on SageMaker" },
  { key: "job.keep-alive", in: "local", why: "warm pools exist only on SageMaker" },
  { key: "job.max-retry-attempts", in: "local", why: "a failed local run is not retried" },
  { key: "job.vpc", in: "local", why: "the containers use the network of the Docker engine" },
  { key: "job.inter-container-encryption", in: "local", why: "the containers talk over the local Docker network" },
  { key: "job.output-kms-key", in: "local", why: "the model is written to a local folder" },
  { key: "job.volume-kms-key", in: "local", why: "no SageMaker storage volume is created" },
  { key: "job.capacity-retries", in: "local", why: "there is no instance capacity to wait for" },
  { key: "tags", in: "local", why: "tags go on the SageMaker training job, and no job is created" },
  { key: "local", in: "remote", why: "local.* settings apply to local mode only" },
  { key: "job.checkpoint.host-path", in: "remote", why: "SageMaker keeps checkpoints in job.checkpoint.s3-uri" }
];
function modeWarnings(root, mode) {
  const group = mode === "local" ? "local" : "remote";
  const modeName = group === "local" ? "local mode" : `${mode} mode`;
  return NO_EFFECT.filter((rule) => rule.in === group).flatMap((rule) => {
    const node = nodeAt(root, rule.key);
    if (node === void 0 || node.kind === "scalar" && node.value === null) return [];
    return [{ where: node.where, message: `has no effect in ${modeName}: ${rule.why}` }];
  });
}
var ScalarError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ScalarError";
  }
};
var DECIMAL_FLOAT = /^[-+]?(?:\d+\.\d*|\.\d+|\d+(?:\.\d*)?[eE][-+]?\d+|\.\d+[eE][-+]?\d+)$/;
var DECIMAL_INTEGER = /^[-+]?\d+$/;
function stringifyScalar(value, sourceText) {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new ScalarError(`must be a finite number (got ${sourceText ?? String(value)})`);
    }
    const text = sourceText?.trim();
    if (text !== void 0 && DECIMAL_FLOAT.test(text)) return text;
    if (text !== void 0 && DECIMAL_INTEGER.test(text) && !Number.isSafeInteger(value)) return text;
    return String(value);
  }
  if (value === null || value === void 0) {
    throw new ScalarError('must be a value, not null (write "" for an empty string)');
  }
  if (Array.isArray(value)) throw new ScalarError("must be a single value, not a list");
  if (typeof value === "object") throw new ScalarError("must be a single value, not a mapping");
  throw new ScalarError(`must be a string, number or boolean (got ${typeof value})`);
}
function describe(node) {
  if (node.kind === "map") return "a mapping";
  if (node.kind === "seq") return "a list";
  if (node.value === null) return "an empty value";
  if (typeof node.value === "string") return JSON.stringify(node.value);
  if (typeof node.value === "number") return node.text ?? String(node.value);
  return String(node.value);
}
function whereMissing(map2, key, parentPath) {
  return childPath(map2?.path ?? parentPath, key);
}
function checkKeys(map2, allowed, issues, misplaced = {}) {
  for (const entry of map2.entries.values()) {
    if (allowed.includes(entry.key)) continue;
    const hint = misplaced[entry.key];
    if (hint !== void 0) {
      issues.add(entry.keyWhere, hint);
      continue;
    }
    const section = map2.path === "" ? "at the top level" : `in ${map2.path}`;
    issues.add(
      entry.keyWhere,
      `unknown setting "${entry.key}"${didYouMean(entry.key, allowed)}; allowed ${section}: ${allowed.join(", ")}`
    );
  }
}
function child(map2, key) {
  return map2?.entries.get(key)?.node;
}
function isNull(node) {
  return node.kind === "scalar" && node.value === null;
}
function readMap(map2, key, issues, allowed, example, misplaced) {
  const node = child(map2, key);
  if (node === void 0 || isNull(node)) return void 0;
  if (node.kind !== "map") {
    issues.add(node.where, `must be a mapping such as ${example} (got ${describe(node)})`);
    return void 0;
  }
  if (allowed !== void 0) checkKeys(node, allowed, issues, misplaced);
  return node;
}
function readSeq(map2, key, issues, example) {
  const node = child(map2, key);
  if (node === void 0 || isNull(node)) return void 0;
  if (node.kind !== "seq") {
    issues.add(node.where, `must be a list such as ${example} (got ${describe(node)})`);
    return void 0;
  }
  return node;
}
function asString(node, issues, allowed) {
  if (node.kind === "scalar" && typeof node.value === "string") return node.value;
  if (node.kind === "scalar" && node.override !== void 0 && node.value !== null && node.text !== void 0) {
    return node.text;
  }
  const quote = node.kind === "scalar" && node.value !== null ? " (quote it to use it as text)" : "";
  issues.add(node.where, `must be ${allowed} (got ${describe(node)})${quote}`);
  return void 0;
}
function checkString(node, issues, rule) {
  const text = asString(node, issues, rule.allowed);
  if (text === void 0) return void 0;
  const problem = text === "" ? `must be ${rule.allowed} (got an empty string)` : rule.check?.(text);
  if (problem !== void 0) {
    issues.add(node.where, problem);
    return void 0;
  }
  return text;
}
function readString(map2, key, issues, rule) {
  const node = child(map2, key);
  return node === void 0 ? void 0 : checkString(node, issues, rule);
}
function readInteger(map2, key, issues, range) {
  const node = child(map2, key);
  if (node === void 0) return void 0;
  const allowed = `a whole number from ${range.min} to ${range.max}`;
  if (node.kind !== "scalar" || typeof node.value !== "number" || !Number.isInteger(node.value)) {
    issues.add(node.where, `must be ${allowed} (got ${describe(node)})`);
    return void 0;
  }
  if (node.value < range.min || node.value > range.max) {
    issues.add(node.where, `must be ${allowed} (got ${describe(node)})`);
    return void 0;
  }
  return node.value;
}
function readDuration(map2, key, issues, range) {
  const node = child(map2, key);
  if (node === void 0) return void 0;
  if (node.kind !== "scalar" || typeof node.value !== "string" && typeof node.value !== "number") {
    issues.add(node.where, `must be ${import_chunk_HIONJ6JB.DURATION_HINT} (got ${describe(node)})`);
    return void 0;
  }
  let seconds;
  try {
    seconds = (0, import_chunk_HIONJ6JB.parseDuration)(node.value);
  } catch (error) {
    if (!(error instanceof import_chunk_HIONJ6JB.DurationError)) throw error;
    issues.add(node.where, error.message);
    return void 0;
  }
  const tooLong = range.max !== void 0 && seconds > range.max;
  if (seconds < range.min || tooLong) {
    const bounds = range.max === void 0 ? `at least ${(0, import_chunk_HIONJ6JB.formatDuration)(range.min)}` : `from ${(0, import_chunk_HIONJ6JB.formatDuration)(range.min)} to ${(0, import_chunk_HIONJ6JB.formatDuration)(range.max)} (${range.max} s)`;
    issues.add(node.where, `must be ${bounds} (got ${describe(node)})`);
    return void 0;
  }
  return seconds;
}
function readEnum(map2, key, issues, values) {
  const node = child(map2, key);
  if (node === void 0) return void 0;
  const allowed = `one of ${values.join(", ")}`;
  const text = asString(node, issues, allowed);
  if (text === void 0) return void 0;
  if (!values.includes(text)) {
    issues.add(node.where, `must be ${allowed} (got ${describe(node)})${didYouMean(text, values)}`);
    return void 0;
  }
  return text;
}
function readBoolean(map2, key, issues) {
  const node = child(map2, key);
  if (node === void 0) return void 0;
  if (node.kind !== "scalar" || typeof node.value !== "boolean") {
    issues.add(node.where, `must be true or false (got ${describe(node)})`);
    return void 0;
  }
  return node.value;
}
function readNumber(map2, key, issues) {
  const node = child(map2, key);
  if (node === void 0) return void 0;
  if (node.kind !== "scalar" || typeof node.value !== "number" || !Number.isFinite(node.value)) {
    issues.add(node.where, `must be a number (got ${describe(node)})`);
    return void 0;
  }
  return node.value;
}
function scalarText(node, issues) {
  if (node.kind !== "scalar") {
    issues.add(node.where, `must be a single value such as a string or number (got ${describe(node)})`);
    return void 0;
  }
  try {
    return stringifyScalar(node.value, node.text);
  } catch (error) {
    if (!(error instanceof ScalarError)) throw error;
    issues.add(node.where, error.message);
    return void 0;
  }
}
function readStringMap(map2, key, issues, rule) {
  const node = readMap(map2, key, issues, void 0, rule.example);
  const result = {};
  if (node === void 0) return result;
  if (node.entries.size > rule.maxEntries) {
    issues.add(node.where, `may have at most ${rule.maxEntries} entries (got ${node.entries.size})`);
  }
  for (const entry of node.entries.values()) {
    const keyProblem = entry.key === "" ? "keys must not be empty" : rule.checkKey(entry.key);
    if (keyProblem !== void 0) {
      issues.add(entry.keyWhere, keyProblem);
      continue;
    }
    const text = scalarText(entry.node, issues);
    if (text === void 0) continue;
    if (text.length > rule.maxValueLength) {
      issues.add(
        entry.node.where,
        `must be at most ${rule.maxValueLength} characters once written as a string (got ${text.length})`
      );
      continue;
    }
    const valueProblem = rule.checkValue?.(entry.key, text);
    if (valueProblem !== void 0) {
      issues.add(entry.node.where, valueProblem);
      continue;
    }
    result[entry.key] = text;
  }
  return result;
}
function readStringList(map2, key, issues, rule) {
  const node = readSeq(map2, key, issues, rule.example);
  if (node === void 0) return void 0;
  if (node.items.length > rule.maxItems) {
    issues.add(node.where, `may have at most ${rule.maxItems} items (got ${node.items.length})`);
  }
  const result = [];
  for (const item of node.items) {
    const text = scalarText(item, issues);
    if (text === void 0) continue;
    if (rule.nonEmptyItems && text.trim() === "") issues.add(item.where, "must not be empty");
    else if (text.length > rule.maxLength) {
      issues.add(item.where, `must be at most ${rule.maxLength} characters (got ${text.length})`);
    }
    result.push(text);
  }
  return result;
}
var LIMITS = {
  instanceCount: { min: 1, max: 100 },
  localInstanceCount: 8,
  volumeSizeGb: { min: 1, max: 16384 },
  maxRuntimeSeconds: { min: 1, max: 2419200 },
  keepAliveSeconds: { min: 0, max: 3600 },
  maxRetryAttempts: { min: 1, max: 30 },
  capacityRetries: { min: 0, max: 5 },
  vpcSubnets: { min: 1, max: 16 },
  vpcSecurityGroups: { min: 1, max: 5 },
  resourceId: import_chunk_KWKXA2KE.RESOURCE_ID_MAX_LENGTH,
  kmsKeyId: import_chunk_KWKXA2KE.KMS_KEY_ID_MAX_LENGTH,
  fargateSubnets: { min: 1, max: 16 },
  fargateSecurityGroups: { min: 0, max: 5 },
  ecsName: import_chunk_KWKXA2KE.ECS_NAME_MAX_LENGTH,
  cancelGraceSeconds: { min: 0, max: 60 },
  metrics: 40,
  metricName: 255,
  metricRegex: 500,
  hyperparameters: 100,
  hyperparameterKey: 256,
  hyperparameterValue: 2500,
  environment: 100,
  environmentKey: 512,
  environmentValue: 512,
  containerList: 100,
  containerListItem: 256,
  channels: 20,
  channelName: 64,
  tags: 50,
  tagKey: 128,
  tagValue: 256
};
var DEFAULTS = {
  mode: "local",
  region: "us-east-1",
  namePrefix: "training",
  instanceType: "ml.m5.large",
  instanceCount: 1,
  volumeSizeGb: 30,
  maxRuntimeSeconds: 86400,
  platform: "linux/amd64",
  checkpointContainerPath: "/opt/ml/checkpoints",
  localOutput: ".sagemaker-train/output",
  localGpu: "required",
  cancelGraceSeconds: 5,
  capacityRetries: 0,
  wait: true,
  reuse: true,
  fargateContainer: "runner",
  fargateCapacity: "FARGATE",
  assignPublicIp: false
};
var EXAMPLE_ROLE = "arn:aws:iam::123456789012:role/SageMakerTraining";
var EXAMPLE_SUBNET = "subnet-0123456789abcdef0";
var EXAMPLE_SECURITY_GROUP = "sg-0123456789abcdef0";
var EXAMPLE_FARGATE = `{ cluster: training, task-definition: sagemaker-train-runner, subnets: [${EXAMPLE_SUBNET}] }`;
var ENV_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
function localPath(ctx, text, where) {
  if (import_node_path2.default.isAbsolute(text) && ctx.remote) {
    ctx.issues.add(
      where,
      `must be relative to the workspace in ${ctx.mode} mode; absolute paths are allowed only in local mode (got "${text}")`
    );
  }
  return import_node_path2.default.resolve(ctx.workspace, text);
}
function isEmpty2(node) {
  return node.kind === "scalar" && node.value === null;
}
function readMapQuiet(map2, key) {
  const node = child(map2, key);
  return node?.kind === "map" ? node : void 0;
}
function present(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
function readS3(ctx, node, asPrefix = true) {
  const text = checkString(node, ctx.issues, { allowed: "an S3 URI such as s3://my-bucket/prefix/" });
  if (text === void 0) return void 0;
  try {
    return (0, import_chunk_SZ5DK7JW.parseS3Uri)(text, { asPrefix });
  } catch (error) {
    if (!(error instanceof import_chunk_SZ5DK7JW.LocationError)) throw error;
    ctx.issues.add(node.where, error.message);
    return void 0;
  }
}
function readLocation(ctx, node, options) {
  const allowed = options.localOnlyInLocalMode && ctx.remote ? "an S3 URI such as s3://my-bucket/prefix/" : "a local folder or an S3 URI such as s3://my-bucket/prefix/";
  const text = checkString(node, ctx.issues, { allowed });
  if (text === void 0) return void 0;
  if (/^s3:/i.test(text)) return readS3(ctx, node, options.asPrefix);
  if ((0, import_chunk_SZ5DK7JW.hasUriScheme)(text)) {
    ctx.issues.add(node.where, `must be ${allowed}; only s3:// URIs are supported (got "${text}")`);
    return void 0;
  }
  if (options.localOnlyInLocalMode && ctx.remote) {
    ctx.issues.add(
      node.where,
      `must be an S3 URI in ${ctx.mode} mode${ctx.modeNote}, such as s3://my-bucket/models/ (got "${text}"); local folders work only in local mode`
    );
    return void 0;
  }
  return { kind: "local", path: localPath(ctx, text, node.where) };
}
var CHANNEL_KEYS = ["source", "input-mode", "content-type", "distribution", "compression", "record-wrapper"];
var CHANNEL_NAME_PATTERN = /^[A-Za-z0-9.\-_]+$/;
var INPUT_MODES = ["File", "Pipe", "FastFile"];
var DISTRIBUTIONS = ["FullyReplicated", "ShardedByS3Key"];
var COMPRESSIONS = ["None", "Gzip"];
var RECORD_WRAPPERS = ["None", "RecordIO"];
function readChannels(ctx) {
  const channels = readMap(ctx.root, "channels", ctx.issues, void 0, "{ training: data/ }");
  if (channels === void 0) return [];
  if (channels.entries.size > LIMITS.channels) {
    ctx.issues.add(
      channels.where,
      `may have at most ${LIMITS.channels} channels, SageMaker's limit (got ${channels.entries.size})`
    );
  }
  const result = [];
  for (const entry of channels.entries.values()) {
    const name = entry.key;
    if (!CHANNEL_NAME_PATTERN.test(name) || name.length > LIMITS.channelName) {
      ctx.issues.add(
        entry.keyWhere,
        `channel names must be 1 to ${LIMITS.channelName} letters, digits, dots, hyphens or underscores (got "${name}")`
      );
      continue;
    }
    const channel = readChannel(ctx, name, entry.node);
    if (channel !== void 0) result.push(channel);
  }
  return result;
}
function readChannel(ctx, name, node) {
  let sourceNode = node;
  let settings;
  if (node.kind === "map") {
    settings = node;
    checkKeys(node, CHANNEL_KEYS, ctx.issues);
    sourceNode = child(node, "source");
    if (sourceNode === void 0) {
      ctx.issues.add(
        childPath(node.path, "source"),
        "is required: a local folder or an S3 URI such as s3://my-bucket/data/"
      );
      return void 0;
    }
  } else if (node.kind === "seq") {
    ctx.issues.add(node.where, `must be a local folder, an S3 URI, or a mapping with source (got ${describe(node)})`);
    return void 0;
  }
  const source = readLocation(ctx, sourceNode, { asPrefix: false, localOnlyInLocalMode: false });
  if (source?.kind === "local")
    ctx.pathChecks.push({ where: sourceNode.where, path: source.path, expect: "directory" });
  const inputMode = readEnum(settings, "input-mode", ctx.issues, INPUT_MODES) ?? "File";
  const contentType = readString(settings, "content-type", ctx.issues, {
    allowed: "a MIME type such as text/csv",
    check: (text) => text.length <= 256 ? void 0 : `must be at most 256 characters (got ${text.length})`
  });
  const distribution = readEnum(settings, "distribution", ctx.issues, DISTRIBUTIONS) ?? "FullyReplicated";
  const compression = readEnum(settings, "compression", ctx.issues, COMPRESSIONS) ?? "None";
  const recordWrapper = readEnum(settings, "record-wrapper", ctx.issues, RECORD_WRAPPERS) ?? "None";
  if (source === void 0) return void 0;
  return {
    name,
    source,
    inputMode,
    ...contentType !== void 0 ? { contentType } : {},
    distribution,
    compression,
    recordWrapper
  };
}
function readIdList(ctx, map2, key, rule) {
  const node = child(map2, key);
  const list = readSeq(map2, key, ctx.issues, `[${rule.example}]`);
  if (list === void 0) {
    const absent = node === void 0 || isEmpty2(node);
    if (absent && rule.required !== void 0) {
      ctx.issues.add(whereMissing(map2, key, ""), `is required ${rule.required}`);
    }
    return void 0;
  }
  let usable = true;
  const { min, max } = rule.count;
  if (list.items.length < min || list.items.length > max) {
    ctx.issues.add(
      list.where,
      `must list ${min} to ${max} ${rule.what}s, ${rule.limitOf}'s limit (got ${list.items.length})`
    );
    usable = false;
  }
  const ids = [];
  for (const item of list.items) {
    const id = checkString(item, ctx.issues, {
      allowed: `a ${rule.what} such as ${rule.example}`,
      check: (text) => rule.pattern.test(text) && text.length <= LIMITS.resourceId ? void 0 : `must be a ${rule.what} such as ${rule.example} (got "${text}")`
    });
    if (id === void 0) usable = false;
    else if (ids.includes(id)) {
      ctx.issues.add(item.where, `lists ${id} more than once`);
      usable = false;
    } else ids.push(id);
  }
  return usable ? ids : void 0;
}
var FARGATE_KEYS = [
  "cluster",
  "task-definition",
  "container",
  "subnets",
  "security-groups",
  "assign-public-ip",
  "capacity",
  "github-app-secret"
];
var FARGATE_CAPACITIES = ["FARGATE", "FARGATE_SPOT"];
function readFargate(ctx) {
  const entry = ctx.root.entries.get("fargate");
  const fargate = readMap(ctx.root, "fargate", ctx.issues, FARGATE_KEYS, EXAMPLE_FARGATE);
  const inFargateMode = ctx.modeKnown && ctx.mode === "fargate";
  if (fargate !== void 0 && ctx.modeKnown && !inFargateMode) {
    ctx.issues.add(
      entry?.keyWhere ?? "fargate",
      `needs mode: fargate (the mode is ${ctx.mode}${ctx.modeNote}): it describes the ECS task that runs the training in fargate mode; remove it, or set mode: fargate`
    );
  }
  const checkRequired = inFargateMode && (fargate !== void 0 || entry === void 0 || isEmpty2(entry.node));
  const required = checkRequired ? requireKey(ctx, fargate) : () => void 0;
  const cluster = readCluster(ctx, fargate);
  required("cluster", "the ECS cluster (name or ARN) the runner task runs in");
  const taskDefinition = readTaskDefinition(ctx, fargate);
  required("task-definition", "the runner's task definition (family, family:revision or ARN)");
  const container = readContainerName(ctx, fargate);
  const { subnets, securityGroups } = readTaskNetwork(ctx, fargate, required);
  const assignPublicIp = readBoolean(fargate, "assign-public-ip", ctx.issues) ?? DEFAULTS.assignPublicIp;
  const capacity = readEnum(fargate, "capacity", ctx.issues, FARGATE_CAPACITIES) ?? DEFAULTS.fargateCapacity;
  const githubAppSecret = readAppSecret(ctx, fargate);
  if (!inFargateMode || cluster === void 0 || taskDefinition === void 0 || subnets === void 0) {
    return void 0;
  }
  return present({
    cluster,
    taskDefinition,
    container,
    subnets,
    securityGroups,
    assignPublicIp,
    capacity,
    githubAppSecret
  });
}
function requireKey(ctx, fargate) {
  return (key, what, emptyIsAbsent = false) => {
    const node = child(fargate, key);
    if (node === void 0 || emptyIsAbsent && isEmpty2(node)) {
      ctx.issues.add(
        whereMissing(fargate, key, "fargate"),
        `is required in fargate mode${ctx.modeNote}: ${what}, such as fargate: ${EXAMPLE_FARGATE}`
      );
    }
  };
}
function readCluster(ctx, fargate) {
  return readString(fargate, "cluster", ctx.issues, {
    allowed: "an ECS cluster name or ARN such as training",
    check: (text) => ecsNameProblem(ctx, text, import_chunk_KWKXA2KE.ECS_NAME_PATTERN, import_chunk_KWKXA2KE.CLUSTER_ARN_PATTERN, {
      what: "an ECS cluster name or ARN",
      example: `training or arn:aws:ecs:${ctx.region}:123456789012:cluster/training`
    })
  });
}
function readTaskDefinition(ctx, fargate) {
  return readString(fargate, "task-definition", ctx.issues, {
    allowed: "a task definition family, family:revision or ARN such as sagemaker-train-runner",
    check: (text) => ecsNameProblem(ctx, text, import_chunk_KWKXA2KE.TASK_DEFINITION_PATTERN, import_chunk_KWKXA2KE.TASK_DEFINITION_ARN_PATTERN, {
      what: "a task definition family, family:revision or ARN",
      example: `sagemaker-train-runner, sagemaker-train-runner:3 or arn:aws:ecs:${ctx.region}:123456789012:task-definition/sagemaker-train-runner:3`
    })
  });
}
function readContainerName(ctx, fargate) {
  return readString(fargate, "container", ctx.issues, {
    allowed: "the name of the runner container in the task definition, such as runner",
    check: (text) => import_chunk_KWKXA2KE.ECS_NAME_PATTERN.test(text) ? void 0 : `must be a container name from the task definition: 1 to ${LIMITS.ecsName} letters, digits, hyphens or underscores (got "${text}")`
  }) ?? DEFAULTS.fargateContainer;
}
function readTaskNetwork(ctx, fargate, required) {
  const subnets = readIdList(ctx, fargate, "subnets", {
    what: "subnet ID",
    pattern: import_chunk_KWKXA2KE.SUBNET_PATTERN,
    example: EXAMPLE_SUBNET,
    count: LIMITS.fargateSubnets,
    limitOf: "ECS"
  });
  required("subnets", `the subnets of the runner task (1 to ${LIMITS.fargateSubnets.max} subnet IDs)`, true);
  const securityGroups = readIdList(ctx, fargate, "security-groups", {
    what: "security group ID",
    pattern: import_chunk_KWKXA2KE.SECURITY_GROUP_PATTERN,
    example: EXAMPLE_SECURITY_GROUP,
    count: LIMITS.fargateSecurityGroups,
    limitOf: "ECS"
  }) ?? [];
  return { subnets, securityGroups };
}
function readAppSecret(ctx, fargate) {
  return readString(fargate, "github-app-secret", ctx.issues, {
    allowed: "a Secrets Manager secret name or ARN such as github-app/sagemaker-train",
    check: (text) => import_chunk_KWKXA2KE.SECRET_NAME_PATTERN.test(text) || import_chunk_KWKXA2KE.SECRET_ARN_PATTERN.test(text) ? void 0 : `must be a Secrets Manager secret name (letters, digits and / _ + = . @ -, at most 512 characters) or ARN, such as github-app/sagemaker-train (got "${text}")`
  });
}
function ecsNameProblem(ctx, text, name, arn, described) {
  if (name.test(text)) return void 0;
  const region = arn.exec(text)?.[1];
  if (region === void 0) return `must be ${described.what}, such as ${described.example} (got "${text}")`;
  if (region !== ctx.region) {
    return `names region ${region}, but the run is in ${ctx.region}: ECS runs the task in the run's region (got "${text}")`;
  }
  return void 0;
}
var GATE_KEYS = ["baseline"];
var BASELINE_POLICIES = ["optional", "required"];
var DEFAULT_GATE = { baseline: "optional" };
function readGate(root, issues) {
  const gate = readMap(root, "gate", issues, GATE_KEYS, "{ baseline: required }");
  const baseline = readEnum(gate, "baseline", issues, BASELINE_POLICIES);
  return { baseline: baseline ?? DEFAULT_GATE.baseline };
}
function readHyperparameters(ctx) {
  return readStringMap(ctx.root, "hyperparameters", ctx.issues, {
    example: "{ epochs: 10, eta: 0.05 }",
    maxEntries: LIMITS.hyperparameters,
    maxValueLength: LIMITS.hyperparameterValue,
    checkKey: (key) => key.length <= LIMITS.hyperparameterKey ? void 0 : `hyperparameter names must be at most ${LIMITS.hyperparameterKey} characters (got ${key.length})`
  });
}
function readRegistryAccess(ctx, image) {
  const registryUsername = readString(image, "registry-username", ctx.issues, { allowed: "a registry user name" });
  const registryPasswordEnv = readString(image, "registry-password-env", ctx.issues, {
    allowed: "the name of an environment variable such as REGISTRY_PASSWORD",
    check: (text) => (
      // Hyphens allowed: the action's registry-password input arrives as INPUT_REGISTRY-PASSWORD.
      /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text) ? void 0 : `must be the name of an environment variable holding the password, such as REGISTRY_PASSWORD, never the password itself (got a value that is not a variable name)`
    )
  });
  if (registryUsername !== void 0 && registryPasswordEnv === void 0) {
    ctx.issues.add(
      child(image, "registry-username")?.where ?? "image.registry-username",
      "needs image.registry-password-env (the environment variable holding the password) or the registry-password input"
    );
  }
  const createRepository = readBoolean(image, "create-repository", ctx.issues);
  const immutableTags = readBoolean(image, "immutable-tags", ctx.issues);
  return {
    ...registryUsername !== void 0 ? { registryUsername } : {},
    ...registryPasswordEnv !== void 0 ? { registryPasswordEnv } : {},
    ...createRepository !== void 0 ? { createRepository } : {},
    ...immutableTags !== void 0 ? { immutableTags } : {}
  };
}
function readRepository(ctx, image) {
  const example = `123456789012.dkr.ecr.${ctx.region}.amazonaws.com/iris-training`;
  const repository = readString(image, "repository", ctx.issues, {
    allowed: `a registry repository such as ${example}`,
    check: (text) => {
      const ref = (0, import_chunk_OKR6MCXK.parseImageReference)(text);
      if ("problem" in ref)
        return `must be a registry repository such as ${example}: it ${ref.problem} (got "${text}")`;
      if (ref.tag !== void 0 || ref.digest !== void 0) {
        return `must not include a tag or digest: built images are tagged by their content (got "${text}")`;
      }
      if (ctx.remote && ref.registry === void 0) {
        return `must include the registry host in ${ctx.mode} mode, such as ${example} (got "${text}")`;
      }
      return void 0;
    }
  });
  if (ctx.remote && child(image, "repository") === void 0) {
    ctx.issues.add(
      "image.repository",
      `is required in ${ctx.mode} mode${ctx.modeNote} when the image is built: the registry repository to push it to, such as ${example} (or set image.uri to use a prebuilt image)`
    );
  }
  return repository;
}
var IMAGE_BUILD_KEYS = [
  "dockerfile",
  "context",
  "build-args",
  "target",
  "platform",
  "repository",
  "force-build",
  "registry-username",
  "registry-password-env",
  "create-repository",
  "immutable-tags"
];
var IMAGE_KEYS = [...IMAGE_BUILD_KEYS, "uri"];
var PLATFORMS = ["linux/amd64", "linux/arm64"];
var STAGE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;
function readImage(ctx) {
  const image = readMap(
    ctx.root,
    "image",
    ctx.issues,
    IMAGE_KEYS,
    "{ uri: registry/repository:tag } or { dockerfile: Dockerfile, context: . }"
  );
  const uriNode = child(image, "uri");
  if (image !== void 0 && uriNode !== void 0) return readPrebuiltImage(ctx, image, uriNode);
  return readBuildImage(ctx, image);
}
function readPrebuiltImage(ctx, image, uriNode) {
  for (const key of IMAGE_BUILD_KEYS) {
    const entry = image.entries.get(key);
    if (entry !== void 0) {
      ctx.issues.add(
        entry.keyWhere,
        `cannot be combined with image.uri: a prebuilt image is used as it is (remove image.uri to build the image, or remove ${key})`
      );
    }
  }
  const uri = checkString(uriNode, ctx.issues, {
    allowed: "an image reference such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1.0",
    check: (text) => {
      const ref = (0, import_chunk_OKR6MCXK.parseImageReference)(text);
      if ("problem" in ref)
        return `must be an image reference such as registry/repository:tag: it ${ref.problem} (got "${text}")`;
      if (ref.tag === void 0 && ref.digest === void 0) {
        return `must name a tag (:1.0) or a digest (@sha256:\u2026) so the run uses a known image (got "${text}")`;
      }
      if (ctx.remote && ref.registry === void 0) {
        return `must include the registry host in ${ctx.mode} mode, such as 123456789012.dkr.ecr.${ctx.region}.amazonaws.com/iris:1.0: SageMaker pulls from Amazon ECR or a private registry (got "${text}")`;
      }
      return void 0;
    }
  });
  return { kind: "prebuilt", uri: uri ?? "" };
}
function readBuildImage(ctx, image) {
  const { context, dockerfile } = readBuildPaths(ctx, image);
  const buildArgs = readStringMap(image, "build-args", ctx.issues, {
    example: "{ BASE_IMAGE: python:3.12-slim }",
    maxEntries: 100,
    maxValueLength: 65536,
    checkKey: (key) => ENV_NAME_PATTERN.test(key) ? void 0 : `build argument names must be letters, digits and underscores, not starting with a digit (got "${key}")`
  });
  const target = readString(image, "target", ctx.issues, {
    allowed: "a build stage name such as train",
    check: (text) => STAGE_NAME_PATTERN.test(text) ? void 0 : `must be a build stage name: a letter, then letters, digits, _, . or - (got "${text}")`
  });
  const platform = readEnum(image, "platform", ctx.issues, PLATFORMS) ?? DEFAULTS.platform;
  const repository = readRepository(ctx, image);
  const forceBuild = readBoolean(image, "force-build", ctx.issues);
  const registry = readRegistryAccess(ctx, image);
  return present({
    kind: "build",
    dockerfile,
    context,
    buildArgs,
    target,
    platform,
    repository,
    forceBuild,
    ...registry
  });
}
function readBuildPaths(ctx, image) {
  const workspace = ctx.workspace;
  const contextNode = child(image, "context");
  const contextText = contextNode === void 0 ? void 0 : checkString(contextNode, ctx.issues, { allowed: "a folder relative to the workspace" });
  const context = contextText === void 0 ? workspace : localPath(ctx, contextText, contextNode?.where ?? "image.context");
  const contextWhere = contextNode?.where ?? "image.context";
  ctx.pathChecks.push({ where: contextWhere, path: context, expect: "directory" });
  const dockerfileNode = child(image, "dockerfile");
  const dockerfileText = dockerfileNode === void 0 ? void 0 : checkString(dockerfileNode, ctx.issues, { allowed: "a Dockerfile path relative to the workspace" });
  const dockerfile = dockerfileText === void 0 ? import_node_path3.default.join(context, "Dockerfile") : localPath(ctx, dockerfileText, dockerfileNode?.where ?? "image.dockerfile");
  if (dockerfileNode === void 0) {
    ctx.pathChecks.push({
      where: "image.dockerfile",
      path: dockerfile,
      expect: "file",
      hint: "set image.dockerfile, or image.uri to use a prebuilt image",
      unlessFailed: context
    });
  } else if (dockerfileText !== void 0) {
    ctx.pathChecks.push({ where: dockerfileNode.where, path: dockerfile, expect: "file" });
  }
  return { context, dockerfile };
}
var TRAINING_INSTANCE_TYPES = [
  "ml.c4.2xlarge",
  "ml.c4.4xlarge",
  "ml.c4.8xlarge",
  "ml.c4.xlarge",
  "ml.c5.18xlarge",
  "ml.c5.2xlarge",
  "ml.c5.4xlarge",
  "ml.c5.9xlarge",
  "ml.c5.xlarge",
  "ml.c5n.18xlarge",
  "ml.c5n.2xlarge",
  "ml.c5n.4xlarge",
  "ml.c5n.9xlarge",
  "ml.c5n.xlarge",
  "ml.c6i.12xlarge",
  "ml.c6i.16xlarge",
  "ml.c6i.24xlarge",
  "ml.c6i.2xlarge",
  "ml.c6i.32xlarge",
  "ml.c6i.4xlarge",
  "ml.c6i.8xlarge",
  "ml.c6i.xlarge",
  "ml.c7i.12xlarge",
  "ml.c7i.16xlarge",
  "ml.c7i.24xlarge",
  "ml.c7i.2xlarge",
  "ml.c7i.48xlarge",
  "ml.c7i.4xlarge",
  "ml.c7i.8xlarge",
  "ml.c7i.large",
  "ml.c7i.xlarge",
  "ml.c8i.12xlarge",
  "ml.c8i.16xlarge",
  "ml.c8i.24xlarge",
  "ml.c8i.2xlarge",
  "ml.c8i.32xlarge",
  "ml.c8i.48xlarge",
  "ml.c8i.4xlarge",
  "ml.c8i.8xlarge",
  "ml.c8i.96xlarge",
  "ml.c8i.xlarge",
  "ml.g4dn.12xlarge",
  "ml.g4dn.16xlarge",
  "ml.g4dn.2xlarge",
  "ml.g4dn.4xlarge",
  "ml.g4dn.8xlarge",
  "ml.g4dn.xlarge",
  "ml.g5.12xlarge",
  "ml.g5.16xlarge",
  "ml.g5.24xlarge",
  "ml.g5.2xlarge",
  "ml.g5.48xlarge",
  "ml.g5.4xlarge",
  "ml.g5.8xlarge",
  "ml.g5.xlarge",
  "ml.g6.12xlarge",
  "ml.g6.16xlarge",
  "ml.g6.24xlarge",
  "ml.g6.2xlarge",
  "ml.g6.48xlarge",
  "ml.g6.4xlarge",
  "ml.g6.8xlarge",
  "ml.g6.xlarge",
  "ml.g6e.12xlarge",
  "ml.g6e.16xlarge",
  "ml.g6e.24xlarge",
  "ml.g6e.2xlarge",
  "ml.g6e.48xlarge",
  "ml.g6e.4xlarge",
  "ml.g6e.8xlarge",
  "ml.g6e.xlarge",
  "ml.g7.12xlarge",
  "ml.g7.24xlarge",
  "ml.g7.2xlarge",
  "ml.g7.48xlarge",
  "ml.g7.4xlarge",
  "ml.g7.8xlarge",
  "ml.g7e.12xlarge",
  "ml.g7e.24xlarge",
  "ml.g7e.2xlarge",
  "ml.g7e.48xlarge",
  "ml.g7e.4xlarge",
  "ml.g7e.8xlarge",
  "ml.m4.10xlarge",
  "ml.m4.16xlarge",
  "ml.m4.2xlarge",
  "ml.m4.4xlarge",
  "ml.m4.xlarge",
  "ml.m5.12xlarge",
  "ml.m5.24xlarge",
  "ml.m5.2xlarge",
  "ml.m5.4xlarge",
  "ml.m5.large",
  "ml.m5.xlarge",
  "ml.m6i.12xlarge",
  "ml.m6i.16xlarge",
  "ml.m6i.24xlarge",
  "ml.m6i.2xlarge",
  "ml.m6i.32xlarge",
  "ml.m6i.4xlarge",
  "ml.m6i.8xlarge",
  "ml.m6i.large",
  "ml.m6i.xlarge",
  "ml.m7i.12xlarge",
  "ml.m7i.16xlarge",
  "ml.m7i.24xlarge",
  "ml.m7i.2xlarge",
  "ml.m7i.48xlarge",
  "ml.m7i.4xlarge",
  "ml.m7i.8xlarge",
  "ml.m7i.large",
  "ml.m7i.xlarge",
  "ml.m8i.12xlarge",
  "ml.m8i.16xlarge",
  "ml.m8i.24xlarge",
  "ml.m8i.2xlarge",
  "ml.m8i.32xlarge",
  "ml.m8i.48xlarge",
  "ml.m8i.4xlarge",
  "ml.m8i.8xlarge",
  "ml.m8i.96xlarge",
  "ml.m8i.large",
  "ml.m8i.xlarge",
  "ml.p2.16xlarge",
  "ml.p2.8xlarge",
  "ml.p2.xlarge",
  "ml.p3.16xlarge",
  "ml.p3.2xlarge",
  "ml.p3.8xlarge",
  "ml.p3dn.24xlarge",
  "ml.p4d.24xlarge",
  "ml.p4de.24xlarge",
  "ml.p5.48xlarge",
  "ml.p5.4xlarge",
  "ml.p5e.48xlarge",
  "ml.p5en.48xlarge",
  "ml.p6-b200.48xlarge",
  "ml.p6-b300.48xlarge",
  "ml.p6e-gb200.36xlarge",
  "ml.r5.12xlarge",
  "ml.r5.16xlarge",
  "ml.r5.24xlarge",
  "ml.r5.2xlarge",
  "ml.r5.4xlarge",
  "ml.r5.8xlarge",
  "ml.r5.large",
  "ml.r5.xlarge",
  "ml.r5d.12xlarge",
  "ml.r5d.16xlarge",
  "ml.r5d.24xlarge",
  "ml.r5d.2xlarge",
  "ml.r5d.4xlarge",
  "ml.r5d.8xlarge",
  "ml.r5d.large",
  "ml.r5d.xlarge",
  "ml.r6i.12xlarge",
  "ml.r6i.16xlarge",
  "ml.r6i.24xlarge",
  "ml.r6i.2xlarge",
  "ml.r6i.32xlarge",
  "ml.r6i.4xlarge",
  "ml.r6i.8xlarge",
  "ml.r6i.large",
  "ml.r6i.xlarge",
  "ml.r7i.12xlarge",
  "ml.r7i.16xlarge",
  "ml.r7i.24xlarge",
  "ml.r7i.2xlarge",
  "ml.r7i.48xlarge",
  "ml.r7i.4xlarge",
  "ml.r7i.8xlarge",
  "ml.r7i.large",
  "ml.r7i.xlarge",
  "ml.r8i.12xlarge",
  "ml.r8i.16xlarge",
  "ml.r8i.24xlarge",
  "ml.r8i.2xlarge",
  "ml.r8i.32xlarge",
  "ml.r8i.48xlarge",
  "ml.r8i.4xlarge",
  "ml.r8i.8xlarge",
  "ml.r8i.96xlarge",
  "ml.r8i.large",
  "ml.r8i.xlarge",
  "ml.t3.2xlarge",
  "ml.t3.large",
  "ml.t3.medium",
  "ml.t3.xlarge",
  "ml.trn1.2xlarge",
  "ml.trn1.32xlarge",
  "ml.trn1n.32xlarge",
  "ml.trn2.48xlarge"
];
var OFFERED = new Set(TRAINING_INSTANCE_TYPES);
function familyOf(type) {
  return type.split(".").slice(0, 2).join(".");
}
function sizeRank(type) {
  const size = type.split(".")[2] ?? "";
  if (size === "medium") return 0;
  if (size === "large") return 1;
  const multiple = /^(\d*)xlarge$/.exec(size);
  return multiple === null ? 1e3 : 1 + Number(multiple[1] === "" ? 1 : multiple[1]);
}
function trainingInstanceTypeProblem(type) {
  if (OFFERED.has(type)) return void 0;
  const match = suggest(type, TRAINING_INSTANCE_TYPES);
  const hint = match === void 0 ? "" : ` (did you mean "${match}"?)`;
  const family = familyOf(type);
  const sizes = TRAINING_INSTANCE_TYPES.filter((t) => familyOf(t) === family).sort((a, b) => sizeRank(a) - sizeRank(b));
  const offered = sizes.length > 0 ? `the ${family} family offers ${sizes.join(", ")}` : `families offered: ${[...new Set(TRAINING_INSTANCE_TYPES.map(familyOf))].join(", ")}`;
  return `must be an instance type SageMaker offers for training, such as ml.m5.large or ml.g5.xlarge (got "${type}")${hint}; ${offered}`;
}
var VPC_KEYS = ["subnets", "security-groups"];
function readJobSecurity(ctx, job) {
  return {
    vpc: readVpc(ctx, job),
    networkIsolation: readBoolean(job, "network-isolation", ctx.issues),
    interContainerEncryption: readBoolean(job, "inter-container-encryption", ctx.issues),
    outputKmsKeyId: readKmsKey(ctx, job, "output-kms-key"),
    volumeKmsKeyId: readKmsKey(ctx, job, "volume-kms-key")
  };
}
function readVpc(ctx, job) {
  const vpc = readMap(
    job,
    "vpc",
    ctx.issues,
    VPC_KEYS,
    `{ subnets: [${EXAMPLE_SUBNET}], security-groups: [${EXAMPLE_SECURITY_GROUP}] }`
  );
  if (vpc === void 0) return void 0;
  const subnets = readIdList(ctx, vpc, "subnets", {
    what: "subnet ID",
    pattern: import_chunk_KWKXA2KE.SUBNET_PATTERN,
    example: EXAMPLE_SUBNET,
    count: LIMITS.vpcSubnets,
    limitOf: "SageMaker",
    required: `with job.vpc: the subnets the training instances run in, such as [${EXAMPLE_SUBNET}] (1 to ${LIMITS.vpcSubnets.max})`
  });
  const securityGroupIds = readIdList(ctx, vpc, "security-groups", {
    what: "security group ID",
    pattern: import_chunk_KWKXA2KE.SECURITY_GROUP_PATTERN,
    example: EXAMPLE_SECURITY_GROUP,
    count: LIMITS.vpcSecurityGroups,
    limitOf: "SageMaker",
    required: `with job.vpc: the security groups of the training instances, such as [${EXAMPLE_SECURITY_GROUP}] (1 to ${LIMITS.vpcSecurityGroups.max})`
  });
  if (subnets === void 0 || securityGroupIds === void 0) return void 0;
  return { subnets, securityGroupIds };
}
function readKmsKey(ctx, job, key) {
  const keyArn = `arn:aws:kms:${ctx.region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const aliases = key === "output-kms-key";
  const allowed = aliases ? `a KMS key ID (1234abcd-12ab-34cd-56ef-1234567890ab), key ARN (${keyArn}), alias (alias/training) or alias ARN` : `a KMS key ID (1234abcd-12ab-34cd-56ef-1234567890ab) or key ARN (${keyArn}); SageMaker takes no alias here`;
  const patterns = aliases ? [...import_chunk_KWKXA2KE.KMS_KEY_PATTERNS, ...import_chunk_KWKXA2KE.KMS_ALIAS_PATTERNS] : import_chunk_KWKXA2KE.KMS_KEY_PATTERNS;
  return readString(job, key, ctx.issues, {
    allowed,
    check: (text) => {
      if (text.length > LIMITS.kmsKeyId) {
        return `must be ${allowed}, at most ${LIMITS.kmsKeyId} characters (got ${text.length} characters)`;
      }
      return patterns.some((pattern) => pattern.test(text)) ? void 0 : `must be ${allowed} (got "${text}")`;
    }
  });
}
function readSpot(ctx, spotMap, checkpointMap, maxRuntimeSeconds) {
  const maxWaitNode = child(spotMap, "max-wait");
  const maxWait = readDuration(spotMap, "max-wait", ctx.issues, { min: 1 });
  if (maxWaitNode === void 0) {
    ctx.issues.add(
      childPath(spotMap.path, "max-wait"),
      `is required with spot: the longest to wait for spot capacity plus train, at least max-runtime (${(0, import_chunk_HIONJ6JB.formatDuration)(maxRuntimeSeconds)}), such as 4h`
    );
  } else if (maxWait !== void 0 && maxWait < maxRuntimeSeconds) {
    ctx.issues.add(
      maxWaitNode.where,
      `must be at least max-runtime (${(0, import_chunk_HIONJ6JB.formatDuration)(maxRuntimeSeconds)}) because it includes the training time (got ${describe(maxWaitNode)})`
    );
  }
  const hasCheckpointUri = child(spotMap, "checkpoint-s3-uri") !== void 0 || child(checkpointMap, "s3-uri") !== void 0;
  if (!hasCheckpointUri) {
    ctx.issues.add(
      spotMap.where,
      "needs a checkpoint S3 URI so interrupted spot training can resume: set job.spot.checkpoint-s3-uri or job.checkpoint.s3-uri"
    );
  }
  return maxWait === void 0 ? void 0 : { maxWaitSeconds: maxWait };
}
function readCheckpoint(ctx, spotMap, checkpointMap, namePrefix) {
  const spotUriNode = child(spotMap, "checkpoint-s3-uri");
  const blockUriNode = child(checkpointMap, "s3-uri");
  const spotUri = spotUriNode === void 0 ? void 0 : readS3(ctx, spotUriNode);
  const blockUri = blockUriNode === void 0 ? void 0 : readS3(ctx, blockUriNode);
  if (spotUri !== void 0 && blockUri !== void 0 && spotUri.uri !== blockUri.uri) {
    ctx.issues.add(
      spotUriNode?.where ?? "job.spot.checkpoint-s3-uri",
      `names a different checkpoint location than job.checkpoint.s3-uri (${blockUri.uri}); set one of them`
    );
  }
  if (checkpointMap === void 0 && spotUriNode === void 0) return void 0;
  if (ctx.remote && spotUriNode === void 0 && blockUriNode === void 0 && checkpointMap !== void 0) {
    ctx.issues.add(
      childPath(checkpointMap.path, "s3-uri"),
      `is required in ${ctx.mode} mode when checkpointing: SageMaker copies checkpoints to S3, such as s3://my-bucket/checkpoints/`
    );
  }
  const containerPath = readString(checkpointMap, "local-path", ctx.issues, {
    allowed: "an absolute path inside the container such as /opt/ml/checkpoints",
    check: (text) => text.startsWith("/") ? void 0 : `must be an absolute path inside the container such as /opt/ml/checkpoints (got "${text}")`
  }) ?? DEFAULTS.checkpointContainerPath;
  const hostNode = child(checkpointMap, "host-path");
  let hostPath = import_node_path4.default.join(ctx.workspace, ".sagemaker-train", "checkpoints", namePrefix);
  if (hostNode !== void 0) {
    const text = checkString(hostNode, ctx.issues, { allowed: "a folder relative to the workspace" });
    if (text !== void 0) {
      hostPath = localPath(ctx, text, hostNode.where);
      ctx.pathChecks.push({ where: hostNode.where, path: hostPath, expect: "directory-if-exists" });
    }
  }
  const s3Uri = spotUri ?? blockUri;
  return { ...s3Uri !== void 0 ? { s3Uri } : {}, containerPath, hostPath };
}
var JOB_KEYS = [
  "name-prefix",
  "name",
  "role-arn",
  "instance-type",
  "instance-count",
  "volume-size-gb",
  "max-runtime",
  "spot",
  "checkpoint",
  "environment",
  "entrypoint",
  "arguments",
  "keep-alive",
  "max-retry-attempts",
  "vpc",
  "network-isolation",
  "inter-container-encryption",
  "output-kms-key",
  "volume-kms-key",
  "capacity-retries",
  "price-per-hour"
];
var SPOT_KEYS = ["max-wait", "checkpoint-s3-uri"];
var CHECKPOINT_KEYS = ["s3-uri", "local-path", "host-path"];
var NAME_PREFIX_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
var INSTANCE_TYPE_PATTERN = /^ml\.[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;
var LOCAL_INSTANCE_TYPES = ["local", "local_gpu"];
function readJob(ctx) {
  const job = readMap(ctx.root, "job", ctx.issues, JOB_KEYS, "{ instance-type: ml.m5.large }", {
    "max-wait": "max-wait applies only to managed spot training: set it as job.spot.max-wait, with a checkpoint S3 URI (spot: { max-wait: 4h, checkpoint-s3-uri: s3://bucket/checkpoints/ })"
  });
  const namePrefix = readNamePrefix(ctx, job);
  const name = readJobName(ctx, job);
  const roleArn = readRoleArn(ctx, job);
  const instanceType = readInstanceType(ctx, job);
  const instanceCount = readInstanceCount(ctx, job);
  const volumeSizeGb = readInteger(job, "volume-size-gb", ctx.issues, LIMITS.volumeSizeGb) ?? DEFAULTS.volumeSizeGb;
  const maxRuntimeSeconds = readDuration(job, "max-runtime", ctx.issues, LIMITS.maxRuntimeSeconds) ?? DEFAULTS.maxRuntimeSeconds;
  const { spot, checkpoint } = readSpotAndCheckpoint(ctx, job, maxRuntimeSeconds, namePrefix);
  const container = readContainer(ctx, job);
  const keepAliveSeconds = readDuration(job, "keep-alive", ctx.issues, LIMITS.keepAliveSeconds);
  const maxRetryAttempts = readInteger(job, "max-retry-attempts", ctx.issues, LIMITS.maxRetryAttempts);
  const security = readJobSecurity(ctx, job);
  const capacityRetries = readInteger(job, "capacity-retries", ctx.issues, LIMITS.capacityRetries) ?? DEFAULTS.capacityRetries;
  const pricePerHour = readPricePerHour(ctx, job);
  return present({
    namePrefix,
    name,
    roleArn,
    instanceType,
    instanceCount,
    volumeSizeGb,
    maxRuntimeSeconds,
    spot,
    checkpoint,
    ...container,
    keepAliveSeconds,
    maxRetryAttempts,
    ...security,
    capacityRetries,
    pricePerHour
  });
}
function readNamePrefix(ctx, job) {
  return readString(job, "name-prefix", ctx.issues, {
    allowed: "a job name prefix such as iris",
    check: (text) => NAME_PREFIX_PATTERN.test(text) && text.length <= import_chunk_UO73Q2OA.MAX_NAME_PREFIX_LENGTH ? void 0 : `must be 1 to ${import_chunk_UO73Q2OA.MAX_NAME_PREFIX_LENGTH} letters, digits or hyphens starting with a letter or digit, so generated job names fit SageMaker's ${import_chunk_UO73Q2OA.MAX_JOB_NAME_LENGTH} characters (got "${text}"${text.length > import_chunk_UO73Q2OA.MAX_NAME_PREFIX_LENGTH ? `, ${text.length} characters` : ""})`
  }) ?? DEFAULTS.namePrefix;
}
function readJobName(ctx, job) {
  return readString(job, "name", ctx.issues, {
    allowed: "a training job name such as iris-manual-1",
    check: (text) => {
      if (text.length > import_chunk_UO73Q2OA.MAX_JOB_NAME_LENGTH) {
        return `must be at most ${import_chunk_UO73Q2OA.MAX_JOB_NAME_LENGTH} characters, SageMaker's limit for training job names (got ${text.length} characters: "${text}")`;
      }
      if (!import_chunk_UO73Q2OA.JOB_NAME_PATTERN.test(text)) {
        return `may contain only letters, digits and hyphens (no underscores), starting and ending with a letter or digit, as SageMaker requires (${import_chunk_UO73Q2OA.JOB_NAME_PATTERN.source}); got "${text}"`;
      }
      return void 0;
    }
  });
}
function readSpotAndCheckpoint(ctx, job, maxRuntimeSeconds, namePrefix) {
  const spotMap = readMap(
    job,
    "spot",
    ctx.issues,
    SPOT_KEYS,
    "{ max-wait: 4h, checkpoint-s3-uri: s3://bucket/checkpoints/ }"
  );
  const checkpointMap = readMap(
    job,
    "checkpoint",
    ctx.issues,
    CHECKPOINT_KEYS,
    "{ s3-uri: s3://bucket/checkpoints/, local-path: /opt/ml/checkpoints }"
  );
  const spot = spotMap === void 0 ? void 0 : readSpot(ctx, spotMap, checkpointMap, maxRuntimeSeconds);
  return { spot, checkpoint: readCheckpoint(ctx, spotMap, checkpointMap, namePrefix) };
}
function readContainer(ctx, job) {
  const environment = readStringMap(job, "environment", ctx.issues, {
    example: "{ LOG_LEVEL: info }",
    maxEntries: LIMITS.environment,
    maxValueLength: LIMITS.environmentValue,
    checkKey: (key) => ENV_NAME_PATTERN.test(key) && key.length <= LIMITS.environmentKey ? void 0 : `environment variable names must be letters, digits and underscores, not starting with a digit, at most ${LIMITS.environmentKey} characters (got "${key}")`
  });
  const listRule = { maxItems: LIMITS.containerList, maxLength: LIMITS.containerListItem };
  const entrypoint = readStringList(job, "entrypoint", ctx.issues, {
    ...listRule,
    example: "[python3, /opt/program/train.py]",
    nonEmptyItems: true
  });
  if (entrypoint !== void 0 && entrypoint.length === 0) {
    ctx.issues.add(
      child(job, "entrypoint")?.where ?? "job.entrypoint",
      "must list at least the program to run, such as [python3, /opt/program/train.py]"
    );
  }
  const args = readStringList(job, "arguments", ctx.issues, {
    ...listRule,
    example: "[--verbose]",
    nonEmptyItems: false
  });
  return {
    environment,
    entrypoint: entrypoint?.length ? entrypoint : void 0,
    arguments: args?.length ? args : void 0
  };
}
function readRoleArn(ctx, job) {
  const roleArn = readString(job, "role-arn", ctx.issues, {
    allowed: `an IAM role ARN such as ${EXAMPLE_ROLE}`,
    check: (text) => import_chunk_KWKXA2KE.ROLE_ARN_PATTERN.test(text) ? void 0 : `must be an IAM role ARN such as ${EXAMPLE_ROLE} (got "${text}")`
  });
  if (ctx.remote && child(job, "role-arn") === void 0) {
    ctx.issues.add(
      "job.role-arn",
      `is required in ${ctx.mode} mode${ctx.modeNote}: the IAM role SageMaker assumes to run the job, such as ${EXAMPLE_ROLE}`
    );
  }
  return roleArn;
}
function readInstanceType(ctx, job) {
  const node = child(job, "instance-type");
  const instanceType = readString(job, "instance-type", ctx.issues, {
    allowed: "an instance type such as ml.m5.large",
    check: (text) => {
      if (LOCAL_INSTANCE_TYPES.includes(text)) return void 0;
      if (INSTANCE_TYPE_PATTERN.test(text)) return ctx.remote ? trainingInstanceTypeProblem(text) : void 0;
      const hint = INSTANCE_TYPE_PATTERN.test(`ml.${text}`) ? ` (did you mean "ml.${text}"?)` : "";
      return `must be an ml.<family>.<size> instance type such as ml.m5.large or ml.g5.xlarge, or local / local_gpu in local mode (got "${text}")${hint}`;
    }
  });
  if (instanceType !== void 0 && node !== void 0 && ctx.remote && LOCAL_INSTANCE_TYPES.includes(instanceType)) {
    ctx.issues.add(
      node.where,
      `"${instanceType}" runs on this machine and needs mode local; ${ctx.mode} mode needs an ml.* instance type such as ml.m5.large${ctx.modeNote}`
    );
  }
  return instanceType ?? DEFAULTS.instanceType;
}
function readInstanceCount(ctx, job) {
  const count = readInteger(job, "instance-count", ctx.issues, LIMITS.instanceCount);
  if (count !== void 0 && ctx.modeKnown && ctx.mode === "local" && count > LIMITS.localInstanceCount) {
    ctx.issues.add(
      child(job, "instance-count")?.where ?? "job.instance-count",
      `must be at most ${LIMITS.localInstanceCount} in local mode, where every host is a container on this machine (got ${count}); use mode sagemaker for more instances`
    );
  }
  return count ?? DEFAULTS.instanceCount;
}
function readPricePerHour(ctx, job) {
  const node = child(job, "price-per-hour");
  if (node === void 0) return void 0;
  if (node.kind === "scalar" && typeof node.value === "number" && Number.isFinite(node.value) && node.value > 0) {
    return node.value;
  }
  ctx.issues.add(
    node.where,
    `must be a positive number: the price in USD of one instance-hour, such as 1.41 (got ${describe(node)})`
  );
  return void 0;
}
var UNITS = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
var SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i;
var SIZE_HINT = "a size such as 512m, 8g or 1.5g (bytes, k, m, g or t, powers of 1024)";
var ULIMIT_KEYS = ["memlock", "nofile"];
var NOFILE_MAX = 1048576;
var SHM_MIN = 1024 ** 2;
var GPUS_PER_HOST_MAX = 64;
function parseSize(value) {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : void 0;
  const match = SIZE_PATTERN.exec(value.trim());
  if (!match) return void 0;
  const bytes = Math.round(Number(match[1]) * UNITS[(match[2] ?? "").toLowerCase()]);
  return Number.isSafeInteger(bytes) ? bytes : void 0;
}
function readSize(node, issues, min) {
  const value = node.kind === "scalar" ? node.value : void 0;
  const bytes = typeof value === "string" || typeof value === "number" ? parseSize(value) : void 0;
  if (bytes === void 0 || bytes < min) {
    const floor = min > 0 ? `, at least ${min / SHM_MIN} MiB` : "";
    issues.add(node.where, `must be ${SIZE_HINT}${floor} (got ${describe(node)})`);
    return void 0;
  }
  return bytes;
}
function readGpusPerHost(node, issues) {
  const value = node.kind === "scalar" ? node.value : void 0;
  if (value === "all") return "all";
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= GPUS_PER_HOST_MAX) return value;
  issues.add(
    node.where,
    `must be a whole number of GPUs from 1 to ${GPUS_PER_HOST_MAX}, or all (every host sees every GPU) (got ${describe(node)})`
  );
  return void 0;
}
function readUlimits(local, issues) {
  const map2 = readMap(local, "ulimits", issues, ULIMIT_KEYS, "{ memlock: unlimited, nofile: 65536 }");
  if (map2 === void 0) return void 0;
  const ulimits = {};
  const memlock = child(map2, "memlock");
  if (memlock !== void 0) {
    if (memlock.kind === "scalar" && memlock.value === "unlimited") ulimits.memlock = "unlimited";
    else {
      const bytes = readSize(memlock, issues, 0);
      if (bytes !== void 0) ulimits.memlock = bytes;
    }
  }
  const nofile = child(map2, "nofile");
  if (nofile !== void 0) {
    const value = nofile.kind === "scalar" ? nofile.value : void 0;
    if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= NOFILE_MAX)
      ulimits.nofile = value;
    else issues.add(nofile.where, `must be a whole number from 1 to ${NOFILE_MAX} (got ${describe(nofile)})`);
  }
  return ulimits;
}
function readLocalResources(local, issues) {
  if (local === void 0) return {};
  const shm = child(local, "shm-size");
  const gpus = child(local, "gpus-per-host");
  const shmSizeBytes = shm === void 0 ? void 0 : readSize(shm, issues, SHM_MIN);
  const gpusPerHost = gpus === void 0 ? void 0 : readGpusPerHost(gpus, issues);
  const ulimits = readUlimits(local, issues);
  return {
    ...shmSizeBytes !== void 0 ? { shmSizeBytes } : {},
    ...gpusPerHost !== void 0 ? { gpusPerHost } : {},
    ...ulimits !== void 0 ? { ulimits } : {}
  };
}
var LOCAL_KEYS = ["gpu", "cancel-grace", "aws-credentials", "shm-size", "gpus-per-host", "ulimits"];
var GPU_POLICIES = ["required", "optional"];
function readLocal(ctx) {
  const local = readMap(ctx.root, "local", ctx.issues, LOCAL_KEYS, "{ gpu: optional, cancel-grace: 5s }");
  return {
    gpu: readEnum(local, "gpu", ctx.issues, GPU_POLICIES) ?? DEFAULTS.localGpu,
    cancelGraceSeconds: readDuration(local, "cancel-grace", ctx.issues, LIMITS.cancelGraceSeconds) ?? DEFAULTS.cancelGraceSeconds,
    ...readBoolean(local, "aws-credentials", ctx.issues) === true ? { awsCredentials: true } : {},
    ...readLocalResources(local, ctx.issues)
  };
}
var METRIC_KEYS = ["name", "regex", "goal", "threshold", "max-regression"];
var GOALS = ["maximize", "minimize"];
var PERCENT_PATTERN = /^(\d+(?:\.\d+)?|\.\d+)%$/;
function readMetrics(ctx) {
  const metrics = readSeq(ctx.root, "metrics", ctx.issues, '[{ name: accuracy, regex: "accuracy=([0-9.]+)" }]');
  if (metrics === void 0) return [];
  if (metrics.items.length > LIMITS.metrics) {
    ctx.issues.add(
      metrics.where,
      `may define at most ${LIMITS.metrics} metrics, SageMaker's limit for metric definitions (got ${metrics.items.length})`
    );
  }
  const result = [];
  const seen = /* @__PURE__ */ new Map();
  for (const item of metrics.items) {
    if (item.kind !== "map") {
      ctx.issues.add(
        item.where,
        `must be a mapping such as { name: accuracy, regex: "accuracy=([0-9.]+)" } (got ${describe(item)})`
      );
      continue;
    }
    const metric = readMetric(ctx, item);
    if (metric === void 0) continue;
    const first = seen.get(metric.name);
    if (first !== void 0) {
      ctx.issues.add(
        child(item, "name")?.where ?? item.where,
        `metric names must be unique: "${metric.name}" is also defined at ${first}`
      );
      continue;
    }
    seen.set(metric.name, child(item, "name")?.where ?? item.where);
    result.push(metric);
  }
  return result;
}
function readMetric(ctx, item) {
  checkKeys(item, METRIC_KEYS, ctx.issues);
  const name = readString(item, "name", ctx.issues, {
    allowed: "a metric name such as accuracy",
    check: (text) => text.length <= LIMITS.metricName ? void 0 : `must be at most ${LIMITS.metricName} characters (got ${text.length})`
  });
  if (child(item, "name") === void 0) ctx.issues.add(childPath(item.path, "name"), "is required, such as accuracy");
  const regex = readString(item, "regex", ctx.issues, {
    allowed: "a regular expression with a capture group, such as accuracy=([0-9.]+)",
    check: (text) => regexProblem(text)
  });
  if (child(item, "regex") === void 0) {
    ctx.issues.add(
      childPath(item.path, "regex"),
      "is required: a regular expression whose first capture group is the value"
    );
  }
  const goal = readEnum(item, "goal", ctx.issues, GOALS);
  const threshold = readNumber(item, "threshold", ctx.issues);
  const maxRegression = readMaxRegression(ctx, item);
  for (const key of ["threshold", "max-regression"]) {
    const node = child(item, key);
    if (node !== void 0 && child(item, "goal") === void 0) {
      ctx.issues.add(node.where, `needs goal (maximize or minimize) to say which direction is better`);
    }
  }
  if (name === void 0 || regex === void 0) return void 0;
  return {
    name,
    regex,
    ...goal !== void 0 ? { goal } : {},
    ...threshold !== void 0 ? { threshold } : {},
    ...maxRegression !== void 0 ? { maxRegression } : {},
    ...item.line !== void 0 && item.override === void 0 ? { line: item.line } : {}
  };
}
function readMaxRegression(ctx, item) {
  const node = child(item, "max-regression");
  if (node === void 0) return void 0;
  const allowed = `a number \u2265 0 (absolute, in the metric's unit) or a percentage such as 1% (relative) (got ${describe(node)})`;
  if (node.kind === "scalar" && typeof node.value === "number" && Number.isFinite(node.value) && node.value >= 0) {
    return { kind: "absolute", value: node.value };
  }
  const percent = node.kind === "scalar" && typeof node.value === "string" ? PERCENT_PATTERN.exec(node.value.trim()) : null;
  if (percent?.[1] !== void 0) return { kind: "relative", value: Number(percent[1]) / 100 };
  ctx.issues.add(node.where, `must be ${allowed}`);
  return void 0;
}
function regexProblem(source) {
  if (source.length > LIMITS.metricRegex) {
    return `must be at most ${LIMITS.metricRegex} characters, SageMaker's limit (got ${source.length})`;
  }
  let groups;
  try {
    groups = (new RegExp(`${source}|`).exec("")?.length ?? 1) - 1;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return `must be a valid regular expression (got ${JSON.stringify(source)}: ${detail})`;
  }
  if (groups < 1) {
    return `must have a capture group around the value, such as accuracy=([0-9.]+) (got ${JSON.stringify(source)})`;
  }
  return void 0;
}
var MODES = ["local", "sagemaker", "fargate"];
function readMode(root, issues) {
  const node = child(root, "mode");
  if (node === void 0) return { mode: DEFAULTS.mode, modeKnown: true, modeNote: "" };
  const mode = readEnum(root, "mode", issues, MODES);
  if (mode === void 0) return { mode: DEFAULTS.mode, modeKnown: false, modeNote: "" };
  return { mode, modeKnown: true, modeNote: node.override !== void 0 ? ` (mode set by ${node.override})` : "" };
}
function readRegion(root, issues, env) {
  const rule = {
    allowed: "an AWS region such as us-east-1",
    check: (text) => import_chunk_KWKXA2KE.REGION_PATTERN.test(text) ? void 0 : `must be an AWS region such as us-east-1 or eu-west-2 (got "${text}")`
  };
  if (child(root, "region") !== void 0) {
    return readString(root, "region", issues, rule) ?? DEFAULTS.region;
  }
  for (const name of ["AWS_REGION", "AWS_DEFAULT_REGION"]) {
    const value = env[name]?.trim();
    if (value === void 0 || value === "") continue;
    if (import_chunk_KWKXA2KE.REGION_PATTERN.test(value)) return value;
    issues.add(
      `env ${name}`,
      `must be an AWS region such as us-east-1 (got "${value}"); or set region in the configuration`
    );
    return DEFAULTS.region;
  }
  return DEFAULTS.region;
}
function readOutput(ctx) {
  const node = child(ctx.root, "output");
  const fallback = { kind: "local", path: import_node_path5.default.join(ctx.workspace, DEFAULTS.localOutput) };
  if (node === void 0) {
    if (ctx.remote) {
      ctx.issues.add(
        "output",
        `is required in ${ctx.mode} mode${ctx.modeNote}: an S3 URI for the model artifacts, such as s3://my-bucket/models/`
      );
    }
    return fallback;
  }
  const output = readLocation(ctx, node, { asPrefix: true, localOnlyInLocalMode: true });
  if (output?.kind === "local")
    ctx.pathChecks.push({ where: node.where, path: output.path, expect: "directory-if-exists" });
  return output ?? fallback;
}
var REGISTER_KEYS = [
  "group",
  "approval",
  "on-dispatch",
  "branch",
  "problem-type",
  "content-types",
  "response-types"
];
var GROUP_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
var APPROVALS = ["PendingManualApproval", "Approved", "Rejected"];
var PROBLEM_TYPES = ["multiclass-classification", "binary-classification", "regression"];
function outputInS3(ctx) {
  const node = child(ctx.root, "output");
  return node?.kind === "scalar" && typeof node.value === "string" && node.value.startsWith("s3://");
}
function readRegister(ctx) {
  const { issues } = ctx;
  const map2 = readMap(ctx.root, "register", issues, REGISTER_KEYS, "{ group: my-models }");
  if (map2 === void 0) return void 0;
  if (!outputInS3(ctx)) {
    issues.add(
      map2.where,
      "needs an S3 output (output: s3://bucket/prefix/): the model package points at model.tar.gz in S3"
    );
  }
  const group = readString(map2, "group", issues, {
    allowed: "a Model Package Group name such as my-models",
    check: (text) => GROUP_NAME.test(text) ? void 0 : `must be a Model Package Group name SageMaker accepts: 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (got "${text}")`
  });
  if (child(map2, "group") === void 0) issues.add(map2.where, "needs group: the Model Package Group to register in");
  const types = (key) => readStringList(map2, key, issues, { example: "[text/csv]", maxItems: 10, maxLength: 256, nonEmptyItems: true });
  const branch = readString(map2, "branch", issues, { allowed: "a branch name such as main" });
  const contentTypes = types("content-types");
  const responseTypes = types("response-types");
  return {
    group: group ?? "",
    approval: readEnum(map2, "approval", issues, APPROVALS) ?? "PendingManualApproval",
    onDispatch: readBoolean(map2, "on-dispatch", issues) ?? false,
    ...branch !== void 0 ? { branch } : {},
    problemType: readEnum(map2, "problem-type", issues, PROBLEM_TYPES) ?? "multiclass-classification",
    ...contentTypes ? { contentTypes } : {},
    ...responseTypes ? { responseTypes } : {}
  };
}
var SERVE_KEYS = [
  "ping-timeout",
  "invocation-timeout",
  "max-model-size-mb",
  "environment",
  "samples"
];
var SAMPLE_KEYS = ["file", "content-type", "accept", "expect-status", "match", "json-path", "equals"];
var SERVE_CONTENT_TYPES = [
  "text/csv",
  "application/json",
  "application/jsonlines",
  "application/x-npy",
  "application/x-recordio-protobuf",
  "application/octet-stream",
  "text/plain",
  "image/jpeg",
  "image/png"
];
var MIME = /^[-\w.+]+\/[-\w.+]+$/;
var JSON_PATH = /^\$((\.[A-Za-z_][A-Za-z0-9_-]*)|(\[\d+\]))*$/;
var SERVE_DEFAULTS = { pingTimeoutSeconds: 240, invocationTimeoutSeconds: 60, maxModelMb: 10 * 1024 };
function readMatch(item, issues) {
  const regex = readString(item, "match", issues, {
    allowed: "a regular expression the answer must match",
    check: (text) => {
      try {
        new RegExp(text);
        return void 0;
      } catch (err) {
        return `is not a valid regular expression: ${err.message}`;
      }
    }
  });
  const jsonPath = readString(item, "json-path", issues, {
    allowed: "a JSON path such as $.predictions[0].label",
    check: (text) => JSON_PATH.test(text) ? void 0 : `must be a JSON path of names and indexes such as $.predictions[0].label (got "${text}")`
  });
  const equals = readString(item, "equals", issues, { allowed: "the text the JSON path must hold" });
  if (regex !== void 0 && jsonPath !== void 0) {
    issues.add(item.where, "set match (a regular expression) or json-path, not both");
    return void 0;
  }
  if (equals !== void 0 && jsonPath === void 0) issues.add(item.where, "equals needs json-path");
  if (regex !== void 0) return { kind: "regex", pattern: regex };
  if (jsonPath !== void 0) return { kind: "json-path", path: jsonPath, ...equals !== void 0 ? { equals } : {} };
  return void 0;
}
function readContentType(item, key, issues, fallback) {
  return readString(item, key, issues, {
    allowed: `one of ${SERVE_CONTENT_TYPES.join(", ")}`,
    check: (text) => SERVE_CONTENT_TYPES.includes(text.split(";")[0]?.trim() ?? "") ? void 0 : `must be one of ${SERVE_CONTENT_TYPES.join(", ")} (got "${text}")`
  }) ?? fallback;
}
function readSample(item, ctx) {
  const { issues } = ctx;
  checkKeys(item, SAMPLE_KEYS, issues);
  const fileNode = child(item, "file");
  const file = readString(item, "file", issues, { allowed: "a file relative to the workspace" });
  if (file === void 0) {
    if (fileNode === void 0)
      issues.add(item.where, "needs file: the request body to send, relative to the workspace");
    return void 0;
  }
  const where = fileNode?.where ?? item.where;
  const absolute = localPath(ctx, file, where);
  ctx.pathChecks.push({ where, path: absolute, expect: "file" });
  const contentType = readContentType(item, "content-type", issues, "text/csv");
  const accept = readString(item, "accept", issues, {
    allowed: "a media type such as application/json",
    check: (text) => MIME.test(text) || text === "*/*" ? void 0 : `must be a media type such as application/json (got "${text}")`
  });
  const match = readMatch(item, issues);
  return {
    file: absolute,
    contentType,
    accept: accept ?? "application/json",
    expectStatus: readInteger(item, "expect-status", issues, { min: 100, max: 599 }) ?? 200,
    ...match ? { match } : {},
    ...item.line !== void 0 ? { line: item.line } : {}
  };
}
function readServe(ctx) {
  const { issues } = ctx;
  const map2 = readMap(
    ctx.root,
    "serve",
    issues,
    SERVE_KEYS,
    "{ samples: [{ file: sample.csv, content-type: text/csv }] }"
  );
  if (map2 === void 0) return void 0;
  const seq2 = readSeq(map2, "samples", issues, "[{ file: sample.csv, content-type: text/csv }]");
  const samples = [];
  for (const item of seq2?.items ?? []) {
    if (item.kind !== "map") {
      issues.add(
        item.where,
        `must be a mapping such as { file: sample.csv, content-type: text/csv } (got ${describe(item)})`
      );
      continue;
    }
    const sample = readSample(item, ctx);
    if (sample) samples.push(sample);
  }
  if (seq2 === void 0) issues.add(map2.where, "needs samples: at least one request to send to /invocations");
  return {
    pingTimeoutSeconds: readDuration(map2, "ping-timeout", issues, { min: 1, max: 3600 }) ?? SERVE_DEFAULTS.pingTimeoutSeconds,
    invocationTimeoutSeconds: readDuration(map2, "invocation-timeout", issues, { min: 1, max: 3600 }) ?? SERVE_DEFAULTS.invocationTimeoutSeconds,
    samples,
    environment: readStringMap(map2, "environment", issues, {
      example: "{ MODEL_SERVER_WORKERS: 1 }",
      // A SageMaker Model's container Environment: at most 100 entries, keys and values up to 1024.
      maxEntries: 100,
      checkKey: (key) => /^[a-zA-Z_][a-zA-Z0-9_]{0,1023}$/.test(key) ? void 0 : `"${key}" is not an environment variable name`,
      maxValueLength: 1024,
      checkValue: checkHostingVariable
    }),
    maxModelBytes: (readInteger(map2, "max-model-size-mb", issues, { min: 1, max: 1024 * 1024 }) ?? SERVE_DEFAULTS.maxModelMb) * 1024 * 1024
  };
}
function checkHostingVariable(key, value) {
  const port = (text) => /^[1-9][0-9]{0,4}$/.test(text) && Number(text) <= 65535;
  if (key === "SAGEMAKER_BIND_TO_PORT" && !port(value))
    return `must be a port number from 1 to 65535, the port the server listens on (got "${value}")`;
  if (key !== "SAGEMAKER_SAFE_PORT_RANGE") return void 0;
  const [low = "", high = ""] = value.split("-");
  if (!/^\d+-\d+$/.test(value) || !port(low) || !port(high) || Number(low) > Number(high))
    return `must be an inclusive range of ports "XXXX-YYYY", such as "30000-30999" (got "${value}")`;
  return void 0;
}
var TAG_TEXT_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
function readTags(ctx) {
  const tags = readStringMap(ctx.root, "tags", ctx.issues, {
    example: "{ team: ml }",
    maxEntries: LIMITS.tags,
    maxValueLength: LIMITS.tagValue,
    checkKey: (key) => {
      if (key.length > LIMITS.tagKey) return `tag keys must be at most ${LIMITS.tagKey} characters (got ${key.length})`;
      if (key.toLowerCase().startsWith("aws:"))
        return `tag keys must not start with aws:, which AWS reserves (got "${key}")`;
      if (!TAG_TEXT_PATTERN.test(key)) {
        return `tag keys may contain letters, digits, spaces and _ . : / = + - @ (got "${key}")`;
      }
      return void 0;
    }
  });
  const tagsNode = child(ctx.root, "tags");
  for (const [key, value] of Object.entries(tags)) {
    if (!TAG_TEXT_PATTERN.test(value)) {
      const where = tagsNode?.kind === "map" ? tagsNode.entries.get(key)?.node.where ?? `tags.${key}` : `tags.${key}`;
      ctx.issues.add(where, `tag values may contain letters, digits, spaces and _ . : / = + - @ (got "${value}")`);
    }
  }
  return tags;
}
function readWait(ctx) {
  const node = child(ctx.root, "wait");
  const wait = readBoolean(ctx.root, "wait", ctx.issues) ?? DEFAULTS.wait;
  if (wait || node === void 0 || !ctx.modeKnown) return wait;
  if (ctx.mode !== "fargate") {
    ctx.issues.add(
      node.where,
      `may be false only in fargate mode, where the runner task reports the result itself; ${ctx.mode} mode waits for the training to end (the mode is ${ctx.mode}${ctx.modeNote}). Remove wait, or set mode: fargate and fargate.github-app-secret`
    );
  } else if (child(readMapQuiet(ctx.root, "fargate"), "github-app-secret") === void 0) {
    ctx.issues.add(
      node.where,
      'may be false only with fargate.github-app-secret: the Secrets Manager secret (name or ARN) holding the GitHub App ({"appId": \u2026, "privateKey": \u2026}) the runner completes the check run with, such as github-app/sagemaker-train'
    );
  }
  return wait;
}
var SECTIONS = {
  job: readJob,
  image: readImage,
  fargate: readFargate,
  gate: (ctx) => {
    const gate = readGate(ctx.root, ctx.issues);
    return gate.baseline !== DEFAULT_GATE.baseline ? gate : void 0;
  },
  channels: readChannels,
  output: readOutput,
  hyperparameters: readHyperparameters,
  metrics: readMetrics,
  local: readLocal,
  tags: readTags,
  wait: readWait,
  reuse: (ctx) => readBoolean(ctx.root, "reuse", ctx.issues) ?? DEFAULTS.reuse,
  serve: readServe,
  register: readRegister
};
var TOP_LEVEL_KEYS = ["mode", "region", ...Object.keys(SECTIONS)];
function readSections(table, ctx) {
  const values = {};
  for (const [key, read] of Object.entries(table)) {
    const value = read(ctx);
    if (value !== void 0) values[key] = value;
  }
  return values;
}
function buildRequest(root, context) {
  const { issues } = context;
  checkKeys(root, TOP_LEVEL_KEYS, issues);
  const mode = readMode(root, issues);
  const region = readRegion(root, issues, context.env);
  const ctx = {
    root,
    issues,
    workspace: context.workspace,
    ...mode,
    region,
    remote: mode.modeKnown && mode.mode !== "local",
    pathChecks: []
  };
  const draft = {
    mode: mode.mode,
    workspace: context.workspace,
    ...context.configFile !== void 0 ? { configFile: context.configFile } : {},
    region,
    ...readSections(SECTIONS, ctx)
  };
  const warnings = mode.modeKnown ? modeWarnings(root, mode.mode) : [];
  const request = mode.modeKnown ? modeChecked(root, draft, issues) : void 0;
  return { ...request !== void 0 ? { request } : {}, pathChecks: ctx.pathChecks, warnings };
}
function modeChecked(root, draft, issues) {
  const check = (0, import_chunk_YJLFLQOZ.checkMode)(draft);
  if (check.ok) return issues.empty ? check.request : void 0;
  const reported = (key) => issues.items.some(
    (issue) => issue.where === key || issue.where.startsWith(`${key} `) || issue.where.startsWith(`${key}.`) || issue.where.startsWith(`${key}[`)
  );
  for (const problem of check.problems) {
    if (!reported(problem.key)) issues.add(whereOf(root, problem.key), modeMessage(problem));
  }
  return void 0;
}
function whereOf(root, key) {
  return nodeAt(root, key)?.where ?? key;
}
function modeMessage(problem) {
  const text = problem.message.startsWith(`${problem.key} `) ? problem.message.slice(problem.key.length + 1) : problem.message;
  return text.replace(/\.$/, "");
}
var DEFAULT_CONFIG_FILE = ".github/sagemaker-training.yml";
async function loadConfig(opts) {
  const issues = new IssueList();
  const workspace = import_node_path.default.resolve(opts.workspace);
  const configPath = import_node_path.default.resolve(workspace, opts.configFile ?? DEFAULT_CONFIG_FILE);
  const label = displayPath(workspace, configPath);
  const text = await readConfigText(configPath, opts.configFileExplicit === true, label, issues);
  const root = text === void 0 ? emptyMap("", label) : parseConfig(text, label, issues);
  const fileUsable = issues.empty;
  for (const override of opts.overrides) {
    applyOverride(root, override, issues);
    if (override.problem === void 0 && override.path.join(".") === "image.uri") dropFileBuildKeys(root);
  }
  if (!fileUsable) issues.throwIfAny();
  const { request, pathChecks, warnings } = buildRequest(root, {
    workspace,
    ...text !== void 0 ? { configFile: configPath } : {},
    env: opts.env ?? process.env,
    issues
  });
  await runPathChecks(pathChecks, workspace, issues);
  issues.throwIfAny();
  if (request === void 0) throw new Error("The configuration was read without a problem but gave no request");
  return { request, warnings };
}
function displayPath(workspace, file) {
  const relative = import_node_path.default.relative(workspace, file);
  return relative !== "" && !relative.startsWith("..") && !import_node_path.default.isAbsolute(relative) ? relative : file;
}
async function readConfigText(file, explicit, label, issues) {
  try {
    return await (0, import_promises.readFile)(file, "utf8");
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" && !explicit) return void 0;
    if (code === "ENOENT") issues.add(label, `configuration file not found (looked for ${file})`);
    else if (code === "EISDIR") issues.add(label, `is a folder, not a configuration file (${file})`);
    else issues.add(label, `cannot be read (${code ?? String(error)})`);
    return void 0;
  }
}
function parseConfig(text, label, issues) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings];
  for (const problem of problems) {
    const { line, col } = lineCounter.linePos(syntaxErrorStart(text, problem.code, problem.message, problem.pos[0]));
    const message = (problem.message.split("\n")[0] ?? problem.message).replace(/ at line \d+, column \d+:?$/, "");
    issues.add(`${label} (line ${line})`, `is not valid YAML (column ${col}): ${message}`);
  }
  if (problems.length > 0) return emptyMap("", label);
  const tree = treeFromDocument(doc, lineCounter, issues, label);
  if (tree.kind === "map") return tree;
  if (tree.kind === "scalar" && tree.value === null) return emptyMap("", label);
  issues.add(
    tree.where,
    `must be a mapping of settings such as mode, image, job and channels (got ${tree.kind === "seq" ? "a list" : "a single value"})`
  );
  return emptyMap("", label);
}
function syntaxErrorStart(text, code, message, reported) {
  const quote = code === "MISSING_CHAR" ? /closing (["'])quote/.exec(message)?.[1] : void 0;
  if (quote === void 0) return reported;
  for (let i = Math.min(reported, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    const escaped = quote === '"' ? text[i - 1] === "\\" : text[i - 1] === "'" || text[i + 1] === "'";
    if (!escaped) return i;
  }
  return reported;
}
function dropFileBuildKeys(root) {
  const image = root.entries.get("image")?.node;
  if (image?.kind !== "map") return;
  for (const key of IMAGE_BUILD_KEYS) {
    const entry = image.entries.get(key);
    if (entry !== void 0 && entry.node.override === void 0) image.entries.delete(key);
  }
}
async function runPathChecks(checks, workspace, issues) {
  const outcomes = await Promise.all(checks.map((check) => pathProblem(check, workspace)));
  const failed = new Set(checks.filter((_, i) => outcomes[i] !== void 0).map((check) => check.path));
  checks.forEach((check, i) => {
    const problem = outcomes[i];
    if (problem === void 0) return;
    if (check.unlessFailed !== void 0 && failed.has(check.unlessFailed)) return;
    issues.add(check.where, problem);
  });
}
async function pathProblem(check, workspace) {
  const shown = displayPath(workspace, check.path);
  const wantDirectory = check.expect !== "file";
  let isDirectory;
  try {
    isDirectory = (await (0, import_promises.stat)(check.path)).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") {
      if (check.expect === "directory-if-exists") return void 0;
      const what = wantDirectory ? "folder" : "file";
      const hint = check.hint === void 0 ? "" : `; ${check.hint}`;
      return `${what} not found: ${shown} (relative paths are resolved against the workspace ${workspace})${hint}`;
    }
    return `cannot be read: ${shown} (${code ?? String(error)})`;
  }
  if (wantDirectory && !isDirectory) return `must be a folder, but ${shown} is a file`;
  if (!wantDirectory && isDirectory) return `must be a file, but ${shown} is a folder`;
  if (check.expect === "directory-if-exists") return void 0;
  try {
    await (0, import_promises.access)(check.path, wantDirectory ? import_node_fs.constants.R_OK | import_node_fs.constants.X_OK : import_node_fs.constants.R_OK);
  } catch (error) {
    return `cannot be read: ${shown} (${errorCode(error) ?? String(error)})`;
  }
  return void 0;
}
function errorCode(error) {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string")
    return error.code;
  return void 0;
}
var OVERRIDES = [
  { name: "mode", path: ["mode"], kind: "scalar", description: "Where to train: local, sagemaker or fargate." },
  { name: "region", path: ["region"], kind: "scalar", description: "AWS region (default AWS_REGION, then us-east-1)." },
  {
    name: "image-uri",
    path: ["image", "uri"],
    kind: "scalar",
    description: "A prebuilt training image to use instead of building one (replaces the file's build settings)."
  },
  {
    name: "build-args",
    path: ["image", "build-args"],
    kind: "mapping",
    description: "Docker build arguments as a YAML mapping, merged over the file's."
  },
  {
    name: "force-build",
    path: ["image", "force-build"],
    kind: "scalar",
    description: "Build and push the image even when its content tag already exists (true or false)."
  },
  {
    name: "registry-username",
    path: ["image", "registry-username"],
    kind: "scalar",
    description: "User name for a registry other than ECR (the password: registry-password-env or registry-password)."
  },
  {
    name: "instance-type",
    path: ["job", "instance-type"],
    kind: "scalar",
    description: "ml.* instance type, or local."
  },
  { name: "instance-count", path: ["job", "instance-count"], kind: "scalar", description: "Number of instances." },
  {
    name: "max-runtime",
    path: ["job", "max-runtime"],
    kind: "scalar",
    description: "Longest the training may run, such as 2h."
  },
  { name: "job-name", path: ["job", "name"], kind: "scalar", description: "Explicit training job name." },
  { name: "name-prefix", path: ["job", "name-prefix"], kind: "scalar", description: "Prefix of generated job names." },
  { name: "role-arn", path: ["job", "role-arn"], kind: "scalar", description: "IAM role SageMaker assumes." },
  {
    name: "capacity-retries",
    path: ["job", "capacity-retries"],
    kind: "scalar",
    description: "Times a job that failed for lack of capacity is created again under a new name (0 to 5)."
  },
  {
    name: "price-per-hour",
    path: ["job", "price-per-hour"],
    kind: "scalar",
    description: "USD per instance-hour, for the estimated cost (default: a built-in approximate table)."
  },
  {
    name: "output",
    path: ["output"],
    kind: "scalar",
    description: "Where model artifacts go: s3:// or a local folder."
  },
  {
    name: "hyperparameters",
    path: ["hyperparameters"],
    kind: "mapping",
    description: "Hyperparameters as a YAML mapping, merged over the file's."
  },
  {
    name: "local-gpu",
    path: ["local", "gpu"],
    kind: "scalar",
    description: "Local mode without a GPU runtime: required (fail) or optional (warn and run on CPU)."
  },
  {
    name: "wait",
    path: ["wait"],
    kind: "scalar",
    description: "false: return once the runner task is running; it completes the check run itself (fargate mode, with fargate.github-app-secret)."
  },
  {
    name: "reuse",
    path: ["reuse"],
    kind: "scalar",
    description: "false: train even when a completed run with the same fingerprint is in the result index (default true)."
  }
];
var MAPPING_HINT = 'a YAML mapping such as "epochs: 3" or "{epochs: 3, eta: 0.1}"';
function overridesFromInputs(getInput) {
  const overrides = [];
  for (const spec of OVERRIDES) {
    const raw = getInput(spec.name);
    if (raw === void 0 || raw.trim() === "") continue;
    overrides.push(fromSpec(spec, raw, `input "${spec.name}"`));
  }
  return overrides;
}
function overridesFromFlags(flags) {
  const overrides = [];
  const known = new Set(OVERRIDES.map((s) => s.name));
  for (const name of Object.keys(flags.values)) {
    if (!known.has(name) && flags.values[name] !== void 0) {
      overrides.push({
        path: [],
        value: void 0,
        source: `flag --${name}`,
        problem: "is not a setting that can be overridden"
      });
    }
  }
  for (const spec of OVERRIDES) {
    const raw = flags.values[spec.name];
    if (raw === void 0 || raw.trim() === "") continue;
    overrides.push(fromSpec(spec, raw, `flag --${spec.name}`));
  }
  for (const set2 of flags.sets ?? []) overrides.push(fromSet(set2));
  for (const pair of flags.hyperparameters ?? []) {
    const split = splitPair(pair);
    if (split === void 0) {
      overrides.push(malformedPair("--hyperparameter", pair, "name=value", ["hyperparameters"]));
    } else {
      overrides.push({
        path: ["hyperparameters", split.key],
        ...parseScalarText(split.value),
        source: `flag --hyperparameter ${split.key}`
      });
    }
  }
  for (const pair of flags.buildArgs ?? []) {
    const split = splitPair(pair);
    if (split === void 0) {
      overrides.push(malformedPair("--build-arg", pair, "KEY=VALUE", ["image", "build-args"]));
    } else {
      overrides.push({
        path: ["image", "build-args", split.key],
        value: split.value,
        text: split.value,
        source: `flag --build-arg ${split.key}`
      });
    }
  }
  return overrides;
}
function fromSpec(spec, raw, source) {
  if (spec.kind === "scalar") return { path: [...spec.path], ...parseScalarText(raw), source };
  const parsed = parseMappingText(raw);
  if ("problem" in parsed) return { path: [...spec.path], value: void 0, source, problem: parsed.problem };
  return { path: [...spec.path], value: parsed.value, source };
}
function fromSet(set2) {
  const eq = set2.indexOf("=");
  const dotted = (eq === -1 ? set2 : set2.slice(0, eq)).trim();
  const source = dotted === "" ? "flag --set" : `flag --set ${dotted}`;
  const path6 = dotted.split(".");
  if (eq === -1) {
    return {
      path: path6,
      value: void 0,
      source,
      problem: `must be written as --set <path>=<value>, such as --set job.max-runtime=2h (got "${set2}")`
    };
  }
  if (path6.some((segment) => segment === "")) {
    return {
      path: path6,
      value: void 0,
      source,
      problem: `must name a setting as a dotted path such as job.max-runtime (got "${dotted}")`
    };
  }
  const parsed = parseScalarText(set2.slice(eq + 1));
  return { path: path6, ...parsed, source };
}
function splitPair(pair) {
  const eq = pair.indexOf("=");
  if (eq <= 0) return void 0;
  return { key: pair.slice(0, eq).trim(), value: pair.slice(eq + 1) };
}
function malformedPair(flag, pair, shape, path6) {
  return { path: path6, value: void 0, source: `flag ${flag}`, problem: `must be written as ${shape} (got "${pair}")` };
}
function parseScalarText(raw) {
  const text = raw.trim();
  const doc = parseDocument(text);
  if (doc.errors.length === 0 && doc.warnings.length === 0 && isScalar(doc.contents)) {
    const value = doc.contents.value;
    if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      return { value, text };
    }
  }
  return { value: text, text };
}
function parseMappingText(raw) {
  const doc = parseDocument(raw, { prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError !== void 0) {
    const detail = firstError.message.split("\n")[0] ?? firstError.message;
    return { problem: `must be ${MAPPING_HINT} (YAML error: ${detail})` };
  }
  if (!isMap(doc.contents)) return { problem: `must be ${MAPPING_HINT} (got ${JSON.stringify(raw.trim())})` };
  const value = {};
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key.source ?? String(pair.key.value) : void 0;
    if (key === void 0 || key === "") return { problem: `must be ${MAPPING_HINT} with plain keys` };
    const node = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
    if (isScalar(node)) {
      const scalar = node.value;
      value[key] = typeof scalar === "number" && Number.isFinite(scalar) ? stringifyScalar(scalar, node.source) : scalar;
    } else if (isSeq(node)) {
      value[key] = [];
    } else if (isMap(node)) {
      value[key] = {};
    } else {
      value[key] = null;
    }
  }
  return { value };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ConfigError,
  DEFAULT_CONFIG_FILE,
  OVERRIDES,
  loadConfig,
  overridesFromFlags,
  overridesFromInputs,
  suggest
});
