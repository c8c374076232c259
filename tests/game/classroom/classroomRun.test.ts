// What a finished run adds in a class session: a result code that the verifier replays to `verified` on
// the session's seed, with the nickname, attempt and prediction; the prediction's verdict; nothing at all
// outside sessions without a prediction. And when a prediction is asked: once per level, in a session with
// `predict`, or outside sessions only with the setting on.
import { afterEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../src/app/storage';
import { SessionStateStore } from '../../../src/app/sessionStore';
import { decodeResultCode } from '../../../src/classroom/resultCode';
import { sessionSettings } from '../../../src/classroom/session';
import { CodeVerifier } from '../../../src/classroom/verify';
import { classroomOutcome, shownScore } from '../../../src/game/classroom/classroomRun';
import { predictionWanted, recordPrediction, resetClassroomRuntime, setActiveSession } from '../../../src/game/classroom/classroomRuntime';
import { sessionHints, sessionNextLevel, sessionSeed } from '../../../src/game/classroom/sessionHooks';
import { rankLevel, runBuild, withStars } from '../../../src/scoring/rankLevel';
import { builtInLevel } from '../../../src/levels';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';

const LEVEL = builtInLevel('hostile-neighbour')!;
const SEED = 1234;

function join(options: { predict?: boolean; hints?: boolean } = {}): SessionStateStore {
  const settings = sessionSettings({ format: 'kernel-courier/session@1', id: '7K3M9QX2', levels: ['first-delivery', 'hostile-neighbour'], seed: SEED, ...options });
  const store = new SessionStateStore(memoryStorage(), settings.id);
  store.setNick('민아');
  setActiveSession({ settings, store, startedAt: store.get().startedAt });
  return store;
}

function finished(arch: 'container' | 'type1-para') {
  const build = canonicalBuild(LEVEL, arch);
  const result = withStars(LEVEL, runBuild(LEVEL, build, SEED), rankLevel(LEVEL, SEED));
  return { build, result };
}

afterEach(() => resetClassroomRuntime());

describe('classroomOutcome', () => {
  it('in a session: a code the verifier replays to verified, kept in "my codes", with the prediction’s verdict', () => {
    const store = join();
    recordPrediction(LEVEL.id, 'container');
    const { build, result } = finished('type1-para');
    const outcome = classroomOutcome(LEVEL, build, result, SEED)!;
    expect(outcome.code).toMatch(/^KC1-/);
    expect(outcome.attempt).toBe(1);
    expect(outcome.score).toBe(shownScore(result.score.total));
    const decoded = decodeResultCode(outcome.code);
    expect(decoded.ok && decoded.value).toMatchObject({ session: '7K3M9QX2', nick: '민아', level: LEVEL.id, seed: SEED, attempt: 1, prediction: 'container', stars: result.score.stars });
    expect(new CodeVerifier().verify(outcome.code).status).toBe('verified');
    // The container prediction misses on a level with a kernel exploit: the verdict says so.
    expect(outcome.verdict).toMatchObject({ outcome: 'missed', held: false, prediction: 'container' });
    expect(store.get().codes.map((code) => code.code)).toEqual([outcome.code]);
    // The next run of the level is attempt 2.
    expect(classroomOutcome(LEVEL, build, result, SEED)!.attempt).toBe(2);
  });

  it('"I don\'t know" is a null prediction in the code', () => {
    join();
    recordPrediction(LEVEL.id, null);
    const { build, result } = finished('type1-para');
    const outcome = classroomOutcome(LEVEL, build, result, SEED)!;
    const decoded = decodeResultCode(outcome.code);
    expect(decoded.ok && decoded.value.prediction).toBeNull();
    expect(outcome.verdict?.outcome).toBe('none');
  });

  it('outside a session: a verdict when a prediction was made, nothing otherwise; never a code', () => {
    const { build, result } = finished('container');
    expect(classroomOutcome(LEVEL, build, result, SEED)).toBeNull();
    recordPrediction(LEVEL.id, 'type1-para');
    const outcome = classroomOutcome(LEVEL, build, result, SEED)!;
    expect(outcome.code).toBeUndefined();
    expect(outcome.verdict?.prediction).toBe('type1-para');
  });
});

describe('session rules for Play', () => {
  it('asks for a prediction once per level: in a session with predict, outside only with the setting', () => {
    expect(predictionWanted(LEVEL.id, false)).toBe(false);
    expect(predictionWanted(LEVEL.id, true)).toBe(true);
    join();
    expect(predictionWanted(LEVEL.id, false)).toBe(true);
    recordPrediction(LEVEL.id, 'native');
    expect(predictionWanted(LEVEL.id, false)).toBe(false);
    // A level outside the session follows the setting.
    expect(predictionWanted('three-walls', false)).toBe(false);
    resetClassroomRuntime();
    join({ predict: false });
    expect(predictionWanted(LEVEL.id, true)).toBe(false);
  });

  it('the session’s seed, hints and order apply to its levels only', () => {
    join({ hints: false });
    expect(sessionSeed(LEVEL.id)).toBe(SEED);
    expect(sessionSeed('three-walls')).toBeUndefined();
    expect(sessionHints(LEVEL.id)).toBe(false);
    expect(sessionHints('three-walls')).toBe(true);
    expect(sessionNextLevel('first-delivery')).toEqual({ id: 'hostile-neighbour', unlocked: true });
    expect(sessionNextLevel('hostile-neighbour')).toBeNull();
    expect(sessionNextLevel('three-walls')).toBeUndefined();
  });
});
