// Tests a widget's hover and focus ease (src/game/ui/scaleEase.ts) against a stand-in for Phaser's scene
// events: the scale follows Sine.easeOut from where it was to the target, lands exactly on it, reports the
// scene as easing until then (the frame gate draws while it does), and stops on request or when the widget
// is destroyed. The event names it uses are Phaser's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScaleEase, easing, type EaseScene, type EaseTarget } from '../../../src/game/ui/scaleEase';

type Listener = (...args: never[]) => void;

class Emitter {
  private listeners: Array<{ event: string; listener: Listener; context: unknown; once: boolean }> = [];
  on(event: string, listener: Listener, context: unknown): this {
    this.listeners.push({ event, listener, context, once: false });
    return this;
  }
  once(event: string, listener: Listener, context: unknown): this {
    this.listeners.push({ event, listener, context, once: true });
    return this;
  }
  off(event: string, listener: Listener, context: unknown): this {
    this.listeners = this.listeners.filter((entry) => !(entry.event === event && entry.listener === listener && entry.context === context));
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const entry of this.listeners.filter((candidate) => candidate.event === event)) {
      if (entry.once) this.off(event, entry.listener, entry.context);
      (entry.listener as (...values: unknown[]) => void).apply(entry.context, args);
    }
  }
  count(event: string): number {
    return this.listeners.filter((entry) => entry.event === event).length;
  }
}

class Scene implements EaseScene {
  events = new Emitter();
  time = 0;
  step(delta: number): void {
    this.time += delta;
    this.events.emit('update', this.time, delta);
  }
}

class Target extends Emitter implements EaseTarget {
  scaleX = 1;
  constructor(readonly scene: Scene) {
    super();
  }
  setScale(scale: number): this {
    this.scaleX = scale;
    return this;
  }
}

describe('ScaleEase', () => {
  it('eases along Sine.easeOut to the target, lands on it exactly, and says when it is done', () => {
    const scene = new Scene();
    const target = new Target(scene);
    let completed = 0;
    new ScaleEase(target, 1.03, 120, () => (completed += 1));
    expect(easing(scene)).toBe(true);
    const seen: number[] = [];
    for (let step = 1; step <= 7; step += 1) {
      scene.step(16);
      seen.push(target.scaleX);
      const progress = Math.min(1, (16 * step) / 120);
      expect(target.scaleX).toBeCloseTo(1 + 0.03 * Math.sin((progress * Math.PI) / 2), 10);
    }
    // Faster at first than at the end (ease out), never past the target.
    expect(seen[1] - seen[0]).toBeGreaterThan(seen[6] - seen[5]);
    expect(Math.max(...seen)).toBeLessThan(1.03);
    expect(completed).toBe(0);
    scene.step(16);
    expect(target.scaleX).toBe(1.03);
    expect(completed).toBe(1);
    expect(easing(scene)).toBe(false);
    // Finished: no listener left behind, and later steps change nothing.
    expect(scene.events.count('update')).toBe(0);
    expect(target.count('destroy')).toBe(0);
    target.setScale(1.5);
    scene.step(16);
    expect(target.scaleX).toBe(1.5);
    expect(completed).toBe(1);
  });

  it('starts from where the scale is (a hover undone halfway shrinks from there)', () => {
    const scene = new Scene();
    const target = new Target(scene);
    target.setScale(1.02);
    new ScaleEase(target, 1, 100, () => undefined);
    scene.step(50);
    expect(target.scaleX).toBeCloseTo(1.02 - 0.02 * Math.sin(Math.PI / 4), 10);
    scene.step(50);
    expect(target.scaleX).toBe(1);
  });

  it('stopped, it leaves the scale where it is and never completes; destroyed, its widget stops it', () => {
    const scene = new Scene();
    const first = new Target(scene);
    const second = new Target(scene);
    let completed = 0;
    const ease = new ScaleEase(first, 1.03, 120, () => (completed += 1));
    new ScaleEase(second, 1.03, 120, () => (completed += 1));
    scene.step(30);
    expect(easing(scene)).toBe(true);
    ease.stop();
    ease.stop();
    const held = first.scaleX;
    second.emit('destroy');
    // Both gone: the scene is no longer easing, however often stop was called.
    expect(easing(scene)).toBe(false);
    scene.step(200);
    expect(first.scaleX).toBe(held);
    expect(completed).toBe(0);
    expect(scene.events.count('update')).toBe(0);
    // Another scene's eases are its own.
    const other = new Scene();
    new ScaleEase(new Target(other), 1.03, 120, () => undefined);
    expect(easing(other)).toBe(true);
    expect(easing(scene)).toBe(false);
  });

  it("listens to Phaser's own event names", () => {
    const phaser = join(import.meta.dirname, '..', '..', '..', 'node_modules', 'phaser', 'src');
    expect(readFileSync(join(phaser, 'scene', 'events', 'UPDATE_EVENT.js'), 'utf8')).toMatch(/module\.exports = 'update';/);
    expect(readFileSync(join(phaser, 'gameobjects', 'events', 'DESTROY_EVENT.js'), 'utf8')).toMatch(/module\.exports = 'destroy';/);
  });
});
