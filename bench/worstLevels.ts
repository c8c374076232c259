// The heaviest levels the work budget lets through (src/sim/workBudget.ts, limits in src/sim/bounds.ts):
// each sits at the limits in a different way. The engine benchmark ranks them (`worstRankMs`, goal < 2 s)
// and tests/sim/workBudget.test.ts checks that they pass validation and that one packet, instance or
// second more does not. Built in code from the limits, so they follow any change of a limit.
import { MAX_APPS, MAX_LEVEL_IO, MAX_RUN_EVENTS, MAX_RUN_INSTANCES, MAX_RUN_INSTANCE_SECONDS, MAX_RUN_PACKETS } from '../src/sim/bounds';
import type { AppSpec, Level } from '../src/sim/types';
import { MAX_DURATION_SECONDS } from '../src/sim/validateLevel';

function worstApp(id: string, instances: number, ioPerInstance: number, trust: AppSpec['trust'] = 'trusted'): AppSpec {
  // Mostly syscalls, with disk and network near the devices' capacity: every path of the engine is busy.
  const third = ioPerInstance / 3;
  return { id, tenant: id, kernel: 'linux', trust, io: { disk: third, net: third, syscall: ioPerInstance - 2 * third }, instances, memoryMiB: 64, image: { sizeMB: 100, cached: false } };
}

function worstLevel(id: string, apps: AppSpec[], durationSeconds: number, extra: Partial<Level> = {}): Level {
  return {
    format: 'kernel-courier/level@1',
    id,
    title: { en: id },
    brief: { en: 'The heaviest run the work budget allows.' },
    hardware: { cores: 64, memoryGiB: 4096 },
    apps,
    objectives: { security: 1, speed: 1 },
    allow: ['native', 'container', 'type2', 'type1-full', 'type1-para', 'container-in-vm'],
    durationSeconds,
    seed: 1,
    ...extra,
  };
}

/** The longest run two apps may have (an attacker and a victim) with the packets that fit, and as many bursts and threats as allowed. */
export function worstLongLevel(): Level {
  const instances = 2;
  const duration = Math.min(MAX_DURATION_SECONDS, Math.floor(MAX_RUN_INSTANCE_SECONDS / instances));
  const io = Math.floor((MAX_RUN_PACKETS / duration / instances) * 1000) / 1000;
  const bursts = Array.from({ length: MAX_RUN_EVENTS / 2 }, (_, index) => ({ app: 'attacker', atSecond: (index * duration) / (MAX_RUN_EVENTS / 2), instances: 1, deadlineSeconds: 5 }));
  const threats = Array.from({ length: MAX_RUN_EVENTS / 2 }, (_, index) => ({ app: 'attacker', kind: 'snoop' as const, atSecond: (index * duration) / (MAX_RUN_EVENTS / 2) }));
  return worstLevel('worst-long', [worstApp('attacker', instances - 1, io, 'untrusted'), worstApp('victim', 1, io)], duration, { bursts, threats, objectives: { security: 1, speed: 1, scale: 1 } });
}

/** The most instances, spread over the most apps, for as long as they fit, with the packets that fit (or
 * the most io the level may ask for). */
export function worstWideLevel(): Level {
  const perApp = Math.floor(MAX_RUN_INSTANCES / MAX_APPS);
  const duration = Math.floor(MAX_RUN_INSTANCE_SECONDS / (perApp * MAX_APPS));
  const io = Math.min(Math.floor(MAX_LEVEL_IO / MAX_APPS), Math.floor((MAX_RUN_PACKETS / duration / (perApp * MAX_APPS)) * 1000) / 1000);
  return worstLevel('worst-wide', Array.from({ length: MAX_APPS }, (_, index) => worstApp(`app-${index}`, perApp, io)), duration);
}

/** All the packets in a short, overloaded run: queues full, most packets dropped. */
export function worstDenseLevel(): Level {
  const duration = 5;
  const instances = Math.floor(MAX_RUN_PACKETS / duration / 1000);
  return worstLevel('worst-dense', [worstApp('flood', instances, 1000)], duration);
}

export function worstLevels(): Level[] {
  return [worstLongLevel(), worstWideLevel(), worstDenseLevel()];
}
