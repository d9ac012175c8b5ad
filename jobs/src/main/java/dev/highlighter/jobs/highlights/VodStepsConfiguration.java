package dev.highlighter.jobs.highlights;

import dev.highlighter.jobs.steps.VodProgressLogger;
import dev.highlighter.jobs.steps.QuarantineSkipListener;
import dev.highlighter.core.ChatMessage;
import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.ScoredBatch;
import dev.highlighter.core.VodHighlights;
import dev.highlighter.core.VodScores;
import dev.highlighter.core.WindowBatch;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.jobs.models.PinnedModels;
import dev.highlighter.processors.chat.ChatWindowAggregator;
import dev.highlighter.processors.chat.MessageSignalExtractor;
import dev.highlighter.processors.chat.MessageSignals;
import dev.highlighter.processors.chat.ReactionLexicon;
import dev.highlighter.processors.media.MediaWindowAggregator;
import dev.highlighter.processors.model.HighlightModel;
import dev.highlighter.processors.model.ModelScorer;
import dev.highlighter.processors.segment.Segmenter;
import dev.highlighter.readers.MalformedRowException;
import dev.highlighter.readers.chat.ChatMessageReader;
import dev.highlighter.readers.chat.CsvColumnMapping;
import dev.highlighter.readers.chat.CsvMappingResolver;
import dev.highlighter.readers.hbase.HighlightReader;
import dev.highlighter.readers.hbase.VodRowReader;
import dev.highlighter.readers.hbase.VodHighlightsReader;
import dev.highlighter.readers.hbase.VodScoresReader;
import dev.highlighter.readers.hbase.WindowBatchReader;
import dev.highlighter.readers.media.MediaDecoder;
import dev.highlighter.writers.HighlightWriter;
import dev.highlighter.writers.PredictionWriter;
import dev.highlighter.writers.QuarantineFile;
import dev.highlighter.writers.VodStatusWriter;
import dev.highlighter.writers.WindowFeaturesWriter;
import dev.highlighter.writers.reel.ReelWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.client.Connection;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/** The per-VOD worker steps of the highlights job, and the step-scoped parts they are built from. */
@Configuration(proxyBeanMethods = false)
public class VodStepsConfiguration {

    private static final String VOD_ID = "#{stepExecutionContext['vodId']}";

    // --- chat features: chat file -> message signals -> windows -> windows:c

    @Bean
    Step chatFeaturesVod(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                         ChatMessageReader chatMessageReader, MessageSignalExtractor messageSignalExtractor,
                         WindowFlushWriter<MessageSignals> chatWindowsWriter, QuarantineSkipListener<ChatMessage, MessageSignals> chatQuarantine,
                         HighlighterProperties props) {
        return new StepBuilder(VodStage.CHAT_FEATURES.worker(), repository)
                .<ChatMessage, MessageSignals>chunk(props.chatChunkSize())
                .transactionManager(tm)
                .reader(WindowFlushWriter.signalling(chatMessageReader, chatWindowsWriter))
                .processor(messageSignalExtractor)
                .writer(chatWindowsWriter)
                .faultTolerant()
                .skip(MalformedRowException.class)
                .skipLimit(Long.MAX_VALUE)
                .skipListener(chatQuarantine)
                .listener(new VodProgressLogger())
                .listener(chatQuarantine)
                .listener(chatWindowsWriter)
                .build();
    }

    @Bean
    @StepScope
    ChatMessageReader chatMessageReader(FileSystem fs, HighlighterProperties props,
                                        @Value("#{stepExecutionContext['chatPath']}") String chatPath) {
        return new ChatMessageReader(fs, new Path(chatPath), props.chat().format(), csvMappings(props));
    }

