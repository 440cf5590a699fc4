/**
 * Counts the turns of the event loop from now on, each one a command's ack or an interaction's answer could take,
 * until `stop()`: tests count the work done between two turns rather than time it, which holds on a loaded machine.
 */
export function turnCounter(): { turns: () => number; stop: () => void } {
  let turns = 0;
  let counting = true;
  const turn = () => {
    turns++;
    if (counting) setImmediate(turn);
  };
  setImmediate(turn);
  return { turns: () => turns, stop: () => (counting = false) };
}
