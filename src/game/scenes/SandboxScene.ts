// The Sandbox (key `sandbox`): every piece, no goal, big hardware, a fixed set of demo apps, the same board
// and run controls as a level, and live metrics instead of a score (no debrief). With `?packets=N` it
// starts running at once on a default build and a load controller scales a load app to keep about N
// packets on the board: the page teachers use for demonstrations and that measures frame time.
import type { Level } from '../../sim/types';
import type { AppContext } from '../AppContext';
import { LoadController, initialLoadInstances } from '../play/loadController';
import type { LogEntry } from '../play/runLog';
import type { RunSession } from '../play/RunSession';
import { LOAD_APP_ID, loadPacketsPerInstance, sandboxDefaultBuild, sandboxLevel } from '../play/sandboxLevel';
import { SceneKeys } from '../sceneKeys';
import { CourierScene, type CourierSetup } from './CourierScene';
import type { SceneData } from './ScreenScene';

export class SandboxScene extends CourierScene {
  private target: number | null = null;
  private controller: LoadController | null = null;
  /** A level file opened here (kernelCourier.playLevelFile), validated by the caller: it runs at once and
   * may be skipped to its end. */
  private levelFile = false;

  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Sandbox);
  }

  protected setup(data: SceneData): CourierSetup {
    const file = data.levelFile as Level | undefined;
    this.levelFile = file !== undefined && file !== null && typeof file === 'object';
    if (file && this.levelFile) {
      this.target = null;
      this.controller = null;
      return { level: file, start: sandboxDefaultBuild(file), phase: 'run' };
    }
    const packets = this.ctx.params.packets;
    this.target = packets ?? null;
    const perInstance = loadPacketsPerInstance();
    const level = sandboxLevel(packets !== undefined ? { loadInstances: initialLoadInstances(packets, perInstance) } : {});
    this.controller = packets !== undefined ? new LoadController({ target: packets, perInstanceGuess: perInstance }) : null;
    return { level, start: sandboxDefaultBuild(level), phase: packets !== undefined ? 'run' : 'build' };
  }

  protected titleText(): string {
    return this.t('play:sandbox.title');
  }

  protected runSeed(): number {
    return this.ctx.params.randomSeed ?? this.level.seed;
  }

  protected override hintPrompt(): string {
    return this.t('play:sandbox.intro');
  }

  protected override canSkip(): boolean {
    return this.levelFile;
  }

  protected override metricsExtra(): { inFlight?: number; target?: number } {
    return { inFlight: this.packets?.visible ?? 0, target: this.target ?? undefined };
  }

  protected override logFilter(entry: LogEntry): boolean {
    return !(entry.key === 'scaled' && entry.params.app === LOAD_APP_ID);
  }

  protected override onRunFrame(session: RunSession, _timeMs: number): void {
    const controller = this.controller;
    if (!controller || !this.packets || session.clock.speed === 0) return;
    const boardMs = session.simulation.nowUs / 1000;
    const next = controller.update(boardMs, this.packets.visible, session.liveCount(LOAD_APP_ID), session.readyCount(LOAD_APP_ID));
    if (next !== null) session.command({ op: 'scale', app: LOAD_APP_ID, instances: next });
  }

  protected override bannerContent(session: RunSession): [string, 'info' | 'alert' | 'action'] {
    const [text, tone] = super.bannerContent(session);
    if (this.target !== null && tone === 'info' && !this.ended) {
      return [`${this.t('play:sandbox.inFlight', { count: this.packets?.visible ?? 0, target: this.target })} · ${text}`, 'info'];
    }
    return [text, tone];
  }

  protected override endedBanner(): string {
    return this.t('play:sandbox.ended');
  }

  protected onRunEnded(_session: RunSession, _skipped: boolean): void {
    this.ctx.announce(this.t('play:sandbox.ended'));
  }

  protected leave(): void {
    this.goTo(SceneKeys.Menu);
  }
}
