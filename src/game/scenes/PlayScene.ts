// The Play screen (key `play`): one level's brief → build → run, then the Debrief. The customer card comes
// first (skipped on a retry), the build is judged live by the engine's rules, the run is the engine
// stepped on the level's seed (or the URL's randomSeed), and the result is the CLI's JSON shape with stars
// exactly as the command line computes them (runResult.ts), reported to the app before the debrief opens.
import Phaser from 'phaser';
import type { LevelFacts } from '../../i18n/levelFacts';
import { levelHint, levelTitle } from '../../i18n/levelStrings';
import { builtInLevel } from '../../levels';
import { levelFacts } from '../../scoring/levelFacts';
import type { Build } from '../../sim/types';
import type { AppContext } from '../AppContext';
import { drawBrief } from '../board/briefCard';
import { finishRun, nextAttempt, rankingFor, rememberBuild, rememberedBuild } from '../play/runResult';
import type { RunSession } from '../play/RunSession';
import { SceneKeys } from '../sceneKeys';
import type { UiKit } from '../ui/UiKit';
import { classroomOutcome } from '../classroom/classroomRun';
import { predictionWanted, recordPrediction } from '../classroom/classroomRuntime';
import { sessionBackKey, sessionHints, sessionSeed } from '../classroom/sessionHooks';
import { CourierScene, type CourierSetup } from './CourierScene';
import type { SceneData } from './ScreenScene';

/** Real time the finished board stays on screen before the debrief opens. */
const END_PAUSE_MS = 1200;

export class PlayScene extends CourierScene {
  private levelId = '';
  private missing = false;

  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Play);
  }

  protected setup(data: SceneData): CourierSetup {
    const wanted = typeof data.levelId === 'string' ? data.levelId : '';
    const level = this.ctx.levels.find((entry) => entry.id === wanted) ?? builtInLevel(wanted);
    this.missing = !level;
    const chosen = level ?? this.ctx.levels[0];
    this.levelId = chosen.id;
    const retried = isBuild(data.build) ? data.build : undefined;
    const remembered = rememberedBuild(chosen.id);
    const load = retried ?? remembered;
    // A level already run in this session (a retry from the Debrief) opens on the build; Escape shows the brief.
    const phase = retried || remembered || data.phase === 'build' ? 'build' : 'brief';
    return { level: chosen, load, phase };
  }

  override create(): void {
    super.create();
    if (this.missing) {
      this.ctx.notify({ key: 'notice.unknownLevel', params: { id: String(this.sceneData.levelId ?? '') } });
      this.goTo(SceneKeys.Levels);
      return;
    }
    // Tutorial levels show their first hint from the start.
    if (this.isTutorial() && this.hints().length > 0 && this.hintsShown === 0) {
      this.hintsShown = 1;
      if (this.phase === 'build') this.rebuild();
    }
  }

  protected titleText(): string {
    return levelTitle(this.ctx.i18n, this.levelId);
  }

  protected override shownDetails(): { levelId?: string } {
    return { levelId: this.levelId };
  }

  protected runSeed(): number {
    // A class session's seed first: every student of the session plays the same packets.
    return sessionSeed(this.level.id) ?? this.ctx.params.randomSeed ?? this.level.seed;
  }

  protected override hints(): string[] {
    if (!sessionHints(this.level.id)) return [];
    const facts = this.facts();
    return (this.level.hints ?? []).map((_, index) => levelHint(this.ctx.i18n, this.level.id, index, facts)).filter((hint) => hint !== '');
  }

  /** The numbers the level's texts quote, from the engine's ranking on the seed to be played (computed
   * once per level and seed, the same ranking that scores the run: play/runResult.ts). */
  private facts(): LevelFacts {
    return levelFacts(this.level, rankingFor(this.level, this.runSeed()));
  }

  /** The first level of each chapter teaches its piece: hints are shown up front. */
  private isTutorial(): boolean {
    // The whole campaign's order, also when an embedded page plays only some levels.
    const first = (this.ctx.campaignLevels ?? this.ctx.levels).find((entry) => entry.chapter === this.level.chapter);
    return first?.id === this.level.id;
  }

  protected override buildBrief(kit: UiKit): void {
    drawBrief(this.panelContext(kit), {
      // A class session with hints off shows none, not even on the brief.
      level: sessionHints(this.level.id) ? this.level : { ...this.level, hints: [] },
      number: (this.ctx.campaignLevels ?? this.ctx.levels).findIndex((entry) => entry.id === this.level.id) + 1,
      tutorial: this.isTutorial(),
      facts: this.facts(),
      onStart: () => this.startBuilding(),
    });
  }

  private startBuilding(): void {
    this.phase = 'build';
    if (this.isTutorial() && this.hintsShown === 0 && this.hints().length > 0) this.hintsShown = 1;
    this.rebuild(() => {
      this.focusDefault();
      const hints = this.hints();
      const hint = this.hintsShown > 0 ? ` ${hints[this.hintsShown - 1]}` : '';
      this.ctx.announce(`${this.t('play:say.buildStarted')}${hint}`);
    });
  }

  /** Before the first run of a level, a session with `predict` (or the predictions setting) asks for a
   * prediction first (classroom/PredictScene.ts); choosing starts the run. */
  protected override startRun(): void {
    const levelId = this.level.id;
    if (this.phase !== 'build' || !this.editor.check().feasible || !predictionWanted(levelId, this.ctx.settings.get().predictions)) {
      super.startRun();
      return;
    }
    if (this.scene.isActive(SceneKeys.Predict)) return;
    this.scene.launch(SceneKeys.Predict, {
      returnTo: this.screenKey,
      levelId,
      onChosen: (arch: string | null) => {
        recordPrediction(levelId, arch);
        // The overlay's close resumes this screen at Phaser's next step; the run starts then.
        this.events.once(Phaser.Scenes.Events.RESUME, () => {
          if (this.level.id === levelId) super.startRun();
        });
      },
    });
    this.scene.pause();
  }

  protected override onRunStarted(): void {
    rememberBuild(this.level.id, this.editor.toBuild());
  }

  protected onRunEnded(session: RunSession, skipped: boolean): void {
    const finish = () => {
      if (this.session !== session) return;
      const seed = this.runSeed();
      const { result, build } = finishRun(this.level, this.editor.toBuild(), session.simulation, seed);
      const attempt = nextAttempt(this.level.id);
      // In a class session: the run's result code and the prediction's verdict (classroom/classroomRun.ts).
      const classroom = classroomOutcome(this.level, build, result, seed);
      this.ctx.reportRun(this.level.id, result as unknown as Record<string, unknown>, classroom?.code ? { resultCode: classroom.code } : undefined);
      this.ctx.announce(this.t('play:run.finished'));
      this.goTo(SceneKeys.Debrief, { levelId: this.level.id, result, build, attempt, ...(classroom ? { classroom } : {}) });
    };
    if (skipped) finish();
    else this.time.delayedCall(END_PAUSE_MS, finish);
  }

  protected leave(): void {
    if (this.phase === 'build') {
      this.phase = 'brief';
      this.buildInput.cancel();
      this.rebuild(() => {
        this.focusDefault();
        this.ctx.announce(this.t('play:phase.brief'));
      });
      return;
    }
    this.goTo(sessionBackKey(this.level.id) ?? SceneKeys.Levels, { levelId: this.level.id });
  }
}

function isBuild(value: unknown): value is Build {
  return typeof value === 'object' && value !== null && Array.isArray((value as Build).nodes) && Array.isArray((value as Build).placements);
}
