// The game's typed events (past tense: something happened). Scenes emit them; the audio adapter, the
// automation API and later the embed bridge listen. The Play scene maps engine events onto these.
import type { PacketKind } from '../sim/types';
import { TypedEmitter } from './TypedEmitter';

export interface GameEventMap {
  [name: string]: unknown;
  /** A screen (scene) became the one the player sees; `levelId` for the play screen. */
  screenShown: { key: string; levelId?: string };
  /** Language, palette, motion or progress changed: every visible screen must be redrawn. */
  displayChanged: { reason: 'language' | 'palette' | 'motion' | 'progress' };
  /** Any UI button was activated (by pointer, touch or keyboard). */
  buttonPressed: Record<string, never>;
  piecePlaced: { piece: string };
  linkMade: Record<string, never>;
  packetDelivered: { kind: PacketKind };
  packetDropped: { kind: PacketKind };
  breachHappened: { tenant?: string };
  instanceBooted: { app?: string };
  starsAwarded: { stars: number };
  /** A run finished; `result` is the CLI's JSON shape (contracts.md §2). */
  runFinished: { levelId: string; result: RunResult };
  /** A level's play screen opened for a new attempt (embed bridge, LMS, xAPI). */
  levelStarted: { levelId: string; attempt: number };
  /** A level was finished and scored: the embed bridge's levelCompleted, SCORM and xAPI listen. */
  levelCompleted: { levelId: string; score: number; stars: number; arch: string | null; resultCode?: string };
  /** Saved progress changed (after a level's result was recorded, an import or a restore). */
  progressChanged: { completed: number; total: number; stars: number };
  /** An xAPI statement was made (src/lms); the embed bridge posts it to the parent page (contracts §6). */
  statementMade: { statement: Record<string, unknown> };
}

/** The engine's result in the CLI's JSON shape; typed loosely here until the engine's type lands. */
export type RunResult = Record<string, unknown>;

export type GameEvents = TypedEmitter<GameEventMap>;

export function createGameEvents(): GameEvents {
  return new TypedEmitter<GameEventMap>();
}
