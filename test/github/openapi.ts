// GitHub's own OpenAPI description (@octokit/openapi, api.github.com) as the judge of every
// exchange with the tests' GitHub server: each request the Action and `lkml-replay github`
// send must be an operation of the API with a body its schema accepts, and each answer the
// server gives must be one the API documents for that operation (errors not listed for an
// operation as GitHub's `basic-error`), its JSON valid under the schema. The description is
// OpenAPI 3.0 (`nullable`), turned into JSON Schema for ajv as it is loaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> } | { $ref: string }>;
  parameters?: ({ $ref: string } | { name: string; in: string; schema?: Json })[];
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, { content?: Record<string, { schema?: Json }> }>; examples: Record<string, { value: Json }> };
}

let loaded: { spec: Spec; ajv: Ajv; routes: { re: RegExp; path: string }[] } | null = null;
const compiled = new Map<string, ValidateFunction>();

/** A copy of one of the description's examples (GitHub's own sample answers). */
export function githubExample<T = Record<string, unknown>>(name: string): T {
  const ex = load().spec.components.examples[name];
  if (!ex) throw new Error(`no example ${name} in GitHub's OpenAPI description`);
  return structuredClone(ex.value) as T;
}

function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
  ajv.addSchema(toJsonSchema({ components: spec.components as unknown as Json }) as object, 'github');
  const routes = Object.keys(spec.paths).map((path) => ({ path, re: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`) }));
  loaded = { spec, ajv, routes };
  return loaded;
}

/** OpenAPI 3.0 schema -> JSON Schema: `nullable: true` allows null; refs point into the `github` document. */
function toJsonSchema(s: Json): Json {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (s === null || typeof s !== 'object') return s;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'examples' || k === 'example' || k === 'nullable' || k === 'discriminator') continue;
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#/, 'github#') : toJsonSchema(v);
  }
  if ((s as { nullable?: boolean }).nullable) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

function validator(key: string, schema: Json): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = load().ajv.compile(toJsonSchema(schema) as object);
    compiled.set(key, v);
  }
  return v;
}

export interface Exchange {
  method: string;
  /** Path without the API prefix and query: `/repos/o/r/pulls/1`. */
  route: string;
  requestBody: string;
  status: number;
  responseType: string | undefined;
  responseBody: string;
}

/** What in one request and its answer the API description does not allow; [] when all is well. */
export function openApiProblems(x: Exchange): string[] {
  if (x.route === '/graphql') return []; // GraphQL is not described by the REST description
  const { spec, routes } = load();
  const where = `${x.method} ${x.route}`;
  const path = routes.find((r) => r.re.test(x.route))?.path;
  if (!path) return [`${where}: no such path in the GitHub REST API`];
  const op = spec.paths[path]![x.method.toLowerCase()];
  if (!op) return [`${where}: ${x.method} is not an operation of ${path}`];
  const problems: string[] = [];

  const reqSchema = op.requestBody?.content?.['application/json']?.schema;
  if (reqSchema !== undefined) {
    let body: unknown;
    try {
      body = JSON.parse(x.requestBody || 'null');
    } catch {
      problems.push(`${where}: the request body is not JSON`);
    }
    const v = validator(`${x.method} ${path} request`, reqSchema);
    if (body !== undefined && !v(body)) problems.push(`${where}: request body: ${describe(v)}`);
  } else if (x.requestBody && x.method !== 'GET') {
    problems.push(`${where}: the operation takes no JSON body but one was sent`);
  }

  if (x.status === 0) return problems; // no answer (a hung request the client gave up on)
  let resp = op.responses[String(x.status)];
  if (resp && '$ref' in resp) resp = spec.components.responses[resp.$ref.replace('#/components/responses/', '')];
  let schema: Json | undefined;
  if (resp) {
    const content = (resp as { content?: Record<string, { schema?: Json }> }).content;
    if (!content) {
      if (x.responseBody !== '') problems.push(`${where}: answer ${x.status} has no body in the description, but the server sent one`);
      return problems;
    }
    schema = content['application/json']?.schema;
    if (schema === undefined) {
      // diff/patch media types and the like: text, no schema
      if (/json/.test(x.responseType ?? '')) problems.push(`${where}: answer ${x.status} is JSON where the description has ${Object.keys(content).join(', ')}`);
      return problems;
    }
  } else if (x.status >= 400) {
    schema = { $ref: '#/components/schemas/basic-error' };
  } else {
    return [...problems, `${where}: answer ${x.status} is not one the description lists (${Object.keys(op.responses).join(', ')})`];
  }
  if (!/^application\/json/.test(x.responseType ?? '')) {
    // a diff answer to the diff media type is documented under the same status with JSON only
    if (/vnd\.github\.(diff|patch)/.test(x.responseType ?? '')) return problems;
    return [...problems, `${where}: answer ${x.status} is ${x.responseType ?? 'untyped'}, not JSON`];
  }
  let data: unknown;
  try {
    data = JSON.parse(x.responseBody);
  } catch {
    return [...problems, `${where}: answer ${x.status} is not JSON`];
  }
  const v = validator(`${x.method} ${path} ${x.status}`, schema);
  if (!v(data)) problems.push(`${where}: answer ${x.status}: ${describe(v)}`);
  return problems;
}

function describe(v: ValidateFunction): string {
  return (v.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`).join('; ');
}
