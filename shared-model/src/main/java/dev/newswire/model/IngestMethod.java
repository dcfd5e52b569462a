package dev.newswire.model;

/** How an article entered Newswire. */
public enum IngestMethod {
    FEED, PAGE, PUSH, FILE
}