    static CsvMappingResolver csvMappings(HighlighterProperties props) {
        Map<String, CsvColumnMapping> channels = new LinkedHashMap<>();
        props.chat().csvChannels().forEach((channel, spec) -> channels.put(channel, CsvColumnMapping.of(spec)));
        Map<String, String> fallback = props.chat().csv();
        return new CsvMappingResolver(channels, fallback.isEmpty() ? null : CsvColumnMapping.of(fallback));
    }

    @Bean
    MessageSignalExtractor messageSignalExtractor() {
        return new MessageSignalExtractor(ReactionLexicon.loadDefault());
    }

    @Bean
    @StepScope
    WindowFlushWriter<MessageSignals> chatWindowsWriter(@Lazy Connection connection, VodStatusWriter vods, HighlighterProperties props,
                                                        @Value(VOD_ID) String vodId,
                                                        @Value("#{stepExecutionContext['chatPath']}") String chatPath) {
        return new WindowFlushWriter<>(new ChatWindowAggregator(vodId, props.windowMs()),
                WindowFeaturesWriter.chat(connection), new ChatOutcome(vods, vodId, chatPath));
    }

    @Bean
    @StepScope
    QuarantineSkipListener<ChatMessage, MessageSignals> chatQuarantine(FileSystem fs, HdfsLayout layout, HighlighterProperties props,
                                                                        @Value("#{jobParameters['date']}") LocalDate date,
                                                                        @Value(VOD_ID) String vodId) {
        return new QuarantineSkipListener<>(new QuarantineFile(fs, layout.quarantineFile(HighlightsJobConfiguration.JOB, date, vodId, "chat"),
                props.quarantine().limits()));
    }

    // --- media features: video file -> one decode pass -> windows -> windows:m

    @Bean
    Step mediaFeaturesVod(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                          MediaWindowItemReader mediaWindowReader, WindowFlushWriter<WindowFeatures> mediaWindowsWriter) {
        return new StepBuilder(VodStage.MEDIA_FEATURES.worker(), repository)
                .<WindowFeatures, WindowFeatures>chunk(50)
                .transactionManager(tm)
                .reader(WindowFlushWriter.signalling(mediaWindowReader, mediaWindowsWriter))
                .writer(mediaWindowsWriter)
                .listener(new VodProgressLogger())
                .listener(mediaWindowsWriter)
                .build();
    }

    @Bean
    @StepScope
    MediaWindowItemReader mediaWindowReader(FileSystem fs, HighlighterProperties props, @Value(VOD_ID) String vodId,
                                            @Value("#{stepExecutionContext['videoPath']}") String videoPath,
                                            @Value("#{stepExecutionContext['chatPath']}") String chatPath) {
        MediaDecoder.VideoFrames frames = props.mediaFrames();
        return new MediaWindowItemReader(fs, new Path(videoPath), vodId, props.windowMs(), frames, chatPath != null);
    }

    @Bean
    @StepScope
    WindowFlushWriter<WindowFeatures> mediaWindowsWriter(@Lazy Connection connection, VodStatusWriter vods, @Value(VOD_ID) String vodId,
                                                         @Value("#{stepExecutionContext['videoPath']}") String videoPath,
                                                         MediaWindowItemReader mediaWindowReader) {
        MediaWindowAggregator aggregator = new MediaWindowAggregator();
        // the step's own reader (both are step-scoped) hands over the pass's result as a value
        return new WindowFlushWriter<>(aggregator, new WindowFeaturesWriter(connection, HBaseSchema.MEDIA),
                new MediaOutcome(vods, vodId, videoPath, aggregator, mediaWindowReader::result));
    }

    // --- inference: windows (c + m) -> model, in batches -> windows:p

    @Bean
    Step inferenceVod(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                      WindowBatchReader windowBatchReader, HighlightModel model, @Lazy Connection connection) {
        return new StepBuilder(VodStage.INFERENCE.worker(), repository)
                .<WindowBatch, ScoredBatch>chunk(4)
                .transactionManager(tm)
                .reader(windowBatchReader)
                .processor(new ModelScorer(model))
                .writer(new PredictionWriter(connection))
                .listener(new VodProgressLogger())
                .build();
    }

