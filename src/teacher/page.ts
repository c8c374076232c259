// The teacher's page (teacher.html): make a session (levels, title, language, seed, hints, predictions,
// race view, countdown) → join link, QR, id in large type, a present view and a printable handout; collect
// codes (paste, files, drop) and verify each as it arrives; the class table with flags, sorting and
// filtering; per-level figures with text; CSV export; everything kept per session in IndexedDB. Plain,
// accessible HTML: real form controls, tables with headers, live regions for what changes.
import { CAMPAIGN_LEVELS } from '../app/levelCatalog';
import { downloadTextFile } from '../app/progressFiles';
import { parseUrlParams } from '../app/urlParams';
import { findCodes, joinLink, MAX_SESSION_LEVELS, SESSION_ID_PATTERN, type Session } from '../classroom/index';
import { createI18n, type GameI18n } from '../i18n/createI18n';
import { chapterName, reasonText, translateOr } from '../i18n/dynamicText';
import { isLanguage, preferredLanguage, SUPPORTED_LANGUAGES, type Language } from '../i18n/languages';
import { levelTitle } from '../i18n/levelStrings';
import { levelLink, raceLink } from './links';
import { TEACHER_RESOURCES } from '../i18n/teacherStrings';
import { ClassBook, counts, levelFigures, viewRows, type CodeEntry, type FlagReason, type RowView, type SortKey, type StudentRow } from './classModel';
import { classCsv, csvFileName } from './csv';
import { bar, el, fill } from './dom';
import { qrSvg } from './qr';
import { cameraAvailable, startScanner, type Scanner } from './scanner';
import { addLevels, chapterIds, chapterLevels, draftToSession, moveLevel, newDraft, randomSeed, removeLevel, type SessionDraft } from './sessionDraft';
import { TeacherStore, type SavedSession } from './store';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** While a batch of codes arrives, the table is repainted at most this often (codes show as they are
 * verified, without repainting after every one). */
const PAINT_EVERY_MS = 200;

export interface TeacherPage {
  /** Resolves when the page is drawn (and a saved session in the address, if any, is open). */
  ready: Promise<void>;
  /** The session on show, or null. */
  session(): Session | null;
  /** Adds every code found in a text; resolves when all are verified and shown. */
  addText(text: string): Promise<void>;
  /** A string of the page's i18n (any namespace, e.g. `offline:update.available`) in the page's language. */
  translate(key: string): string;
}

