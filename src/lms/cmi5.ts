// A cmi5 launch (contracts.md §7): the @xapi/cmi5 client fetches the auth token once, reads the launch
// data, and makes the cmi5-defined statements (initialized, passed/failed, completed, terminated) with the
// LMS's context template. Every statement the client makes passes through one queue here: sent in order,
// one at a time, and a failed POST (network error, 5xx, 429) is retried with the same statement — its id
// was made once by the client — so nothing is lost or duplicated. On page unload whatever is not yet
// acknowledged goes out in one keepalive request (the same ids again; an LRS ignores a statement it has).
import type Cmi5 from '@xapi/cmi5';
import type { Cmi5Launch } from './launch';
import type { PackageScore } from './packageScore';
import type { Statement } from './statements';

export interface Cmi5Options {
  /** Called with every statement the client makes, before it is sent. */
  onStatement?: (statement: Statement) => void;
  /** Waits between retries of one POST, in ms (default 0.5 s, 1 s, 2 s, 4 s, 8 s, then 8 s). */
  retryDelaysMs?: readonly number[];
  /** How many times one statement is tried before it is given up on (default 12). */
  maxTries?: number;
  /** Loads the client (tests may pass their own). */
  load?: () => Promise<{ default: typeof Cmi5 }>;
  fetch?: typeof fetch;
}

interface Pending {
  statement: Statement;
  acknowledged: boolean;
}

type SendFn = (statement: Statement, options?: unknown) => Promise<unknown>;

function retryable(error: unknown): boolean {
  const status = (error as { response?: { status?: number } })?.response?.status;
  return status === undefined || status >= 500 || status === 429 || status === 408;
}

export class Cmi5Session {
  private client: Cmi5 | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pending: Pending[] = [];
  private passed = false;
  private completed = false;
  private terminated = false;
  private started: Promise<boolean> | null = null;

  constructor(
    private readonly launch: Cmi5Launch,
    private readonly options: Cmi5Options = {},
  ) {}

  /** Fetches the token and launch data and sends `initialized`. Resolves false when the LMS cannot be reached. */
  start(): Promise<boolean> {
    this.started ??= this.open();
    return this.started;
  }

  private async open(): Promise<boolean> {
    const { default: Client } = await (this.options.load ?? (() => import('@xapi/cmi5')))();
    const client = new Client({
      endpoint: this.launch.endpoint,
      fetch: this.launch.fetch,
      actor: this.launch.actor as never,
      registration: this.launch.registration,
      activityId: this.launch.activityId,
    });
    const send = client.sendXapiStatement.bind(client) as unknown as SendFn;
    // Every statement the client makes goes through the queue (initialized included).
    (client as unknown as { sendXapiStatement: SendFn }).sendXapiStatement = (statement, options) => {
      const transform = (options as { transform?: (s: Statement) => Statement } | undefined)?.transform;
      const final = transform ? transform(statement) : statement;
      return this.enqueue(final, send);
    };
    this.client = client;
    try {
      await client.initialize();
      return true;
    } catch {
      return false;
    }
  }

  private enqueue(statement: Statement, send: SendFn): Promise<unknown> {
    const entry: Pending = { statement, acknowledged: false };
    this.pending.push(entry);
    this.options.onStatement?.(statement);
    const delays = this.options.retryDelaysMs ?? [500, 1000, 2000, 4000, 8000];
    const maxTries = this.options.maxTries ?? 12;
    const attempt = async (): Promise<unknown> => {
      for (let tryNumber = 1; ; tryNumber += 1) {
        try {
          const response = await send(statement);
          entry.acknowledged = true;
          return response;
        } catch (error) {
          if (!retryable(error) || tryNumber >= maxTries) throw error;
          await new Promise((resolve) => setTimeout(resolve, delays[Math.min(tryNumber - 1, delays.length - 1)]));
        }
      }
    };
    const result = this.queue.then(attempt, attempt);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** The statements made so far and whether the LRS acknowledged each (for tests and diagnostics). */
  statements(): readonly Pending[] {
    return this.pending;
  }

  /**
   * After each finished level: once the launch's levels are all finished, passed (or failed, then passed
   * later if the score rises to the mastery score) and completed, in the cmi5 order.
   */
  async report(score: PackageScore): Promise<void> {
    if (!(await this.start()) || !this.client || this.terminated || !score.complete) return;
    const data = this.client.getLaunchData();
    if (data.launchMode !== 'Normal') return;
    const mastery = typeof data.masteryScore === 'number' ? data.masteryScore : 0.6;
    const scaled = Math.round(score.raw * 100) / 10000;
    const sends: Promise<unknown>[] = [];
    if (!this.passed) {
      if (scaled >= mastery) {
        this.passed = true;
        sends.push(this.client.pass(scaled));
      } else if (!this.completed) {
        sends.push(this.client.fail(scaled));
      }
    }
    if (!this.completed) {
      this.completed = true;
      sends.push(this.client.complete());
    }
    await Promise.allSettled(sends);
  }

  /** `terminated`, through the queue; resolves when sent (or given up). */
  async terminate(): Promise<void> {
    if (!(await this.start()) || !this.client || this.terminated) return;
    this.terminated = true;
    await this.client.terminate().catch(() => undefined);
  }

  /**
   * The page is going away: `terminated` is made now and everything not yet acknowledged is posted in one
   * keepalive request, which outlives the page.
   */
  flushOnUnload(): void {
    const client = this.client;
    if (!client || !client.isAuthenticated) return;
    if (!this.terminated) {
      this.terminated = true;
      try {
        // Throws at once when the launch data has not arrived yet (no session to end).
        void client.terminate().catch(() => undefined);
      } catch {
        // Nothing to terminate.
      }
    }
    const unsent = this.pending.filter((entry) => !entry.acknowledged).map((entry) => entry.statement);
    if (unsent.length === 0) return;
    const post = this.options.fetch ?? globalThis.fetch?.bind(globalThis);
    void post?.(`${this.launch.endpoint}statements`, {
      method: 'POST',
      keepalive: true,
      headers: { Authorization: `Basic ${client.getAuthToken()}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
      body: JSON.stringify(unsent),
    }).catch(() => undefined);
  }
}
