// When the language server dies: restart it, but not in a loop. The policy is a plain
// object fed with times, so it is tested without a server or a clock.

export interface RestartDecision {
  restart: boolean;
  /** Tell the user: once per session for the first restart, and when giving up. */
  notify: 'restarted' | 'gave-up' | undefined;
}

export class RestartPolicy {
  private crashes: number[] = [];
  private toldRestart = false;

  constructor(readonly maxRestarts = 5, readonly windowMs = 3 * 60_000) {}

  /** Records a crash at `nowMs` and decides what to do about it. */
  onCrash(nowMs: number): RestartDecision {
    this.crashes = this.crashes.filter((t) => nowMs - t < this.windowMs);
    this.crashes.push(nowMs);
    if (this.crashes.length > this.maxRestarts) {
      this.crashes = [];
      return { restart: false, notify: 'gave-up' };
    }
    const notify = this.toldRestart ? undefined : 'restarted';
    this.toldRestart = true;
    return { restart: true, notify };
  }

  /** After a restart the user asked for, count from zero again. */
  reset(): void { this.crashes = []; }
}
