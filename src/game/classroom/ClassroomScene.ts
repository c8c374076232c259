// The class session screen (key `classroom`), opened by a join link `?mode=classroom#join=…`
// (contracts.md §5a): the session's title, its facts (levels, language, seed, hints, predictions, the
// countdown, which never blocks), the student's nickname and the session's levels in its order, every one
// playable whatever the campaign progress. The first visit asks for a nickname (joinForm.ts). A broken,
// cut or edited link shows a localized notice and the main menu instead.
import Phaser from 'phaser';
import { sanitizeForDisplay } from '../../app/notices';
import { sessionFromFragment, sessionSettings, type SessionSettings } from '../../classroom/session';
import { levelTitle } from '../../i18n/levelStrings';
import { matchLanguage } from '../../i18n/languages';
import type { AppContext } from '../AppContext';
import { fontPx, splitColumns, type Rect } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { ScreenScene, type KeyHelp, type SceneData } from '../scenes/ScreenScene';
import { Button } from '../ui/Button';
import { drawPanel, panelStyle } from '../ui/drawing';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { activeSession, sessionCodes, setActiveSession, timeLeftMs, type ActiveSession } from './classroomRuntime';
import { closeJoinForm, isJoinFormOpen, openJoinForm } from './joinForm';
import { starsText } from './classroomRun';

