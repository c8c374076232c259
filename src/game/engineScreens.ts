// The screens that need the engine, in one module so they form one lazily loaded chunk (lazyScreens.ts).
import type Phaser from 'phaser';
import { addEngineStrings } from '../i18n/engineStrings';
import type { AppContext } from './AppContext';
import { DebriefScene } from './scenes/DebriefScene';
import { PlayScene } from './scenes/PlayScene';
import { SandboxScene } from './scenes/SandboxScene';
import { ClassroomScene } from './classroom/ClassroomScene';
import { PredictScene } from './classroom/PredictScene';
import { ResultCodeScene } from './classroom/ResultCodeScene';
import { RaceScene } from './race/RaceScene';

export function createEngineScreens(ctx: AppContext): Phaser.Scene[] {
  addEngineStrings(ctx.i18n);
  // The class session's screens come with the engine: a result code is scored and checked by it.
  return [new PlayScene(ctx), new DebriefScene(ctx), new SandboxScene(ctx), new ClassroomScene(ctx), new PredictScene(ctx), new ResultCodeScene(ctx), new RaceScene(ctx)];
}
