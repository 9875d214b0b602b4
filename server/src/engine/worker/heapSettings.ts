/**
 * How large the V8 young generation (where new objects are made) is on the threads that index: the
 * server's process (started by the client with these flags) and the analysis workers (given the
 * same size as a resource limit, whatever the process's flags).
 *
 * Indexing makes many short-lived objects per document and keeps a compact part of each: with
 * Node's default semi-space (16 MB), objects still in use at each of the frequent scavenges are
 * copied and promoted, and collection took ~6 s of the main thread at 100k articles. With 64 MB,
 * cold indexing of 100k articles took 60.5-62.8 s against 68.2-68.5 s (two runs each, local
 * driver; 32 MB: 64.9 s, 128 MB: 64.1 s) for ~170 MB more peak memory. The benchmark measures the
 * server's process with the same flags.
 */
export const SEMI_SPACE_MB = 64;

/** Node flags for the language server's process. */
export const SERVER_NODE_FLAGS: readonly string[] = [`--max-semi-space-size=${SEMI_SPACE_MB}`];

/** The worker threads' young generation: two semi-spaces and the space for large new objects, one semi-space's size each. */
export const WORKER_YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;
