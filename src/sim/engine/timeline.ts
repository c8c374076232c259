// The timeline: what happens at tick granularity, before the packets move. Bursts start (scaling their
// app up) and are judged at their deadline; boots finish (fleet.ts); attacks start when their tick comes,
// reach the tenants resolveAttack.ts finds, and breach them one spread interval apart unless the attacker
// is quarantined first (commands.ts contains them).

import { ATTACK_SPREAD_MS, TICK_MS, TICK_US } from '../costs';
import type { Boundary, SimListener } from '../events';
import { hashString } from '../random';
import { resolveAttack } from '../resolveAttack';
import type { BuildNode, Level, Threat, ThreatKind } from '../types';
import type { Controls } from './commands';
import type { Fleet } from './fleet';
import type { BreachRecord, Tally } from './metrics';

const NO_THREATS: readonly Threat[] = [];

interface PendingBreach {
  atUs: number;
  threat: number;
  kind: ThreatKind;
  attacker: string | null;
  tenant: string;
  boundary: Boundary;
}

interface PendingBurst {
  index: number;
  app: number;
  startTick: number;
  deadlineTick: number;
  required: number;
  started: boolean;
  ended: boolean;
}

/** What the timeline works on. */
export interface TimelineContext {
  level: Level;
  seed: number;
  totalTicks: number;
  listener: SimListener | undefined;
  /** The build's nodes as they are now (shared with the other parts). */
  nodes: Map<string, BuildNode>;
  rootNode: BuildNode | null;
  appIndex: Map<string, number>;
  fleet: Fleet;
  controls: Controls;
  tally: Tally;
}

export class Timeline {
  private readonly pendingBursts: PendingBurst[] = [];
  /** The bursts by start tick, then file order, and how many have started (a level may have 10,000:
   * a tick looks only at the next due, never at the whole list). */
  private readonly burstStarts: PendingBurst[];
  private startCursor = 0;
  /** The bursts by judging tick (the deadline, or the last tick), then file order, and how many are judged. */
  private readonly burstJudgings: PendingBurst[];
  private judgeCursor = 0;
  private readonly threatTicks: number[];
  /** Threat indices by tick, then file order; `threatCursor` of them have started. */
  private readonly threatOrder: number[];
  private threatCursor = 0;
  private pendingBreaches: PendingBreach[] = [];
  private readonly context: TimelineContext;

  constructor(context: TimelineContext) {
    this.context = context;
    const { level, appIndex } = context;
    (level.bursts ?? []).forEach((burst, index) => {
      const startTick = Math.floor((burst.atSecond * 1000) / TICK_MS);
      this.pendingBursts.push({
        index,
        app: appIndex.get(burst.app) ?? 0,
        startTick,
        deadlineTick: Math.floor(((burst.atSecond + burst.deadlineSeconds) * 1000) / TICK_MS),
        required: burst.instances,
        started: false,
        ended: false,
      });
    });
    const lastTick = context.totalTicks - 1;
    const judgeTick = (burst: PendingBurst): number => Math.min(burst.deadlineTick, lastTick);
    this.burstStarts = [...this.pendingBursts].sort((a, b) => a.startTick - b.startTick || a.index - b.index);
    this.burstJudgings = [...this.pendingBursts].sort((a, b) => judgeTick(a) - judgeTick(b) || a.index - b.index);
    const threats = level.threats ?? [];
    this.threatTicks = threats.map((threat) => Math.floor((threat.atSecond * 1000) / TICK_MS));
    this.threatOrder = threats.map((_, index) => index).sort((a, b) => this.threatTicks[a] - this.threatTicks[b] || a - b);
  }

  /** A quarantine of app `attacker`: its breaches still to come are contained. */
  containBreachesBy(attacker: string, nowUs: number): void {
    const listener = this.context.listener;
    this.pendingBreaches = this.pendingBreaches.filter((breach) => {
      if (breach.attacker !== attacker) return true;
      listener?.({ type: 'attackContained', threat: breach.threat, kind: breach.kind, app: breach.attacker, atUs: nowUs, reason: 'quarantine' });
      return false;
    });
  }

  /** Bursts, boots finishing, attacks and their spread, in this tick. (Runs every tick: what is not
   * happening costs a check, no more.) */
  run(tick: number, tickStartUs: number, tickEndUs: number): void {
    if (this.startCursor < this.burstStarts.length) this.startBursts(tick, tickStartUs);
    const fleet = this.context.fleet;
    if (fleet.bootingCount > 0) fleet.finishBoots(tickEndUs);
    if (this.judgeCursor < this.burstJudgings.length) this.judgeBursts(tick, tickStartUs);
    if (this.threatCursor < this.threatOrder.length) this.startAttacks(tick, tickStartUs);
    if (this.pendingBreaches.length > 0) this.breach(tickEndUs);
  }

