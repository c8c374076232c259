// Validates an outside level file (`kernel-courier/level@1`, contracts.md §1a): every field's type and
// range, the rules across fields (bursts and threats name real apps, objectives fit the level, …) and
// the level's reference build. This is the one gate every level passes before the engine sees it.
import {
  ARCHITECTURES,
  DRIVERS,
  KERNELS,
  LEVEL_FORMAT,
  OBJECTIVES,
  PACKET_KINDS,
  PIECES,
  THREAT_KINDS,
  TRUST_LEVELS,
  type Architecture,
  type Build,
  type Driver,
  type Kernel,
  type Level,
  type Trust,
  type Validated,
} from './types';
import * as bounds from './bounds';
import { checkBuild } from './validateBuild';
import { checkWorkBudget } from './workBudget';
import {
  ErrorList,
  LOCALE_PATTERN,
  MAX_INSTANCES,
  checkEnum,
  checkNumber,
  checkObject,
  checkString,
  checkUnique,
  childPath,
  describeValue,
  hasOwn,
  indexPath,
  isFiniteNumber,
  isObject,
  neverThrow,
  ownValue,
  readArray,
  readBoolean,
  readEnum,
  readId,
  readNumber,
  readObject,
  readString,
  reportRequired,
  reportUnknownKeys,
  snapshotJson,
  type JsonObject,
} from './validation';

const LEVEL_KEYS = [
  'format',
  'id',
  'chapter',
  'title',
  'brief',
  'hints',
  'learningGoals',
  'teacherNotes',
  'hardware',
  'hostKernel',
  'apps',
  'bursts',
  'threats',
  'objectives',
  'allow',
  'palette',
  'durationSeconds',
  'seed',
  'expected',
  'teachesAgainst',
  'drivers',
  'reference',
  'starThresholds',
] as const;
const HARDWARE_KEYS = ['cores', 'memoryGiB', 'registryMbps'] as const;
const APP_KEYS = ['id', 'tenant', 'kernel', 'trust', 'io', 'instances', 'memoryMiB', 'image', 'computeUs'] as const;
const IMAGE_KEYS = ['sizeMB', 'cached'] as const;
const BURST_KEYS = ['app', 'atSecond', 'instances', 'deadlineSeconds'] as const;
const THREAT_KEYS = ['app', 'kind', 'atSecond'] as const;

/** Bounds of `durationSeconds`, in simulated seconds. */
export const MIN_DURATION_SECONDS = 1;
export const MAX_DURATION_SECONDS = 3600;

/** Architectures that need bare hardware, so a level that keeps a host OS cannot allow them. */
const TYPE1_ARCHITECTURES: readonly Architecture[] = ['type1-full', 'type1-para', 'container-in-vm'];

/** Validates a level file: all errors, in file order, or the level (defaults not filled in). */
export function validateLevel(input: unknown): Validated<Level> {
  return neverThrow(() => {
    const data = snapshotJson(input);
    const errors = new ErrorList();
    if (!isObject(data)) {
      errors.add('', 'not-object', `The file must be a JSON object; got ${describeValue(data)}.`, {
        actual: describeValue(data),
      });
    } else {
      checkLevel(data, errors);
    }
    return errors.result<Level>(data);
  });
}

