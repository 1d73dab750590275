package dev.milink.testkit.sql.engine;

/**
 * A SQL login of the simulated server. {@code toString()} never shows the password.
 *
 * @param name the login name
 * @param password the password
 * @param sysadmin member of the sysadmin role
 */
public record LoginAccount(String name, String password, boolean sysadmin) {

    @Override
    public String toString() {
        return "LoginAccount[name=" + name + ", sysadmin=" + sysadmin + "]";
    }
}
