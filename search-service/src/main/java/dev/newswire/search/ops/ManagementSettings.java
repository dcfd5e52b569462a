package dev.newswire.search.ops;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The operator account of the management endpoints ({@code management.*}, environment
 * {@code MANAGEMENT_USERNAME} and {@code MANAGEMENT_PASSWORD}). {@code /health} and {@code /prometheus} stay
 * open for probes and scrapers; health details and every other endpoint need this account.
 */
@ConfigurationProperties("management")
public class ManagementSettings {

    /** Operator user name; empty disables the account. */
    private String username = "";

    /** Operator password; empty disables the account. */
    private String password = "";

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