export class ClassroomScene extends ScreenScene {
  private session: ActiveSession | null = null;
  private broken = false;
  private page = 0;
  private clock: Phaser.GameObjects.Text | null = null;

  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Classroom);
  }

  override init(data: SceneData | undefined): void {
    super.init(data);
    this.broken = false;
    this.session = activeSession();
    if (this.session) return;
    const fragment = typeof this.sceneData.fragment === 'string' ? this.sceneData.fragment : (this.ctx.pageFragment?.() ?? '');
    const read = sessionFromFragment(fragment);
    if (!read.ok || !this.ctx.openSession) {
      this.broken = true;
      const error = read.ok ? { code: 'empty', path: '' } : read.error;
      this.ctx.notify({ key: 'notice.sessionLinkBroken', params: { code: error.code, path: sanitizeForDisplay(error.path ?? '') } });
      return;
    }
    const settings = sessionSettings(read.session);
    const store = this.ctx.openSession(settings.id);
    this.session = { settings, store, startedAt: store.get().startedAt };
    setActiveSession(this.session);
    const language = settings.locale === undefined ? undefined : matchLanguage(settings.locale);
    // The session's language, for this visit (the URL's `locale` still wins: a student may need English).
    if (language && this.ctx.params.locale === undefined) this.ctx.settings.addOverrides({ language });
  }

  override create(): void {
    super.create();
    if (this.broken) {
      this.goTo(SceneKeys.Menu);
      return;
    }
    this.time.addEvent({ delay: 1000, loop: true, callback: () => this.tick() });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => closeJoinForm());
    if (this.session && this.session.store.get().nick === '') this.askNickname(false);
  }

  protected screenTitle(): string {
    const title = this.session?.settings.title ?? '';
    return title ? this.ctx.i18n.t('classroom:screen.titleNamed', { title }) : this.ctx.i18n.t('classroom:screen.title');
  }

  protected override defaultFocusId(): string | undefined {
    if (!this.session) return undefined;
    if (this.session.store.get().nick === '') return 'classroom-nickname';
    const codes = sessionCodes();
    const next = this.session.settings.levels.find((id) => !codes.some((code) => code.level === id)) ?? this.session.settings.levels[0];
    return `classroom-level-${next}`;
  }

  override keyHelp(): KeyHelp[] {
    return [];
  }

  protected override onKey(event: KeyboardEvent): boolean {
    // While the nickname form is open its own keys apply; the screen underneath waits.
    if (isJoinFormOpen()) return false;
    return super.onKey(event);
  }

  protected buildScreen(kit: UiKit): void {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    this.drawBackdrop(kit);
    this.clock = null;
    const session = this.session;
    this.addTopBar(kit, { title: this.screenTitle(), glossary: true, settings: true });
    if (!session) return;
    const settings = session.settings;
    const state = session.store.get();
    const columns = splitColumns(layout.content, layout.gap, Math.round(340 * layout.scale), 0.42);
    const pad = Math.round(layout.gap * 1.1);

    // Left: the session's facts, the nickname and the codes.
    drawPanel(this.add.graphics(), columns.left, panelStyle(palette, layout));
    const inner = { x: columns.left.x + pad, y: columns.left.y + pad, width: columns.left.width - pad * 2, height: columns.left.height - pad * 2 };
    const buttonHeight = Math.round(layout.buttonHeight * (columns.stacked ? 0.8 : 1));
    const buttonsHeight = buttonHeight * 2 + layout.gap / 2;
    const heading = addText(this, kit, inner.x, inner.y, t('classroom:screen.facts'), { fontPx: fontPx(layout, 'heading'), bold: true, color: palette.heading });
    fitText(heading, inner.width, fontPx(layout, 'heading') * 1.6, 14);
    const factsTop = inner.y + heading.height + layout.gap / 3;
    const factsHeight = Math.max(0, inner.y + inner.height - buttonsHeight - layout.gap / 2 - factsTop);
    const lines = this.factLines(settings);
    const nickLine = state.nick ? t('classroom:screen.nickname', { nick: state.nick }) : t('classroom:screen.noNickname');
    const facts = addText(this, kit, inner.x, factsTop, [...lines, nickLine].join('\n'), { fontPx: fontPx(layout, 'body'), color: palette.text, wrapWidth: inner.width });
    fitText(facts, inner.width, factsHeight, 12);
    // The countdown has a line of its own so the clock can tick without a redraw.
    const clockY = factsTop + facts.height + layout.gap / 4;
    if (settings.minutes !== undefined && clockY + fontPx(layout, 'body') * 1.3 < inner.y + inner.height - buttonsHeight) {
      this.clock = addText(this, kit, inner.x, clockY, this.clockText(settings), { fontPx: fontPx(layout, 'body'), bold: true, color: palette.heading, wrapWidth: inner.width });
    }
    const nickRect = { x: inner.x, y: inner.y + inner.height - buttonsHeight, width: inner.width, height: buttonHeight };
    new Button(this, kit, {
      id: 'classroom-nickname',
      rect: nickRect,
      label: state.nick ? t('classroom:screen.changeNickname') : t('classroom:screen.chooseNickname'),
      variant: state.nick ? 'normal' : 'primary',
      fontPx: fontPx(layout, 'button'),
      onActivate: () => this.askNickname(state.nick !== ''),
    });
    new Button(this, kit, {
      id: 'classroom-codes',
      rect: { ...nickRect, y: nickRect.y + buttonHeight + layout.gap / 2 },
      label: t('classroom:screen.myCodes', { count: state.codes.length }),
      fontPx: fontPx(layout, 'button'),
      onActivate: () => this.openCodes(),
    });

    // Right: the session's levels, in its order, as many per page as fit.
    this.drawLevels(kit, columns.right, settings);
    // The keys of this screen (Escape does nothing here: the session is the page).
    this.addFooterHint(kit, this.ctx.i18n.t('classroom:screen.keyHint'));
    this.ctx.mirror?.setRegion('classroom', t('classroom:screen.facts'), [...lines, nickLine, ...(this.clock ? [this.clock.text] : [])]);
  }

  private drawLevels(kit: UiKit, area: Rect, settings: SessionSettings): void {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    const heading = addText(this, kit, area.x, area.y, t('classroom:screen.levels'), { fontPx: fontPx(layout, 'heading'), bold: true, color: palette.heading });
    fitText(heading, area.width, fontPx(layout, 'heading') * 1.6, 14);
    const top = area.y + heading.height + layout.gap / 3;
    const rowHeight = Math.round(layout.buttonHeight * 1.25);
    const gap = Math.round(layout.gap / 2);
    const pagerHeight = layout.buttonHeight;
    const available = area.y + area.height - top;
    let perPage = Math.max(1, Math.floor((available + gap) / (rowHeight + gap)));
    const paged = settings.levels.length > perPage;
    if (paged) perPage = Math.max(1, Math.floor((available - pagerHeight - gap + gap) / (rowHeight + gap)));
    const pages = Math.ceil(settings.levels.length / perPage);
    this.page = Math.min(this.page, pages - 1);
    const codes = sessionCodes();
    settings.levels.slice(this.page * perPage, (this.page + 1) * perPage).forEach((levelId, i) => {
      const index = this.page * perPage + i;
      const mine = codes.filter((code) => code.level === levelId);
      const best = mine.reduce((most, code) => Math.max(most, code.stars), 0);
      new Button(this, kit, {
        id: `classroom-level-${levelId}`,
        rect: { x: area.x, y: top + i * (rowHeight + gap), width: area.width, height: rowHeight },
        label: t('classroom:screen.levelNumber', { number: index + 1, title: levelTitle(this.ctx.i18n, levelId) }),
        sublabel: mine.length === 0 ? t('classroom:screen.notPlayed') : t('classroom:screen.played', { stars: starsText(this.ctx.i18n, best), count: mine.length }),
        icon: 'play',
        align: 'left',
        fontPx: fontPx(layout, 'button'),
        onActivate: () => this.play(levelId),
      });
    });
    if (paged) {
      const y = area.y + area.height - pagerHeight;
      const width = Math.round((area.width - gap) / 2);
      new Button(this, kit, { id: 'classroom-previous', rect: { x: area.x, y, width, height: pagerHeight }, label: t('common.previous'), icon: 'prev', enabled: this.page > 0, fontPx: fontPx(layout, 'button'), onActivate: () => this.turn(-1) });
      new Button(this, kit, { id: 'classroom-next', rect: { x: area.x + width + gap, y, width, height: pagerHeight }, label: t('common.next'), icon: 'next', enabled: this.page < pages - 1, fontPx: fontPx(layout, 'button'), onActivate: () => this.turn(1) });
    }
  }

  private turn(step: number): void {
    this.page = Math.max(0, this.page + step);
    this.rebuild();
  }

  private factLines(settings: SessionSettings): string[] {
    const t = this.ctx.i18n.t;
    const language = settings.locale === undefined ? undefined : matchLanguage(settings.locale);
    const lines = [t('classroom:fact.levels', { count: settings.levels.length })];
    if (language) lines.push(t('classroom:fact.language', { language: language === 'ko' ? t('menu.languageKorean') : t('menu.languageEnglish') }));
    lines.push(settings.seed === undefined ? t('classroom:fact.seedLevel') : t('classroom:fact.seed', { seed: settings.seed }));
    lines.push(settings.hints ? t('classroom:fact.hintsOn') : t('classroom:fact.hintsOff'));
    lines.push(settings.predict ? t('classroom:fact.predictOn') : t('classroom:fact.predictOff'));
    if (settings.minutes === undefined) lines.push(t('classroom:fact.noTime'));
    return lines;
  }

  private clockText(settings: SessionSettings): string {
    const left = timeLeftMs(Date.now()) ?? 0;
    const minutes = settings.minutes ?? 0;
    if (left <= 0) return this.ctx.i18n.t('classroom:fact.timeUp', { minutes });
    const seconds = Math.ceil(left / 1000);
    const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    return this.ctx.i18n.t('classroom:fact.time', { minutes, left: clock });
  }

  private tick(): void {
    if (this.clock && this.session) this.clock.setText(this.clockText(this.session.settings));
  }

  private play(levelId: string): void {
    if (!this.session) return;
    if (this.session.store.get().nick === '') {
      this.askNickname(false);
      return;
    }
    this.goTo(SceneKeys.Play, { levelId });
  }

  private openCodes(): void {
    if (this.scene.isActive(SceneKeys.ResultCode)) return;
    this.scene.launch(SceneKeys.ResultCode, { returnTo: this.screenKey });
    this.scene.pause();
  }

  /** The nickname form, with the session's details; `change` offers Cancel. */
  private askNickname(change: boolean): void {
    const session = this.session;
    if (!session) return;
    const t = this.ctx.i18n.t;
    const settings = session.settings;
    const state = session.store.get();
    openJoinForm(
      document,
      {
        heading: t('classroom:join.heading'),
        title: settings.title || t('classroom:screen.untitled'),
        intro: t('classroom:join.intro'),
        levels: settings.levels.map((id) => levelTitle(this.ctx.i18n, id)),
        facts: [...this.factLines(settings).slice(1), ...(settings.minutes !== undefined ? [this.clockText(settings)] : [])],
        label: t('classroom:join.nicknameLabel'),
        note: t('classroom:join.nicknameNote'),
        submit: change ? t('classroom:join.save') : t('classroom:join.submit'),
        cancel: change ? t('classroom:join.cancel') : undefined,
        storageNote: session.store.status === 'ok' ? undefined : t('classroom:join.storageNote'),
        problem: (kind, count) =>
          kind === 'empty' ? t('classroom:join.nicknameEmpty') : kind === 'too-long' ? t('classroom:join.nicknameTooLong', { count }) : t('classroom:join.nicknameBad'),
      },
      state.nick,
      (nick) => {
        session.store.setNick(nick);
        this.rebuild();
        this.ctx.announce(t('classroom:join.joined', { nick }));
        const first = this.defaultFocusId();
        if (first) this.focus.focus(first, true, false);
      },
      change ? () => this.focus.focus('classroom-nickname', true, false) : undefined,
    );
  }
}
