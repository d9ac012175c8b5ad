package dev.highlighter.console.actions;

import dev.highlighter.console.ConsoleBean;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operators' actions, each a POST (with Spring Security's CSRF token), and the audit page. */
@ConsoleBean
@Controller
public class ActionsController {

    private final ConsoleActions actions;
    private final AuditLog audit;

    public ActionsController(ConsoleActions actions, AuditLog audit) {
        this.actions = actions;
        this.audit = audit;
    }

    @PostMapping("/launch")
    String launch(@RequestParam String job, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  @RequestParam(defaultValue = "false") boolean rerun, @RequestParam(defaultValue = "false") boolean noReel,
                  @RequestParam(required = false) Integer lookbackDays, Principal who, RedirectAttributes flash) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (noReel) {
            settings.put("reel", "false");
        }
        if (lookbackDays != null) {
            settings.put("lookbackDays", String.valueOf(lookbackDays));
        }
        return answer(flash, "/?job=" + job, () -> actions.launch(who.getName(), job, date, rerun, settings));
    }

    @PostMapping("/executions/{id}/stop")
    String stop(@PathVariable long id, Principal who, RedirectAttributes flash) {
        return answer(flash, "/executions/" + id, () -> actions.stop(who.getName(), id));
    }

    @PostMapping("/executions/{id}/restart")
    String restart(@PathVariable long id, Principal who, RedirectAttributes flash) {
        return answer(flash, "/executions/" + id, () -> actions.restart(who.getName(), id));
    }

    @PostMapping("/executions/{id}/recover")
    String recover(@PathVariable long id, Principal who, RedirectAttributes flash) {
        return answer(flash, "/executions/" + id, () -> actions.recover(who.getName(), id));
    }

    @PostMapping("/executions/{id}/abandon")
    String abandon(@PathVariable long id, @RequestParam(defaultValue = "") String confirm, Principal who, RedirectAttributes flash) {
        return answer(flash, "/executions/" + id, () -> actions.abandon(who.getName(), id, confirm));
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.latest(200));
        return "audit";
    }

    private static String answer(RedirectAttributes flash, String back, java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("flash", action.get());
        } catch (ConsoleActions.Refused e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + back;
    }
}
