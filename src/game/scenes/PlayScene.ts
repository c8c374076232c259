// The Play screen (key `play`): brief → build → run for one level. Stub until the board lands.
import type { AppContext } from '../AppContext';
import { PlaceholderPlayScene } from './PlaceholderPlayScene';

export class PlayScene extends PlaceholderPlayScene {
  constructor(ctx: AppContext) {
    super(ctx);
  }
}
