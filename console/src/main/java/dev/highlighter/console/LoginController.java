package dev.highlighter.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@ConsoleBean
@Controller
public class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
