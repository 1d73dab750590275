package dev.milink.testkit.sql;

/**
 * A decoded LOGIN7 request. {@code toString()} never shows the password.
 *
 * @param user the SQL login name
 * @param password the password in clear text (decoded from the LOGIN7 scrambling)
 * @param database the initial database, empty for the login's default
 * @param applicationName the client's application name
 * @param hostName the client's host name
 */
public record LoginRequest(String user, String password, String database, String applicationName, String hostName) {

    @Override
    public String toString() {
        return "LoginRequest[user=" + user + ", database=" + database + ", applicationName=" + applicationName
                + ", hostName=" + hostName + "]";
    }
}