export function startTeacherPage(doc: Document, win: Window): TeacherPage {
  const { params } = parseUrlParams(win.location.search, CAMPAIGN_LEVELS.map((level) => level.id));
  const language: Language = params.locale ?? preferredLanguage(win.navigator.languages?.length ? win.navigator.languages : [win.navigator.language ?? 'en']);
  const i18n: GameI18n = createI18n(language, CAMPAIGN_LEVELS);
  for (const lng of SUPPORTED_LANGUAGES) i18n.addResourceBundle(lng, 'teacher', TEACHER_RESOURCES[lng].teacher, true, true);
  const t: Translate = (key, values) => (i18n.t as (k: string, p?: object) => string)(key, values);
  if (params.colorProfile === 'projector') doc.documentElement.dataset.palette = 'projector';

  const store = TeacherStore.open();
  const draft: SessionDraft = newDraft();
  let book: ClassBook | null = null;
  let saved: SavedSession | null = null;
  let view: RowView = { sort: 'nick', descending: false, filter: '', flaggedOnly: false };
  let queue: Promise<void> = Promise.resolve();
  let scanner: Scanner | null = null;

  const root = doc.getElementById('kt-app') ?? doc.body.appendChild(el(doc, 'div', { id: 'kt-app' }));
  const status = el(doc, 'div', { id: 'kt-status', class: 'kt-sr-only', role: 'status', 'aria-live': 'polite' });
  const alertRegion = el(doc, 'div', { id: 'kt-alert', role: 'alert' });
  const header = el(doc, 'header', { class: 'kt-header' });
  const main = el(doc, 'main', { id: 'kt-main' });
  const make = el(doc, 'section', { id: 'kt-make', 'aria-labelledby': 'kt-make-heading' });
  const share = el(doc, 'section', { id: 'kt-share', 'aria-labelledby': 'kt-share-heading', hidden: true });
  const collect = el(doc, 'section', { id: 'kt-collect', 'aria-labelledby': 'kt-collect-heading', hidden: true });
  const classSection = el(doc, 'section', { id: 'kt-class', 'aria-labelledby': 'kt-class-heading', hidden: true });
  const charts = el(doc, 'section', { id: 'kt-charts', 'aria-labelledby': 'kt-charts-heading', hidden: true });
  const codesSection = el(doc, 'section', { id: 'kt-codes', 'aria-labelledby': 'kt-codes-heading', hidden: true });
  const savedSection = el(doc, 'section', { id: 'kt-saved', 'aria-labelledby': 'kt-saved-heading' });
  const guide = el(doc, 'section', { id: 'kt-guide', class: 'kt-guide', 'aria-labelledby': 'kt-guide-heading', hidden: true });
  const present = el(doc, 'dialog', { id: 'kt-present', class: 'kt-present' });
  const handout = el(doc, 'div', { id: 'kt-handout', class: 'kt-handout' });
  main.append(alertRegion, guide, make, share, collect, classSection, charts, codesSection, savedSection);
  root.replaceChildren(header, main, status);
  doc.body.append(present, handout);

  const announce = (text: string) => {
    status.textContent = '';
    // A fresh text node after clearing makes screen readers read it even when it repeats.
    win.setTimeout(() => (status.textContent = text), 30);
  };
  const showAlert = (text: string) => fill(alertRegion, text === '' ? [] : [el(doc, 'p', { text })]);

  const archName = (arch: string | null) => (arch === null ? '—' : translateOr(i18n, `board:arch.${arch}.name`, arch));
  const title = (id: string) => levelTitle(i18n, id);
  const flagText = (flag: FlagReason) => translateOr(i18n, `teacher:flag.${flag}`, flag);
  const statusText = (name: string) => translateOr(i18n, `teacher:status.${name}`, name);
  const lossText = (loss: string) => {
    const [kind, name = '', arch = ''] = loss.split(':');
    return kind === 'objective' ? translateOr(i18n, `board:objective.${name}.name`, name) : reasonText(i18n, name, { arch }).replace(/[.。]\s*$/, '');
  };
  // One number format per language (toLocaleString would build a new one for every cell).
  const formats = new Map<string, Intl.NumberFormat>();
  const number = (value: number | null) => {
    if (value === null) return '—';
    let format = formats.get(i18n.language);
    if (format === undefined) {
      format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
      formats.set(i18n.language, format);
    }
    return format.format(value);
  };

  // ------------------------------------------------------------------------------------------------
  // Header

  function renderHeader(): void {
    doc.documentElement.lang = i18n.language;
    doc.title = t('teacher:page.title');
    const select = el(doc, 'select', { id: 'kt-language' }, SUPPORTED_LANGUAGES.map((lng) => el(doc, 'option', { value: lng, text: t(`teacher:languages.${lng}`), selected: lng === i18n.language })));
    select.addEventListener('change', () => {
      if (!isLanguage(select.value)) return;
      void i18n.changeLanguage(select.value).then(() => {
        renderAll();
        (doc.getElementById('kt-language') as HTMLSelectElement | null)?.focus();
      });
    });
    const guideButton = el(doc, 'button', { type: 'button', id: 'kt-guide-toggle', 'aria-expanded': guide.hidden ? 'false' : 'true', 'aria-controls': 'kt-guide', text: t('teacher:page.guide') });
    guideButton.addEventListener('click', () => void toggleGuide(guideButton));
    const gameLink = new URL('./', win.location.href);
    gameLink.searchParams.set('locale', i18n.language);
    fill(header, [
      el(doc, 'h1', { text: t('teacher:page.heading') }),
      el(doc, 'p', { text: t('teacher:page.intro') }),
      el(doc, 'div', { class: 'kt-row' }, [
        el(doc, 'label', { for: 'kt-language', text: t('teacher:page.language') }),
        select,
        guideButton,
        el(doc, 'a', { href: gameLink.toString(), text: t('teacher:page.game') }),
      ]),
    ]);
  }

  /** The teacher guide, in the page's language, loaded when first opened. */
  async function toggleGuide(button: HTMLButtonElement): Promise<void> {
    if (!guide.hidden) {
      guide.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    await showGuide();
    guide.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    (guide.querySelector('h2') as HTMLElement | null)?.focus();
  }

  async function showGuide(): Promise<void> {
    const language = i18n.language;
    const [{ renderGuide }, text] = await Promise.all([
      import('./guideView'),
      language === 'ko' ? import('../../docs/teaching.ko.md?raw') : import('../../docs/teaching.md?raw'),
    ]);
    const nodes = renderGuide(doc, text.default);
    nodes[0]?.setAttribute('tabindex', '-1');
    nodes[0]?.setAttribute('id', 'kt-guide-heading');
    fill(guide, nodes);
  }

  // ------------------------------------------------------------------------------------------------
  // Make a session

  function renderMake(): void {
    const titleInput = el(doc, 'input', { id: 'kt-title', type: 'text', maxlength: '80', value: draft.title, autocomplete: 'off' });
    titleInput.addEventListener('input', () => (draft.title = titleInput.value));

    const chapterSelect = el(doc, 'select', { id: 'kt-chapter' }, chapterIds().map((id) => el(doc, 'option', { value: id, text: chapterName(i18n, id) })));
    const addChapter = el(doc, 'button', { type: 'button', id: 'kt-add-chapter', text: t('teacher:make.addChapter') });
    addChapter.addEventListener('click', () => changeLevels(addLevels(draft.levels, chapterLevels(chapterSelect.value))));
    const levelSelect = el(doc, 'select', { id: 'kt-level' }, CAMPAIGN_LEVELS.map((level) => el(doc, 'option', { value: level.id, text: `${title(level.id)} (${level.id})` })));
    const addLevel = el(doc, 'button', { type: 'button', id: 'kt-add-level', text: t('teacher:make.addLevel') });
    addLevel.addEventListener('click', () => changeLevels(addLevels(draft.levels, [levelSelect.value])));
    const clear = el(doc, 'button', { type: 'button', id: 'kt-clear-levels', text: t('teacher:make.clearLevels') });
    clear.addEventListener('click', () => changeLevels([]));

    const list = el(doc, 'ol', { id: 'kt-levels', class: 'kt-levels' });

    const localeSelect = el(doc, 'select', { id: 'kt-locale' }, [
      el(doc, 'option', { value: '', text: t('teacher:make.localeAny'), selected: draft.locale === '' }),
      ...SUPPORTED_LANGUAGES.map((lng) => el(doc, 'option', { value: lng, text: t(`teacher:languages.${lng}`), selected: draft.locale === lng })),
    ]);
    localeSelect.addEventListener('change', () => (draft.locale = localeSelect.value));
    const seedInput = el(doc, 'input', { id: 'kt-seed', type: 'number', min: '0', max: '4294967295', step: '1', value: String(draft.seed), 'aria-describedby': 'kt-seed-help', inputmode: 'numeric' });
    seedInput.addEventListener('input', () => (draft.seed = seedInput.value.trim() === '' ? Number.NaN : Number(seedInput.value)));
    const newSeed = el(doc, 'button', { type: 'button', id: 'kt-new-seed', text: t('teacher:make.newSeed') });
    newSeed.addEventListener('click', () => {
      draft.seed = randomSeed();
      seedInput.value = String(draft.seed);
    });
    const check = (id: string, key: 'hints' | 'predict' | 'race', label: string) => {
      const box = el(doc, 'input', { id, type: 'checkbox', checked: draft[key] });
      box.addEventListener('change', () => (draft[key] = box.checked));
      return el(doc, 'div', { class: 'kt-check' }, [box, el(doc, 'label', { for: id, text: label })]);
    };
    const minutesInput = el(doc, 'input', { id: 'kt-minutes', type: 'number', min: '0', max: '1440', step: '1', value: String(draft.minutes), inputmode: 'numeric' });
    minutesInput.addEventListener('input', () => (draft.minutes = minutesInput.value.trim() === '' ? 0 : Number(minutesInput.value)));

    const problem = el(doc, 'p', { id: 'kt-make-problem', class: 'kt-problem', role: 'alert' });
    const form = el(doc, 'form', { id: 'kt-make-form', novalidate: true }, [
      el(doc, 'div', { class: 'kt-field' }, [el(doc, 'label', { for: 'kt-title', text: t('teacher:make.titleLabel') }), titleInput]),
      el(doc, 'fieldset', {}, [
        el(doc, 'legend', { text: t('teacher:make.levels') }),
        el(doc, 'div', { class: 'kt-row' }, [el(doc, 'label', { for: 'kt-chapter', text: t('teacher:make.chapterLabel') }), chapterSelect, addChapter]),
        el(doc, 'div', { class: 'kt-row' }, [el(doc, 'label', { for: 'kt-level', text: t('teacher:make.levelLabel') }), levelSelect, addLevel, clear]),
        list,
      ]),
      el(doc, 'div', { class: 'kt-field' }, [el(doc, 'label', { for: 'kt-locale', text: t('teacher:make.localeLabel') }), localeSelect]),
      el(doc, 'div', { class: 'kt-field' }, [
        el(doc, 'label', { for: 'kt-seed', text: t('teacher:make.seedLabel') }),
        el(doc, 'div', { class: 'kt-row' }, [seedInput, newSeed]),
        el(doc, 'p', { id: 'kt-seed-help', class: 'kt-help', text: t('teacher:make.seedHelp') }),
      ]),
      check('kt-hints', 'hints', t('teacher:make.hints')),
      check('kt-predict', 'predict', t('teacher:make.predict')),
      check('kt-race', 'race', t('teacher:make.race')),
      el(doc, 'div', { class: 'kt-field' }, [el(doc, 'label', { for: 'kt-minutes', text: t('teacher:make.minutesLabel') }), minutesInput]),
      problem,
      el(doc, 'button', { type: 'submit', id: 'kt-submit', class: 'kt-primary', text: t('teacher:make.submit') }),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const made = draftToSession(draft);
      if (!made.ok) {
        problem.textContent = t(`teacher:make.problem.${made.problem}`, { max: MAX_SESSION_LEVELS });
        return;
      }
      problem.textContent = '';
      void openSession({ session: made.session, codes: [], created: Date.now() }, true);
    });
    fill(make, [el(doc, 'h2', { id: 'kt-make-heading', text: t('teacher:make.heading') }), form]);
    renderLevelList();
  }

  function changeLevels(levels: string[], focus?: { index: number; button: 'up' | 'down' | 'remove' }, message?: string): void {
    draft.levels = levels;
    renderLevelList(focus);
    announce(message ?? t('teacher:make.added', { count: levels.length }));
  }

  function renderLevelList(focus?: { index: number; button: 'up' | 'down' | 'remove' }): void {
    const list = doc.getElementById('kt-levels');
    if (list === null) return;
    if (draft.levels.length === 0) {
      fill(list, [el(doc, 'li', { class: 'kt-empty', text: t('teacher:make.noLevels') })]);
      return;
    }
    fill(
      list,
      draft.levels.map((id, index) => {
        const name = title(id);
        const button = (kind: 'up' | 'down' | 'remove', symbol: string, disabled: boolean) => {
          const node = el(doc, 'button', { type: 'button', 'data-kt-move': kind, 'aria-label': t(`teacher:make.${kind}`, { title: name }), disabled }, [symbol]);
          node.addEventListener('click', () => {
            if (kind === 'remove') {
              const next = removeLevel(draft.levels, index);
              changeLevels(next, next.length === 0 ? undefined : { index: Math.min(index, next.length - 1), button: 'remove' }, t('teacher:make.removed', { title: name }));
              if (next.length === 0) (doc.getElementById('kt-add-level') as HTMLButtonElement | null)?.focus();
            } else {
              const target = Math.max(0, Math.min(draft.levels.length - 1, index + (kind === 'up' ? -1 : 1)));
              changeLevels(moveLevel(draft.levels, index, kind === 'up' ? -1 : 1), { index: target, button: kind }, t('teacher:make.moved', { title: name, position: target + 1 }));
            }
          });
          return node;
        };
        return el(doc, 'li', { 'data-kt-level': id }, [
          el(doc, 'span', { class: 'kt-level-name', text: t('teacher:make.levelItem', { position: index + 1, title: name, id }) }),
          button('up', '↑', index === 0),
          button('down', '↓', index === draft.levels.length - 1),
          button('remove', '✕', false),
        ]);
      }),
    );
    if (focus !== undefined) {
      const item = list.children[focus.index];
      const wanted = item?.querySelector<HTMLButtonElement>(`[data-kt-move="${focus.button}"]`);
      const target = wanted && !wanted.disabled ? wanted : item?.querySelector<HTMLButtonElement>('button:not([disabled])');
      target?.focus();
    }
  }

  // ------------------------------------------------------------------------------------------------
  // A session on show: link, QR, id, present view, handout

  async function openSession(next: SavedSession, fresh: boolean): Promise<void> {
    stopScan();
    saved = next;
    book = new ClassBook(next.session);
    view = { sort: 'nick', descending: false, filter: '', flaggedOnly: false };
    win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}#session=${next.session.id}`);
    for (const section of [share, collect, classSection, charts, codesSection]) section.hidden = false;
    renderShare();
    renderCollect();
    renderClass();
    const ok = await store.save(next);
    renderSaved();
    if (next.codes.length > 0) await ingest(next.codes, false);
    const note = doc.getElementById('kt-saved-note');
    if (note) note.textContent = ok ? t('teacher:share.saved') : t('teacher:share.notSaved');
    if (fresh) (doc.getElementById('kt-share-heading') as HTMLElement | null)?.focus();
  }

  function link(session: Session): string {
    return joinLink(new URL('./', win.location.href).toString(), session);
  }

  /** The session's levels in order, each with its id, a link to it in the game and one to its race view. */
  function sessionLevels(session: Session): HTMLElement {
    const base = new URL('./', win.location.href).toString();
    const newTab = { target: '_blank', rel: 'noopener' };
    return el(doc, 'section', { class: 'kt-session-levels', 'aria-labelledby': 'kt-session-levels-heading' }, [
      el(doc, 'h3', { id: 'kt-session-levels-heading', text: t('teacher:share.levelsHeading') }),
      el(doc, 'p', { class: 'kt-help', text: t('teacher:share.levelsHelp') }),
      el(doc, 'ol', { id: 'kt-session-levels' }, session.levels.map((id, index) => {
        const values = { title: title(id), id, seed: session.seed ?? '—' };
        return el(doc, 'li', { 'data-kt-level': id }, [
          el(doc, 'span', { class: 'kt-level-name', text: `${index + 1}. ${title(id)}` }),
          el(doc, 'span', { class: 'kt-level-id', text: id }),
          el(doc, 'a', { ...newTab, class: 'kt-level-link', href: levelLink(base, id), 'aria-label': t('teacher:share.playLinkLabel', values), text: t('teacher:share.playLink') }),
          el(doc, 'a', { ...newTab, class: 'kt-race-link', href: raceLink(base, id, session.seed), 'aria-label': t('teacher:share.raceLinkLabel', values), text: t('teacher:share.raceLink') }),
        ]);
      })),
    ]);
  }

  function renderShare(): void {
    if (saved === null) return;
    const session = saved.session;
    const address = link(session);
    const qrLabel = t('teacher:share.qrLabel', { id: session.id });
    const linkField = el(doc, 'input', { id: 'kt-link', type: 'text', readonly: true, value: address, class: 'kt-link' });
    const copy = el(doc, 'button', { type: 'button', id: 'kt-copy', text: t('teacher:share.copy') });
    copy.addEventListener('click', () => {
      linkField.select();
      win.navigator.clipboard
        ?.writeText(address)
        .then(() => announce(t('teacher:share.copied')))
        .catch(() => showAlert(t('teacher:share.copyFailed')));
    });
    const presentButton = el(doc, 'button', { type: 'button', id: 'kt-present-open', text: t('teacher:share.present') });
    presentButton.addEventListener('click', () => openPresent(session, address));
    const print = el(doc, 'button', { type: 'button', id: 'kt-print', text: t('teacher:share.print') });
    print.addEventListener('click', () => win.print());
    const localeName = session.locale === undefined ? t('teacher:make.localeAny') : translateOr(i18n, `teacher:languages.${session.locale}`, session.locale);
    fill(share, [
      el(doc, 'h2', { id: 'kt-share-heading', tabindex: '-1', text: t('teacher:share.heading', { id: session.id }) }),
      session.title ? el(doc, 'p', { class: 'kt-session-title', text: session.title }) : null,
      el(doc, 'p', { text: t('teacher:share.summary', { levels: session.levels.length, seed: session.seed ?? '—', locale: localeName }) }),
      el(doc, 'div', { class: 'kt-share-grid' }, [
        el(doc, 'div', {}, [
          el(doc, 'p', { class: 'kt-id-label', id: 'kt-id-label', text: t('teacher:share.idLabel') }),
          el(doc, 'p', { class: 'kt-id', id: 'kt-id', 'aria-labelledby': 'kt-id-label kt-id', text: session.id }),
          el(doc, 'label', { for: 'kt-link', text: t('teacher:share.linkLabel') }),
          el(doc, 'div', { class: 'kt-row' }, [linkField, copy]),
          el(doc, 'div', { class: 'kt-row' }, [presentButton, print]),
          el(doc, 'p', { id: 'kt-saved-note', class: 'kt-help' }),
        ]),
        el(doc, 'div', { class: 'kt-qr-box', id: 'kt-qr' }, [qrSvg(doc, address, qrLabel)]),
      ]),
      sessionLevels(session),
    ]);
    renderHandout(session, address);
  }

  function openPresent(session: Session, address: string): void {
    const close = el(doc, 'button', { type: 'button', id: 'kt-present-close', class: 'kt-present-close', text: t('teacher:share.close') });
    close.addEventListener('click', () => present.close());
    present.setAttribute('aria-label', t('teacher:present.label'));
    fill(present, [
      el(doc, 'div', { class: 'kt-present-body' }, [
        el(doc, 'div', { class: 'kt-present-qr' }, [qrSvg(doc, address, t('teacher:share.qrLabel', { id: session.id }))]),
        el(doc, 'div', { class: 'kt-present-text' }, [
          session.title ? el(doc, 'p', { class: 'kt-present-title', text: session.title }) : null,
          el(doc, 'p', { class: 'kt-present-id', text: session.id }),
          el(doc, 'p', { class: 'kt-present-join', text: t('teacher:present.join') }),
          el(doc, 'p', { class: 'kt-help', text: t('teacher:present.closeHint') }),
          close,
        ]),
      ]),
    ]);
    present.showModal();
    close.focus();
  }
  present.addEventListener('close', () => (doc.getElementById('kt-present-open') as HTMLButtonElement | null)?.focus());

  function renderHandout(session: Session, address: string): void {
    fill(handout, [
      el(doc, 'h1', { text: t('teacher:handout.heading') }),
      session.title ? el(doc, 'p', { class: 'kt-handout-title', text: session.title }) : null,
      el(doc, 'p', { class: 'kt-handout-id', text: `${t('teacher:share.idLabel')}: ${session.id}` }),
      el(doc, 'div', { class: 'kt-handout-qr' }, [qrSvg(doc, address, t('teacher:share.qrLabel', { id: session.id }))]),
      el(doc, 'p', { class: 'kt-handout-link', text: address }),
      el(doc, 'h2', { text: t('teacher:handout.steps') }),
      el(doc, 'ol', {}, ['step1', 'step2', 'step3', 'step4'].map((step) => el(doc, 'li', { text: t(`teacher:handout.${step}`) }))),
      el(doc, 'ol', { class: 'kt-handout-levels' }, session.levels.map((id) => el(doc, 'li', { text: title(id) }))),
      el(doc, 'p', { class: 'kt-handout-privacy', text: t('teacher:handout.privacy') }),
    ]);
  }

  // ------------------------------------------------------------------------------------------------
  // Collect codes

  function renderCollect(): void {
    const area = el(doc, 'textarea', { id: 'kt-paste', rows: '5', spellcheck: 'false', autocomplete: 'off' });
    const add = el(doc, 'button', { type: 'button', id: 'kt-add-codes', class: 'kt-primary', text: t('teacher:collect.add') });
    add.addEventListener('click', () => {
      const text = area.value;
      area.value = '';
      void addText(text);
    });
    const files = el(doc, 'input', { id: 'kt-files', type: 'file', multiple: true, accept: '.txt,.csv,text/plain,text/csv' });
    files.addEventListener('change', () => {
      void readFiles([...(files.files ?? [])]);
      files.value = '';
    });
    const drop = el(doc, 'div', { id: 'kt-drop', class: 'kt-drop', text: t('teacher:collect.drop') });
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('kt-drop-over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('kt-drop-over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('kt-drop-over');
      void readFiles([...(event.dataTransfer?.files ?? [])]);
    });
    const scan = el(doc, 'button', { type: 'button', id: 'kt-scan', 'aria-pressed': scanner === null ? 'false' : 'true', text: t(scanner === null ? 'teacher:collect.scan' : 'teacher:collect.stopScan') });
    const video = el(doc, 'video', { id: 'kt-video', class: 'kt-video', hidden: scanner === null, 'aria-label': t('teacher:collect.scanning') });
    scan.addEventListener('click', () => void toggleScan(scan, video));
    fill(collect, [
      el(doc, 'h2', { id: 'kt-collect-heading', text: t('teacher:collect.heading') }),
      el(doc, 'label', { for: 'kt-paste', text: t('teacher:collect.pasteLabel') }),
      area,
      el(doc, 'div', { class: 'kt-row' }, [add]),
      el(doc, 'div', { class: 'kt-row' }, [el(doc, 'label', { for: 'kt-files', text: t('teacher:collect.fileLabel') }), files]),
      drop,
      cameraAvailable(win) ? el(doc, 'div', { class: 'kt-row' }, [scan]) : null,
      video,
      el(doc, 'p', { id: 'kt-scan-status', class: 'kt-help', role: 'status' }),
      el(doc, 'p', { id: 'kt-collect-result', class: 'kt-result', role: 'status' }),
    ]);
  }

  /** Scan starts the camera (the browser asks the teacher first); pressing again stops it. */
  async function toggleScan(button: HTMLButtonElement, video: HTMLVideoElement): Promise<void> {
    const status = doc.getElementById('kt-scan-status');
    if (scanner !== null) {
      stopScan();
      return;
    }
    try {
      scanner = await startScanner(win, video, (text) => {
        if (findCodes(text).length === 0) return;
        void addText(text).then(() => {
          if (status) status.textContent = t('teacher:collect.scanned');
        });
      });
      video.hidden = false;
      button.textContent = t('teacher:collect.stopScan');
      button.setAttribute('aria-pressed', 'true');
      if (status) status.textContent = t('teacher:collect.scanning');
    } catch {
      scanner = null;
      if (status) status.textContent = t('teacher:collect.noCamera');
    }
  }

  function stopScan(): void {
    scanner?.stop();
    scanner = null;
    const button = doc.getElementById('kt-scan');
    const video = doc.getElementById('kt-video');
    if (button) {
      button.textContent = t('teacher:collect.scan');
      button.setAttribute('aria-pressed', 'false');
    }
    video?.setAttribute('hidden', '');
  }

  async function readFiles(list: File[]): Promise<void> {
    const texts: string[] = [];
    for (const file of list) {
      try {
        texts.push(await file.text());
      } catch {
        showAlert(t('teacher:collect.fileError', { name: file.name }));
      }
    }
    await addText(texts.join('\n'));
  }

  function addText(text: string): Promise<void> {
    const codes = findCodes(text);
    const result = doc.getElementById('kt-collect-result');
    if (codes.length === 0) {
      if (result) result.textContent = t('teacher:collect.none');
      return queue;
    }
    queue = queue.then(() => ingest(codes, true));
    return queue;
  }

  /** Verifies codes one at a time, repainting as they arrive, then saves the session's codes. */
  async function ingest(codes: readonly string[], report: boolean): Promise<void> {
    if (book === null || saved === null) return;
    const current = book;
    const result = doc.getElementById('kt-collect-result');
    let added = 0;
    let verified = 0;
    let flagged = 0;
    let duplicates = 0;
    const entries: CodeEntry[] = [];
    let painted = win.performance.now();
    for (const [index, code] of codes.entries()) {
      if (book !== current) return;
      const entry = current.add(code);
      if (entry === null) duplicates += 1;
      else {
        added += 1;
        entries.push(entry);
      }
      if (index + 1 < codes.length && win.performance.now() - painted >= PAINT_EVERY_MS) {
        painted = win.performance.now();
        if (result && report) result.textContent = t('teacher:collect.progress', { done: index + 1, total: codes.length });
        renderClass(true);
        await nextFrame(win);
      }
    }
    for (const entry of entries) if (counts(entry)) verified += 1;
    flagged = entries.length - verified;
    renderClass();
    if (report) {
      saved.codes = current.codes().map((entry) => entry.verification.code);
      await store.save(saved);
      renderSaved();
      if (result) result.textContent = t('teacher:collect.added', { added, verified, flagged, duplicates });
    }
  }

  // ------------------------------------------------------------------------------------------------
  // The class table, the figures and every code

  /** The class table, and (unless `tableOnly`, while a batch is still being verified) the figures and the
   * list of every code. */
  function renderClass(tableOnly = false): void {
    if (book === null) return;
    const session = book.session;
    const rows = book.rows();
    const shown = viewRows(rows, view, i18n.language);
    const filter = el(doc, 'input', { id: 'kt-filter', type: 'search', value: view.filter, autocomplete: 'off' });
    filter.addEventListener('input', () => {
      view = { ...view, filter: filter.value };
      renderTable();
    });
    const flaggedOnly = el(doc, 'input', { id: 'kt-flagged-only', type: 'checkbox', checked: view.flaggedOnly });
    flaggedOnly.addEventListener('change', () => {
      view = { ...view, flaggedOnly: flaggedOnly.checked };
      renderTable();
    });
    const exportCsv = el(doc, 'button', { type: 'button', id: 'kt-export', text: t('teacher:table.exportCsv') });
    exportCsv.addEventListener('click', () => {
      if (book === null) return;
      downloadTextFile(doc, csvFileName(session.id), classCsv(book.codes(), (column) => t(`teacher:csv.${column}`)), 'text/csv;charset=utf-8');
    });
    const forget = el(doc, 'button', { type: 'button', id: 'kt-forget', class: 'kt-danger', text: t('teacher:table.forget') });
    forget.addEventListener('click', () => void forgetSession(session.id));
    if (doc.getElementById('kt-table-box') === null) {
      fill(classSection, [
        el(doc, 'h2', { id: 'kt-class-heading', text: t('teacher:table.heading') }),
        el(doc, 'div', { class: 'kt-row' }, [
          el(doc, 'label', { for: 'kt-filter', text: t('teacher:table.filter') }),
          filter,
          el(doc, 'div', { class: 'kt-check' }, [flaggedOnly, el(doc, 'label', { for: 'kt-flagged-only', text: t('teacher:table.flaggedOnly') })]),
        ]),
        el(doc, 'p', { id: 'kt-count', class: 'kt-help' }),
        el(doc, 'div', { id: 'kt-table-box', class: 'kt-table-box' }),
        el(doc, 'div', { class: 'kt-row' }, [exportCsv, forget]),
      ]);
    }
    renderTable(rows, shown);
    if (tableOnly) return;
    renderCharts();
    renderCodes();
  }

  function renderTable(rows = book?.rows() ?? [], shown = viewRows(rows, view, i18n.language)): void {
    const box = doc.getElementById('kt-table-box');
    const count = doc.getElementById('kt-count');
    if (book === null || box === null) return;
    if (count) count.textContent = t('teacher:table.students', { count: rows.length, shown: shown.length });
    const levels = book.session.levels;
    const sortHeader = (key: SortKey, label: string, attrs: Record<string, string> = {}) => {
      const active = view.sort === key;
      const button = el(doc, 'button', { type: 'button', class: 'kt-sort', 'data-kt-sort': key, 'aria-label': t('teacher:table.sortBy', { column: label }) }, [
        label,
        active ? el(doc, 'span', { 'aria-hidden': 'true', text: view.descending ? ' ▼' : ' ▲' }) : null,
      ]);
      button.addEventListener('click', () => {
        view = { ...view, sort: key, descending: view.sort === key ? !view.descending : key !== 'nick' };
        renderTable();
        (doc.querySelector(`[data-kt-sort="${key}"]`) as HTMLButtonElement | null)?.focus();
      });
      return el(doc, 'th', { scope: 'col', 'aria-sort': active ? (view.descending ? 'descending' : 'ascending') : undefined, ...attrs }, [button]);
    };
    const head = el(doc, 'tr', {}, [
      sortHeader('nick', t('teacher:table.nick')),
      ...levels.map((id) => el(doc, 'th', { scope: 'col' }, [el(doc, 'span', { text: title(id) }), el(doc, 'span', { class: 'kt-level-id', text: id })])),
      sortHeader('total', t('teacher:table.total')),
      sortHeader('stars', t('teacher:table.stars')),
      sortHeader('flagged', t('teacher:table.status')),
    ]);
    const body = shown.map((row) => studentRow(row, levels));
    const empty = rows.length === 0 ? t('teacher:table.empty') : shown.length === 0 ? t('teacher:table.noMatch') : null;
    fill(box, [
      el(doc, 'table', { id: 'kt-table', class: 'kt-table' }, [
        el(doc, 'caption', { text: t('teacher:table.caption') }),
        el(doc, 'thead', {}, [head]),
        el(doc, 'tbody', {}, empty === null ? body : [el(doc, 'tr', {}, [el(doc, 'td', { colspan: String(levels.length + 4), text: empty })])]),
      ]),
    ]);
  }

  function studentRow(row: StudentRow, levels: readonly string[]): HTMLTableRowElement {
    const flagged = row.flagged.length > 0;
    return el(doc, 'tr', { class: flagged ? 'kt-flagged' : undefined, 'data-kt-nick': row.nick }, [
      el(doc, 'th', { scope: 'row', text: row.nick }),
      ...levels.map((id) => {
        const cell = row.cells.get(id);
        if (cell === undefined) return el(doc, 'td', { class: 'kt-none', text: t('teacher:table.noCode') });
        const entry = cell.entry;
        const v = entry.verification;
        const ok = entry.flags.length === 0;
        const stars = v.stars ?? v.claimedStars ?? 0;
        const prediction =
          entry.predictionHeld === true ? t('teacher:table.predictionHeld') : entry.predictionHeld === false ? t('teacher:table.predictionMissed') : t('teacher:table.predictionNone');
        return el(doc, 'td', { class: ok ? 'kt-ok' : 'kt-bad', 'data-kt-level': id, 'data-kt-status': ok ? 'verified' : entry.flags[0] }, [
          el(doc, 'span', { class: 'kt-stars', 'aria-hidden': 'true', text: '★'.repeat(stars) + '☆'.repeat(Math.max(0, 3 - stars)) }),
          el(doc, 'span', { class: 'kt-sr-only', text: t('teacher:table.cellStars', { count: stars, max: 3 }) }),
          ' ',
          el(doc, 'span', { class: 'kt-score', text: number(v.replayed ?? v.claimed) }),
          el(doc, 'br'),
          el(doc, 'span', { text: archName(v.arch) }),
          el(doc, 'br'),
          el(doc, 'span', { text: prediction }),
          el(doc, 'br'),
          el(doc, 'span', { class: 'kt-status', text: `${ok ? '✓' : '⚠'} ${ok ? statusText('verified') : entry.flags.map(statusText).join(', ')}` }),
          cell.codes > 1 ? el(doc, 'span', { class: 'kt-help', text: ` · ${t('teacher:table.moreCodes', { count: cell.codes })}` }) : null,
        ]);
      }),
      el(doc, 'td', { class: 'kt-num', text: number(row.total) }),
      el(doc, 'td', { class: 'kt-num', text: String(row.stars) }),
      el(doc, 'td', { class: flagged ? 'kt-bad' : 'kt-ok', text: flagged ? `⚠ ${t('teacher:table.flagged', { reasons: row.flagged.map(flagText).join('; ') })}` : `✓ ${t('teacher:table.ok')}` }),
    ]);
  }

  function renderCharts(): void {
    if (book === null) return;
    const figures = levelFigures(book);
    const group = (id: string, heading: string, items: [string, number][]) => {
      const total = items.reduce((sum, [, n]) => sum + n, 0);
      return el(doc, 'figure', { class: 'kt-chart', 'aria-labelledby': id }, [
        el(doc, 'figcaption', { id, text: heading }),
        total === 0
          ? el(doc, 'p', { class: 'kt-help', text: t('teacher:charts.empty') })
          : el(
              doc,
              'ul',
              {},
              items.map(([label, n]) =>
                el(doc, 'li', {}, [el(doc, 'span', { text: t('teacher:charts.bar', { label, count: n, percent: Math.round((n / total) * 100) }) }), bar(doc, n / total)]),
              ),
            ),
      ]);
    };
    fill(charts, [
      el(doc, 'h2', { id: 'kt-charts-heading', text: t('teacher:charts.heading') }),
      ...figures.map((figure, index) =>
        el(doc, 'section', { class: 'kt-level-figures', 'aria-labelledby': `kt-fig-${index}` }, [
          el(doc, 'h3', { id: `kt-fig-${index}`, text: t('teacher:charts.levelHeading', { title: title(figure.level), id: figure.level }) }),
          el(doc, 'p', { text: figure.winner === null ? t('teacher:charts.noBest') : t('teacher:charts.best', { arch: archName(figure.winner) }) }),
          el(doc, 'div', { class: 'kt-chart-grid' }, [
            group(`kt-fig-${index}-arch`, t('teacher:charts.architectures'), figure.architectures.map(([arch, n]) => [archName(arch), n])),
            group(`kt-fig-${index}-pred`, t('teacher:charts.predictions'), [
              [t('teacher:charts.held'), figure.predictions.held],
              [t('teacher:charts.missed'), figure.predictions.missed],
              [t('teacher:charts.none'), figure.predictions.none],
            ]),
            group(`kt-fig-${index}-loss`, t('teacher:charts.losses'), figure.losses.map(([loss, n]) => [lossText(loss), n])),
            group(`kt-fig-${index}-status`, t('teacher:charts.statuses'), figure.statuses.map(([name, n]) => [statusText(name), n])),
          ]),
        ]),
      ),
    ]);
  }

  function renderCodes(): void {
    if (book === null) return;
    const header = ['index', 'level', 'attempt', 'claimed', 'replayed', 'arch', 'why'];
    fill(codesSection, [
      el(doc, 'h2', { id: 'kt-codes-heading', text: t('teacher:codes.heading') }),
      el(doc, 'div', { class: 'kt-table-box' }, [
        el(doc, 'table', { id: 'kt-codes-table', class: 'kt-table' }, [
          el(doc, 'thead', {}, [
            el(doc, 'tr', {}, [
              el(doc, 'th', { scope: 'col', text: t('teacher:codes.index') }),
              el(doc, 'th', { scope: 'col', text: t('teacher:table.nick') }),
              ...header.slice(1, 3).map((key) => el(doc, 'th', { scope: 'col', text: t(`teacher:codes.${key}`) })),
              el(doc, 'th', { scope: 'col', text: t('teacher:table.status') }),
              ...header.slice(3).map((key) => el(doc, 'th', { scope: 'col', text: t(`teacher:codes.${key}`) })),
            ]),
          ]),
          el(
            doc,
            'tbody',
            {},
            book.codes().map((entry) => {
              const v = entry.verification;
              const ok = entry.flags.length === 0;
              return el(doc, 'tr', { class: ok ? undefined : 'kt-flagged', 'data-kt-code-status': ok ? 'verified' : entry.flags.join(' ') }, [
                el(doc, 'td', { text: String(entry.index + 1) }),
                el(doc, 'td', { text: v.nick ?? '—' }),
                el(doc, 'td', { text: v.level ?? '—' }),
                el(doc, 'td', { text: v.attempt === null ? '—' : String(v.attempt) }),
                el(doc, 'td', { class: ok ? 'kt-ok' : 'kt-bad', text: `${ok ? '✓' : '⚠'} ${ok ? statusText('verified') : entry.flags.map(statusText).join(', ')}` }),
                el(doc, 'td', { class: 'kt-num', text: number(v.claimed) }),
                el(doc, 'td', { class: 'kt-num', text: number(v.replayed) }),
                el(doc, 'td', { text: archName(v.arch) }),
                el(doc, 'td', { text: ok ? '' : entry.flags.map(flagText).join('; ') }),
              ]);
            }),
          ),
        ]),
      ]),
    ]);
  }

  async function forgetSession(id: string): Promise<void> {
    if (!win.confirm(t('teacher:table.forgetConfirm', { id }))) return;
    stopScan();
    await store.forget(id);
    if (saved?.session.id === id) {
      book = null;
      saved = null;
      for (const section of [share, collect, classSection, charts, codesSection]) {
        section.hidden = true;
        section.replaceChildren();
      }
      handout.replaceChildren();
      win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}`);
    }
    renderSaved();
    announce(t('teacher:table.forgotten', { id }));
    (doc.getElementById('kt-make-heading') as HTMLElement | null)?.focus();
  }

  // ------------------------------------------------------------------------------------------------
  // Sessions kept on this device

  function renderSaved(): void {
    void store.list().then((list) => {
      fill(savedSection, [
        el(doc, 'h2', { id: 'kt-saved-heading', text: t('teacher:saved.heading') }),
        list.length === 0
          ? el(doc, 'p', { class: 'kt-help', text: t('teacher:saved.none') })
          : el(
              doc,
              'ul',
              {},
              list.map((entry) => {
                const open = el(doc, 'button', { type: 'button', 'data-kt-open': entry.session.id, text: t('teacher:saved.open', { id: entry.session.id }) });
                open.addEventListener('click', () => void openSession(entry, true));
                return el(doc, 'li', {}, [el(doc, 'span', { text: t('teacher:saved.item', { id: entry.session.id, title: entry.session.title ?? '', count: entry.codes.length }) }), ' ', open]);
              }),
            ),
      ]);
    });
  }

  function renderAll(): void {
    stopScan();
    renderHeader();
    if (!guide.hidden) void showGuide();
    renderMake();
    if (saved !== null) {
      renderShare();
      renderCollect();
      classSection.replaceChildren();
      renderClass();
    }
    renderSaved();
  }

  renderAll();
  make.querySelector('h2')?.setAttribute('tabindex', '-1');

  const ready = (async () => {
    const wanted = /(?:^#|&)session=([0-9A-Z]{8})/.exec(win.location.hash)?.[1];
    if (wanted !== undefined && SESSION_ID_PATTERN.test(wanted)) {
      const found = await store.load(wanted);
      if (found !== null) await openSession(found, false);
    }
  })();

  return { ready, session: () => saved?.session ?? null, addText, translate: (key) => t(key) };
}

function nextFrame(win: Window): Promise<void> {
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}