function checkLevel(level: JsonObject, errors: ErrorList): void {
  reportUnknownKeys(level, '', errors, (key) => (LEVEL_KEYS as readonly string[]).includes(key));

  const format = ownValue(level, 'format');
  if (format === undefined) {
    reportRequired('', 'format', errors);
  } else if (format !== LEVEL_FORMAT) {
    errors.add('format', 'format', `format must be "${LEVEL_FORMAT}"; got ${describeValue(format)}.`, {
      expected: LEVEL_FORMAT,
      actual: describeValue(format),
    });
  }

  const levelId = readId(level, '', 'id', errors);
  readString(level, '', 'chapter', errors, { required: false, nonEmpty: true });
  readLocalizedText(level, '', 'title', errors, true);
  readLocalizedText(level, '', 'brief', errors, true);
  readLocalizedTextList(level, 'hints', errors);
  readLocalizedTextList(level, 'learningGoals', errors);
  readLocalizedText(level, '', 'teacherNotes', errors, false);

  const hardware = readObject(level, '', 'hardware', errors, HARDWARE_KEYS, true);
  if (hardware !== undefined) {
    readNumber(hardware, 'hardware', 'cores', errors, { required: true, integer: true, min: 1, max: bounds.MAX_CORES });
    readNumber(hardware, 'hardware', 'memoryGiB', errors, { required: true, exclusiveMin: 0, max: bounds.MAX_MEMORY_GIB });
    readNumber(hardware, 'hardware', 'registryMbps', errors, { required: false, min: bounds.MIN_REGISTRY_MBPS, max: bounds.MAX_REGISTRY_MBPS });
  }

  const hostKernel = readEnum<Kernel>(level, '', 'hostKernel', errors, KERNELS, false);

  // Times in bursts and threats must fall inside the run; that bound is only known for a valid duration.
  const duration = ownValue(level, 'durationSeconds');
  const validDuration =
    isFiniteNumber(duration) && duration >= MIN_DURATION_SECONDS && duration <= MAX_DURATION_SECONDS ? duration : undefined;

  const apps = checkApps(level, errors);
  const bursts = checkBursts(level, errors, apps, validDuration);
  checkThreats(level, errors, apps, validDuration);
  checkObjectives(level, errors, bursts);
  const allowed = checkAllow(level, errors, hostKernel);

  const palette = readObject(level, '', 'palette', errors, PIECES, false);
  if (palette !== undefined) {
    for (const piece of PIECES) {
      readNumber(palette, 'palette', piece, errors, { required: false, integer: true, min: 0, max: bounds.MAX_PALETTE_COUNT });
    }
  }

  readNumber(level, '', 'durationSeconds', errors, {
    required: true,
    min: MIN_DURATION_SECONDS,
    max: MAX_DURATION_SECONDS,
  });
  readNumber(level, '', 'seed', errors, { required: true, integer: true });

  const expected = readEnum<Architecture>(level, '', 'expected', errors, ARCHITECTURES, false);
  if (expected !== undefined && allowed !== undefined && !allowed.includes(expected)) {
    errors.add('expected', 'reference', `expected is "${expected}", which is not one of the allowed architectures (allow).`, {
      value: expected,
      target: 'allow',
    });
  }

  const teachesAgainst = readEnum<Architecture>(level, '', 'teachesAgainst', errors, ARCHITECTURES, false);
  if (teachesAgainst !== undefined && allowed !== undefined && !allowed.includes(teachesAgainst)) {
    errors.add('teachesAgainst', 'reference', `teachesAgainst is "${teachesAgainst}", which is not one of the allowed architectures (allow).`, {
      value: teachesAgainst,
      target: 'allow',
    });
  }
  if (teachesAgainst !== undefined && teachesAgainst === expected) {
    errors.add('teachesAgainst', 'constraint', `teachesAgainst is "${teachesAgainst}", the same as expected; a level teaches against another architecture.`, {
      rule: 'teaches-against-expected',
      value: teachesAgainst,
    });
  }
  checkDrivers(level, errors, allowed);

  if (hasOwn(level, 'reference')) {
    checkBuild(level.reference, 'reference', errors, {
      withLevel: true,
      appIds: apps.complete ? new Set(apps.trust.keys()) : undefined,
      levelId,
    });
  }

  checkStarThresholds(level, errors);

  // The work budget is a rule across the whole file: checked once everything else is valid.
  if (errors.count === 0) {
    const valid = level as unknown as Level;
    checkWorkBudget(valid, errors);
    if (errors.count === 0 && valid.reference) checkWorkBudget(valid, errors, valid.reference as Build, 'reference');
  }
}

/** Text for every locale: an object with at least `en`; keys are locale codes, values non-empty strings. */
function checkLocalizedText(value: unknown, path: string, errors: ErrorList): void {
  if (!isObject(value)) {
    errors.add(path, 'type', `${path} must be an object of texts by locale, such as {"en": "…"}; got ${describeValue(value)}.`, {
      expected: 'object',
      actual: describeValue(value),
    });
    return;
  }
  for (const key of Object.keys(value)) {
    if (key.startsWith('x-')) continue;
    const keyPath = childPath(path, key);
    if (!LOCALE_PATTERN.test(key)) {
      errors.add(keyPath, 'unknown-key', `${JSON.stringify(key)} in ${path} is not a locale code such as "en", "ko" or "pt-BR".`, {
        key,
      });
      continue;
    }
    checkString(value[key], keyPath, errors, { required: true, nonEmpty: true });
  }
  if (!hasOwn(value, 'en')) reportRequired(path, 'en', errors);
}

