/**
 * Validates requests and responses against GitHub's official OpenAPI description (@octokit/openapi), so the
 * double cannot drift from the real API: an operation is found by method + path template, its JSON schemas are
 * converted from OpenAPI 3.0 (`nullable`, `$ref` into components) to JSON Schema and checked with ajv.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a default export; under NodeNext the namespace is what we get.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Json = Record<string, unknown>;
interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  literals: number;
  spec: Json;
}

export interface ValidationProblem {
  where: string;
  errors: string[];
}

const DROP = new Set([
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

export class OpenApiValidator {
  private readonly doc: Json;
  private readonly operations: Operation[] = [];
  private readonly ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  private readonly paramAjv = new Ajv({ strict: false, allErrors: true, logger: false, coerceTypes: true });
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(file = OpenApiValidator.defaultFile()) {
    this.doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
    addFormats(this.ajv);
    addFormats(this.paramAjv);
    for (const [template, item] of Object.entries(this.doc.paths as Record<string, Json>)) {
      const parts = template.split('/');
      const regex = new RegExp(
        `^${parts.map((p) => (p.startsWith('{') ? '([^/]+)' : p.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`,
      );
      const literals = parts.filter((p) => p && !p.startsWith('{')).length;
      for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
        if (item[method])
          this.operations.push({ method, template, regex, literals, spec: item[method] as Json });
      }
    }
  }

  static defaultFile(): string {
    // The non-dereferenced description: components stay shared, so ajv compiles each schema once.
    return createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  }

  /** The operation for a concrete path; a literal segment beats a parameter (`/issues/comments` vs `/issues/{n}`). */
  find(
    method: string,
    path: string,
  ): { operationId: string; template: string; params: Record<string, string> } | null {
    const candidates = this.operations
      .filter((o) => o.method === method.toLowerCase() && o.regex.test(path))
      .sort((a, b) => b.literals - a.literals);
    const op = candidates[0];
    if (!op) return null;
    const names = [...op.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const values = op.regex.exec(path)!.slice(1);
    return {
      operationId: String(op.spec.operationId),
      template: op.template,
      params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(values[i]!)])),
    };
  }

  validateRequest(
    method: string,
    template: string,
    query: Record<string, string>,
    body: unknown,
  ): ValidationProblem[] {
    const op = this.operation(method, template);
    const problems: ValidationProblem[] = [];
    for (const raw of (op.spec.parameters as Json[] | undefined) ?? []) {
      const p = this.deref(raw);
      if (p.in !== 'query' || !(String(p.name) in query)) continue;
      // Wrapped in an object so ajv can coerce the query string to the parameter's type in place.
      const holder = { v: query[String(p.name)] };
      const key = `${method} ${template} query ${String(p.name)}`;
      const validate = this.compile(key, { type: 'object', properties: { v: p.schema } }, this.paramAjv);
      if (!validate(holder))
        problems.push({ where: `query ${String(p.name)}`, errors: this.errors(validate) });
    }
    const requestBody = op.spec.requestBody ? this.deref(op.spec.requestBody as Json) : null;
    const schema = (requestBody?.content as Record<string, { schema?: Json }> | undefined)?.[
      'application/json'
    ]?.schema;
    if (schema) {
      if (body === undefined && requestBody?.required)
        problems.push({ where: 'request body', errors: ['is required'] });
      else if (body !== undefined) {
        const validate = this.compile(`${method} ${template} request`, schema, this.ajv);
        if (!validate(body)) problems.push({ where: 'request body', errors: this.errors(validate) });
      }
    } else if (body !== undefined && body !== null && Object.keys(body as object).length > 0) {
      problems.push({ where: 'request body', errors: ['the operation takes no body'] });
    }
    return problems;
  }

  validateResponse(method: string, template: string, status: number, body: unknown): ValidationProblem[] {
    const op = this.operation(method, template);
    const responses = op.spec.responses as Record<string, Json>;
    const response = responses[String(status)];
    if (!response)
      return [
        {
          where: `response ${status}`,
          errors: [`status ${status} is not documented for ${String(op.spec.operationId)}`],
        },
      ];
    const resolved = this.deref(response);
    const schema = (resolved.content as Record<string, { schema?: Json }> | undefined)?.['application/json']
      ?.schema;
    if (!schema)
      return body === undefined || body === ''
        ? []
        : [{ where: `response ${status}`, errors: ['no body is documented'] }];
    const validate = this.compile(`${method} ${template} ${status}`, schema, this.ajv);
    return validate(body) ? [] : [{ where: `response ${status}`, errors: this.errors(validate) }];
  }

  private operation(method: string, template: string): Operation {
    const op = this.operations.find((o) => o.method === method.toLowerCase() && o.template === template);
    if (!op) throw new Error(`no operation ${method} ${template}`);
    return op;
  }

  private deref(node: Json): Json {
    let current = node;
    while (typeof current.$ref === 'string') current = this.pointer(current.$ref);
    return current;
  }

  private pointer(ref: string): Json {
    let node: unknown = this.doc;
    for (const part of ref.replace(/^#\//, '').split('/'))
      node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!node) throw new Error(`unresolvable $ref ${ref}`);
    return node as Json;
  }

  private errors(validate: ValidateFunction): string[] {
    return (validate.errors ?? [])
      .slice(0, 10)
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  /** OpenAPI 3.0 schema → JSON Schema, with every reachable component schema copied under `definitions`. */
  private compile(key: string, schema: Json, ajv: Ajv): ValidateFunction {
    const hit = this.cache.get(`${ajv === this.ajv ? 'a' : 'p'}:${key}`);
    if (hit) return hit;
    const definitions: Record<string, unknown> = {};
    const pending: string[] = [];
    const convert = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(convert);
      if (node === null || typeof node !== 'object') return node;
      const n = node as Json;
      if (typeof n.$ref === 'string') {
        const name = n.$ref.replace('#/components/schemas/', '');
        if (!(name in definitions) && !pending.includes(name)) pending.push(name);
        return { $ref: `#/definitions/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` };
      }
      const out: Json = {};
      for (const [k, v] of Object.entries(n)) {
        if (DROP.has(k) || k.startsWith('x-') || k === 'nullable') continue;
        if (k === 'properties' || k === 'patternProperties') {
          out[k] = Object.fromEntries(Object.entries(v as Json).map(([pk, pv]) => [pk, convert(pv)]));
        } else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(k)) {
          out[k] = typeof v === 'boolean' ? v : convert(v);
        } else out[k] = v;
      }
      if (n.nullable === true) {
        // OpenAPI 3.0: `nullable` widens the schema to accept null (3.1 writes type: [T, 'null']).
        if (typeof out.type === 'string' && !out.allOf && !out.anyOf && !out.oneOf) {
          out.type = [out.type, 'null'];
          if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
          return out;
        }
        return { anyOf: [out, { type: 'null' }] };
      }
      return out;
    };
    const root = convert(schema) as Json;
    while (pending.length) {
      const name = pending.shift()!;
      definitions[name] = convert(this.pointer(`#/components/schemas/${name}`));
    }
    const validate = ajv.compile({ ...root, definitions });
    this.cache.set(`${ajv === this.ajv ? 'a' : 'p'}:${key}`, validate);
    return validate;
  }
}
