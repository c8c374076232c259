// What a board shows of a run in progress, read from its session: breaches, quarantines, cracked walls, live
// and booting instances, image pulls. Shared by the run phase of the board screen and the race view's lanes.
import type { RunSession } from '../play/RunSession';
import type { BoardModel } from './BoardView';

export type LiveBoardFields = Pick<BoardModel, 'breachedTenants' | 'quarantined' | 'cracked' | 'runningCount' | 'bootingCount' | 'pulling' | 'running'>;

export function liveBoardFields(session: RunSession): LiveBoardFields {
  return {
    breachedTenants: session.breachedTenants,
    quarantined: session.quarantined,
    cracked: session.cracked,
    runningCount: (app) => session.liveCount(app),
    bootingCount: (app) => session.instances().filter((instance) => instance.app === app && instance.state === 'booting').length,
    pulling: session.pulling,
    running: true,
  };
}