function readLocalizedText(object: JsonObject, path: string, key: string, errors: ErrorList, required: boolean): void {
  const value = ownValue(object, key);
  if (value === undefined) {
    if (required) reportRequired(path, key, errors);
    return;
  }
  checkLocalizedText(value, childPath(path, key), errors);
}

function readLocalizedTextList(level: JsonObject, key: string, errors: ErrorList): void {
  readArray(level, '', key, errors, { required: false })?.forEach((text, index) => {
    checkLocalizedText(text, indexPath(key, index), errors);
  });
}

/**
 * The level's apps as other fields see them: each well-formed id with its trust, and whether every app
 * could be named. When some could not (apps missing, or an entry without a valid id), a name that
 * matches no app may well be right, so references to apps are then not reported.
 */
interface KnownApps {
  trust: Map<string, Trust | undefined>;
  complete: boolean;
}

function checkApps(level: JsonObject, errors: ErrorList): KnownApps {
  const appTrust = new Map<string, Trust | undefined>();
  const apps = readArray(level, '', 'apps', errors, { required: true, minLength: 1, maxLength: bounds.MAX_APPS });
  if (apps === undefined) return { trust: appTrust, complete: false };
  let complete = true;
  const seen = new Map<string, string>();
  apps.forEach((app, index) => {
    const path = indexPath('apps', index);
    const object = checkObject(app, path, errors, APP_KEYS);
    if (object === undefined) {
      complete = false;
      return;
    }
    const id = readId(object, path, 'id', errors);
    if (id === undefined) complete = false;
    const firstUse = id !== undefined && checkUnique(seen, id, childPath(path, 'id'), errors, 'the app id');
    readString(object, path, 'tenant', errors, { required: true, nonEmpty: true });
    readEnum(object, path, 'kernel', errors, KERNELS, true);
    const trust = readEnum<Trust>(object, path, 'trust', errors, TRUST_LEVELS, true);
    if (id !== undefined && firstUse) appTrust.set(id, trust);
    checkIo(object, path, errors);
    readNumber(object, path, 'instances', errors, { required: true, integer: true, min: 1, max: MAX_INSTANCES });
    readNumber(object, path, 'memoryMiB', errors, { required: false, exclusiveMin: 0, max: bounds.MAX_APP_MEMORY_MIB });
    readNumber(object, path, 'computeUs', errors, { required: false, min: 0, max: bounds.MAX_COMPUTE_US });
    const image = readObject(object, path, 'image', errors, IMAGE_KEYS, false);
    if (image !== undefined) {
      const imagePath = childPath(path, 'image');
      readNumber(image, imagePath, 'sizeMB', errors, { required: false, exclusiveMin: 0, max: bounds.MAX_IMAGE_MB });
      readBoolean(image, imagePath, 'cached', errors, false);
    }
  });
  checkTotalIo(apps, errors);
  return { trust: appTrust, complete };
}

/** The level's total io (every app's disk + net + syscall) stays within MAX_LEVEL_IO; see bounds.ts. */
function checkTotalIo(apps: unknown[], errors: ErrorList): void {
  let total = 0;
  for (const app of apps) {
    const io = isObject(app) ? ownValue(app, 'io') : undefined;
    if (!isObject(io)) continue;
    for (const kind of PACKET_KINDS) {
      const rate = ownValue(io, kind);
      if (isFiniteNumber(rate) && rate > 0 && rate <= bounds.MAX_IO_RATE) total += rate;
    }
  }
  if (total > bounds.MAX_LEVEL_IO) {
    errors.add('apps', 'constraint', `apps ask for ${total} packets per second per instance in all (disk + net + syscall over every app); at most ${bounds.MAX_LEVEL_IO} are allowed.`, {
      rule: 'total-io',
      max: bounds.MAX_LEVEL_IO,
      actual: total,
    });
  }
}

