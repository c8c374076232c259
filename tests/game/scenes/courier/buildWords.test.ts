// What the build phase says: problems in the side panel's order, the sentence for an input result (with
// the support a piece lacks), and the hint bar's instruction while placing, in English and Korean.
import { describe, expect, it } from 'vitest';
import { BoardText } from '../../../../src/game/board/boardText';
import { orderedProblems, placingInstruction, sayText } from '../../../../src/game/scenes/courier/buildWords';
import { createI18n } from '../../../../src/i18n/createI18n';
import { addEngineStrings } from '../../../../src/i18n/engineStrings';
import { CAMPAIGN_LEVELS } from '../../../../src/levels';
import type { BuildNode, RuleViolation } from '../../../../src/sim/types';

function words(language: 'en' | 'ko', nodes: BuildNode[] = []) {
  const i18n = createI18n(language, CAMPAIGN_LEVELS);
  addEngineStrings(i18n);
  return { i18n, text: new BoardText(i18n, () => nodes) };
}

describe('build phase words', () => {
  it('lists problems of the whole build before those of a piece or an app, each group in its order', () => {
    const app: RuleViolation = { code: 'unplaced-app', app: 'shop' };
    const memory: RuleViolation = { code: 'memory-exceeded' };
    const node: RuleViolation = { code: 'needs-hypervisor', node: 'vm-1' };
    const palette: RuleViolation = { code: 'palette-exceeded' };
    expect(orderedProblems([app, memory, node, palette])).toEqual([memory, palette, app, node]);
  });

  it('says what happened, with the names in the player language', () => {
    const nodes: BuildNode[] = [{ id: 'host-1', piece: 'host-os', on: 'hardware', kernel: 'linux' }];
    const { i18n, text } = words('en', nodes);
    expect(sayText(i18n, text, { handled: true, say: 'kernelSet', node: 'host-1', kernel: 'windows' })).toBe('Kernel set to Windows.');
    expect(sayText(i18n, text, { handled: true })).toBe('');
    expect(sayText(i18n, text, { handled: true, say: 'cancelled' })).toBe('Cancelled.');
  });

  it('names the support a piece lacks when it has nowhere to stand', () => {
    const en = words('en');
    const ko = words('ko');
    expect(sayText(en.i18n, en.text, { handled: true, say: 'noSupport', piece: 'vm' })).toBe('A virtual machine needs a hypervisor under it.');
    expect(sayText(ko.i18n, ko.text, { handled: true, say: 'noSupport', piece: 'vm' })).toBe('가상머신 아래에는 하이퍼바이저가 있어야 해요.');
  });

  it('tells what to do while a piece or an app is being placed, and nothing otherwise', () => {
    const { text } = words('en');
    expect(placingInstruction(text, { kind: 'idle' })).toBeNull();
    expect(placingInstruction(text, { kind: 'piece', piece: 'host-os', targets: ['hardware'], index: 0 })).toContain('Place Host OS');
    expect(placingInstruction(text, { kind: 'app', app: 'shop', targets: ['host-1'], index: 0 })).toContain('shop');
  });
});
