// Shared helpers for validating outside data (level and build files): JSON paths, a safe snapshot of
// untrusted input, the stable error codes, and field readers that record a ValidationError instead of
// throwing. Only validateLevel.ts and validateBuild.ts build on this; nothing here knows a file format.
import type { ValidationError, Validated } from './types';

/** The stable machine codes of validation errors; the game localizes a message by code and params. */
export const VALIDATION_CODES = [
  'not-json', // params: detail? — the text is not JSON, or the input could not be read as JSON data (path "")
  'not-object', // params: actual — the file is not a JSON object (path "")
  'format', // params: expected, actual — the `format` field names another format or version
  'required', // params: key — a required field is missing (path is the missing field)
  'type', // params: expected, actual — a value of the wrong JSON type (or a non-finite number)
  'enum', // params: allowed, actual — a value outside a fixed list
  'unknown-key', // params: key — a field this format does not have (typo?); `x-` fields are allowed
  'integer', // params: actual — a number that must be whole is not
  'range', // params: min? | exclusiveMin?, max? | exclusiveMax?, actual — a number out of bounds
  'length', // params: min?, max?, actual — an array or string with too few or too many items
  'pattern', // params: pattern, actual — a string that does not match (ids, locale codes)
  'duplicate', // params: value, first — a value that must be unique repeats; `first` is the path of the first use
  'reference', // params: value, target — names an app, node or architecture that does not exist
  'forbidden', // params: key, plus what forbids it (piece | kind) — a field not allowed in this context
  'constraint', // params: rule, plus the rule's values — a rule across fields (see CONSTRAINT_RULES)
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** The `rule` param of `constraint` errors. */
export const CONSTRAINT_RULES = [
  'io-positive', // an app's io has no kind above 0
  'objectives-positive', // no objective weight above 0
  'scale-needs-burst', // objectives.scale > 0 in a level without bursts
  'type1-with-host-kernel', // a level that keeps a host OS allows a Type-1 architecture
  'teaches-against-expected', // teachesAgainst names the level's own expected architecture
  'driver-for-arch', // drivers leaves out the driver an allowed architecture needs
  'untrusted-app', // a threat's app is trusted
  'increasing', // starThresholds are not strictly increasing
  'level-id', // a reference build names another level
  'reserved-id', // a node is called "hardware"
  'cycle', // nodes stand on each other in a circle
  'vm-or-app', // a set-driver command needs exactly one of vm and app
  'not-a-vm', // a set-driver command's vm names a node that is not a vm
  'total-io', // the level's apps ask for more io in all than bounds.ts allows
  'max-depth', // a file nests arrays and objects deeper than bounds.ts allows (parseJson.ts)
  'run-packets', // a run would emit more packets than the work budget allows (workBudget.ts)
  'run-instances', // a run would have more instances at its peak than the work budget allows
  'run-instance-seconds', // peak instances × durationSeconds over the work budget
  'run-events', // more bursts and threats in all than the work budget allows
] as const;
export type ConstraintRule = (typeof CONSTRAINT_RULES)[number];

export type ErrorParams = Record<string, string | number>;

/** Ids of levels, apps and nodes: lower-case letters, digits and `-`, 1–64 characters. */
export const ID_PATTERN = /^[a-z0-9-]{1,64}$/;
export const ID_PATTERN_TEXT = 'lower-case letters, digits and "-", 1 to 64 characters';

/** Locale codes in text objects: `en`, `ko`, `pt-BR`, `zh-Hant-TW`… (BCP 47 language tags, simplified). */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Keys that begin with `x-` are extensions: kept and ignored at every level of a file. */
export const EXTENSION_KEY_PATTERN = /^x-/;

/** The most instances an app, a burst, a scale command or a warm-spare setting may ask for. */
export const MAX_INSTANCES = 1000;

export type JsonObject = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------
// Paths

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** The path of `key` inside the object at `path`: `hardware.cores`; odd keys are quoted: `apps[0]["a b"]`. */
export function childPath(path: string, key: string): string {
  if (PLAIN_KEY.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/** The path of element `index` of the array at `path`: `apps[2]`. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** How a message names the field at `path`. */
export function fieldName(path: string): string {
  return path === '' ? 'The file' : path;
}

// ---------------------------------------------------------------------------------------------------
// Values

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** The value of an own property, or undefined (never an inherited one such as `toString`). */
export function ownValue(object: JsonObject, key: string): unknown {
  return hasOwn(object, key) ? object[key] : undefined;
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** A short, safe description of a value for messages and the `actual` param. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
      return String(value);
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    case 'undefined':
      return 'nothing';
    default:
      return `a ${typeof value}`;
  }
}

function setOwn(target: JsonObject | unknown[], key: string | number, value: unknown): void {
  // defineProperty, not assignment, so a key called "__proto__" stays a plain own property.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A structural copy of untrusted input made of plain objects, arrays and primitives: own enumerable
 * string keys only, properties whose value is undefined dropped, cycles kept as cycles. Iterative, so
 * deep nesting cannot overflow the stack. Validation reads and returns this copy, never the input.
 */
export function snapshotJson(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const copies = new Map<object, JsonObject | unknown[]>();
  const pending: Array<{ source: object; target: JsonObject | unknown[] }> = [];
  const copyOf = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const known = copies.get(value);
    if (known !== undefined) return known;
    const target: JsonObject | unknown[] = Array.isArray(value) ? [] : {};
    copies.set(value, target);
    pending.push({ source: value, target });
    return target;
  };
  const root = copyOf(input);
  while (pending.length > 0) {
    const { source, target } = pending.pop() as { source: object; target: JsonObject | unknown[] };
    if (Array.isArray(source)) {
      for (let index = 0; index < source.length; index += 1) setOwn(target, index, copyOf(source[index]));
    } else {
      for (const key of Object.keys(source)) {
        const value = (source as JsonObject)[key];
        if (value !== undefined) setOwn(target, key, copyOf(value));
      }
    }
  }
  return root;
}

// ---------------------------------------------------------------------------------------------------
// Errors

/** Collects every error of one validation, in the order the validator walks the file. */
/** The longest message an error carries: outside text quoted in one (a key, a path) is cut to fit. */
export const MAX_MESSAGE_CHARS = 500;

export class ErrorList {
  readonly errors: ValidationError[] = [];

  add(path: string, code: ValidationCode, rawMessage: string, params?: ErrorParams): void {
    const message = rawMessage.length > MAX_MESSAGE_CHARS ? `${rawMessage.slice(0, MAX_MESSAGE_CHARS - 1)}…` : rawMessage;
    this.errors.push(params === undefined ? { path, code, message } : { path, code, message, params });
  }

  get count(): number {
    return this.errors.length;
  }

  result<T>(value: unknown): Validated<T> {
    return this.errors.length === 0 ? { ok: true, value: value as T } : { ok: false, errors: this.errors };
  }
}

/** Runs a validation and turns anything it throws (a hostile getter, a Proxy) into one error. */
export function neverThrow<T>(validate: () => Validated<T>): Validated<T> {
  try {
    return validate();
  } catch {
    return {
      ok: false,
      errors: [{ path: '', code: 'not-json', message: 'The input could not be read as JSON data.' }],
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Field readers: each checks one field, records errors, and returns the value when it is valid.

/** Checks that `value` is an object with no keys beyond `allowedKeys` and `x-` keys. */
export function checkObject(
  value: unknown,
  path: string,
  errors: ErrorList,
  allowedKeys: readonly string[],
): JsonObject | undefined {
  if (!isObject(value)) {
    errors.add(path, 'type', `${fieldName(path)} must be an object; got ${describeValue(value)}.`, {
      expected: 'object',
      actual: describeValue(value),
    });
    return undefined;
  }
  reportUnknownKeys(value, path, errors, (key) => allowedKeys.includes(key));
  return value;
}

/** Reports every key that is neither accepted by `isKnown` nor an `x-` extension, in the object's key order. */
export function reportUnknownKeys(
  object: JsonObject,
  path: string,
  errors: ErrorList,
  isKnown: (key: string) => boolean,
  hint?: string,
): void {
  for (const key of Object.keys(object)) {
    if (isKnown(key) || EXTENSION_KEY_PATTERN.test(key)) continue;
    const where = path === '' ? 'this file' : path;
    errors.add(
      childPath(path, key),
      'unknown-key',
      hint ??
        `${describeValue(key)} is not a field of ${where}; check its spelling (fields that begin with "x-" are allowed and ignored).`,
      { key },
    );
  }
}

export function reportRequired(path: string, key: string, errors: ErrorList): void {
  errors.add(childPath(path, key), 'required', `${childPath(path, key)} is required.`, { key });
}

/** The field `key` of `object`, reporting `required` when a required one is missing. */
function fieldOf(object: JsonObject, path: string, key: string, required: boolean, errors: ErrorList): unknown {
  const value = ownValue(object, key);
  if (value === undefined && required) reportRequired(path, key, errors);
  return value;
}

export interface StringRule {
  required: boolean;
  /** Must not be "" (reported as `length`). */
  nonEmpty?: boolean;
  /** Must match, reported as `pattern` with this description. */
  pattern?: { regex: RegExp; text: string };
}

export function checkString(value: unknown, path: string, errors: ErrorList, rule: StringRule): string | undefined {
  if (typeof value !== 'string') {
    errors.add(path, 'type', `${fieldName(path)} must be a string; got ${describeValue(value)}.`, {
      expected: 'string',
      actual: describeValue(value),
    });
    return undefined;
  }
  if (rule.nonEmpty === true && value.length === 0) {
    errors.add(path, 'length', `${fieldName(path)} must not be empty.`, { min: 1, actual: 0 });
    return undefined;
  }
  if (rule.pattern !== undefined && !rule.pattern.regex.test(value)) {
    errors.add(
      path,
      'pattern',
      `${fieldName(path)} must be ${rule.pattern.text}; got ${describeValue(value)}.`,
      { pattern: rule.pattern.regex.source, actual: describeValue(value) },
    );
    return undefined;
  }
  return value;
}

export function readString(
  object: JsonObject,
  path: string,
  key: string,
  errors: ErrorList,
  rule: StringRule,
): string | undefined {
  const value = fieldOf(object, path, key, rule.required, errors);
  return value === undefined ? undefined : checkString(value, childPath(path, key), errors, rule);
}

export function readId(object: JsonObject, path: string, key: string, errors: ErrorList, required = true): string | undefined {
  return readString(object, path, key, errors, { required, pattern: { regex: ID_PATTERN, text: ID_PATTERN_TEXT } });
}

export interface NumberRule {
  required: boolean;
  integer?: boolean;
  min?: number;
  exclusiveMin?: number;
  max?: number;
  exclusiveMax?: number;
  /** Names the field the upper bound comes from, for the message ("less than durationSeconds (60)"). */
  maxSource?: string;
}

function rangeText(rule: NumberRule): string {
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`at least ${rule.min}`);
  if (rule.exclusiveMin !== undefined) parts.push(`greater than ${rule.exclusiveMin}`);
  if (rule.max !== undefined) parts.push(`at most ${rule.max}`);
  if (rule.exclusiveMax !== undefined) {
    parts.push(
      rule.maxSource === undefined
        ? `less than ${rule.exclusiveMax}`
        : `less than ${rule.maxSource} (${rule.exclusiveMax})`,
    );
  }
  return parts.join(' and ');
}

export function checkNumber(value: unknown, path: string, errors: ErrorList, rule: NumberRule): number | undefined {
  const expected = rule.integer === true ? 'integer' : 'number';
  if (!isFiniteNumber(value)) {
    const what = rule.integer === true ? 'a whole number' : 'a finite number';
    errors.add(path, 'type', `${fieldName(path)} must be ${what}; got ${describeValue(value)}.`, {
      expected,
      actual: describeValue(value),
    });
    return undefined;
  }
  if (rule.integer === true && !Number.isInteger(value)) {
    errors.add(path, 'integer', `${fieldName(path)} must be a whole number; got ${value}.`, { actual: value });
    return undefined;
  }
  const tooLow =
    (rule.min !== undefined && value < rule.min) || (rule.exclusiveMin !== undefined && value <= rule.exclusiveMin);
  const tooHigh =
    (rule.max !== undefined && value > rule.max) || (rule.exclusiveMax !== undefined && value >= rule.exclusiveMax);
  // Whole numbers beyond 2^53 lose precision, so integers stay within the safe range even where the
  // rule sets no bound; that bound is only mentioned when it is the one broken.
  const unsafe = rule.integer === true && !Number.isSafeInteger(value);
  if (tooLow || tooHigh || unsafe) {
    const effective: NumberRule = { ...rule };
    if (unsafe && !tooLow && !tooHigh) {
      if (value > 0) effective.max = Number.MAX_SAFE_INTEGER;
      else effective.min = Number.MIN_SAFE_INTEGER;
    }
    const params: ErrorParams = { actual: value };
    if (effective.min !== undefined) params.min = effective.min;
    if (effective.exclusiveMin !== undefined) params.exclusiveMin = effective.exclusiveMin;
    if (effective.max !== undefined) params.max = effective.max;
    if (effective.exclusiveMax !== undefined) params.exclusiveMax = effective.exclusiveMax;
    errors.add(path, 'range', `${fieldName(path)} must be ${rangeText(effective)}; got ${value}.`, params);
    return undefined;
  }
  return value;
}

export function readNumber(
  object: JsonObject,
  path: string,
  key: string,
  errors: ErrorList,
  rule: NumberRule,
): number | undefined {
  const value = fieldOf(object, path, key, rule.required, errors);
  return value === undefined ? undefined : checkNumber(value, childPath(path, key), errors, rule);
}

export function readBoolean(
  object: JsonObject,
  path: string,
  key: string,
  errors: ErrorList,
  required: boolean,
): boolean | undefined {
  const value = fieldOf(object, path, key, required, errors);
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    const fieldPath = childPath(path, key);
    errors.add(fieldPath, 'type', `${fieldPath} must be true or false; got ${describeValue(value)}.`, {
      expected: 'boolean',
      actual: describeValue(value),
    });
    return undefined;
  }
  return value;
}

export function checkEnum<T extends string>(
  value: unknown,
  path: string,
  errors: ErrorList,
  allowed: readonly T[],
): T | undefined {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.join(', ');
  errors.add(path, 'enum', `${fieldName(path)} must be one of: ${list}; got ${describeValue(value)}.`, {
    allowed: list,
    actual: describeValue(value),
  });
  return undefined;
}

export function readEnum<T extends string>(
  object: JsonObject,
  path: string,
  key: string,
  errors: ErrorList,
  allowed: readonly T[],
  required: boolean,
): T | undefined {
  const value = fieldOf(object, path, key, required, errors);
  return value === undefined ? undefined : checkEnum(value, childPath(path, key), errors, allowed);
}

export interface ArrayRule {
  required: boolean;
  minLength?: number;
  maxLength?: number;
}

export function readArray(
  object: JsonObject,
  path: string,
  key: string,
  errors: ErrorList,
  rule: ArrayRule,
): unknown[] | undefined {
  const value = fieldOf(object, path, key, rule.required, errors);
  if (value === undefined) return undefined;
  const fieldPath = childPath(path, key);
  if (!Array.isArray(value)) {
    errors.add(fieldPath, 'type', `${fieldPath} must be an array; got ${describeValue(value)}.`, {
      expected: 'array',
      actual: describeValue(value),
    });
    return undefined;
  }
  const tooShort = rule.minLength !== undefined && value.length < rule.minLength;
  const tooLong = rule.maxLength !== undefined && value.length > rule.maxLength;
  if (tooShort || tooLong) {
    const params: ErrorParams = { actual: value.length };
    if (rule.minLength !== undefined) params.min = rule.minLength;
    if (rule.maxLength !== undefined) params.max = rule.maxLength;
    let message: string;
    if (rule.minLength !== undefined && rule.minLength === rule.maxLength) {
      message = `${fieldPath} must have exactly ${rule.minLength} items; it has ${value.length}.`;
    } else if (tooShort) {
      message =
        rule.minLength === 1
          ? `${fieldPath} must not be empty.`
          : `${fieldPath} must have at least ${rule.minLength} items; it has ${value.length}.`;
    } else {
      message = `${fieldPath} must have at most ${rule.maxLength} items; it has ${value.length}.`;
    }
    errors.add(fieldPath, 'length', message, params);
  }
  // Too short or too long still has items worth checking, so the array is returned either way.
  return value;
}

/** The object at `object[key]`, checked for unknown keys; undefined (with an error if required) otherwise. */
export function readObject(
  object: JsonObject,
  path: string,
  key: string,
  errors: ErrorList,
  allowedKeys: readonly string[],
  required: boolean,
): JsonObject | undefined {
  const value = fieldOf(object, path, key, required, errors);
  return value === undefined ? undefined : checkObject(value, childPath(path, key), errors, allowedKeys);
}

/**
 * Records `value` as used at `path` in `seen`; when it was used before, reports `duplicate` naming the
 * first use and returns false.
 */
export function checkUnique(
  seen: Map<string, string>,
  value: string,
  path: string,
  errors: ErrorList,
  what: string,
): boolean {
  const earlier = seen.get(value);
  if (earlier === undefined) {
    seen.set(value, path);
    return true;
  }
  errors.add(path, 'duplicate', `${path} repeats ${what} "${value}", already used at ${earlier}.`, {
    value,
    first: earlier,
  });
  return false;
}
