// Human formatting of durations and wall-clock dates, shared by the clocks, the CLI and the
// postmortem generator so every surface says the same figure the same way.
export * from './duration';
export * from './date';
