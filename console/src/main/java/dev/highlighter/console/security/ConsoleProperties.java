package dev.highlighter.console.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code highlighter.console.*}: the users (name to bcrypt hash and role) and whether this is
 * the standalone process, the one place a first admin is made up.
 */
@ConfigurationProperties("highlighter.console")
public class ConsoleProperties {

    /** name -> user, e.g. highlighter.console.users.alice.password-hash={bcrypt}$2a$10$..., .role=operator */
    private Map<String, User> users = new LinkedHashMap<>();
    private boolean standalone;

    public Map<String, User> getUsers() {
        return users;
    }

    public void setUsers(Map<String, User> users) {
        this.users = users;
    }

    public boolean isStandalone() {
        return standalone;
    }

    public void setStandalone(boolean standalone) {
        this.standalone = standalone;
    }

    public static class User {
        private String passwordHash;
        private Role role = Role.VIEWER;

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }
    }

    /** A viewer only reads; an operator also acts (launch, stop, restart, recover, abandon, promote). */
    public enum Role { VIEWER, OPERATOR }
}
