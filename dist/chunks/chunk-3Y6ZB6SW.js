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
var chunk_3Y6ZB6SW_exports = {};
__export(chunk_3Y6ZB6SW_exports, {
  evaluateGates: () => evaluateGates,
  gateFailures: () => gateFailures
});
module.exports = __defProp(chunk_3Y6ZB6SW_exports, "__esModule", { value: true });
var EPSILON = 1e-9;
var num = (n) => String(Number(n.toPrecision(6)));
function describeAllowance(spec) {
  return spec.kind === "relative" ? `${num(spec.value * 100)}%` : num(spec.value);
}
function regression(goal, value, base) {
  return goal === "maximize" ? base - value : value - base;
}
function allowedRegression(spec, base) {
  return spec.kind === "relative" ? Math.abs(base) * spec.value : spec.value;
}
function thresholdCheck(spec, value) {
  if (spec.threshold === void 0) return { verdict: "none" };
  if (value === void 0) return { verdict: "fail", note: "not reported" };
  if (spec.goal === void 0) return { verdict: "none", note: "threshold without a goal" };
  const ok = spec.goal === "maximize" ? value >= spec.threshold - EPSILON : value <= spec.threshold + EPSILON;
  if (ok) return { verdict: "pass" };
  return {
    verdict: "fail",
    note: `${spec.goal === "maximize" ? "below" : "above"} threshold ${num(spec.threshold)}`
  };
}
function regressionCheck(spec, value, base, hasBaseline) {
  if (spec.maxRegression === void 0 || !hasBaseline) return { verdict: "none" };
  if (base === void 0) return { verdict: "none", note: "no base value" };
  if (value === void 0) return { verdict: "fail", note: "not reported" };
  if (spec.goal === void 0) return { verdict: "none", note: "max-regression without a goal" };
  const worse = regression(spec.goal, value, base);
  const allowed = allowedRegression(spec.maxRegression, base);
  if (worse <= allowed + EPSILON) return { verdict: "pass" };
  return {
    verdict: "fail",
    note: `regressed by ${num(worse)} (allowed ${describeAllowance(spec.maxRegression)})`
  };
}
function combine(checks) {
  if (checks.some((c) => c.verdict === "fail")) return "fail";
  if (checks.some((c) => c.verdict === "pass")) return "pass";
  return "none";
}
function evaluateGates(options) {
  const { specs, metrics, baseline } = options;
  const gates = specs.map((spec) => {
    const value = metrics[spec.name];
    const base = baseline?.metrics[spec.name];
    const checks = [thresholdCheck(spec, value), regressionCheck(spec, value, base, baseline !== void 0)];
    const notes = [...new Set(checks.flatMap((c) => c.note ? [c.note] : []))];
    return {
      name: spec.name,
      ...value !== void 0 ? { value } : {},
      ...spec.goal ? { goal: spec.goal } : {},
      ...spec.threshold !== void 0 ? { threshold: spec.threshold } : {},
      ...spec.maxRegression ? { maxRegression: spec.maxRegression } : {},
      ...base !== void 0 ? { base } : {},
      ...base !== void 0 && value !== void 0 ? { delta: value - base } : {},
      verdict: combine(checks),
      notes
    };
  });
  const configured = new Set(specs.map((s) => s.name));
  for (const [name, value] of Object.entries(metrics)) {
    if (configured.has(name)) continue;
    const base = baseline?.metrics[name];
    gates.push({
      name,
      value,
      ...base !== void 0 ? { base, delta: value - base } : {},
      verdict: "none",
      notes: []
    });
  }
  return {
    passed: gates.every((g) => g.verdict !== "fail"),
    metrics: gates,
    ...baseline ? { baseline } : {}
  };
}
function gateFailures(report) {
  return report.metrics.filter((g) => g.verdict === "fail").map((g) => `${g.name}${g.value === void 0 ? "" : ` ${num(g.value)}`}: ${g.notes.join("; ")}`);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  evaluateGates,
  gateFailures
});
