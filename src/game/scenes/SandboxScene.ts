// The Sandbox (key `sandbox`): every piece, no goal, live metrics. Stub until the board lands.
import type { AppContext } from '../AppContext';
import { SandboxPlaceholderScene } from './SandboxPlaceholderScene';

export class SandboxScene extends SandboxPlaceholderScene {
  constructor(ctx: AppContext) {
    super(ctx);
  }
}
