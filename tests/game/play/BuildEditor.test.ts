// The build editor: every edit goes through the same operations, is undoable, and the engine judges it live.
import { describe, expect, it } from 'vitest';
import { BuildEditor } from '../../../src/game/play/BuildEditor';
import { app, level } from '../../sim/fixtures';

const testLevel = level({ apps: [app('a'), app('b', { kernel: 'windows' })], palette: { 'host-os': 1, 'type1-hypervisor': 1, vm: 3, 'container-engine': 2 } });

describe('BuildEditor', () => {
  it('builds a feasible stack step by step and reports rules live', () => {
    const editor = new BuildEditor(testLevel);
    expect(editor.check().global.map((violation) => violation.code)).toEqual([]);
    expect(editor.check().byApp.get('a')?.[0].code).toBe('unplaced-app');
    const hypervisor = editor.addNode('type1-hypervisor', 'hardware');
    const vm = editor.addNode('vm', hypervisor, { kernel: 'linux', driver: 'para' });
    editor.placeApp('a', vm);
    editor.placeApp('b', hypervisor);
    expect(editor.placementOf('b')).toEqual({ app: 'b', on: hypervisor, vm: { kernel: 'windows', driver: 'emulated' } });
    expect(editor.check().feasible).toBe(true);
    expect(editor.toBuild()).toMatchObject({ format: 'kernel-courier/build@1', level: 'test-level' });
  });

  it('shows a broken rule on the node where it happens', () => {
    const editor = new BuildEditor(testLevel);
    const host = editor.addNode('host-os', 'hardware', { kernel: 'linux' });
    const engine = editor.addNode('container-engine', host);
    editor.placeApp('b', engine);
    expect(editor.check().byNode.get(engine)?.map((violation) => violation.code)).toEqual(['kernel-mismatch']);
    expect(editor.check().byApp.get('b')?.map((violation) => violation.code)).toEqual(['kernel-mismatch']);
  });

  it('undoes, redoes and resets', () => {
    const editor = new BuildEditor(testLevel);
    const host = editor.addNode('host-os', 'hardware');
    editor.placeApp('a', host);
    expect(editor.placements).toHaveLength(1);
    expect(editor.undo()).toBe(true);
    expect(editor.placements).toHaveLength(0);
    expect(editor.redo()).toBe(true);
    expect(editor.placements).toHaveLength(1);
    editor.reset();
    expect(editor.nodes).toHaveLength(0);
    expect(editor.undo()).toBe(true);
    expect(editor.nodes).toHaveLength(1);
    expect(editor.canRedo).toBe(true);
    editor.addNode('container-engine', host);
    expect(editor.canRedo).toBe(false);
  });

  it('removing a piece removes what stands on it and the apps placed there', () => {
    const editor = new BuildEditor(testLevel);
    const host = editor.addNode('host-os', 'hardware');
    const engine = editor.addNode('container-engine', host);
    editor.placeApp('a', engine);
    editor.removeNode(host);
    expect(editor.nodes).toEqual([]);
    expect(editor.placements).toEqual([]);
  });

  it('counts the palette, VMs from templates included', () => {
    const editor = new BuildEditor(testLevel);
    const hypervisor = editor.addNode('type1-hypervisor', 'hardware');
    editor.placeApp('a', hypervisor);
    const remaining = editor.paletteRemaining();
    expect(remaining['type1-hypervisor']).toBe(0);
    expect(remaining.vm).toBe(2);
    expect(remaining['type2-hypervisor']).toBe(0);
    expect(editor.availablePieces()).toEqual(['host-os', 'type1-hypervisor', 'vm', 'container-engine']);
  });

  it('offers only supports that the rules allow', () => {
    const editor = new BuildEditor(testLevel);
    expect(editor.supportsFor('vm')).toEqual([]);
    const hypervisor = editor.addNode('type1-hypervisor', 'hardware');
    expect(editor.supportsFor('host-os')).toEqual([]);
    expect(editor.supportsFor('vm')).toEqual([hypervisor]);
  });

  it('keeps provisioning and drops empty entries from the build', () => {
    const editor = new BuildEditor(testLevel);
    editor.setProvisioning('a', { prePull: true, warmSpares: 2 });
    editor.setProvisioning('b', { warmSpares: 0 });
    expect(editor.toBuild().provisioning).toEqual([{ app: 'a', prePull: true, warmSpares: 2 }]);
  });

  it('notifies listeners of every change and ignores edits that change nothing', () => {
    const editor = new BuildEditor(testLevel);
    let changes = 0;
    editor.onChange(() => (changes += 1));
    const host = editor.addNode('host-os', 'hardware', { kernel: 'linux' });
    editor.setKernel(host, 'linux');
    editor.setKernel(host, 'windows');
    expect(changes).toBe(2);
  });
});

describe('BuildEditor.replace', () => {
  it('loads a whole build as one undoable step; reset still goes back to the start', () => {
    const editor = new BuildEditor(testLevel);
    editor.replace({ nodes: [{ id: 'host', piece: 'host-os', on: 'hardware', kernel: 'linux' }], placements: [{ app: 'a', on: 'host' }] });
    expect(editor.placements).toEqual([{ app: 'a', on: 'host' }]);
    expect(editor.undo()).toBe(true);
    expect(editor.nodes).toEqual([]);
    editor.redo();
    editor.reset();
    expect(editor.nodes).toEqual([]);
  });
});

describe('placement preview', () => {
  it('says what dropping an app makes on each host, and which rule a host would break, without changing the build', () => {
    const lvl = level({ apps: [app('a', { instances: 3 }), app('b'), app('w', { kernel: 'windows' })], palette: { 'type1-hypervisor': 1, vm: 2 } });
    const editor = new BuildEditor(lvl);
    const hypervisor = editor.addNode('type1-hypervisor', 'hardware');
    const vm = editor.addNode('vm', hypervisor, { kernel: 'linux' });
    editor.placeApp('b', vm);
    const before = JSON.stringify(editor.toBuild());
    expect(editor.placementPreview('a', hypervisor)).toMatchObject({ kind: 'vm-per-instance', instances: 3, blockers: [] });
    expect(editor.placementPreview('a', vm)).toMatchObject({ kind: 'vm-process', shares: ['b'], blockers: [] });
    const windows = editor.placementPreview('w', vm);
    expect(windows?.blockers.map((violation) => violation.code)).toContain('kernel-mismatch');
    expect(JSON.stringify(editor.toBuild())).toBe(before);
  });
});

