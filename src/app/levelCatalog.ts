// The built-in levels as the teacher's page sees them: ids, chapters and the level data the classroom
// code replays. src/teacher may not import src/levels itself (tests/sim/layerBoundaries.test.ts); this is
// its one door to the level list.
export { CAMPAIGN_LEVELS, CHAPTER_ORDER, builtInLevel, levelsByChapter, type CampaignChapter } from '../levels/index';
