// The Debrief's classroom part, kept out of DebriefScene.ts: the button that opens a run's result code
// (in a session) or the prediction's verdict (with predictions outside sessions), and opening that overlay.
import { fontPx, type Rect } from '../layout';
import { SceneKeys } from '../sceneKeys';
import type { ScreenScene } from '../scenes/ScreenScene';
import { Button } from '../ui/Button';
import type { UiKit } from '../ui/UiKit';
import type { ClassroomOutcome } from './classroomRun';

/** Opens the result-code overlay over the debrief, which waits paused underneath. */
export function openResultCode(scene: ScreenScene, outcome: ClassroomOutcome): void {
  if (scene.scene.isActive(SceneKeys.ResultCode)) return;
  scene.scene.launch(SceneKeys.ResultCode, { returnTo: scene.screenKey, outcome });
  scene.scene.pause();
}

/** The button in the debrief's action row; `label` is "Result code" (session) or "Prediction". */
export function addResultCodeButton(scene: ScreenScene, kit: UiKit, rect: Rect, outcome: ClassroomOutcome, label: string): Button {
  return new Button(scene, kit, {
    id: 'debrief-code',
    rect,
    label,
    icon: 'check',
    fontPx: fontPx(kit.layout, 'button'),
    onActivate: () => openResultCode(scene, outcome),
  });
}
