// Validates a request against GitHub's published OpenAPI description (@octokit/openapi): the operation must exist,
// and its path parameters, query parameters and JSON body must match their schemas. OpenAPI 3.0's `nullable` is
// turned into JSON Schema (`type: [T, "null"]`) before Ajv sees it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  literals: number;
  operationId: string;
  parameters: Parameter[];
  body?: { required: boolean; schema: Json };
}

const ROOT_ID = 'https://api.github.com/openapi.json';

/** `nullable: true` → a JSON Schema null type; `#/components/...` refs → refs into the registered document. */
function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out[key] = `${ROOT_ID}${value}`;
    else if (key === 'example' || key === 'examples' || key === 'description') continue;
    else out[key] = convert(value);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  delete out.nullable;
  return out;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface RequestToValidate {
  method: string;
  /** Path without the query string, e.g. /repos/o/r/check-runs. */
  path: string;
  query?: Record<string, string | string[]>;
  /** Parsed JSON body, or undefined when none was sent. */
  body?: unknown;
}

export interface Validation {
  operationId?: string;
  template?: string;
  problems: string[];
}

export class GithubOpenApi {
  private readonly operations: Operation[] = [];
  private readonly ajv: Ajv;
  private readonly coercing: Ajv;
  private readonly compiled = new Map<object, ValidateFunction>();
  private readonly doc: Json;
  private readonly examples: Record<string, { value: Json }>;

  constructor(file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json')) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Json;
    this.examples = (raw.components as { examples: Record<string, { value: Json }> }).examples;
    const components = convert(raw.components) as Json;
    this.doc = { $id: ROOT_ID, components };
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false }));
    this.ajv.addSchema(this.doc);
    this.coercing = addFormats(new Ajv({ strict: false, allErrors: true, logger: false, coerceTypes: 'array' }));
    this.coercing.addSchema(this.doc);

    const resolveParam = (p: unknown): Parameter => {
      const ref = (p as Json).$ref;
      if (typeof ref === 'string') {
        const name = ref.split('/').pop() ?? '';
        return (raw.components as { parameters: Record<string, Parameter> }).parameters[name] as Parameter;
      }
      return p as Parameter;
    };
    for (const [template, item] of Object.entries(raw.paths as Record<string, Json>)) {
      const shared: unknown[] = Array.isArray(item.parameters) ? (item.parameters as unknown[]) : [];
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        const names: string[] = [];
        const pattern = new RegExp(
          `^${template
            .split(/(\{[^}]+\})/)
            .map((part) => {
              const m = /^\{([^}]+)\}$/.exec(part);
              if (!m) return escapeRegex(part);
              names.push(m[1] ?? '');
              return '([^/]+)';
            })
            .join('')}$`,
        );
        const body = (op.requestBody as Json | undefined)?.content as Record<string, { schema?: Json }> | undefined;
        const jsonSchema = body?.['application/json']?.schema;
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern,
          names,
          literals: template.replace(/\{[^}]+\}/g, '').length,
          operationId: String(op.operationId),
          parameters: [...shared, ...(Array.isArray(op.parameters) ? (op.parameters as unknown[]) : [])].map(
            resolveParam,
          ),
          ...(jsonSchema
            ? {
                body: {
                  required: (op.requestBody as Json).required === true,
                  schema: convert(jsonSchema) as Json,
                },
              }
            : {}),
        });
      }
    }
  }

  private validator(ajv: Ajv, schema: Json): ValidateFunction {
    let fn = this.compiled.get(schema);
    if (!fn) {
      fn = ajv.compile(schema);
      this.compiled.set(schema, fn);
    }
    return fn;
  }

  private readonly params = new Map<Parameter, ValidateFunction>();

  /** Parameters arrive as strings: validated with type coercion, wrapped as { v: value }. */
  private paramValidator(p: Parameter): ValidateFunction {
    let fn = this.params.get(p);
    if (!fn) {
      fn = this.coercing.compile({ type: 'object', properties: { v: convert(p.schema) as Json } });
      this.params.set(p, fn);
    }
    return fn;
  }

  private errors(fn: ValidateFunction, where: string): string[] {
    return (fn.errors ?? []).map(
      (e) => `${where}${e.instancePath.replace(/^\/v(?=\/|$)/, '')} ${e.message ?? 'is invalid'}`,
    );
  }

  validate(request: RequestToValidate): Validation {
    const method = request.method.toUpperCase();
    const candidates = this.operations
      .filter((o) => o.method === method && o.pattern.test(request.path))
      .sort((a, b) => b.literals - a.literals);
    const op = candidates[0];
    if (!op) return { problems: [`unknown operation: ${method} ${request.path}`] };
    const problems: string[] = [];
    const match = op.pattern.exec(request.path) ?? [];
    const pathValues = Object.fromEntries(op.names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? '')]));

    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      const value = pathValues[p.name];
      if (value === undefined || value === '') problems.push(`path parameter ${p.name} is missing`);
      else if (p.schema) {
        const wrapper = this.paramValidator(p);
        if (!wrapper({ v: value })) problems.push(...this.errors(wrapper, `path ${p.name}`));
      }
    }
    const queryParams = op.parameters.filter((x) => x.in === 'query');
    const query = request.query ?? {};
    for (const name of Object.keys(query)) {
      if (!queryParams.some((p) => p.name === name)) problems.push(`unknown query parameter ${name}`);
    }
    for (const p of queryParams) {
      const value = query[p.name];
      if (value === undefined) {
        if (p.required) problems.push(`query parameter ${p.name} is required`);
        continue;
      }
      if (!p.schema) continue;
      const wrapper = this.paramValidator(p);
      const data = { v: Array.isArray(value) && p.schema.type !== 'array' ? value[0] : value };
      if (!wrapper(data)) problems.push(...this.errors(wrapper, `query ${p.name}`));
    }

    if (request.body === undefined) {
      if (op.body?.required) problems.push('a JSON body is required');
    } else if (!op.body) {
      problems.push('a body was sent to an operation that takes none');
    } else {
      const schema = op.body.schema;
      // Path and query parameters never belong in the body: GitHub ignores unknown fields, so catch typos here.
      const props = schema.properties as Json | undefined;
      if (props && typeof request.body === 'object' && request.body !== null && !Array.isArray(request.body)) {
        for (const key of Object.keys(request.body)) {
          if (!(key in props)) problems.push(`body has unknown property ${key}`);
        }
      }
      const fn = this.validator(this.ajv, schema);
      if (!fn(request.body)) problems.push(...this.errors(fn, 'body'));
    }
    return { operationId: op.operationId, template: op.template, problems };
  }

  /** An example response from the description (components.examples), deep-copied. */
  example(name: string): Json {
    return structuredClone(this.examples[name]?.value ?? {});
  }
}

let shared: GithubOpenApi | undefined;
/** One parsed description per test process (it is 13 MB). */
export function githubOpenApi(): GithubOpenApi {
  shared ??= new GithubOpenApi();
  return shared;
}
