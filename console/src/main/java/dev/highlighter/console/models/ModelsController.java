package dev.highlighter.console.models;

import dev.highlighter.console.ConsoleBean;
import dev.highlighter.console.actions.AuditLog;
import dev.highlighter.core.models.ModelRegistry;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The model registry: versions with their held-out metrics, the champion and its log; promote and roll back with a reason. */
@ConsoleBean
@Controller
public class ModelsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModelRegistry registry;
    private final AuditLog audit;

    public ModelsController(ModelRegistry registry, AuditLog audit) {
        this.registry = registry;
        this.audit = audit;
    }

    /** A version and the figures of its metrics.json, read as a tree so the page follows the file. */
    public record Version(String version, boolean champion, JsonNode metrics, String problem) {

        public String figure(String name) {
            return metrics == null || !metrics.has(name) ? "" : String.format(java.util.Locale.ROOT, "%.3f", metrics.get(name).asDouble());
        }

        public int heldOutVods() {
            return metrics == null ? 0 : metrics.path("testVods").size();
        }
    }

    @GetMapping("/models")
    String models(Model model) throws IOException {
        String champion = registry.champion().orElse("rule-v0");
        List<Version> versions = new ArrayList<>();
        for (String v : registry.versions()) {
            try {
                versions.add(new Version(v, v.equals(champion), JSON.readTree(registry.readBytes(v, ModelRegistry.METRICS_FILE)), null));
            } catch (Exception e) {
                versions.add(new Version(v, v.equals(champion), null, "metrics unreadable: " + e.getMessage()));
            }
        }
        model.addAttribute("champion", champion);
        model.addAttribute("versions", versions);
        model.addAttribute("history", registry.history());
        return "models";
    }

    @PostMapping("/models/promote")
    String promote(@RequestParam String version, @RequestParam String reason, Principal who, RedirectAttributes flash) {
        if (reason.isBlank()) {
            flash.addFlashAttribute("problem", "say why: a promotion needs a reason");
            return "redirect:/models";
        }
        try {
            registry.promote(version, who.getName(), reason);
            audit.record(who.getName(), "promote", "model " + version, "champion (" + reason + ")");
            flash.addFlashAttribute("flash", version + " is the champion");
        } catch (Exception e) {
            audit.record(who.getName(), "promote", "model " + version, "refused: " + e.getMessage());
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/models";
    }

    @PostMapping("/models/rollback")
    String rollback(@RequestParam String reason, Principal who, RedirectAttributes flash) {
        if (reason.isBlank()) {
            flash.addFlashAttribute("problem", "say why: a rollback needs a reason");
            return "redirect:/models";
        }
        try {
            String back = registry.rollback(who.getName() + " (" + reason + ")");
            audit.record(who.getName(), "rollback", "model champion", "back to " + back + " (" + reason + ")");
            flash.addFlashAttribute("flash", "rolled back to " + back);
        } catch (Exception e) {
            audit.record(who.getName(), "rollback", "model champion", "refused: " + e.getMessage());
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/models";
    }
}
