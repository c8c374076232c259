// The settings overlay: language, music and effects volume, mute, reduced motion, projector colours,
// renderer, and progress export/import/restore/reset. Every change applies at once (language redraws every screen,
// volumes change the sound) and is saved.
import { RUN_SPEEDS, type Settings } from '../../app/settings';
import type { AppContext } from '../AppContext';
import { fontPx, splitRow, type Rect } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { settingsLayout, settingsNaturalHeight, type SettingsRow } from '../screenLayouts';
import { Button } from '../ui/Button';
import { Slider } from '../ui/Slider';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { OverlayScene } from './OverlayScene';
import { formatSaveDate } from '../../app/saveDate';

export class SettingsScene extends OverlayScene {
  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Settings);
  }

  protected screenTitle(): string {
    return this.ctx.i18n.t('settings.title');
  }

  protected override defaultFocusId(): string {
    return this.ctx.settings.get().language === 'ko' ? 'settings-language-ko' : 'settings-language-en';
  }

  protected buildScreen(kit: UiKit): void {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    const s = this.ctx.settings.get();
    const audioOn = this.ctx.audio.enabled;
    const rows: SettingsRow[] = [
      { id: 'language', kind: 'section' },
      { id: 'language-choice', kind: 'choice' },
      { id: 'sound', kind: 'section' },
      ...(audioOn ? [] : [{ id: 'audio-disabled', kind: 'note' } as SettingsRow]),
      { id: 'music', kind: 'slider' },
      { id: 'effects', kind: 'slider' },
      { id: 'mute', kind: 'toggle' },
      { id: 'learning', kind: 'section' },
      { id: 'predictions', kind: 'toggle' },
      { id: 'run-speed', kind: 'toggle' },
      { id: 'display', kind: 'section' },
      { id: 'reduced-motion', kind: 'toggle' },
      { id: 'projector', kind: 'toggle' },
      { id: 'renderer', kind: 'section' },
      { id: 'renderer-choice', kind: 'choice' },
      { id: 'renderer-note', kind: 'note' },
      { id: 'progress', kind: 'section' },
      { id: 'progress-actions', kind: 'actions' },
      { id: 'progress-restore', kind: 'actions' },
      ...(this.ctx.resetProgress ? [{ id: 'progress-reset', kind: 'actions' } as SettingsRow] : []),
    ];
    const split = rows.findIndex((row) => row.id === 'display');
    const area = this.addPanel(kit, t('settings.title'), Math.round(1040 * layout.scale), (width, maxHeight) => settingsNaturalHeight(layout, width, rows, split, maxHeight), true);
    const { rects, fit } = settingsLayout(layout, area, rows, split);
    const at = (id: string): Rect => rects[rows.findIndex((row) => row.id === id)]!;
    const px = Math.round(fontPx(layout, 'body') * Math.max(0.75, fit));
    const update = (patch: Partial<Settings>) => {
      this.ctx.settings.update(patch);
      this.rebuild();
    };

    const section = (id: string, label: string) => {
      const rect = at(id);
      const text = addText(this, kit, rect.x, rect.y + rect.height * 0.55, label, { fontPx: Math.round(fontPx(layout, 'heading') * Math.max(0.8, fit)), bold: true, color: palette.heading, originY: 0.5 });
      fitText(text, rect.width, rect.height, 12);
    };
    const note = (id: string, label: string) => {
      const rect = at(id);
      const text = addText(this, kit, rect.x, rect.y + rect.height / 2, label, { fontPx: Math.round(fontPx(layout, 'small') * Math.max(0.8, fit)), color: palette.textMuted, originY: 0.5, wrapWidth: rect.width });
      fitText(text, rect.width, rect.height, 11);
    };
    const choice = <T extends string>(id: string, options: { value: T; label: string }[], current: T, apply: (value: T) => void) => {
      splitRow(at(id), options.length, layout.gap / 2).forEach((rect, i) => {
        const option = options[i]!;
        new Button(this, kit, { id: `settings-${id.replace('-choice', '')}-${option.value}`, rect, label: option.label, selected: option.value === current, fontPx: px, onActivate: () => apply(option.value) });
      });
    };

    section('language', t('settings.language'));
    choice('language-choice', [{ value: 'en', label: t('menu.languageEnglish') }, { value: 'ko', label: t('menu.languageKorean') }], s.language, (language) => update({ language }));

    section('sound', t('settings.sound'));
    if (!audioOn) note('audio-disabled', t('settings.audioDisabled'));
    new Slider(this, kit, { id: 'settings-music', rect: at('music'), label: t('settings.musicVolume'), value: s.musicVolume, enabled: audioOn, fontPx: px, onChange: (musicVolume) => this.ctx.settings.update({ musicVolume }) });
    new Slider(this, kit, { id: 'settings-effects', rect: at('effects'), label: t('settings.effectsVolume'), value: s.effectsVolume, enabled: audioOn, fontPx: px, onChange: (effectsVolume) => this.ctx.settings.update({ effectsVolume }) });
    new Button(this, kit, { id: 'settings-mute', rect: at('mute'), label: t('settings.mute'), toggle: s.muted, enabled: audioOn, align: 'left', fontPx: px, onActivate: () => update({ muted: !s.muted }) });

    section('learning', t('classroom:settings.section'));
    new Button(this, kit, { id: 'settings-predictions', rect: at('predictions'), label: t('classroom:settings.predictions'), toggle: s.predictions, align: 'left', fontPx: px, onActivate: () => update({ predictions: !s.predictions }) });

    // The speed runs start at: one button that steps 1× → 2× → 4× → 1×.
    const speeds = RUN_SPEEDS;
    const nextSpeed = speeds[(speeds.indexOf(s.runSpeed) + 1) % speeds.length]!;
    new Button(this, kit, {
      id: 'settings-run-speed',
      rect: at('run-speed'),
      label: t('settings.runSpeed', { speed: s.runSpeed }),
      ariaLabel: `${t('settings.runSpeed', { speed: s.runSpeed })}. ${t('settings.runSpeedNext', { speed: nextSpeed })}`,
      align: 'left',
      fontPx: px,
      onActivate: () => update({ runSpeed: nextSpeed }),
    });

    section('display', t('settings.display'));
    new Button(this, kit, { id: 'settings-reduced-motion', rect: at('reduced-motion'), label: t('settings.reducedMotion'), toggle: s.reducedMotion, align: 'left', fontPx: px, onActivate: () => update({ reducedMotion: !s.reducedMotion }) });
    new Button(this, kit, {
      id: 'settings-projector',
      rect: at('projector'),
      label: t('settings.projectorColors'),
      toggle: s.colorProfile === 'projector',
      align: 'left',
      fontPx: px,
      onActivate: () => update({ colorProfile: s.colorProfile === 'projector' ? 'default' : 'projector' }),
    });

    section('renderer', t('settings.renderer'));
    choice(
      'renderer-choice',
      [
        { value: 'auto', label: t('settings.rendererAuto') },
        { value: 'canvas', label: t('settings.rendererCanvas') },
        { value: 'webgl', label: t('settings.rendererWebgl') },
      ],
      s.renderer,
      (renderer) => update({ renderer }),
    );
    note('renderer-note', t('settings.rendererReload'));

    section('progress', t('settings.progress'));
    const [exportRect, importRect] = splitRow(at('progress-actions'), 2, layout.gap / 2) as [Rect, Rect];
    new Button(this, kit, { id: 'settings-export', rect: exportRect, label: t('settings.exportProgress'), icon: 'download', fontPx: px, onActivate: () => this.ctx.exportProgress() });
    new Button(this, kit, { id: 'settings-import', rect: importRect, label: t('settings.importProgress'), icon: 'upload', fontPx: px, onActivate: () => this.ctx.importProgress() });
    // Restoring says what it brings back (when the save was kept, how many levels) to screen readers too;
    // with no earlier save the button is shown disabled, and says why.
    const previous = this.ctx.previousSave();
    const openEmbed = this.ctx.openEmbedDialog?.bind(this.ctx);
    const [restoreRect, embedRect] = (openEmbed ? splitRow(at('progress-restore'), 2, layout.gap / 2) : [at('progress-restore')]) as [Rect, Rect?];
    if (openEmbed && embedRect) {
      new Button(this, kit, { id: 'settings-embed', rect: embedRect, label: t('embed:dialog.open'), icon: 'upload', fontPx: px, onActivate: openEmbed });
    }
    new Button(this, kit, {
      id: 'settings-restore',
      rect: restoreRect,
      icon: 'prev',
      label: t('settings.restoreProgress'),
      ariaLabel: previous
        ? `${t('settings.restoreProgress')}: ${t('settings.restoreProgressHint', { date: formatSaveDate(previous.keptAt, this.ctx.i18n.language), count: previous.levelCount })}`
        : `${t('settings.restoreProgress')}: ${t('settings.restoreProgressNone')}`,
      enabled: previous !== null,
      fontPx: px,
      onActivate: () => {
        this.ctx.restorePreviousSave();
        this.rebuild();
      },
    });
    // "Reset progress" (a class's laptops are reused) asks first, in a dialog that says what stays.
    const resetProgress = this.ctx.resetProgress?.bind(this.ctx);
    if (resetProgress) {
      new Button(this, kit, {
        id: 'settings-reset',
        rect: at('progress-reset'),
        label: t('sharing:reset.open'),
        ariaLabel: t('sharing:reset.openLabel'),
        fontPx: px,
        onActivate: () => resetProgress(() => {
          if (this.scene.isActive()) this.focus.focus('settings-reset', this.focus.focusVisible, false);
        }),
      });
    }
  }
}
