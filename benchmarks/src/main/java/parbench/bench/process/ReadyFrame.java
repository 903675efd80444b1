package parbench.bench.process;

/**
 * Worker to parent, once, as the first line of its stdout: the worker is up and reads tasks.
 * Until it arrives the parent charges the worker's start-up, not a task, to the clock.
 *
 * @param pid the worker's process id
 */
public record ReadyFrame(long pid) {}
