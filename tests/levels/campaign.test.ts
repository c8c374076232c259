// Tests of the built-in campaign (src/levels): every level is a valid level@1 file with English and Korean
// text, chapters come in the campaign's order, every level's `expected` architecture is the one the engine
// ranks first (with a margin), every reference build earns stars, and the campaign as a whole teaches what
// design.md asks for, down to the seeds' summary table.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_LEVELS,
  CHAPTER_ORDER,
  builtInLevel,
  builtInLevelIds,
  levelsByChapter,
} from '../../src/levels';
import { bestArchitecture, rankLevel, type Ranking, type RunResult } from '../../src/scoring/rankLevel';
import type { Architecture, Level, LocalizedText, Objective } from '../../src/sim/types';
import { CHAPTERS, OBJECTIVES } from '../../src/sim/types';
import { validateLevel } from '../../src/sim/validateLevel';

/** The expected architecture must beat the next canonical build by this many points of total, so that a
 * small change to the model's numbers does not silently flip a level's answer. */
const MIN_MARGIN = 3;

/** Packets a run may emit at most (sum over instances of io × duration), so ranking stays fast. */
const MAX_PACKETS_PER_RUN = 30_000;

const rankings = new Map<string, Ranking>();
function ranking(level: Level): Ranking {
  let ranked = rankings.get(level.id);
  if (!ranked) {
    ranked = rankLevel(level);
    rankings.set(level.id, ranked);
  }
  return ranked;
}

function canonicalResult(level: Level, arch: Architecture): RunResult | undefined {
  return ranking(level).entries.find((entry) => entry.arch === arch)?.result;
}

function heaviestObjectives(level: Level): Objective[] {
  const weight = (objective: Objective) => level.objectives[objective] ?? 0;
  const top = Math.max(...OBJECTIVES.map(weight));
  return OBJECTIVES.filter((objective) => weight(objective) === top);
}

function hasKorean(text: LocalizedText | undefined): boolean {
  return typeof text?.ko === 'string' && text.ko.trim().length > 0 && /[가-힣]/.test(text.ko);
}

/** An upper bound of the packets one run emits: every app at its largest instance count for the whole run. */
function packetBound(level: Level): number {
  let total = 0;
  for (const app of level.apps) {
    const burstPeak = Math.max(0, ...(level.bursts ?? []).filter((burst) => burst.app === app.id).map((burst) => burst.instances));
    const perInstance = (app.io.disk ?? 0) + (app.io.net ?? 0) + (app.io.syscall ?? 0);
    total += perInstance * Math.max(app.instances, burstPeak) * level.durationSeconds;
  }
  return total;
}

describe('campaign listing', () => {
  it('has at least 18 levels with unique ids', () => {
    expect(CAMPAIGN_LEVELS.length).toBeGreaterThanOrEqual(18);
    const ids = builtInLevelIds();
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists every file of src/levels/campaign, named NN-<id>.json in campaign order', () => {
    const directory = fileURLToPath(new URL('../../src/levels/campaign/', import.meta.url));
    const files = readdirSync(directory)
      .filter((name) => name.endsWith('.json'))
      .sort();
    expect(files).toEqual(
      CAMPAIGN_LEVELS.map((level, index) => `${String(index + 1).padStart(2, '0')}-${level.id}.json`),
    );
  });

  it('finds built-in levels by id', () => {
    for (const level of CAMPAIGN_LEVELS) expect(builtInLevel(level.id)).toBe(level);
    expect(builtInLevel('no-such-level')).toBeUndefined();
  });

  it('plays the chapters in CHAPTER_ORDER, each with at least one level', () => {
    expect([...CHAPTER_ORDER]).toEqual([...CHAPTERS]);
    const indices = CAMPAIGN_LEVELS.map((level) => CHAPTER_ORDER.indexOf(level.chapter ?? ''));
    for (const [position, index] of indices.entries()) {
      expect(index, `${CAMPAIGN_LEVELS[position].id} has an unknown chapter`).toBeGreaterThanOrEqual(0);
      if (position > 0) expect(index, `${CAMPAIGN_LEVELS[position].id} is out of chapter order`).toBeGreaterThanOrEqual(indices[position - 1]);
    }
    const groups = levelsByChapter();
    expect(groups.map((group) => group.chapter)).toEqual([...CHAPTER_ORDER]);
    expect(groups.flatMap((group) => group.levels)).toEqual([...CAMPAIGN_LEVELS]);
  });

  it('opens every chapter with a short tutorial level', () => {
    for (const group of levelsByChapter()) {
      const tutorial = group.levels[0];
      expect(tutorial.apps.length, tutorial.id).toBeLessThanOrEqual(2);
      expect(tutorial.durationSeconds, tutorial.id).toBeGreaterThanOrEqual(20);
      expect(tutorial.durationSeconds, tutorial.id).toBeLessThanOrEqual(30);
      expect(tutorial.hints?.length ?? 0, tutorial.id).toBeGreaterThanOrEqual(1);
    }
  });
});

