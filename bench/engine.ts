// Engine benchmark: packet hops simulated per second on one thread, and milliseconds to rank every
// architecture of each built-in level (cold: no cached baseline). Measures and reports; asserts nothing.
import { performance } from 'node:perf_hooks';
import { CAMPAIGN_LEVELS } from '../src/levels/index';
import { clearBaselineCache, rankLevel } from '../src/scoring/rankLevel';
import { canonicalBuild } from '../src/sim/canonicalBuild';
import { createSimulation } from '../src/sim/Simulation';
import type { Architecture, Level } from '../src/sim/types';
import { runWork } from '../src/sim/workBudget';
import { worstLevels } from './worstLevels';

export interface EngineBenchResult {
  hopsPerSecond: { arch: Architecture; hops: number; medianMs: number; hopsPerSecond: number }[];
  hopsPerSecondMedian: number;
  /** Every canonical build of every built-in level, run to the end: hops ÷ time, median of runs. */
  campaign: { hops: number; medianMs: number; hopsPerSecond: number };
  rankMs: { level: string; medianMs: number; runs: number }[];
  rankMsWorst: number;
  goals: { hopsPerSecond: number; rankMs: number };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A heavy level, like a sandbox demonstration: 48 instances streaming about 3 000 packets per second
 * (mostly syscalls; disk and network at three quarters of the devices' capacity) for 60 s. */
export function heavyLevel(): Level {
  return {
    format: 'kernel-courier/level@1',
    id: 'bench-heavy',
    title: { en: 'Benchmark' },
    brief: { en: 'Benchmark' },
    hardware: { cores: 32, memoryGiB: 1024 },
    apps: Array.from({ length: 8 }, (_, index) => ({
      id: `app-${index}`,
      tenant: `tenant-${index % 3}`,
      kernel: 'linux' as const,
      trust: 'trusted' as const,
      io: { disk: 0.25, net: 0.5, syscall: 60 },
      instances: 6,
      image: { sizeMB: 100, cached: true },
    })),
    objectives: { speed: 1 },
    allow: ['native', 'container', 'type2', 'type1-full', 'type1-para'],
    durationSeconds: 60,
    seed: 1,
  };
}

export function runEngineBench(repeats = 5): EngineBenchResult {
  const level = heavyLevel();
  const hopsPerSecond = level.allow.map((arch) => {
    const times: number[] = [];
    let hops = 0;
    for (let run = 0; run < repeats; run += 1) {
      const created = createSimulation(level, canonicalBuild(level, arch));
      if (!created.ok) throw new Error(`bench level infeasible for ${arch}`);
      const started = performance.now();
      created.simulation.runToEnd();
      times.push(performance.now() - started);
      hops = created.simulation.hopCount;
    }
    const medianMs = median(times);
    return { arch, hops, medianMs: round(medianMs), hopsPerSecond: Math.round(hops / (medianMs / 1000)) };
  });
  const campaignTimes: number[] = [];
  let campaignHops = 0;
  for (let run = 0; run < repeats; run += 1) {
    let hops = 0;
    let elapsed = 0;
    for (const campaignLevel of CAMPAIGN_LEVELS) {
      for (const arch of campaignLevel.allow) {
        const created = createSimulation(campaignLevel, canonicalBuild(campaignLevel, arch));
        if (!created.ok) continue;
        const started = performance.now();
        created.simulation.runToEnd();
        elapsed += performance.now() - started;
        hops += created.simulation.hopCount;
      }
    }
    campaignTimes.push(elapsed);
    campaignHops = hops;
  }
  const campaignMs = median(campaignTimes);
  const campaign = { hops: campaignHops, medianMs: round(campaignMs), hopsPerSecond: Math.round(campaignHops / (campaignMs / 1000)) };
  const rankMs = CAMPAIGN_LEVELS.map((campaignLevel) => {
    const times: number[] = [];
    for (let run = 0; run < repeats; run += 1) {
      clearBaselineCache();
      const started = performance.now();
      rankLevel(campaignLevel);
      times.push(performance.now() - started);
    }
    return { level: campaignLevel.id, medianMs: round(median(times)), runs: repeats };
  });
  return {
    hopsPerSecond,
    hopsPerSecondMedian: Math.round(median(hopsPerSecond.map((entry) => entry.hopsPerSecond))),
    campaign,
    rankMs,
    rankMsWorst: Math.max(...rankMs.map((entry) => entry.medianMs)),
    goals: { hopsPerSecond: 10_000_000, rankMs: 100 },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function engineTable(result: EngineBenchResult): string {
  const lines = ['Engine: packet hops per second (one thread, median of runs)', ''];
  lines.push('arch         hops        median ms   hops/s');
  for (const entry of result.hopsPerSecond) {
    lines.push(`${entry.arch.padEnd(12)} ${String(entry.hops).padStart(10)}  ${entry.medianMs.toFixed(1).padStart(9)}   ${(entry.hopsPerSecond / 1e6).toFixed(2)} M`);
  }
  lines.push(`median over architectures: ${(result.hopsPerSecondMedian / 1e6).toFixed(2)} M hops/s (goal ≥ 10 M)`);
  lines.push(
    `the whole campaign (every canonical build of every level): ${result.campaign.hops} hops in ${result.campaign.medianMs.toFixed(1)} ms = ${(result.campaign.hopsPerSecond / 1e6).toFixed(2)} M hops/s`,
    '',
  );
  lines.push('Ranking every architecture of each built-in level (cold, median)', '');
  lines.push('level                              ms');
  for (const entry of result.rankMs) lines.push(`${entry.level.padEnd(32)} ${entry.medianMs.toFixed(1).padStart(6)}`);
  lines.push(`worst level: ${result.rankMsWorst.toFixed(1)} ms (goal ≤ 100 ms)`);
  return lines.join('\n');
}

export interface WorstRankResult {
  levels: { level: string; packets: number; instances: number; instanceSeconds: number; events: number; medianMs: number; maxMs: number; cpuMedianMs: number; runs: number }[];
  worstRankMs: number;
  /** The same in CPU time of this process (user + system): less sensitive to other processes on a busy machine. */
  worstRankCpuMs: number;
  goalMs: number;
}

/**
 * `--rank` of the heaviest levels the work budget allows (bench/worstLevels.ts, issue 15): every allowed
 * architecture's canonical build and the baseline, cold (no cached baseline), median of `repeats`.
 */
export function runWorstRankBench(repeats = 5): WorstRankResult {
  const levels = worstLevels().map((level) => {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let run = 0; run < repeats; run += 1) {
      clearBaselineCache();
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      rankLevel(level);
      times.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuStarted);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    const work = runWork(level);
    return {
      level: level.id,
      packets: Math.round(work.packets),
      instances: work.instances,
      instanceSeconds: work.instanceSeconds,
      events: work.events,
      medianMs: round(median(times)),
      maxMs: round(Math.max(...times)),
      cpuMedianMs: round(median(cpuTimes)),
      runs: repeats,
    };
  });
  return { levels, worstRankMs: Math.max(...levels.map((entry) => entry.medianMs)), worstRankCpuMs: Math.max(...levels.map((entry) => entry.cpuMedianMs)), goalMs: 2000 };
}

export function worstRankTable(result: WorstRankResult): string {
  const lines = ['--rank of the heaviest levels the work budget allows (cold, median; bench/worstLevels.ts)', ''];
  lines.push('level           packets  instances  inst-s  events   median ms   max ms   CPU ms');
  for (const entry of result.levels) {
    lines.push(
      `${entry.level.padEnd(14)} ${String(entry.packets).padStart(8)} ${String(entry.instances).padStart(10)} ${String(entry.instanceSeconds).padStart(7)} ${String(entry.events).padStart(7)} ${entry.medianMs.toFixed(0).padStart(11)} ${entry.maxMs.toFixed(0).padStart(8)} ${entry.cpuMedianMs.toFixed(0).padStart(8)}`,
    );
  }
  lines.push(`worst level the budget allows: ${result.worstRankMs.toFixed(0)} ms wall clock, ${result.worstRankCpuMs.toFixed(0)} ms CPU (goal < ${result.goalMs} ms; on a busy machine the CPU figure is the fairer one)`);
  return lines.join('\n');
}
