import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import formatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';

// ajv-formats is CommonJS: under Node's ESM the default import is the plugin itself, under some bundlers it is
// `{ default: plugin }`; accept both.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  formatsModule) as unknown as FormatsPlugin;

/** One Ajv for every schema of the package: all errors (so a file's problems are listed together), strict. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv, ['date', 'date-time', 'uri']);
  return ajv;
}

/**
 * `/criteria/many_pages/minPages` → `criteria.many_pages.minPages`; `/references/0/id` → `references[0].id`.
 * The validated value tells an array index from an object key that looks like a number (`levels.3`).
 */
export function dottedPath(instancePath: string, prefix = '', root?: unknown): string {
  let out = prefix;
  let node = root;
  for (const raw of instancePath.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = Array.isArray(node) || (node === undefined && /^\d+$/.test(part));
    out += isIndex ? `[${part}]` : out ? `.${part}` : part;
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  return out;
}

/** A readable line per problem, naming the key path and whether the key is unknown or of the wrong type. */
export function describeErrors(
  errors: readonly ErrorObject[] | null | undefined,
  prefix = '',
  root?: unknown,
): string[] {
  const lines = new Set<string>();
  for (const error of errors ?? []) {
    const path = dottedPath(error.instancePath, prefix, root);
    const at = (key: string) => (path ? (key.startsWith('[') ? `${path}${key}` : `${path}.${key}`) : key);
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'additionalProperties':
        lines.add(`${at(String(params.additionalProperty))}: unknown key`);
        break;
      case 'required':
        lines.add(`${at(String(params.missingProperty))}: missing`);
        break;
      case 'type':
        lines.add(`${path || '(root)'}: wrong type, must be ${String(params.type)}`);
        break;
      case 'enum':
        lines.add(
          `${path || '(root)'}: must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`,
        );
        break;
      case 'if':
      case 'anyOf':
      case 'oneOf':
        // the branch errors beside this one say what is wrong; this summary line adds nothing
        break;
      default:
        lines.add(`${path || '(root)'}: ${error.message ?? error.keyword}`);
    }
  }
  return [...lines];
}
