// The build phase by keyboard alone, and by pointer: every key and click becomes an editor operation.
import { describe, expect, it } from 'vitest';
import { BuildEditor } from '../../../src/game/play/BuildEditor';
import { BuildInput } from '../../../src/game/play/buildInput';
import { builtInLevel } from '../../../src/levels';
import { app, level } from '../../sim/fixtures';

const testLevel = level({ apps: [app('a'), app('b', { kernel: 'windows' })], palette: { 'host-os': 1, 'type1-hypervisor': 1, vm: 3, 'container-engine': 2 } });

const key = (input: BuildInput, name: string, mods: { ctrl?: boolean; shift?: boolean } = {}) => input.handleKey({ key: name, ...mods });

describe('build input by keyboard', () => {
  it('plays level 1 by keys: piece, Enter on the hardware, app, Enter on the host', () => {
    const first = builtInLevel('first-delivery')!;
    const editor = new BuildEditor(first);
    const input = new BuildInput(editor);
    const picked = input.pickPiece('host-os');
    expect(picked.say).toBe('choosePieceTarget');
    expect(input.currentTarget).toBe('hardware');
    const placed = key(input, 'Enter');
    expect(placed.placed).toBe('piece');
    expect(editor.nodes).toEqual([{ id: 'host-1', piece: 'host-os', on: 'hardware', kernel: 'linux' }]);
    expect(placed.focus).toBe('node-host-1');
    input.activateApp('shop');
    expect(input.currentTarget).toBe('host-1');
    expect(key(input, ' ').placed).toBe('app');
    expect(editor.check().feasible).toBe(true);
  });

  it('cycles the valid supports with the arrows and places on the chosen one', () => {
    const editor = new BuildEditor(testLevel);
    const input = new BuildInput(editor);
    const hypervisor = editor.addNode('type1-hypervisor', 'hardware');
    const vm = editor.addNode('vm', hypervisor, { kernel: 'linux' });
    input.pickPiece('container-engine');
    expect(input.targets).toEqual([vm]);
    input.pickApp('a');
    expect(input.targets).toEqual([hypervisor, vm]);
    expect(key(input, 'ArrowRight').node).toBe(vm);
    expect(key(input, 'ArrowRight').node).toBe(hypervisor);
    expect(key(input, 'ArrowLeft').node).toBe(vm);
    key(input, 'Enter');
    expect(editor.placementOf('a')).toEqual({ app: 'a', on: vm });
  });

  it('Escape cancels placing; Tab cancels and lets focus move on', () => {
    const input = new BuildInput(new BuildEditor(testLevel));
    input.pickPiece('host-os');
    expect(key(input, 'Escape').say).toBe('cancelled');
    expect(input.placing).toBe(false);
    input.pickPiece('host-os');
    expect(key(input, 'Tab').handled).toBe(false);
    expect(input.placing).toBe(false);
  });

  it('says why a piece cannot be placed: nothing to stand on, or none left', () => {
    const editor = new BuildEditor(testLevel);
    const input = new BuildInput(editor);
    expect(input.pickPiece('vm').say).toBe('noSupport');
    expect(input.pickPiece('type2-hypervisor').say).toBe('noneLeft');
    expect(input.pickApp('a').say).toBe('noHost');
    expect(input.placing).toBe(false);
  });

  it('Delete removes the selection, K switches the kernel, D the driver', () => {
    const editor = new BuildEditor(testLevel);
    const input = new BuildInput(editor);
    input.pickPiece('type1-hypervisor');
    key(input, 'Enter');
    const hypervisor = editor.nodes[0].id;
    input.pickPiece('vm');
    key(input, 'Enter');
    const vm = editor.nodes[1].id;
    expect(input.selection).toEqual({ kind: 'node', id: vm });
    expect(key(input, 'k').kernel).toBe('windows');
    expect(editor.node(vm)?.kernel).toBe('windows');
    expect(key(input, 'D').driver).toBe('para');
    expect(editor.node(vm)?.driver).toBe('para');
    input.activateApp('b');
    input.commit(hypervisor);
    expect(editor.placementOf('b')?.vm).toEqual({ kernel: 'windows', driver: 'emulated' });
    expect(key(input, 'd').driver).toBe('para');
    expect(editor.placementOf('b')?.vm?.driver).toBe('para');
    expect(key(input, 'Delete').say).toBe('removedApp');
    expect(editor.placementOf('b')).toBeUndefined();
    input.select({ kind: 'node', id: hypervisor });
    expect(key(input, 'Backspace').say).toBe('removedNode');
    expect(editor.nodes).toEqual([]);
    expect(key(input, 'k').say).toBe('nothingSelected');
  });

  it('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, R asks before resetting', () => {
    const editor = new BuildEditor(testLevel);
    const input = new BuildInput(editor);
    input.pickPiece('host-os');
    key(input, 'Enter');
    expect(input.selection?.kind).toBe('node');
    expect(key(input, 'z', { ctrl: true }).say).toBe('undone');
    expect(editor.nodes).toHaveLength(0);
    expect(input.selection).toBeNull();
    expect(key(input, 'Z', { ctrl: true, shift: true }).say).toBe('redone');
    expect(editor.nodes).toHaveLength(1);
    key(input, 'z', { ctrl: true });
    expect(key(input, 'y', { ctrl: true }).say).toBe('redone');
    expect(key(input, 'y', { ctrl: true }).say).toBe('nothingToRedo');
    expect(key(input, 'r').confirmReset).toBe(true);
    expect(editor.nodes).toHaveLength(1);
    expect(key(input, 'x').handled).toBe(false);
  });
});

