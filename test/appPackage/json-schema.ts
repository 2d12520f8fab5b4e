/**
 * A small JSON Schema validator (draft-04 to draft-07 keywords) for the Teams manifest schema, so the test needs no
 * extra dependency. It knows every keyword the Teams schemas use and throws on any other, so a newer schema can
 * never be "validated" by silently skipping what it does not understand.
 */
export type Schema = boolean | { [keyword: string]: unknown };

const ANNOTATIONS = new Set(['$schema', '$id', 'id', 'title', 'description', 'default', 'examples', 'deprecated', 'definitions', '$comment']);
const KEYWORDS = new Set([
  '$ref', 'type', 'enum', 'const', 'properties', 'patternProperties', 'additionalProperties', 'required', 'minProperties',
  'maxProperties', 'dependencies', 'items', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern',
  'format', 'minimum', 'maximum', 'anyOf', 'oneOf', 'allOf', 'not',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Checks `value` against `schema`; returns one message per problem, each with its JSON path. */
export function validate(value: unknown, schema: Schema, root: Schema = schema, at = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: no value is allowed here`];
  const errors: string[] = [];
  const s = schema;
  for (const key of Object.keys(s)) {
    if (!KEYWORDS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`json-schema.ts does not implement the keyword "${key}" (at ${at})`);
  }
  if (typeof s.$ref === 'string') {
    const target = s.$ref.replace(/^#\//, '').split('/').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], root);
    if (target === undefined) throw new Error(`unresolvable $ref ${s.$ref}`);
    errors.push(...validate(value, target as Schema, root, at));
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => matchesType(value, t))) return [...errors, `${at}: expected ${types.join(' or ')}, got ${typeOf(value)}`];
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => sameJson(e, value))) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  if ('const' in s && !sameJson(s.const, value)) errors.push(`${at}: must be ${JSON.stringify(s.const)}`);

  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof s.minLength === 'number' && length < s.minLength) errors.push(`${at}: shorter than ${s.minLength}`);
    if (typeof s.maxLength === 'number' && length > s.maxLength) errors.push(`${at}: longer than ${s.maxLength}`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(value)) errors.push(`${at}: does not match ${s.pattern}`);
    if (s.format === 'uri' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) errors.push(`${at}: not a URI`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${at}: below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${at}: above ${s.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) errors.push(`${at}: fewer than ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) errors.push(`${at}: more than ${s.maxItems} items`);
    if (s.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push(`${at}: items are not unique`);
    if (Array.isArray(s.items)) {
      (s.items as Schema[]).forEach((itemSchema, i) => {
        if (i < value.length) errors.push(...validate(value[i], itemSchema, root, `${at}[${i}]`));
      });
    } else if (s.items !== undefined) {
      value.forEach((item, i) => errors.push(...validate(item, s.items as Schema, root, `${at}[${i}]`)));
    }
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    if (typeof s.minProperties === 'number' && keys.length < s.minProperties) errors.push(`${at}: fewer than ${s.minProperties} properties`);
    if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) errors.push(`${at}: more than ${s.maxProperties} properties`);
    for (const name of (s.required as string[] | undefined) ?? []) if (!(name in object)) errors.push(`${at}: missing required "${name}"`);
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>);
    for (const key of keys) {
      let known = false;
      if (key in properties) {
        known = true;
        errors.push(...validate(object[key], properties[key], root, `${at}.${key}`));
      }
      for (const [pattern, schemaOf] of patterns) {
        if (new RegExp(pattern).test(key)) {
          known = true;
          errors.push(...validate(object[key], schemaOf, root, `${at}.${key}`));
        }
      }
      if (!known && s.additionalProperties !== undefined) errors.push(...validate(object[key], s.additionalProperties as Schema, root, `${at}.${key}`));
    }
    for (const [key, dependency] of Object.entries((s.dependencies ?? {}) as Record<string, Schema | string[]>)) {
      if (!(key in object)) continue;
      if (Array.isArray(dependency)) {
        for (const needed of dependency) if (!(needed in object)) errors.push(`${at}: "${key}" needs "${needed}"`);
      } else {
        errors.push(...validate(value, dependency, root, at));
      }
    }
  }
  if (Array.isArray(s.allOf)) for (const sub of s.allOf as Schema[]) errors.push(...validate(value, sub, root, at));
  if (Array.isArray(s.anyOf) && !(s.anyOf as Schema[]).some((sub) => validate(value, sub, root, at).length === 0)) errors.push(`${at}: matches none of anyOf`);
  if (Array.isArray(s.oneOf)) {
    const matching = (s.oneOf as Schema[]).filter((sub) => validate(value, sub, root, at).length === 0).length;
    if (matching !== 1) errors.push(`${at}: matches ${matching} of oneOf, expected exactly 1`);
  }
  if (s.not !== undefined && validate(value, s.not as Schema, root, at).length === 0) errors.push(`${at}: must not match "not"`);
  return errors;
}