function checkIo(app: JsonObject, appPath: string, errors: ErrorList): void {
  const io = readObject(app, appPath, 'io', errors, PACKET_KINDS, true);
  if (io === undefined) return;
  const ioPath = childPath(appPath, 'io');
  const before = errors.count;
  let anyPositive = false;
  for (const kind of PACKET_KINDS) {
    const rate = readNumber(io, ioPath, kind, errors, { required: false, min: 0, max: bounds.MAX_IO_RATE });
    if (rate !== undefined && rate > 0) anyPositive = true;
  }
  if (!anyPositive && errors.count === before) {
    errors.add(ioPath, 'constraint', `${ioPath} must give at least one of disk, net, syscall a rate above 0.`, {
      rule: 'io-positive',
    });
  }
}

/** Checks `bursts`; returns how many there are (0 when absent), or undefined when the field is unusable. */
function checkBursts(
  level: JsonObject,
  errors: ErrorList,
  apps: KnownApps,
  duration: number | undefined,
): number | undefined {
  if (!hasOwn(level, 'bursts')) return 0;
  const bursts = readArray(level, '', 'bursts', errors, { required: false, maxLength: bounds.MAX_LIST_ITEMS });
  bursts?.forEach((burst, index) => {
    const path = indexPath('bursts', index);
    const object = checkObject(burst, path, errors, BURST_KEYS);
    if (object === undefined) return;
    checkAppName(object, path, errors, apps, true);
    checkTime(object, path, errors, duration);
    readNumber(object, path, 'instances', errors, { required: true, integer: true, min: 1, max: MAX_INSTANCES });
    readNumber(object, path, 'deadlineSeconds', errors, { required: true, exclusiveMin: 0, max: bounds.MAX_DEADLINE_SECONDS });
  });
  return bursts?.length;
}

/** `atSecond`: at or after the start, and before the end when the duration is known. */
function checkTime(object: JsonObject, path: string, errors: ErrorList, duration: number | undefined): void {
  readNumber(object, path, 'atSecond', errors, {
    required: true,
    min: 0,
    ...(duration === undefined ? {} : { exclusiveMax: duration, maxSource: 'durationSeconds' }),
  });
}

/** A reference to one of the level's apps; returns its id and trust when it names one. */
function checkAppName(
  object: JsonObject,
  path: string,
  errors: ErrorList,
  apps: KnownApps,
  required: boolean,
): { id: string; trust: Trust | undefined } | undefined {
  const id = readString(object, path, 'app', errors, { required, nonEmpty: true });
  if (id === undefined) return undefined;
  if (!apps.trust.has(id)) {
    if (!apps.complete) return undefined;
    const fieldPath = childPath(path, 'app');
    errors.add(fieldPath, 'reference', `${fieldPath} names ${JSON.stringify(id)}, but the level has no app with that id.`, {
      value: id,
      target: 'app',
    });
    return undefined;
  }
  return { id, trust: apps.trust.get(id) };
}

function checkThreats(
  level: JsonObject,
  errors: ErrorList,
  apps: KnownApps,
  duration: number | undefined,
): void {
  readArray(level, '', 'threats', errors, { required: false, maxLength: bounds.MAX_LIST_ITEMS })?.forEach((threat, index) => {
    const path = indexPath('threats', index);
    const object = checkObject(threat, path, errors, THREAT_KEYS);
    if (object === undefined) return;
    const kind = readEnum(object, path, 'kind', errors, THREAT_KINDS, true);
    const appPath = childPath(path, 'app');
    if (kind === 'host-compromise') {
      // A host compromise comes from outside the level's apps, so it names none.
      if (hasOwn(object, 'app')) {
        errors.add(appPath, 'forbidden', `${appPath} is not allowed on a host-compromise threat, which comes from outside.`, {
          key: 'app',
          kind,
        });
      }
    } else {
      const app = checkAppName(object, path, errors, apps, kind !== undefined);
      if (app !== undefined && app.trust === 'trusted') {
        errors.add(appPath, 'constraint', `${appPath} names "${app.id}", a trusted app; only untrusted apps attack.`, {
          rule: 'untrusted-app',
          value: app.id,
        });
      }
    }
    checkTime(object, path, errors, duration);
  });
}