describe('build input by pointer and touch', () => {
  it('drag and drop, and click-then-click, end in the same build', () => {
    const dragged = new BuildEditor(testLevel);
    const byDrag = new BuildInput(dragged);
    byDrag.dropPiece('host-os', 'hardware');
    byDrag.dropApp('a', 'host-1');
    const clicked = new BuildEditor(testLevel);
    const byClick = new BuildInput(clicked);
    byClick.pickPiece('host-os');
    byClick.activateNode('hardware');
    byClick.activateApp('a');
    byClick.activateNode('host-1');
    expect(clicked.toBuild()).toEqual(dragged.toBuild());
  });

  it('a click on a node that is not a valid support says so and keeps placing', () => {
    const editor = new BuildEditor(testLevel);
    const input = new BuildInput(editor);
    const host = editor.addNode('host-os', 'hardware');
    input.pickPiece('vm');
    expect(input.placing).toBe(false);
    input.pickPiece('container-engine');
    expect(input.activateNode('hardware').say).toBe('notATarget');
    expect(input.placing).toBe(true);
    expect(input.activateNode(host).placed).toBe('piece');
  });

  it('a second click on the app being placed puts the choice away and keeps it selected', () => {
    const editor = new BuildEditor(testLevel);
    const input = new BuildInput(editor);
    editor.addNode('host-os', 'hardware');
    input.activateApp('a');
    expect(input.placing).toBe(true);
    expect(input.activateApp('a').say).toBe('cancelled');
    expect(input.placing).toBe(false);
    expect(input.selection).toEqual({ kind: 'app', id: 'a' });
  });

  it('a click on an app already on the board selects it and does not start a move; Escape clears the selection', () => {
    const editor = new BuildEditor(testLevel);
    const input = new BuildInput(editor);
    const host = editor.addNode('host-os', 'hardware');
    editor.placeApp('a', host);
    const clicked = input.activateApp('a');
    expect(clicked.say).toBe('selectedApp');
    expect(input.placing).toBe(false);
    expect(input.selection).toEqual({ kind: 'app', id: 'a' });
    // Escape while something is selected clears it; with nothing selected it is left to the screen (back).
    expect(key(input, 'Escape').say).toBe('selectionCleared');
    expect(input.selection).toBeNull();
    expect(key(input, 'Escape').handled).toBe(false);
    // The explicit Move (the inspector) and a drag still move it.
    expect(input.pickApp('a').say).toBe('chooseAppTarget');
    expect(input.placing).toBe(true);
  });

  it('a click on a node when not placing selects it', () => {
    const editor = new BuildEditor(testLevel);
    const input = new BuildInput(editor);
    const host = editor.addNode('host-os', 'hardware');
    input.activateNode(host);
    expect(input.selection).toEqual({ kind: 'node', id: host });
    input.activateNode('hardware');
    expect(input.selection).toBeNull();
  });
});
