package dev.highlighter.jobs.models;

import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.processors.evaluation.ModelEvaluation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Trains a challenger per scope on the labelled VODs of the lookback: {@code default} on all of
 * them, and each scope (a configured group of channels, or a channel) that has labelled VODs on
 * its own. Each challenger is compared, on its scope's held-out VODs only, with what scored that
 * scope when the run started, and promoted for that scope only if it wins: a challenger never
 * replaces the champion of a scope it was not evaluated on. One log line per scope.
 */
public class RetrainTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RetrainTasklet.class);

    private final LabelledVods labelled;
    private final ModelRegistry registry;
    private final ChampionModels champions;
    private final LocalDate date;
    private final int lookbackDays;
    private final long windowMs;

    public RetrainTasklet(LabelledVods labelled, ModelRegistry registry, ChampionModels champions, LocalDate date, int lookbackDays,
                          long windowMs) {
        this.labelled = labelled;
        this.registry = registry;
        this.champions = champions;
        this.date = date;
        this.lookbackDays = lookbackDays;
        this.windowMs = windowMs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        LocalDate from = date.minusDays(lookbackDays);
        Map<String, List<ModelEvaluation.Labelled>> byScope = new LinkedHashMap<>();
        byScope.put(ModelRegistry.DEFAULT_SCOPE, new ArrayList<>());
        Map<String, List<ModelEvaluation.Labelled>> own = new TreeMap<>();
        for (LabelledVods.Entry e : labelled.between(from, date)) {
            byScope.get(ModelRegistry.DEFAULT_SCOPE).add(e.vod());
            own.computeIfAbsent(champions.scopes().of(e.channel()), s -> new ArrayList<>()).add(e.vod());
        }
        own.remove(ModelRegistry.DEFAULT_SCOPE); // a channel named default is in default already
        byScope.putAll(own);
        // every challenger meets what scored its scope when the run started, whatever this run promotes first
        Map<String, ChampionModels.Choice> before = new LinkedHashMap<>();
        byScope.keySet().forEach(scope -> before.put(scope, champions.current(scope)));

        long execution = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        ScopeTraining training = new ScopeTraining(registry, windowMs, execution, from, date);
        String stamp = "xgb-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        List<String> trained = new ArrayList<>();
        for (var scope : byScope.entrySet()) {
            boolean isDefault = scope.getKey().equals(ModelRegistry.DEFAULT_SCOPE);
            String version = isDefault ? stamp : stamp + "-" + scope.getKey();
            ScopeTraining.Outcome outcome = training.train(scope.getKey(), version, scope.getValue(), before.get(scope.getKey()));
            if (outcome.version() == null) {
                if (isDefault) {
                    throw new IllegalStateException(outcome.verdict() + "; run the feedback job with labels first");
                }
                log.warn("Scope {}: not trained, {}", scope.getKey(), outcome.verdict());
                continue;
            }
            if (outcome.promoted()) {
                log.info("Scope {}: promoted {}", scope.getKey(), outcome.verdict());
            } else {
                log.warn("Scope {}: kept but not promoted (it does not beat the champion) {}", scope.getKey(), outcome.verdict());
            }
            trained.add(scope.getKey());
            record(context, isDefault ? "" : scope.getKey() + ".", outcome);
            contribution.incrementWriteCount(1);
        }
        context.putString("scopes", String.join(",", trained));
        return RepeatStatus.FINISHED;
    }

    /** Default's outcome under the keys the job always had (version, promoted, verdict); another scope's prefixed by its name. */
    private static void record(ExecutionContext context, String prefix, ScopeTraining.Outcome outcome) {
        context.putString(prefix + "version", outcome.version());
        context.putString(prefix + "promoted", String.valueOf(outcome.promoted()));
        context.putString(prefix + "verdict", outcome.verdict());
    }
}
