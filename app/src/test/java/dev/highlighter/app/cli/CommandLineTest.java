package dev.highlighter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.highlighter.core.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line as a user meets it: help everywhere, one-line reasons for bad arguments. */
class CommandLineTest {

    @TempDir
    Path tmp;

    private static CommandLine cli() {
        return HighlighterCommand.commandLine(CommandLine.defaultFactory());
    }

    @Test
    void everyCommandHasHelp() {
        for (List<String> args : List.of(List.of("--help"), List.of("run", "--help"), List.of("export", "--help"),
                List.of("evaluate", "--help"), List.of("demo", "--help"), List.of("bench", "chat", "--help"),
                List.of("bench", "job", "--help"))) {
            CommandLine.ParseResult parsed = cli().parseArgs(args.toArray(String[]::new));
            StringWriter out = new StringWriter();
            CommandLine.ParseResult leaf = parsed;
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
            }
            assertThat(leaf.isUsageHelpRequested()).as(args.toString()).isTrue();
            leaf.commandSpec().commandLine().usage(new PrintWriter(out));
            assertThat(out.toString()).as(args.toString()).startsWith("Usage: highlighter");
        }
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> cli().parseArgs("run", "highlights", "--date", "2020-13-01"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("'2020-13-01' is not a date (yyyy-MM-dd)");
        assertThatThrownBy(() -> cli().parseArgs("run", "highlights"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--date=yyyy-MM-dd");
        assertThatThrownBy(() -> cli().parseArgs("run", "reports", "--from", "2019-10-14"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--to=yyyy-MM-dd");
        assertThatThrownBy(() -> cli().parseArgs("explode"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("Unmatched argument");
        assertThatThrownBy(() -> cli().parseArgs("evaluate", "--labels", "x.json"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--predictions");
    }

    @Test
    void globalOptionsBecomeProperties() {
        CommandLine.ParseResult parsed = cli().parseArgs("run", "highlights", "--date", "2019-10-03", "--root", "file:///srv/x");
        assertThat(HighlighterCommand.properties(parsed)).containsEntry("highlighter.root", "file:///srv/x");
    }

    @Test
    void evaluatingLabelEverythingGivesItsKnownScore() throws Exception {
        // label everything: precision is the labelled share of the span seconds, recall is 1
        JsonNode labels = JsonMapper.builder().build().readTree(SharedData.lolLabels().toFile());
        StringBuilder csv = new StringBuilder("vod_id,start_s,end_s,score,model_version\n");
        long spanSeconds = 0;
        long labelledSeconds = 0;
        for (var game : labels.properties()) {
            double start = game.getValue().get("span").get(0).asDouble();
            double end = game.getValue().get("span").get(1).asDouble();
            spanSeconds += (long) Math.ceil(end - Math.floor(start));
            for (JsonNode h : game.getValue().get("highlights")) {
                labelledSeconds += Math.round(h.get(1).asDouble() - h.get(0).asDouble());
            }
            csv.append(String.format(Locale.ROOT, "%s,%.1f,%.1f,1,all%n", game.getKey(), start, end));
        }
        Path predictions = tmp.resolve("all.csv");
        Files.writeString(predictions, csv);
        StringWriter out = new StringWriter();
        CommandLine cmd = cli();
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute("evaluate", "--labels", SharedData.lolLabels().toString(), "--predictions", predictions.toString());

        assertThat(code).isZero();
        String last = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
        double p = (double) labelledSeconds / spanSeconds;
        double f1 = 2 * p / (1 + p);
        assertThat(last).isEqualTo(String.format(Locale.ROOT, "F1 %.3f segP 1.000 segR 1.000 vods 16", f1));
    }

    @Test
    void aBrokenPredictionsFileNamesItsLine() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "vod_id,start_s,end_s,score,model_version\ng,1,2,1,x\ng,oops,2,1,x\n");
        StringWriter err = new StringWriter();
        CommandLine cmd = cli();
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute("evaluate", "--labels", SharedData.lolLabels().toString(), "--predictions", bad.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("bad.csv:3:").contains("oops");
    }

    @Test
    void evaluateTopKKeepsEachVodsBestByScore() throws Exception {
        JsonNode game = JsonMapper.builder().build().readTree(SharedData.lolLabels().toFile()).properties().iterator().next().getValue();
        String id = JsonMapper.builder().build().readTree(SharedData.lolLabels().toFile()).properties().iterator().next().getKey();
        JsonNode hit = game.get("highlights").get(0);
        // a stretch of the span that no label touches
        double miss = game.get("span").get(0).asDouble();
        boolean clear = false;
        while (!clear) {
            double from = miss;
            clear = true;
            for (JsonNode h : game.get("highlights")) {
                if (h.get(0).asDouble() < from + 2 && from < h.get(1).asDouble()) {
                    clear = false;
                    miss = h.get(1).asDouble() + 1;
                }
            }
        }
        for (String scores : List.of("9.5,0.25", "0.25,9.5")) {
            String[] s = scores.split(",");
            Path predictions = tmp.resolve("ranked.csv");
            Files.writeString(predictions, String.format(Locale.ROOT, "vod_id,start_s,end_s,score,model_version%n%s,%.1f,%.1f,%s,m%n%s,%.1f,%.1f,%s,m%n",
                    id, hit.get(0).asDouble(), hit.get(1).asDouble(), s[0], id, miss, miss + 2, s[1]));
            StringWriter out = new StringWriter();
            CommandLine cmd = cli();
            cmd.setOut(new PrintWriter(out));
            assertThat(cmd.execute("evaluate", "--labels", SharedData.lolLabels().toString(), "--predictions", predictions.toString(),
                    "--only-predicted", "--top-k", "1")).isZero();
            String last = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
            assertThat(last).as(scores).contains(scores.startsWith("9.5") ? "segP 1.000" : "segP 0.000");
        }
        Path unscored = tmp.resolve("unscored.csv");
        Files.writeString(unscored, "vod_id,start_s,end_s\n" + id + ",1,2\n");
        StringWriter err = new StringWriter();
        CommandLine cmd = cli();
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("evaluate", "--labels", SharedData.lolLabels().toString(), "--predictions", unscored.toString(), "--top-k", "5"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no score column");
    }

    @Test
    void crossvalTrainsOnOneSetAndScoresAnother() throws Exception {
        // four LoL games to train on, three Dota 2 broadcasts to score: a small run of the transfer measure
        Path lol = subset(SharedData.dir().resolve("lol-worlds-2019"), "lol", ".csv",
                List.of("102844212428895431", "102844212430075086", "102844212431320277", "102844224147717245"));
        Path dota = subset(SharedData.dota(), "dota", ".chat.jsonl", List.of("324215198", "341205295", "341306137"));
        StringWriter out = new StringWriter();
        CommandLine cmd = cli();
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute("crossval", "--train", lol.toString(), "--test", dota.toString(), "--top-k", "2")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("trained on lol (4 VODs): threshold");
        assertThat(lines.get(1)).startsWith("lol -> dota (3 VODs) (trained model's window AUC");
        assertThat(lines).filteredOn(l -> l.matches("  (trained|rule-v0|seed) +P .* vods 3 segments \\d+")).hasSize(6);
        assertThat(lines).contains(" top 2 per VOD:");
        // at a budget of two per VOD, no method shows more than six segments over the three VODs
        int top = lines.indexOf(" top 2 per VOD:");
        for (String l : lines.subList(top + 1, top + 4)) {
            assertThat(Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1))).as(l).isBetween(1, 6);
        }
    }

    @Test
    void crossvalSaysWhichSetsItNeeds() {
        for (List<String> args : List.of(List.of("crossval"), List.of("crossval", "--chat", "x"),
                List.of("crossval", "--test", tmp.toString()), List.of("crossval", "--chat", "x", "--labels", "y", "--train", "z"))) {
            StringWriter err = new StringWriter();
            CommandLine cmd = cli();
            cmd.setErr(new PrintWriter(err));
            assertThat(cmd.execute(args.toArray(String[]::new))).as(args.toString()).isEqualTo(2);
            assertThat(err.toString()).as(args.toString()).containsAnyOf("--chat and --labels go together", "give either", "--test needs --train");
        }
        StringWriter err = new StringWriter();
        CommandLine cmd = cli();
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("crossval", "--train", tmp.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("has no labels.json");
        StringWriter groups = new StringWriter();
        CommandLine ablation = cli();
        ablation.setErr(new PrintWriter(groups));
        assertThat(ablation.execute("crossval", "--train", tmp.toString(), "--without", "position,vibes")).isEqualTo(2);
        assertThat(groups.toString()).contains("--without takes feature groups").contains("vibes").contains("position");
    }

    /** A data set folder with some VODs of a real one: their chat files in chat/ and their labels. */
    private Path subset(Path from, String name, String ending, List<String> vods) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name).resolve("chat"));
        JsonNode all = JsonMapper.builder().build().readTree(from.resolve("labels.json").toFile());
        tools.jackson.databind.node.ObjectNode labels = JsonMapper.builder().build().createObjectNode();
        for (String vod : vods) {
            Files.copy(from.resolve("chat").resolve(vod + ending), dir.resolve(vod + ending));
            labels.set(vod, all.get(vod));
        }
        Files.writeString(tmp.resolve(name).resolve("labels.json"), labels.toString());
        return tmp.resolve(name);
    }
}