  /** Bursts whose tick has come start: their app is scaled up to the instances they require. */
  private startBursts(tick: number, tickStartUs: number): void {
    const { level, fleet, listener } = this.context;
    // Every tick runs, in order, so the bursts due now are the next ones by start tick, in file order.
    while (this.startCursor < this.burstStarts.length && this.burstStarts[this.startCursor].startTick <= tick) {
      const burst = this.burstStarts[this.startCursor];
      this.startCursor += 1;
      burst.started = true;
      const app = level.apps[burst.app];
      listener?.({ type: 'burstStarted', app: app.id, burst: burst.index, atUs: tickStartUs, required: burst.required, deadlineUs: burst.deadlineTick * TICK_US });
      if (fleet.liveInstances(burst.app).length < burst.required) fleet.scaleTo(burst.app, burst.required, tickStartUs);
    }
  }

  /** Bursts at their deadline are judged: how many of the required instances were ready. */
  private judgeBursts(tick: number, tickStartUs: number): void {
    const { level, fleet, controls, tally, listener } = this.context;
    const lastTick = this.context.totalTicks - 1;
    while (this.judgeCursor < this.burstJudgings.length && Math.min(this.burstJudgings[this.judgeCursor].deadlineTick, lastTick) <= tick) {
      const burst = this.burstJudgings[this.judgeCursor];
      this.judgeCursor += 1;
      // A deadline past the end of the run is judged on the last tick. (A burst that never started —
      // one due after the last tick — is never judged.)
      if (burst.started && !burst.ended) {
        burst.ended = true;
        // A quarantined app serves nobody: its instances do not count.
        const served = controls.quarantined[burst.app] === 1 ? 0 : Math.min(fleet.readyCount(burst.app), burst.required);
        const app = level.apps[burst.app];
        tally.burstRecords.push({ app: app.id, atSecond: (level.bursts ?? [])[burst.index].atSecond, required: burst.required, served });
        listener?.({ type: 'burstEnded', app: app.id, burst: burst.index, atUs: tickStartUs, required: burst.required, served });
        tally.foldTrace(0x627273, served);
      }
    }
  }

  /** Threats whose tick has come: who they reach, and when each victim falls. */
  private startAttacks(tick: number, tickStartUs: number): void {
    const { level, seed, nodes, rootNode, appIndex, fleet, controls, listener } = this.context;
    const threats = level.threats ?? NO_THREATS;
    while (this.threatCursor < this.threatOrder.length && this.threatTicks[this.threatOrder[this.threatCursor]] <= tick) {
      const index = this.threatOrder[this.threatCursor];
      this.threatCursor += 1;
      const threat = threats[index];
      const attackerIndex = threat.app !== undefined ? appIndex.get(threat.app) : undefined;
      const reach = resolveAttack(level, threat, index, seed, nodes, fleet.hostings, rootNode);
      listener?.({
        type: 'attackStarted',
        threat: index,
        kind: threat.kind,
        app: threat.app ?? null,
        atUs: tickStartUs,
        exposedTenants: reach.victims.map((victim) => victim.tenant),
      });
      if (reach.containedBy) {
        listener?.({ type: 'attackContained', threat: index, kind: threat.kind, app: threat.app ?? null, atUs: tickStartUs, reason: reach.containedBy });
      }
      reach.victims.forEach((victim, order) => {
        // The first victim falls at once; each further one a spread interval later, unless quarantined.
        const atUs = tickStartUs + order * ATTACK_SPREAD_MS * 1000;
        const quarantinedAlready = attackerIndex !== undefined && controls.quarantined[attackerIndex] === 1 && order > 0;
        if (quarantinedAlready) return;
        this.pendingBreaches.push({ atUs, threat: index, kind: threat.kind, attacker: threat.app ?? null, tenant: victim.tenant, boundary: victim.boundary });
      });
    }
  }

  /** Breaches due before the tick's end: each tenant's first is recorded; every one is reported. */
  private breach(tickEndUs: number): void {
    const { tally, listener } = this.context;
    const remaining: PendingBreach[] = [];
    for (const breach of this.pendingBreaches) {
      if (breach.atUs >= tickEndUs) {
        remaining.push(breach);
        continue;
      }
      const first = !tally.breachedTenantSet.has(breach.tenant);
      tally.breachedTenantSet.add(breach.tenant);
      const record: BreachRecord = {
        threat: breach.threat,
        kind: breach.kind,
        attacker: breach.attacker,
        tenant: breach.tenant,
        boundary: breach.boundary,
        atMs: Math.round(breach.atUs / 1000),
      };
      if (first) tally.breaches.push(record);
      listener?.({ type: 'breach', threat: breach.threat, kind: breach.kind, attacker: breach.attacker, tenant: breach.tenant, boundary: breach.boundary, atUs: breach.atUs });
      tally.foldTrace(0x627263, hashString(breach.tenant));
    }
    this.pendingBreaches = remaining;
  }
}
