// A cmi5 launch in a real browser against a statement-recording LRS on 127.0.0.1 (issue 14 item 4): the
// game fetches its token once, sends initialized, passed/failed and completed after the launch's level, and
// terminated when the page goes away, in that order, with the cmi5 context template; one POST answered
// 503 is retried with the same statement (no loss, no duplicate). Every statement is xAPI-valid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { statementProblems } from '../lms/xapiValidator';
import { launchBrowser, openGame } from './browser';
import { startLrs } from './lrsServer';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Api = { kernelCourier: { openDebrief(id: string, options?: object): Promise<void> } };
type Stmt = { id: string; verb: { id: string }; object: { id: string }; result?: { score?: { scaled: number }; success?: boolean }; context: { registration?: string; contextActivities?: { grouping?: { id: string }[]; category?: { id: string }[] }; extensions?: Record<string, unknown> } };

const REGISTRATION = '9d3c2b1a-0f6e-4d5c-8b7a-6e5d4c3b2a19';
const ACTIVITY = 'https://lms.example/course/1/au/first-delivery';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

describe('cmi5 launch', () => {
  it('fetches the token once and sends the cmi5 statements in order to the LRS, retrying a 503 without loss or duplicates', async () => {
    const lrs = await startLrs({
      contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://lms.example/course/1' }] }, extensions: { [SESSION]: 'session-42' } },
      launchMode: 'Normal',
      moveOn: 'CompletedOrPassed',
      masteryScore: 0.5,
    });
    const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-7' } };
    const query = new URLSearchParams({ locale: 'en', level: 'first-delivery', endpoint: lrs.endpoint, fetch: lrs.fetchUrl, actor: JSON.stringify(actor), registration: REGISTRATION, activityId: ACTIVITY });
    // The first statement after initialized fails once with 503.
    let initializedSeen = false;
    lrs.failNext((statement) => {
      const verb = String((statement.verb as { id: string }).id);
      if (verb.endsWith('/initialized')) initializedSeen = true;
      return !verb.endsWith('/initialized') && initializedSeen;
    });
    const { page, context, problems } = await openGame(browser, query.toString());
    const verbs = () => [...lrs.stored.values()].map((statement) => String((statement.verb as { id: string }).id).split('/').pop());
    const until = async (check: () => boolean, what: string) => {
      for (let waited = 0; waited < 20_000 && !check(); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      if (!check()) throw new Error(`LRS never received ${what}; it has ${JSON.stringify(verbs())}`);
    };
    await until(() => verbs().includes('initialized'), 'initialized');
    await page.evaluate(() => (window as unknown as Api).kernelCourier.openDebrief('first-delivery'));
    const total = await page.evaluate(() => (window.kernelCourier?.lastResult() as { score: { total: number } }).score.total);
    await until(() => verbs().includes('completed'), 'completed');
    await page.goto('about:blank');
    await until(() => verbs().includes('terminated'), 'terminated');

    const passed = total / 100 >= 0.5;
    expect(verbs()).toEqual(['initialized', passed ? 'passed' : 'failed', 'completed', 'terminated']);
    expect(lrs.fetchCount()).toBe(1);
    // The 503: that statement came again with the same id, and every id is stored once with one content.
    const refused = lrs.posts.filter((post) => post.status === 503);
    expect(refused).toHaveLength(1);
    const retriedId = String(refused[0].statements[0].id);
    expect(lrs.stored.has(retriedId)).toBe(true);
    expect(lrs.conflicts).toEqual([]);
    expect(lrs.stored.size).toBe(4);
    for (const statement of lrs.stored.values() as IterableIterator<Stmt>) {
      expect(statementProblems(statement)).toEqual([]);
      expect(statement.object.id).toBe(ACTIVITY);
      expect(statement.context.registration).toBe(REGISTRATION);
      expect(statement.context.contextActivities?.grouping?.[0].id).toBe('https://lms.example/course/1');
      expect(statement.context.extensions?.[SESSION]).toBe('session-42');
      expect(statement.context.contextActivities?.category?.map((entry) => entry.id)).toContain('https://w3id.org/xapi/cmi5/context/categories/cmi5');
    }
    const judged = [...lrs.stored.values()][1] as Stmt;
    expect(judged.result?.score?.scaled).toBeCloseTo(total / 100, 3);
    expect(judged.result?.success).toBe(passed);
    // Requests to the LRS are the only ones that leave the game's server; the only console errors are
    // Chromium's own lines for the LRS's two refusals (no learner-preferences profile: 404; the 503).
    expect(problems.filter((problem) => !problem.startsWith(`outside request: ${lrs.origin}/`)).sort()).toEqual([
      'console error: Failed to load resource: the server responded with a status of 404 (Not Found)',
      'console error: Failed to load resource: the server responded with a status of 503 (Service Unavailable)',
    ]);
    await context.close();
    await lrs.close();
  });
});
