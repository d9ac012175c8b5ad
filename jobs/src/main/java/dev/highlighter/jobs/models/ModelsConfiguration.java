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
        return new ChampionModels(registry, new RuleModelV0(props.segments().policy().threshold()));
    }

    /**
     * The version the run pinned in its job context when it started (discoverVods), so every VOD
     * of a run, and of its restarts, is scored by the same model.
     */
    @Bean
    @StepScope
    HighlightModel highlightModel(ChampionModels champions, @Value("#{jobExecutionContext['" + ChampionModels.PINNED + "']}") String version) {
        return champions.byVersion(version);
    }
}
