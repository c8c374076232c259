// Whether the screen should print keyboard shortcuts ("(Del)", "Ctrl+Z", "Press H"): not on a device whose
// main pointer is a finger (a phone or a tablet), unless the player has used a keyboard there. Screen
// readers still hear the keys in the widgets' accessible names.

/** The main pointer is coarse (a finger): a phone or a tablet. */
export function touchFirst(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
}

/** Print key hints: a keyboard has been used, or the main pointer is not a finger. */
export function showKeyHints(keyboardMode: boolean): boolean {
  return keyboardMode || !touchFirst();
}
