package dev.newswire.model;

/** Types of named entities Newswire recognises. */
public enum EntityType {
    PERSON, ORGANIZATION, PLACE
}
