package dev.highlighter.console.security;

import dev.highlighter.console.ConsoleBean;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The console's users: from configuration, and in standalone mode also {@code data/console-users.properties},
 * where the first start writes an admin with a random password (only its bcrypt hash is kept).
 * Outside standalone mode there is no default password: with no users the console does not start.
 */
@ConsoleBean
@Component
public class ConsoleUsers implements UserDetailsService {

    public static final String FILE = "console-users.properties";
    public static final String ADMIN = "admin";

    private final Map<String, ConsoleProperties.User> users = new LinkedHashMap<>();
    private final String firstStartPassword;

    public ConsoleUsers(ConsoleProperties properties, @Value("${highlighter.data-dir:data}") Path dataDir) {
        users.putAll(properties.getUsers());
        String made = null;
        if (properties.isStandalone()) {
            Path file = dataDir.resolve(FILE);
            if (!Files.exists(file)) {
                made = randomPassword();
                writeAdmin(file, made);
            }
            users.putAll(read(file));
        }
        firstStartPassword = made;
        for (Map.Entry<String, ConsoleProperties.User> user : users.entrySet()) {
            if (user.getValue().getPasswordHash() == null || user.getValue().getPasswordHash().isBlank()) {
                throw new IllegalStateException("console user '" + user.getKey() + "' has no password-hash (a bcrypt hash)");
            }
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("The console has no users, and outside standalone mode it makes up no password: set"
                    + " highlighter.console.users.<name>.password-hash (a bcrypt hash) and .role (viewer or operator)");
        }
    }

    /** The admin password made at this first start, to print once; empty on later starts. */
    public Optional<String> firstStartPassword() {
        return Optional.ofNullable(firstStartPassword);
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        ConsoleProperties.User user = users.get(name);
        if (user == null) {
            throw new UsernameNotFoundException("no console user " + name);
        }
        String hash = user.getPasswordHash().startsWith("{") ? user.getPasswordHash() : "{bcrypt}" + user.getPasswordHash();
        return User.withUsername(name).password(hash).roles(user.getRole().name()).build();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeAdmin(Path file, String password) {
        Properties p = new Properties();
        p.setProperty(ADMIN, ConsoleProperties.Role.OPERATOR.name().toLowerCase() + "," + new BCryptPasswordEncoder().encode(password));
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file)) {
                p.store(out, "console users of the standalone process: name=role,bcrypt hash");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, ConsoleProperties.User> read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, ConsoleProperties.User> read = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            String[] roleAndHash = p.getProperty(name).split(",", 2);
            if (roleAndHash.length != 2) {
                throw new IllegalStateException(file + ": user '" + name + "' must be role,bcrypt-hash");
            }
            ConsoleProperties.User user = new ConsoleProperties.User();
            user.setRole(ConsoleProperties.Role.valueOf(roleAndHash[0].trim().toUpperCase()));
            user.setPasswordHash(roleAndHash[1].trim());
            read.put(name, user);
        }
        return read;
    }
}
