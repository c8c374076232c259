// Classroom sessions and result codes (contracts.md §5), without screens: shared by the command line, the
// game and the teacher's page. Pure TypeScript: no Phaser, no DOM, nothing of src/game.
export * from './session';
export * from './resultCode';
export * from './verify';
export * from './prediction';
export { levelHash, canonicalLevelJson } from './levelHash';
export { KC1_DICTIONARY, KC1_DICTIONARY_TEXT } from './dictionary';