describe.each(CAMPAIGN_LEVELS.map((level) => [level.id, level] as const))('level %s', (_id, level) => {
  it('passes the level validator with no errors', () => {
    const validated = validateLevel(level);
    expect(validated.ok ? [] : validated.errors).toEqual([]);
  });

  it('has English and Korean text for title, brief, hints, learning goals and teacher notes', () => {
    expect(hasKorean(level.title)).toBe(true);
    expect(hasKorean(level.brief)).toBe(true);
    expect(hasKorean(level.teacherNotes)).toBe(true);
    expect(level.teacherNotes?.en.length ?? 0).toBeGreaterThan(0);
    expect(level.hints?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(level.hints?.length ?? 0).toBeLessThanOrEqual(3);
    expect(level.learningGoals?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(level.learningGoals?.length ?? 0).toBeLessThanOrEqual(2);
    for (const text of [...(level.hints ?? []), ...(level.learningGoals ?? [])]) {
      expect(text.en.length).toBeGreaterThan(0);
      expect(hasKorean(text)).toBe(true);
    }
  });

  it('stays fast to rank', () => {
    expect(packetBound(level)).toBeLessThan(MAX_PACKETS_PER_RUN);
    expect(level.durationSeconds).toBeGreaterThanOrEqual(20);
    expect(level.durationSeconds).toBeLessThanOrEqual(60);
  });

  it('ranks its expected architecture first among the canonical builds, by a margin', () => {
    const ranked = ranking(level);
    expect(level.expected).toBeDefined();
    expect(bestArchitecture(ranked)).toBe(level.expected);
    const canonical = ranked.entries.filter((entry) => entry.arch !== 'reference');
    if (canonical.length > 1) {
      const [winner, runnerUp] = canonical;
      expect(winner.result.score.total - runnerUp.result.score.total).toBeGreaterThanOrEqual(MIN_MARGIN);
    }
  });

  it('never makes a canonical build infeasible through its palette', () => {
    for (const entry of ranking(level).entries) expect(entry.result.reasons).not.toContain('palette-exceeded');
  });

  it('has a feasible reference build that earns stars', () => {
    const reference = ranking(level).entries.find((entry) => entry.arch === 'reference');
    expect(reference).toBeDefined();
    expect(reference?.result.feasible).toBe(true);
    expect(reference?.result.score.stars ?? 0).toBeGreaterThanOrEqual(1);
  });
});

describe('what the campaign teaches', () => {
  it('has a hostile scaling level whose answer is not containers', () => {
    const found = CAMPAIGN_LEVELS.filter(
      (level) =>
        level.chapter === 'scale' &&
        (level.objectives.scale ?? 0) > 0 &&
        level.apps.some((app) => app.trust === 'untrusted') &&
        (level.threats ?? []).some((threat) => threat.kind === 'kernel-exploit') &&
        level.expected !== undefined &&
        level.expected !== 'container',
    );
    expect(found.map((level) => level.id)).not.toEqual([]);
  });

  it('has a speed level with a Windows app on a Linux host that stays', () => {
    const found = CAMPAIGN_LEVELS.filter(
      (level) =>
        level.hostKernel === 'linux' &&
        level.apps.some((app) => app.kernel === 'windows') &&
        heaviestObjectives(level).length === 1 &&
        heaviestObjectives(level)[0] === 'speed',
    );
    expect(found.map((level) => level.id)).not.toEqual([]);
  });

  it('uses every threat kind and every architecture somewhere', () => {
    const threats = new Set(CAMPAIGN_LEVELS.flatMap((level) => (level.threats ?? []).map((threat) => threat.kind)));
    expect([...threats].sort()).toEqual(['container-escape', 'host-compromise', 'kernel-exploit', 'snoop', 'vm-escape']);
    const expected = new Set(CAMPAIGN_LEVELS.map((level) => level.expected));
    expect([...expected].sort()).toEqual(['container', 'container-in-vm', 'native', 'type1-full', 'type1-para', 'type2']);
  });

  it('earns the seeds’ summary table: security Type-1 > Type-2 >> containers', () => {
    const earned = CAMPAIGN_LEVELS.some((level) => {
      const type1 = canonicalResult(level, 'type1-para');
      const type2 = canonicalResult(level, 'type2');
      const container = canonicalResult(level, 'container');
      if (!type1?.feasible || !type2?.feasible || !container?.feasible) return false;
      return type1.score.security > type2.score.security && type2.score.security > container.score.security;
    });
    expect(earned).toBe(true);
  });

  it('earns the seeds’ summary table: performance Type-1 ≈ containers >> Type-2', () => {
    const earned = CAMPAIGN_LEVELS.some((level) => {
      if (level.threats?.length) return false;
      const type1 = canonicalResult(level, 'type1-para');
      const type2 = canonicalResult(level, 'type2');
      const container = canonicalResult(level, 'container');
      if (!type1?.feasible || !type2?.feasible || !container?.feasible) return false;
      // Both fast (para-virtual Type-1 within 10 points of containers), Type-2 slow (20 or more below both).
      return container.score.speed - type1.score.speed <= 10 && type1.score.speed - type2.score.speed >= 20;
    });
    expect(earned).toBe(true);
  });

  it('earns the seeds’ summary table: scalability containers >> Type-1 ≥ Type-2', () => {
    const earned = CAMPAIGN_LEVELS.some((level) => {
      const type1 = canonicalResult(level, 'type1-para');
      const type2 = canonicalResult(level, 'type2');
      const container = canonicalResult(level, 'container');
      if (!type1?.feasible || !type2?.feasible || !container?.feasible || !level.bursts?.length) return false;
      // Type-1 and Type-2 VMs boot the same guest in the same time (kc-model-3): Type-1 ≥ Type-2.
      return container.score.scale > type1.score.scale && type1.score.scale >= type2.score.scale;
    });
    expect(earned).toBe(true);
  });
});
