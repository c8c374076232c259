// The teacher's page without a browser: making a session (levels, order, fields → a session the student's
// game accepts), the class book (verification, flags and their reasons, rows, sorting and filtering, the
// per-level figures), the CSV export read back by a CSV parser, what IndexedDB gives back, the QR code
// decoded by an independent decoder, and which addresses open the teacher's page.
import jsQR from 'jsqr';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isTeacherPage } from '../../src/app/teacherLink';
import { decodeSession, joinLink, sessionFromFragment, SESSION_FORMAT, type Session } from '../../src/classroom/index';
import { CAMPAIGN_LEVELS } from '../../src/levels/index';
import { rankLevel } from '../../src/scoring/rankLevel';
import { ClassBook, levelFigures, viewRows } from '../../src/teacher/classModel';
import { BOM, classCsv, CSV_COLUMNS } from '../../src/teacher/csv';
import { qrPath } from '../../src/teacher/qr';
import { addLevels, chapterIds, chapterLevels, draftToSession, moveLevel, newDraft, removeLevel } from '../../src/teacher/sessionDraft';
import { readSaved } from '../../src/teacher/store';
import { editedCode, studentCode } from './studentCodes';

const SESSION: Session = {
  format: SESSION_FORMAT,
  id: '7K3M9QX2',
  title: 'OS class 3-B',
  levels: ['first-delivery', 'hostile-neighbour'],
  locale: 'ko',
  seed: 1234,
  hints: true,
  predict: true,
  race: true,
  minutes: 40,
};

