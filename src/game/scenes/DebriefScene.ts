// The Debrief (key `debrief`): after a run, why the build did well or badly. Four tabs — the score
// counting up with its stars, the score by objective and the reasons in plain words; what each hop of a
// request cost next to native; the comparison with every allowed architecture on the same seed (after
// three stars or a second attempt; a hint before that); and the seeds' summary table with this level's
// row highlighted — and Retry, Next level and Back to the map. Scene data (from the Play scene):
// `{ levelId, result (RunResult with stars), build, attempt }`, and `level` for one outside the campaign.
import { isLevelUnlocked } from '../../app/progressStore';
import { levelTitle } from '../../i18n/levelStrings';
import { rememberedBuild } from '../play/runResult';
import type { AppContext } from '../AppContext';
import { drawCompareTab } from '../debrief/compareTab';
import { prepareDebrief, readDebriefData, type PreparedDebrief } from '../debrief/debriefData';
import { formatScore, joinSentences } from '../debrief/debriefFormat';
import { DEBRIEF_TABS, debriefLayout, type DebriefTab } from '../debrief/debriefLayout';
import { sentenceText, tr, type DebriefView } from '../debrief/debriefView';
import { campaignTotals, celebrate, chapterLessons, drawEnding } from '../debrief/ending';
import { drawHopsTab } from '../debrief/hopsTab';
import { COUNT_UP_MS, STAR_STEP_MS, drawScoreTab, scoreSummary } from '../debrief/scoreTab';
import { drawTableTab } from '../debrief/tableTab';
import { centeredRect, fontPx } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { Button } from '../ui/Button';
import { drawPanel, panelStyle } from '../ui/drawing';
import { addText, fitText } from '../ui/text';
import type { BuildSteps } from '../ui/slicedBuild';
import type { UiKit } from '../ui/UiKit';
import { ScreenScene, type KeyHelp, type SceneData } from './ScreenScene';
import { addResultCodeButton, openResultCode } from '../classroom/debriefHook';
import { readOutcome, type ClassroomOutcome } from '../classroom/classroomRun';
import { debriefActionRects, sessionBackKey, sessionNextLevel, sessionRace } from '../classroom/sessionHooks';

/** Results whose attempt was already counted (a scene restart with the same data counts nothing). */
const countedResults = new WeakSet<object>();

