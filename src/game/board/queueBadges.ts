// Where the run's queue badges go (PacketLayer.drawQueues): a number of packets waiting at a spot of the board.
/**
 * The queue badges to draw: one per spot holding two packets or more, except that spots whose badges would
 * touch (closer than a four-digit badge's width across, or a badge's height down) are counted into the first
 * of them, where it stands. `into` is emptied and filled (one list kept by the layer).
 */
export function queueBadges(spots: Iterable<{ x: number; y: number; count: number }>, radius: number, into: Array<{ x: number; y: number; count: number }> = []): Array<{ x: number; y: number; count: number }> {
  into.length = 0;
  for (const spot of spots) {
    if (spot.count < 2) continue;
    const near = into.find((badge) => Math.abs(badge.x - spot.x) < radius * 4.4 && Math.abs(badge.y - spot.y) < radius * 2.2);
    if (near) near.count += spot.count;
    else into.push({ x: spot.x, y: spot.y, count: spot.count });
  }
  return into;
}
