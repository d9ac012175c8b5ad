package dev.highlighter.jobs.highlights;

import dev.highlighter.core.VodRef;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.launch.NothingToDoException;
import dev.highlighter.jobs.models.ChampionModels;
import dev.highlighter.jobs.models.PinnedModels;
import dev.highlighter.readers.catalog.VodCatalog;
import dev.highlighter.writers.VodStatusWriter;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Lists the date's VODs once per run, keeps the list in the job's context and registers them in {@code vods}. */
public class DiscoverVodsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DiscoverVodsTasklet.class);

    private final VodCatalog catalog;
    private final HdfsLayout layout;
    private final VodStatusWriter vods;
    private final LocalDate date;
    private final ChampionModels champions;

    public DiscoverVodsTasklet(VodCatalog catalog, HdfsLayout layout, VodStatusWriter vods, LocalDate date, ChampionModels champions) {
        this.catalog = catalog;
        this.layout = layout;
        this.vods = vods;
        this.date = date;
        this.champions = champions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        List<VodRef> found = catalog.list(date);
        if (found.isEmpty()) {
            throw new NothingToDoException("no VODs for " + date + " under " + layout.vods() + "/*/" + date
                    + ": the date's folders are missing or empty, so nothing was processed");
        }
        DiscoveredVods.put(jobContext, found);
        // a restart keeps the models its run started with
        var pins = PinnedModels.pin(jobContext, champions, found.stream().map(VodRef::channel).toList());
        pins.forEach((channel, pin) -> log.info("This run scores channel {} with model {} (scope {})", channel, pin.version(), pin.scope()));
        long withChat = found.stream().filter(VodRef::hasChat).count();
        for (VodRef vod : found) {
            if (!vod.hasChat()) {
                log.info("VOD {} ({}) has a video but no chat: it is scored on media alone", vod.vodId(), vod.channel());
            }
            vods.discovered(vod);
            contribution.incrementReadCount();
        }
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putLong("vods", found.size());
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putLong("vodsWithChat", withChat);
        log.info("Found {} VODs for {} ({} with chat, {} video only)", found.size(), date, withChat, found.size() - withChat);
        return RepeatStatus.FINISHED;
    }
}
