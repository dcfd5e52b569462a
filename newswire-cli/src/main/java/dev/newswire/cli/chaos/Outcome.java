package dev.newswire.cli.chaos;

/** What became of one poison input. */
enum Outcome {
    /**
     * The API answered 4xx (a problem naming the reason), or 502/504 with a problem naming what the upstream server
     * did, or rejected every item of a 202 with reasons.
     */
    REFUSED,
    /** A stage put it in its dead-letter topic with the reason in the headers. */
    DEAD_LETTERED,
    /** It was a valid input after all and is searchable. */
    INDEXED,
    /** The API took a bounded part of it (a feed's first items) and refused the rest. */
    CAPPED,
    /** The API took it although it had to refuse it (an unauthenticated request, a flood of feed items). */
    NOT_REFUSED,
    /** The API answered 5xx. */
    SERVER_ERROR,
    /** The API did not answer (connection reset, time out). */
    NO_ANSWER,
    /** Acknowledged, but neither searchable nor dead-lettered within the bound: the pipeline stalled on it or lost it. */
    STALLED,
    /** A process of the stack died while it was handled. */
    CRASHED
}