describe('making a session', () => {
  it('chapter presets hold the chapter levels in campaign order, and every level is in one chapter', () => {
    const all = chapterIds().flatMap((chapter) => chapterLevels(chapter));
    expect(all.sort()).toEqual(CAMPAIGN_LEVELS.map((level) => level.id).sort());
    const first = chapterLevels(chapterIds()[0] as string);
    const order = CAMPAIGN_LEVELS.map((level) => level.id);
    expect(first.map((id) => order.indexOf(id))).toEqual([...first.map((id) => order.indexOf(id))].sort((a, b) => a - b));
  });

  it('adds levels once, at most 30, moves them by one place at a time and removes them', () => {
    const ids = CAMPAIGN_LEVELS.map((level) => level.id);
    expect(addLevels(['a'], ['b', 'a', 'c'])).toEqual(['a', 'b', 'c']);
    expect(addLevels([], [...ids, ...ids.map((id) => `${id}-x`)])).toHaveLength(30);
    expect(moveLevel(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveLevel(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveLevel(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveLevel(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(removeLevel(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('a draft becomes a session whose join link the student game reads back field for field', () => {
    const draft = { ...newDraft(987654), title: '  OS 3-B, 김민지 반  ', levels: ['three-walls', 'first-delivery'], locale: 'ko', hints: false, minutes: 45 };
    const made = draftToSession(draft, '7K3M9QX2');
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.session).toEqual({
      format: SESSION_FORMAT,
      id: '7K3M9QX2',
      title: 'OS 3-B, 김민지 반',
      levels: ['three-walls', 'first-delivery'],
      locale: 'ko',
      seed: 987654,
      hints: false,
      predict: true,
      race: true,
      minutes: 45,
    });
    const link = joinLink('https://school.example/kc/', made.session);
    expect(link.startsWith('https://school.example/kc/?mode=classroom#join=')).toBe(true);
    const back = sessionFromFragment(new URL(link).hash);
    expect(back).toEqual({ ok: true, session: made.session });
  });

  it('a random seed is shown and used; no countdown and "each student\'s language" leave the fields out', () => {
    const a = newDraft();
    const b = newDraft();
    expect(Number.isInteger(a.seed) && a.seed >= 0).toBe(true);
    expect(a.seed === b.seed && newDraft().seed === a.seed).toBe(false);
    const made = draftToSession({ ...a, minutes: 0, locale: '', title: '' }, 'ABCDEFGH');
    expect(made.ok && made.session.seed).toBe(a.seed);
    expect(made.ok && 'minutes' in made.session).toBe(false);
    expect(made.ok && 'locale' in made.session).toBe(false);
    expect(made.ok && 'title' in made.session).toBe(false);
  });

  it('refuses what the student game would refuse, with a reason for the form', () => {
    const draft = newDraft(5);
    expect(draftToSession({ ...draft, levels: [] })).toEqual({ ok: false, problem: 'no-levels' });
    expect(draftToSession({ ...draft, title: 'x'.repeat(81) })).toEqual({ ok: false, problem: 'title-too-long' });
    expect(draftToSession({ ...draft, title: '가'.repeat(80) }).ok).toBe(true);
    expect(draftToSession({ ...draft, seed: Number.NaN })).toEqual({ ok: false, problem: 'bad-seed' });
    expect(draftToSession({ ...draft, seed: -1 })).toEqual({ ok: false, problem: 'bad-seed' });
    expect(draftToSession({ ...draft, minutes: 1.5 })).toEqual({ ok: false, problem: 'bad-minutes' });
    expect(draftToSession({ ...draft, minutes: 1441 })).toEqual({ ok: false, problem: 'bad-minutes' });
    expect(draftToSession({ ...draft, levels: ['no-such-level'] })).toEqual({ ok: false, problem: 'invalid' });
    expect(draftToSession({ ...draft, title: 'bell\u0007' })).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('the class book', () => {
  const mina = studentCode({ session: SESSION.id, nick: '민아', level: 'first-delivery', seed: 1234, build: 'reference', prediction: 'native' });
  const joon = studentCode({ session: SESSION.id, nick: 'joon', level: 'first-delivery', seed: 1234, build: 'container', prediction: 'type1-para' });
  const joon2 = studentCode({ session: SESSION.id, nick: 'joon', level: 'hostile-neighbour', seed: 1234, build: 'type1-para', prediction: null });

  it('verifies real codes, skips a code pasted twice and fills one row per student', () => {
    const book = new ClassBook(SESSION);
    expect(book.add(mina.code)?.verification.status).toBe('verified');
    expect(book.add(` ${mina.code}\n`)).toBeNull();
    book.add(joon.code);
    book.add(joon2.code);
    const rows = book.rows();
    expect(rows.map((row) => row.nick).sort()).toEqual(['joon', '민아']);
    const joonRow = rows.find((row) => row.nick === 'joon');
    expect(joonRow?.cells.size).toBe(2);
    expect(joonRow?.flagged).toEqual([]);
    expect(joonRow?.total).toBeCloseTo(joon.score + studentCode({ session: SESSION.id, nick: 'joon', level: 'hostile-neighbour', seed: 1234, build: 'type1-para' }).score, 1);
    expect(joonRow?.cells.get('first-delivery')?.entry.verification.arch).toBe(joon.arch);
  });

  it('judges predictions against the engine ranking on the session seed', () => {
    const level = CAMPAIGN_LEVELS.find((entry) => entry.id === 'first-delivery');
    const winner = rankLevel(level!, 1234).entries.find((entry) => entry.arch !== 'reference' && entry.result.feasible)?.arch;
    const book = new ClassBook(SESSION);
    const entry = book.add(mina.code);
    expect(entry?.winner).toBe(winner);
    expect(entry?.predictionHeld).toBe(winner === 'native');
    const none = book.add(studentCode({ session: SESSION.id, nick: 'x', level: 'first-delivery', seed: 1234, build: 'native', prediction: null }).code);
    expect(none?.predictionHeld).toBeNull();
  });

  it('flags an edited code, a broken one, another session and a nickname two builds claim, each with its reason', () => {
    const book = new ClassBook(SESSION);
    book.add(mina.code);
    const edited = book.add(editedCode(joon.code));
    expect(edited?.verification.status).toBe('mismatch');
    expect(edited?.flags).toEqual(['mismatch']);
    const broken = book.add(`${mina.code.slice(0, 30)}Q${mina.code.slice(31)}`);
    expect(broken?.flags).toEqual(['unreadable']);
    const other = book.add(studentCode({ session: 'ZZZZZZZZ', nick: 'eve', level: 'first-delivery', seed: 1234, build: 'native' }).code);
    expect(other?.flags).toEqual(['other-session']);
    // A second "민아" with another build for the same level and attempt: both codes are flagged.
    const twin = book.add(studentCode({ session: SESSION.id, nick: '민아', level: 'first-delivery', seed: 1234, build: 'container' }).code);
    expect(twin?.flags).toEqual(['nick-reused']);
    expect(book.codes()[0]?.flags).toEqual(['nick-reused']);
    // An edited copy of a student's own code is flagged as edited, and does not make the real one suspect.
    const copy = new ClassBook(SESSION);
    copy.add(mina.code);
    expect(copy.add(editedCode(mina.code))?.flags).toEqual(['mismatch']);
    expect(copy.codes()[0]?.flags).toEqual([]);
    // Another attempt by the same student is not a reused nickname.
    const again = book.add(studentCode({ session: SESSION.id, nick: 'joon', level: 'first-delivery', seed: 1234, build: 'native', attempt: 2 }).code);
    expect(again?.flags).toEqual([]);
    const rows = book.rows();
    expect(rows.find((row) => row.nick === '민아')?.flagged).toEqual(['nick-reused']);
    expect(rows.find((row) => row.nick === 'eve')?.flagged).toEqual(['other-session']);
    // joon's cell shows the verified attempt, not the edited one; the row still says it had an edited code.
    const joonRow = rows.find((row) => row.nick === 'joon');
    expect(joonRow?.cells.get('first-delivery')?.entry.flags).toEqual([]);
    expect(joonRow?.cells.get('first-delivery')?.codes).toBe(2);
    expect(joonRow?.flagged).toEqual(['mismatch']);
    expect(rows.some((row) => row.nick === '')).toBe(false);
  });

  it('sorts by nickname, total, stars or flags, and filters by nickname and by flags', () => {
    const book = new ClassBook(SESSION);
    book.add(mina.code);
    book.add(joon.code);
    book.add(joon2.code);
    book.add(editedCode(studentCode({ session: SESSION.id, nick: 'Ari', level: 'first-delivery', seed: 1234, build: 'native' }).code));
    const rows = book.rows();
    const names = (view: Parameters<typeof viewRows>[1]) => viewRows(rows, view, 'en').map((row) => row.nick);
    const base = { sort: 'nick' as const, descending: false, filter: '', flaggedOnly: false };
    expect(names(base)).toEqual(['Ari', 'joon', '민아']);
    expect(names({ ...base, descending: true })).toEqual(['민아', 'joon', 'Ari']);
    const totals = viewRows(rows, { ...base, sort: 'total', descending: true }, 'en').map((row) => row.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(new Set(totals).size).toBe(3);
    expect(names({ ...base, sort: 'total' })).toEqual([...names({ ...base, sort: 'total', descending: true })].reverse());
    // Ari's only code is edited: nothing counts, so the lowest total and the fewest stars.
    expect(names({ ...base, sort: 'total' })[0]).toBe('Ari');
    expect(names({ ...base, sort: 'stars' })[0]).toBe('Ari');
    expect(names({ ...base, sort: 'flagged', descending: true })[0]).toBe('Ari');
    expect(names({ ...base, filter: 'JO' })).toEqual(['joon']);
    expect(names({ ...base, filter: '민' })).toEqual(['민아']);
    expect(names({ ...base, flaggedOnly: true })).toEqual(['Ari']);
  });

  it('per level: the architectures chosen, predictions against the best, where points were lost, codes by status', () => {
    const book = new ClassBook(SESSION);
    book.add(mina.code);
    book.add(joon.code);
    book.add(editedCode(studentCode({ session: SESSION.id, nick: 'Ari', level: 'first-delivery', seed: 1234, build: 'native' }).code));
    const [first, second] = levelFigures(book);
    expect(first?.level).toBe('first-delivery');
    const counted = [mina, joon];
    expect(first?.architectures.reduce((sum, [, n]) => sum + n, 0)).toBe(2);
    for (const made of counted) expect(first?.architectures.some(([arch]) => arch === made.arch)).toBe(true);
    expect((first?.predictions.held ?? 0) + (first?.predictions.missed ?? 0) + (first?.predictions.none ?? 0)).toBe(2);
    expect(first?.statuses).toEqual([
      ['verified', 2],
      ['mismatch', 1],
    ]);
    // A chosen architecture other than the best lost points somewhere, and only those are counted.
    const losers = counted.filter((made) => made.arch !== first?.winner).length;
    expect(first?.losses.reduce((sum, [, n]) => sum + n, 0)).toBe(losers);
    for (const [loss] of first?.losses ?? []) expect(loss).toMatch(/^(objective:(security|speed|scale)|rule:[a-z-]+:[a-z0-9-]+)$/);
    expect(second?.architectures).toEqual([]);
    expect(second?.winner).not.toBeNull();
  });
});

describe('CSV export', () => {
  it('is RFC 4180 with a BOM, one line per code, Korean and awkward nicknames intact, formulas defused', () => {
    const book = new ClassBook(SESSION);
    const awkward = studentCode({ session: SESSION.id, nick: 'Kim, "Min" 민지', level: 'first-delivery', seed: 1234, build: 'native' });
    const formula = studentCode({ session: SESSION.id, nick: '=1+1', level: 'first-delivery', seed: 1234, build: 'container' });
    book.add(awkward.code);
    book.add(formula.code);
    book.add(editedCode(joonCode()));
    const csv = classCsv(book.codes(), (column) => `h-${column}`);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toHaveLength(4);
    expect(csv).toContain('"Kim, ""Min"" 민지"');
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(CSV_COLUMNS.map((column) => `h-${column}`));
    const column = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    expect(parsed.data[1]?.[column('nick')]).toBe('Kim, "Min" 민지');
    expect(parsed.data[1]?.[column('status')]).toBe('verified');
    expect(parsed.data[1]?.[column('replayed')]).toBe(String(awkward.score));
    expect(parsed.data[1]?.[column('code')]).toBe(awkward.code);
    expect(parsed.data[2]?.[column('nick')]).toBe("'=1+1");
    expect(parsed.data[3]?.[column('status')]).toBe('mismatch');
    expect(parsed.data[3]?.[column('flags')]).toBe('mismatch');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

function joonCode(): string {
  return studentCode({ session: SESSION.id, nick: 'joon', level: 'first-delivery', seed: 1234, build: 'container' }).code;
}

describe('what IndexedDB gives back', () => {
  it('keeps a valid session and its codes, drops anything else', () => {
    const code = joonCode();
    expect(readSaved({ session: SESSION, codes: [code, 'not a code', 42, `${code} trailing`], created: 5 })).toEqual({ session: SESSION, codes: [code], created: 5 });
    expect(readSaved({ session: { ...SESSION, levels: ['nope'] }, codes: [] })).toBeNull();
    expect(readSaved(null)).toBeNull();
    expect(readSaved('x')).toBeNull();
    expect(readSaved({ session: SESSION })).toEqual({ session: SESSION, codes: [], created: 0 });
  });
});

describe('the QR code of the join link', () => {
  it('decodes back to the join link with an independent decoder', () => {
    const link = joinLink('http://127.0.0.1:4173/', SESSION);
    expect(decodeSession(new URL(link).hash.slice('#join='.length)).ok).toBe(true);
    const { path, size } = qrPath(link);
    const scale = 6;
    const side = size * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    for (const match of path.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      const [x, y, w] = [Number(match[1]), Number(match[2]), Number(match[3])];
      for (let py = y * scale; py < (y + 1) * scale; py += 1) {
        for (let px = x * scale; px < (x + w) * scale; px += 1) pixels.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
      }
    }
    expect(jsQR(pixels, side, side)?.data).toBe(link);
  });
});

describe('which address opens the teacher page', () => {
  it('is ?mode=classroom without a join link', () => {
    expect(isTeacherPage('http://h/kc/?mode=classroom')).toBe(true);
    expect(isTeacherPage('http://h/kc/?locale=ko&mode=classroom#session=7K3M9QX2')).toBe(true);
    expect(isTeacherPage('http://h/kc/?mode=classroom#join=abc')).toBe(false);
    expect(isTeacherPage('http://h/kc/?mode=classroom#x=1&join=abc')).toBe(false);
    expect(isTeacherPage('http://h/kc/?mode=campaign')).toBe(false);
    expect(isTeacherPage('http://h/kc/')).toBe(false);
    expect(isTeacherPage('not a url')).toBe(false);
  });
});
