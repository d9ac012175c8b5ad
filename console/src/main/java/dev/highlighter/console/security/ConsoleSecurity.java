package dev.highlighter.console.security;

import dev.highlighter.console.ConsoleBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Form login; viewers read, operators act. Every change is a POST with a CSRF token. A POST
 * without a login gets 401 (not a redirect a script would follow), one without the operator
 * role 403; pages redirect to the login form. Health is open, for the Kubernetes probes.
 */
@ConsoleBean
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

    public static final String VIEWER = ConsoleProperties.Role.VIEWER.name();
    public static final String OPERATOR = ConsoleProperties.Role.OPERATOR.name();

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/console.css", "/error", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(VIEWER)
                        .anyRequest().hasRole(OPERATOR))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), request -> !"GET".equals(request.getMethod())));
        return http.build();
    }

    /** An operator may do all a viewer may. */
    @Bean
    static RoleHierarchy consoleRoles() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_" + OPERATOR + " > ROLE_" + VIEWER);
    }

    @Bean
    PasswordEncoder consolePasswords() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