    @Bean
    @StepScope
    WindowBatchReader windowBatchReader(@Lazy Connection connection, HighlightModel model, HighlighterProperties props,
                                        @Value(VOD_ID) String vodId) {
        // a model whose columns are scaled by VOD-wide means sees the VOD in one batch
        int batch = model.wholeVod() ? WindowBatchReader.WHOLE_VOD : props.inferenceBatchSize();
        byte[][] families = model.readsTokens() ? new byte[][] {HBaseSchema.CHAT, HBaseSchema.TOKENS, HBaseSchema.MEDIA}
                : new byte[][] {HBaseSchema.CHAT, HBaseSchema.MEDIA};
        return new WindowBatchReader(connection, vodId, batch, model.lookahead(), families);
    }

    // --- segments: scored windows -> highlight segments -> highlights (+ vods)

    @Bean
    Step segmentsVod(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                     VodScoresReader vodScoresReader, HighlightWriter highlightWriter, Segmenter segmenter) {
        return new StepBuilder(VodStage.SEGMENTS.worker(), repository)
                .<VodScores, VodHighlights>chunk(1)
                .transactionManager(tm)
                .reader(vodScoresReader)
                .processor(segmenter)
                .writer(highlightWriter)
                .listener(new VodProgressLogger())
                .build();
    }

    /** The configured policy, at the decision point of the model that scored the run. */
    @Bean
    @StepScope
    Segmenter segmenter(HighlighterProperties props, HighlightModel model) {
        return new Segmenter(props.segments().policy().at(model.threshold(), model.peakThreshold()));
    }

    @Bean
    @StepScope
    VodScoresReader vodScoresReader(@Lazy Connection connection, HighlightModel model, HighlighterProperties props,
                                    @Value(VOD_ID) String vodId) {
        return new VodScoresReader(connection, vodId, model.version(), props.windowMs());
    }

    // --- reel: top highlights + video -> montage mp4 + sidecar -> reels/

    @Bean
    Step reelVod(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                 ReelInputReader reelInputReader, ReelWriter reelWriter) {
        return new StepBuilder(VodStage.REEL.worker(), repository)
                .<VodHighlights, VodHighlights>chunk(1)
                .transactionManager(tm)
                .reader(reelInputReader)
                .writer(reelWriter)
                .listener(new VodProgressLogger())
                .build();
    }

    @Bean
    @StepScope
    ReelInputReader reelInputReader(@Lazy Connection connection, HighlightModel model, @Value(VOD_ID) String vodId) {
        return new ReelInputReader(new VodRowReader(connection),
                new VodHighlightsReader(new HighlightReader(connection), vodId, model.version()), vodId);
    }

    @Bean
    @StepScope
    ReelWriter reelWriter(FileSystem fs, HdfsLayout layout, VodStatusWriter vods, HighlighterProperties props,
                          @Value(VOD_ID) String vodId, @Value("#{stepExecutionContext['channel']}") String channel,
                          @Value("#{jobParameters['date']}") LocalDate date,
                          @Value("#{stepExecutionContext['videoPath']}") String videoPath) {
        return new ReelWriter(fs, new Path(videoPath), layout.reel(channel, date, vodId), props.reel().maxSegments(), vods);
    }

    @Bean
    @StepScope
    HighlightWriter highlightWriter(@Lazy Connection connection, VodStatusWriter vods,
                                    @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId, @Value(PinnedModels.PINS) String pins,
                                    @Value(PinnedModels.DEFAULT_VERSION) String version, @Value(PinnedModels.CHANNEL) String channel) {
        // the scope whose champion scored the VOD goes next to its version
        return new HighlightWriter(connection, vods, jobExecutionId, PinnedModels.of(pins, version, channel).scope());
    }
}
