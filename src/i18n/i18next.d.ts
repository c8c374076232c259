// Types every translation key from the English files, so `t('menu.campaign')` with a key that English
// lacks fails to compile. Level strings (namespace `levels`) are dynamic and go through levelStrings.ts.
import 'i18next';
import type ui from '../../locales/en/ui.json';
import type board from '../../locales/en/board.json';
import type glossary from '../../locales/en/glossary.json';
import type embed from '../../locales/en/embed.json';
import type play from '../../locales/en/play.json';
import type debrief from '../../locales/en/debrief.json';
import type race from '../../locales/en/race.json';
import type scoring from '../../locales/en/scoring.json';
import type playui from '../../locales/en/playui.json';
import type explain from '../../locales/en/explain.json';
import type runviz from '../../locales/en/runviz.json';
import type classroom from '../../locales/en/classroom.json';
import type offline from '../../locales/en/offline.json';
import type sharing from '../../locales/en/sharing.json';
import type faults from '../../locales/en/faults.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: {
      ui: typeof ui;
      board: typeof board;
      glossary: typeof glossary;
      embed: typeof embed;
      play: typeof play;
      debrief: typeof debrief;
      race: typeof race;
      scoring: typeof scoring;
      playui: typeof playui;
      explain: typeof explain;
      runviz: typeof runviz;
      classroom: typeof classroom;
      offline: typeof offline;
      sharing: typeof sharing;
      faults: typeof faults;
    };
    returnNull: false;
  }
}
