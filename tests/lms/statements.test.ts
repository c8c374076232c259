import { describe, expect, it } from 'vitest';
import { ACTIVITY_BASE, anonymousActor, levelActivityId, levelResult, makeStatement, MODEL_VERSION_EXTENSION, VERBS, type StatementContext } from '../../src/lms/statements';
import { MODEL_VERSION } from '../../src/sim/costs';
import { statementProblems } from './xapiValidator';

let counter = 0;
const base: StatementContext = {
  actor: anonymousActor('0f6b1c52-9a77-4a0e-8d0e-3c3f51a0d9e1'),
  activityId: null,
  levelIds: ['first-delivery', 'venom'],
  newId: () => `6f1c0d2e-3b4a-4c5d-8e9f-${String(++counter).padStart(12, '0')}`,
  now: () => new Date('2026-12-05T18:00:00Z'),
};

describe('xAPI statements', () => {
  it('every verb makes a statement the xAPI validator accepts, with ADL verb ids and the model version', () => {
    for (const verb of Object.keys(VERBS) as (keyof typeof VERBS)[]) {
      const level = ['attempted', 'completed', 'passed', 'failed'].includes(verb) ? 'venom' : undefined;
      const result = verb === 'completed' || verb === 'passed' ? levelResult(72.456, 2, 'PT1M3.5S') : verb === 'failed' ? levelResult(12, 0, 'PT4S') : undefined;
      const statement = makeStatement(base, { verb, levelId: level, result });
      expect(statementProblems(statement)).toEqual([]);
      expect((statement.verb as { id: string }).id).toBe(`http://adlnet.gov/expapi/verbs/${verb}`);
      expect((statement.context as { extensions: Record<string, string> }).extensions[MODEL_VERSION_EXTENSION]).toBe(MODEL_VERSION);
      expect((statement.object as { id: string }).id).toBe(level ? `${ACTIVITY_BASE}/levels/venom` : `${ACTIVITY_BASE}/game`);
    }
    const completed = makeStatement(base, { verb: 'completed', levelId: 'venom', result: levelResult(72.456, 2, 'PT1M3.5S') });
    expect(completed.result).toEqual({ score: { scaled: 0.7246, raw: 72.46, min: 0, max: 100 }, success: true, completion: true, duration: 'PT1M3.5S' });
    expect(levelResult(30, 0, 'PT1S').success).toBe(false);
  });

  it('ids are made once per statement and never reused', () => {
    const ids = new Set(Array.from({ length: 20 }, () => makeStatement(base, { verb: 'attempted', levelId: 'venom' }).id));
    expect(ids.size).toBe(20);
  });

  it('a given activity id replaces the default: the level itself for a one-level launch, below it otherwise', () => {
    expect(levelActivityId({ activityId: 'https://lms.example/au/7', levelIds: ['venom'] }, 'venom')).toBe('https://lms.example/au/7');
    expect(levelActivityId({ activityId: 'https://lms.example/au/7/', levelIds: ['venom', 'first-delivery'] }, 'venom')).toBe('https://lms.example/au/7/levels/venom');
    const statement = makeStatement({ ...base, activityId: 'https://lms.example/au/7', registration: '9d3c2b1a-0f6e-4d5c-8b7a-6e5d4c3b2a19' }, { verb: 'attempted', levelId: 'venom' });
    expect(statementProblems(statement)).toEqual([]);
    expect((statement.context as { registration: string; contextActivities: { parent: { id: string }[] } }).contextActivities.parent[0].id).toBe('https://lms.example/au/7');
  });

  it('the validator catches a broken statement (so the checks above can fail)', () => {
    const statement = makeStatement(base, { verb: 'completed', levelId: 'venom', result: { score: { scaled: 7 } } });
    expect(statementProblems(statement)).not.toEqual([]);
    expect(statementProblems({ ...statement, verb: { id: 'completed' } })).not.toEqual([]);
  });
});
