// The run's event log in words: which engine events deserve a line (attacks, breaches, walls that held,
// bursts, commands, memory failures, image downloads), as i18n keys under `play:log.` with their values,
// and how those values become the player's language. Pure, so the sentences are unit-tested.
import type { GameI18n } from '../../i18n/createI18n';
import { reasonText, translateOr } from '../../i18n/dynamicText';
import type { SimEvent } from '../../sim/events';

export type LogSeverity = 'alert' | 'warn' | 'good' | 'info';

export interface LogEntry {
  atUs: number;
  severity: LogSeverity;
  /** Key under `play:log.`. */
  key: string;
  params: Record<string, string | number>;
  /** Said to screen readers at once (breaches, bursts, the end). */
  announce: boolean;
  /** The values of a rejected command's reason (kernels, architecture), for its sentence. */
  reasonParams?: Record<string, string | number>;
}

const CONTAINED = new Set(['container', 'vm', 'hypervisor', 'isolated', 'quarantine', 'no-host-os', 'no-attacker', 'not-in-container']);

/** The log line an engine event deserves, or null. */
export function logEntryFor(event: SimEvent): LogEntry | null {
  const at = 'atUs' in event ? event.atUs : 0;
  const entry = (severity: LogSeverity, key: string, params: Record<string, string | number>, announce = false): LogEntry => ({
    atUs: at,
    severity,
    key,
    params,
    announce,
  });
  switch (event.type) {
    case 'attackStarted':
      return event.app === null
        ? entry('alert', 'attackOutside', { threat: event.kind }, true)
        : entry('alert', 'attack', { threat: event.kind, app: event.app }, true);
    case 'attackContained': {
      const reason = CONTAINED.has(event.reason) ? event.reason : 'vm';
      return entry('good', `contained.${reason}`, { threat: event.kind, app: event.app ?? '' }, true);
    }
    case 'breach':
      return event.attacker === null
        ? entry('alert', 'breachHost', { threat: event.kind, tenant: event.tenant }, true)
        : entry('alert', 'breach', { threat: event.kind, app: event.attacker, boundary: event.boundary, tenant: event.tenant }, true);
    case 'burstStarted':
      return entry('warn', 'burstStarted', { app: event.app, count: event.required, seconds: Math.round((event.deadlineUs - event.atUs) / 1e6) }, true);
    case 'burstEnded':
      return event.served >= event.required
        ? entry('good', 'burstServed', { app: event.app, served: event.served, count: event.required }, true)
        : entry('alert', 'burstMissed', { app: event.app, served: event.served, count: event.required }, true);
    case 'instanceFailed':
      return entry('warn', 'instanceFailed', { app: event.app });
    case 'imagePulled':
      return entry('info', 'imagePulled', { app: event.app });
    case 'commandApplied': {
      const command = event.command;
      switch (command.op) {
        case 'scale':
          return entry('info', 'scaled', { app: command.app, count: command.instances });
        case 'set-driver':
          return entry('info', 'driverSwitched', { target: command.vm ?? command.app ?? '', driver: command.driver });
        case 'move':
          return entry('info', 'moved', { app: command.app, node: command.on });
        case 'block':
          return entry('info', 'blocked', { app: command.app, kind: command.kind, node: command.at });
        case 'quarantine':
          return entry('warn', 'quarantined', { app: command.app }, true);
        case 'release':
          return entry('info', 'released', { app: command.app });
      }
      return null;
    }
    case 'commandRejected':
      return entry('warn', 'rejected', { op: event.command.op, reason: event.reason, app: 'app' in event.command ? (event.command.app ?? '') : '' }, true);
    case 'runEnded':
      return entry('info', 'ended', {}, true);
    default:
      return null;
  }
}

/** Names a node for the player ("VM 2", "Host OS"); ids stay as they are when unknown. */
export type NodeNamer = (nodeId: string) => string;

/** The log line in the player's language, with its time in board seconds. */
export function logText(i18n: GameI18n, entry: LogEntry, nodeName: NodeNamer): string {
  const t = i18n.t as (key: string, params?: object) => string;
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(entry.params)) {
    const id = String(value);
    switch (name) {
      case 'threat':
        shown.threat = translateOr(i18n, `board:threat.${id}.name`, id);
        break;
      case 'boundary':
        shown.boundary = translateOr(i18n, `board:boundary.${id}`, id);
        break;
      case 'kind':
        shown.kind = translateOr(i18n, `board:packet.${id}.name`, id);
        break;
      case 'driver':
        shown.driver = translateOr(i18n, `board:driver.${id}.name`, id);
        break;
      case 'node':
      case 'target':
        shown[name] = nodeName(id);
        break;
      case 'reason':
        shown.reason = translateOr(i18n, `play:reject.${id}`, reasonText(i18n, id, { app: entry.params.app, ...(entry.reasonParams ?? {}) }));
        break;
      default:
        shown[name] = value;
    }
  }
  const seconds = (Math.floor(entry.atUs / 100_000) / 10).toFixed(1);
  return t('play:log.line', { seconds, text: t(`play:log.${entry.key}`, shown) });
}
