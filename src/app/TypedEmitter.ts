// A small event emitter whose event names and payloads are checked by the compiler, so the game's
// adapters (audio, automation, a future embed bridge) listen to typed events, not loose strings.

export type Listener<T> = (payload: T) => void;

export class TypedEmitter<Events extends { [name: string]: unknown }> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as Listener<never>);
    return () => this.off(name, listener);
  }

  off<K extends keyof Events>(name: K, listener: Listener<Events[K]>): void {
    this.listeners.get(name)?.delete(listener as Listener<never>);
  }

  /** Calls every listener; one that throws is reported and does not stop the others. */
  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    const set = this.listeners.get(name);
    if (!set || set.size === 0) return;
    if (set.size === 1) {
      // The usual case (a run emits thousands of packet events a second): no copy of the set.
      for (const listener of set) {
        this.call(name, listener as Listener<Events[K]>, payload);
        break;
      }
      return;
    }
    // A copy: a listener may subscribe or unsubscribe others while it is called.
    for (const listener of [...set]) this.call(name, listener as Listener<Events[K]>, payload);
  }

  private call<K extends keyof Events>(name: K, listener: Listener<Events[K]>, payload: Events[K]): void {
    try {
      listener(payload);
    } catch (error) {
      console.error(`Listener for "${String(name)}" failed`, error);
    }
  }

  listenerCount<K extends keyof Events>(name: K): number {
    return this.listeners.get(name)?.size ?? 0;
  }
}