export class DebriefScene extends ScreenScene {
  private prepared: PreparedDebrief | null = null;
  private tab: DebriefTab = 'score';
  private reasonPage = 0;
  private comparePage = 0;
  private hopGroup = 0;
  private introPending = false;
  private tabSummary: string[] = [];
  /** A class session's result code and the prediction's verdict for this run (classroom/). */
  private classroom: ClassroomOutcome | null = null;
  private classroomPending = false;
  /** The campaign's ending is on show (from the last level's debrief) instead of a tab. */
  private ending = false;
  /** A fresh three-star result: celebrate once, after the stars have popped in (ms from create). */
  private celebrateAfterMs: number | null = null;

  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Debrief);
  }

  override init(data: SceneData | undefined): void {
    super.init(data);
    this.tab = 'score';
    this.reasonPage = 0;
    this.comparePage = 0;
    this.hopGroup = 0;
    this.prepared = null;
    this.ending = false;
    this.celebrateAfterMs = null;
    this.classroom = readOutcome(data?.classroom);
    this.classroomPending = this.classroom !== null && !countedResults.has(data?.result as object);
    const read = readDebriefData(data, this.ctx.levels);
    if (!read) return;
    let attempts = read.attempt;
    const fresh = !countedResults.has(read.result);
    if (!countedResults.has(read.result)) {
      countedResults.add(read.result);
      attempts = Math.max(attempts, this.ctx.progress.recordAttempt(read.levelId).attempts);
    } else {
      attempts = Math.max(attempts, this.ctx.progress.record(read.levelId)?.attempts ?? 0);
    }
    try {
      this.prepared = prepareDebrief(read.level, read.result, read.build, attempts);
    } catch {
      // A level the engine cannot rank shows the "nothing to show" panel rather than a broken screen.
      this.prepared = null;
      return;
    }
    // The hop tab opens on the slowest path: that is where the lesson is.
    const paths = this.prepared.hops ?? [];
    paths.forEach((path, index) => {
      const slowest = paths[this.hopGroup]!;
      if (path.disk.totalUs + path.net.totalUs > slowest.disk.totalUs + slowest.net.totalUs) this.hopGroup = index;
    });
    // A result code opening over the debrief at once: the score is shown whole underneath, not counted up.
    this.introPending = !this.ctx.settings.get().reducedMotion && !this.classroomPending;
    if (fresh && this.prepared.result.score.stars === 3 && !this.classroomPending) {
      this.celebrateAfterMs = this.introPending ? Math.round(COUNT_UP_MS * 0.85 + STAR_STEP_MS * 3 + 300) : 150;
    }
  }

  override create(): void {
    super.create();
    // After the screen's name: the score, the stars and the first reason, for screen readers.
    const prepared = this.prepared;
    if (!prepared) return;
    const view = this.view();
    const first = prepared.sentences[0];
    this.ctx.announce(
      tr(view, 'debrief:a11y.opened', {
        title: this.screenTitle(),
        score: formatScore(prepared.result.score.total, view.language),
        stars: tr(view, 'debrief:headline.stars', { count: prepared.result.score.stars }),
        reason: prepared.result.feasible ? (first ? sentenceText(view, first) : '') : `${tr(view, 'debrief:reasons.infeasible')} ${first ? sentenceText(view, first) : ''}`,
      }),
    );
    if (this.celebrateAfterMs !== null) {
      const after = this.celebrateAfterMs;
      this.celebrateAfterMs = null;
      this.time.delayedCall(after, () => {
        if (!this.scene.isActive() || this.ending) return;
        const { layout } = this.kit;
        const dl = debriefLayout(layout);
        celebrate(this, { x: dl.body.x + dl.body.width * 0.35, y: dl.body.y + layout.gap * 3 }, this.ctx.settings.get().reducedMotion, () => this.ctx.events.emit('starsAwarded', { stars: 3 }));
        this.ctx.announce(this.ctx.i18n.t('playui:celebrate.three'));
      });
    }
    // A new run's result code (or prediction verdict) opens over the debrief once; the button reopens it.
    if (this.classroom && this.classroomPending) {
      this.classroomPending = false;
      const outcome = this.classroom;
      // Over the debrief once it is drawn (it may take a few frames: buildScreen).
      this.whenBuilt(() => openResultCode(this, outcome));
    }
  }

  protected screenTitle(): string {
    const levelId = this.prepared?.level.id;
    return levelId ? this.ctx.i18n.t('debrief:title', { level: levelTitle(this.ctx.i18n, levelId) }) : this.ctx.i18n.t('debrief.title');
  }

  protected override shownDetails(): { levelId?: string } {
    return this.prepared ? { levelId: this.prepared.level.id } : {};
  }

  protected override onBack(): void {
    const back = this.prepared ? sessionBackKey(this.prepared.level.id) : null;
    this.goTo(back ?? SceneKeys.Levels, this.prepared ? { levelId: this.prepared.level.id } : undefined);
  }

  protected override defaultFocusId(): string {
    if (!this.prepared) return 'debrief-map';
    return this.prepared.result.score.stars >= 1 && (this.nextLevel()?.unlocked || (!this.nextLevel() && this.isCampaignEnd())) ? 'debrief-next' : 'debrief-retry';
  }

  /** This screen's own keys for the keyboard-help overlay (? or F1). */
  override keyHelp(): KeyHelp[] {
    if (!this.prepared) return [];
    const t = this.ctx.i18n.t;
    return [
      { keys: t('debrief:help.tabs.keys'), action: t('debrief:help.tabs.action') },
      { keys: t('debrief:help.pages.keys'), action: t('debrief:help.pages.action') },
    ];
  }

  protected override onKey(event: KeyboardEvent): boolean {
    // 1–4 open the tabs; Page Up / Page Down turn the reasons' or the comparison's pages.
    const index = ['1', '2', '3', '4'].indexOf(event.key);
    if (index >= 0 && this.prepared && !event.ctrlKey && !event.altKey && !event.metaKey) {
      this.showTab(DEBRIEF_TABS[index]!, true);
      return true;
    }
    if ((event.key === 'PageDown' || event.key === 'PageUp') && this.prepared) {
      const step = event.key === 'PageDown' ? 1 : -1;
      if (this.tab === 'score') this.turnReasonPage(step);
      else if (this.tab === 'compare') this.turnComparePage(step);
      return true;
    }
    return super.onKey(event);
  }

  /**
   * Drawn in slices like the board (issue 15): the debrief's opening — ranking every architecture on the
   * run's seed in `init`, then four tab buttons, the open tab's chart or table and the actions — took one task
   * of 50-90 ms for the larger levels on the bench machine; it now lets frames through between its parts.
   */
  protected override drawsInSlices(): boolean {
    return true;
  }

  protected *buildScreen(kit: UiKit): BuildSteps {
    const { layout, palette } = kit;
    this.drawBackdrop(kit);
    this.addTopBar(kit, { title: this.screenTitle(), glossary: true, settings: true });
    const prepared = this.prepared;
    if (!prepared) {
      this.buildEmpty(kit);
      return;
    }
    yield;
    const dl = debriefLayout(layout);
    const t = this.ctx.i18n.t;
    const tabLabels: Record<DebriefTab, string> = {
      score: t('debrief:tabs.score'),
      hops: t('debrief:tabs.hops'),
      compare: t('debrief:tabs.compare'),
      table: t('debrief:tabs.table'),
    };
    DEBRIEF_TABS.forEach((tab, i) => {
      new Button(this, kit, {
        id: `tab-${tab}`,
        rect: dl.tabs[i]!,
        label: tabLabels[tab],
        ariaLabel: tab === 'compare' && !prepared.unlocked ? `${tabLabels[tab]}, ${t('common.locked')}` : undefined,
        // A locked comparison shows a padlock instead of the unchosen mark (chosen, it shows the tick).
        icon: tab === 'compare' && !prepared.unlocked ? 'lock' : undefined,
        // While the ending shows, it stands in for the tabs: none of them is the one on show.
        selected: tab === this.tab && !this.ending ? true : tab === 'compare' && !prepared.unlocked ? undefined : false,
        fontPx: fontPx(layout, 'body'),
        onActivate: () => this.showTab(tab, false),
      });
    });
    yield;
    const view = this.view();
    if (this.ending) {
      this.tabSummary = drawEnding(this, kit, this.ctx.i18n, dl.body, campaignTotals(this.ctx.levels, this.ctx.progress.get()), chapterLessons(this.ctx.i18n, this.ctx.levels));
    } else drawPanel(this.add.graphics(), dl.body, panelStyle(palette, layout));
    if (this.ending) {
      // The ending takes the tabs' place; a tab brings them back.
    } else if (this.tab === 'score') {
      const animate = this.introPending;
      this.introPending = false;
      const pages = drawScoreTab(view, dl.inner, { animate, reasonPage: this.reasonPage, turnReasonPage: (step) => this.turnReasonPage(step) });
      this.reasonPage = pages.page;
      this.tabSummary = scoreSummary(view);
    } else if (this.tab === 'hops') {
      this.tabSummary = drawHopsTab(view, dl.inner, { group: this.hopGroup, chooseGroup: (index) => this.chooseHopGroup(index) });
    } else if (this.tab === 'compare') {
      const drawn = drawCompareTab(view, dl.inner, { page: this.comparePage, turnPage: (step) => this.turnComparePage(step) });
      this.comparePage = drawn.page;
      this.tabSummary = drawn.summary;
    } else {
      this.tabSummary = drawTableTab(view, dl.inner);
    }
    yield;
    const actions = debriefActionRects(dl.actions, this.classroom !== null, layout.content, layout.gap, sessionRace(prepared.level.id));
    if (actions.code && this.classroom) {
      addResultCodeButton(this, kit, actions.code, this.classroom, this.classroom.code ? t('classroom:code.open') : t('classroom:code.openPrediction'));
    }
    if (actions.race) {
      // The race view with this run's build as an extra lane, on this run's seed; Back returns here.
      const { result, build, level } = prepared;
      new Button(this, kit, {
        id: 'debrief-race',
        rect: actions.race,
        label: t('race:open'),
        ariaLabel: t('race:openAria'),
        icon: 'next',
        fontPx: fontPx(layout, 'button'),
        onActivate: () => this.goTo(SceneKeys.Race, { levelId: level.id, seed: result.seed, yourBuild: build ?? undefined, back: { key: SceneKeys.Debrief, data: this.sceneData } }),
      });
    }
    this.addActions(kit, actions);
    this.addFooterHint(kit);
    // The accessible twin of the canvas reads the open tab in full.
    this.ctx.mirror?.setRegion('debrief', this.ending ? t('playui:ending.title') : tabLabels[this.tab], this.tabSummary);
  }

  private view(): DebriefView {
    return { scene: this, kit: this.kit, i18n: this.ctx.i18n, language: this.ctx.settings.get().language, data: this.prepared! };
  }

  private addActions(kit: UiKit, rects: { retry: { x: number; y: number; width: number; height: number }; next: { x: number; y: number; width: number; height: number }; map: { x: number; y: number; width: number; height: number } }): void {
    const t = this.ctx.i18n.t;
    const px = fontPx(kit.layout, 'button');
    const levelId = this.prepared!.level.id;
    // Retry starts from the build last played in this session; a Debrief with no such build (one opened by
    // kernelCourier.openDebrief) starts from the build it shows.
    const shown = this.prepared!.build;
    const retryData = !rememberedBuild(levelId) && shown ? { levelId, build: shown } : { levelId };
    new Button(this, kit, { id: 'debrief-retry', rect: rects.retry, label: t('debrief.retry'), icon: 'play', variant: 'primary', fontPx: px, onActivate: () => this.goTo(SceneKeys.Play, retryData) });
    const next = this.nextLevel();
    if (!next && this.isCampaignEnd()) {
      // The last level of the campaign: its ending, not a locked "Next level".
      new Button(this, kit, { id: 'debrief-next', rect: rects.next, label: t('playui:ending.open'), icon: 'next', enabled: !this.ending, fontPx: px, onActivate: () => this.openEnding() });
    } else new Button(this, kit, {
      id: 'debrief-next',
      rect: rects.next,
      label: t('debrief.nextLevel'),
      sublabel: !next ? t('debrief:actions.lastLevel') : next.unlocked ? undefined : t('debrief:actions.nextLocked'),
      icon: next && next.unlocked ? 'next' : 'lock',
      enabled: Boolean(next?.unlocked),
      fontPx: px,
      onActivate: () => {
        if (next?.unlocked) this.goTo(SceneKeys.Play, { levelId: next.id });
      },
    });
    const mapLabel = sessionBackKey(levelId) ? t('classroom:screen.backToSession') : t('debrief:actions.map');
    new Button(this, kit, { id: 'debrief-map', rect: rects.map, label: mapLabel, icon: 'back', fontPx: px, onActivate: () => this.onBack() });
  }

  private buildEmpty(kit: UiKit): void {
    const { layout, palette } = kit;
    const t = this.ctx.i18n.t;
    const panel = centeredRect(layout.content, Math.round(760 * layout.scale), Math.round(260 * layout.scale));
    drawPanel(this.add.graphics(), panel, panelStyle(palette, layout));
    const pad = layout.gap * 1.5;
    const text = addText(this, kit, panel.x + panel.width / 2, panel.y + pad, t('debrief:noResult'), { fontPx: fontPx(layout, 'heading'), originX: 0.5, align: 'center', wrapWidth: panel.width - pad * 2 });
    fitText(text, panel.width - pad * 2, panel.height - layout.buttonHeight - pad * 3, 14);
    const width = Math.min(panel.width - pad * 2, Math.round(360 * layout.scale));
    new Button(this, kit, {
      id: 'debrief-map',
      rect: { x: panel.x + (panel.width - width) / 2, y: panel.y + panel.height - pad - layout.buttonHeight, width, height: layout.buttonHeight },
      label: t('debrief:actions.map'),
      icon: 'back',
      fontPx: fontPx(layout, 'button'),
      onActivate: () => this.onBack(),
    });
  }

  private nextLevel(): { id: string; unlocked: boolean } | null {
    if (!this.prepared) return null;
    const inSession = sessionNextLevel(this.prepared.level.id);
    if (inSession !== undefined) return inSession;
    const ids = this.ctx.levels.map((level) => level.id);
    const index = ids.indexOf(this.prepared.level.id);
    const next = index >= 0 ? ids[index + 1] : undefined;
    if (!next) return null;
    return { id: next, unlocked: isLevelUnlocked(ids, this.ctx.progress.get(), next) };
  }

  /** The last campaign level, played outside a class session, with at least one star. */
  private isCampaignEnd(): boolean {
    const prepared = this.prepared;
    if (!prepared || sessionNextLevel(prepared.level.id) !== undefined) return false;
    // An embedded level or chapter is not the campaign: its last level has no ending, only no next level.
    if (this.ctx.params.mode === 'embed') return false;
    const ids = this.ctx.levels.map((level) => level.id);
    return ids.length > 0 && ids[ids.length - 1] === prepared.level.id && prepared.result.score.stars >= 1;
  }

  private openEnding(): void {
    this.ending = true;
    this.rebuild();
    this.focus.focus('debrief-map', this.ctx.keyboard.keyboardMode, false);
    this.ctx.announce(joinSentences(this.tabSummary));
  }

  private showTab(tab: DebriefTab, fromKey: boolean): void {
    if (this.tab === tab && !this.ending) return;
    this.ending = false;
    this.tab = tab;
    this.rebuild();
    if (fromKey) this.focus.focus(`tab-${tab}`, true, false);
    const view = this.view();
    const names: Record<DebriefTab, string> = {
      score: this.ctx.i18n.t('debrief:tabs.score'),
      hops: this.ctx.i18n.t('debrief:tabs.hops'),
      compare: this.ctx.i18n.t('debrief:tabs.compare'),
      table: this.ctx.i18n.t('debrief:tabs.table'),
    };
    this.ctx.announce(tr(view, 'debrief:a11y.tab', { tab: names[tab], summary: joinSentences(this.tabSummary) }));
  }

  private turnReasonPage(step: 1 | -1): void {
    this.reasonPage = Math.max(0, this.reasonPage + step);
    this.rebuild();
    if (!this.focus.focused) this.focus.focus(step > 0 ? 'reasons-previous' : 'reasons-next', this.focus.focusVisible, false);
  }

  private turnComparePage(step: 1 | -1): void {
    this.comparePage = Math.max(0, this.comparePage + step);
    this.rebuild();
    if (!this.focus.focused) this.focus.focus(step > 0 ? 'compare-previous' : 'compare-next', this.focus.focusVisible, false);
  }

  private chooseHopGroup(index: number): void {
    this.hopGroup = index;
    this.rebuild();
    this.ctx.announce(joinSentences(this.tabSummary));
  }
}
