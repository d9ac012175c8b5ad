package dev.highlighter.jobs.models;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.processors.model.HighlightModel;
import dev.highlighter.processors.model.RuleModelV0;
import org.apache.hadoop.fs.FileSystem;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model registry in HDFS, and the model each job run scores with. */
@Configuration(proxyBeanMethods = false)
public class ModelsConfiguration {

    @Bean
    ModelRegistry modelRegistry(FileSystem fs, HdfsLayout layout) {
        return new ModelRegistry(fs, layout.models());
    }

    @Bean
    ChampionModels championModels(ModelRegistry registry, HighlighterProperties props) {
        return new ChampionModels(registry, new RuleModelV0(props.segments().policy().threshold()), new ModelScopes(props.scopes()));
    }

    /**
     * The scope and version the run pinned for the VOD's channel in its job context when it
     * started (discoverVods), so every VOD of a channel in a run, and of its restarts, is scored
     * by the same model.
     */
    @Bean
    @StepScope
    HighlightModel highlightModel(ChampionModels champions, @Value(PinnedModels.PINS) String pins,
                                  @Value(PinnedModels.DEFAULT_VERSION) String version, @Value(PinnedModels.CHANNEL) String channel) {
        return champions.byVersion(PinnedModels.of(pins, version, channel).version());
    }
}