function checkObjectives(level: JsonObject, errors: ErrorList, burstCount: number | undefined): void {
  const objectives = readObject(level, '', 'objectives', errors, OBJECTIVES, true);
  if (objectives === undefined) return;
  const before = errors.count;
  let anyPositive = false;
  for (const objective of OBJECTIVES) {
    const weight = readNumber(objectives, 'objectives', objective, errors, { required: false, min: 0, max: bounds.MAX_OBJECTIVE_WEIGHT });
    if (weight !== undefined && weight > 0) anyPositive = true;
  }
  if (!anyPositive && errors.count === before) {
    errors.add('objectives', 'constraint', 'objectives must give at least one of security, speed, scale a weight above 0.', {
      rule: 'objectives-positive',
    });
  }
  const scale = ownValue(objectives, 'scale');
  if (burstCount === 0 && isFiniteNumber(scale) && scale > 0) {
    errors.add('objectives.scale', 'constraint', 'objectives.scale is above 0, but the level has no bursts to scale for.', {
      rule: 'scale-needs-burst',
    });
  }
}

/** Checks `allow`; returns the architectures when the list is usable. */
function checkAllow(level: JsonObject, errors: ErrorList, hostKernel: Kernel | undefined): Architecture[] | undefined {
  const allow = readArray(level, '', 'allow', errors, { required: true, minLength: 1 });
  if (allow === undefined) return undefined;
  const seen = new Map<string, string>();
  const architectures: Architecture[] = [];
  allow.forEach((name, index) => {
    const path = indexPath('allow', index);
    const architecture = checkEnum(name, path, errors, ARCHITECTURES);
    if (architecture === undefined || !checkUnique(seen, architecture, path, errors, 'the architecture')) return;
    architectures.push(architecture);
    if (hostKernel !== undefined && TYPE1_ARCHITECTURES.includes(architecture)) {
      errors.add(
        path,
        'constraint',
        `${path} is "${architecture}", but the level keeps its ${hostKernel} host OS (hostKernel), and a Type-1 hypervisor needs bare hardware.`,
        { rule: 'type1-with-host-kernel', value: architecture, hostKernel },
      );
    }
  });
  return architectures;
}

/** Checks `drivers`: the VM drivers the level offers, each once, and one for every allowed architecture that names one. */
function checkDrivers(level: JsonObject, errors: ErrorList, allowed: Architecture[] | undefined): void {
  const drivers = readArray(level, '', 'drivers', errors, { required: false, minLength: 1 });
  if (drivers === undefined || drivers.length === 0) return;
  const seen = new Map<string, string>();
  const offered: Driver[] = [];
  let complete = true;
  drivers.forEach((name, index) => {
    const path = indexPath('drivers', index);
    const driver = checkEnum(name, path, errors, DRIVERS);
    if (driver === undefined) complete = false;
    else if (checkUnique(seen, driver, path, errors, 'the driver')) offered.push(driver);
  });
  if (!complete || allowed === undefined) return;
  const needs: Partial<Record<Architecture, Driver>> = { 'type1-full': 'emulated', 'type1-para': 'para' };
  for (const architecture of allowed) {
    const driver = needs[architecture];
    if (driver !== undefined && !offered.includes(driver)) {
      errors.add('drivers', 'constraint', `drivers does not offer "${driver}", which the allowed architecture "${architecture}" needs.`, {
        rule: 'driver-for-arch',
        value: architecture,
        driver,
      });
    }
  }
}

function checkStarThresholds(level: JsonObject, errors: ErrorList): void {
  const thresholds = readArray(level, '', 'starThresholds', errors, { required: false, minLength: 3, maxLength: 3 });
  let previous: number | undefined;
  thresholds?.forEach((threshold, index) => {
    const path = indexPath('starThresholds', index);
    const value = checkNumber(threshold, path, errors, { required: true, exclusiveMin: 0, max: 1 });
    if (value !== undefined && previous !== undefined && value <= previous) {
      errors.add(path, 'constraint', `${path} is ${value}, but each star threshold must be above the one before (${previous}).`, {
        rule: 'increasing',
        previous,
        actual: value,
      });
    }
    previous = value;
  });
}
