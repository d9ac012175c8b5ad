package dev.highlighter.jobs.highlights;

import dev.highlighter.core.VodRef;
import java.util.List;
import java.util.function.Predicate;

/**
 * The per-VOD stages of the highlights job, in order: the one place that says which stages there
 * are, which VODs each takes, and what a VOD must have completed before it. The job's flow, its
 * partitioned steps and the summary are all built from this list.
 */
public enum VodStage {

    CHAT_FEATURES("chatFeatures", VodRef::hasChat),
    MEDIA_FEATURES("mediaFeatures", VodRef::hasVideo),
    INFERENCE("inference", vod -> true, CHAT_FEATURES, MEDIA_FEATURES),
    SEGMENTS("segments", vod -> true, CHAT_FEATURES, MEDIA_FEATURES, INFERENCE),
    /** Optional: a run may turn reels off, and a VOD is scored without one. */
    REEL("reel", VodRef::hasVideo, CHAT_FEATURES, MEDIA_FEATURES, INFERENCE, SEGMENTS);

    private final String step;
    private final Predicate<VodRef> takes;
    private final List<VodStage> after;

    VodStage(String step, Predicate<VodRef> takes, VodStage... after) {
        this.step = step;
        this.takes = takes;
        this.after = List.of(after);
    }

    /** The partitioned (manager) step's name. */
    public String step() {
        return step;
    }

    /** The worker step's name; each VOD's execution of it is {@code worker:vodId}. */
    public String worker() {
        return step + ".vod";
    }

    /** The name Spring Batch gives the worker's execution for one VOD. */
    public String partition(String vodId) {
        return worker() + ":" + vodId;
    }

    public boolean takes(VodRef vod) {
        return takes.test(vod);
    }

    /** The stages this VOD must have completed before this one. */
    public List<VodStage> requires(VodRef vod) {
        return after.stream().filter(s -> s.takes(vod)).toList();
    }

    /** Whether a VOD counts as scored only once this stage completed. */
    public boolean required() {
        return this != REEL;
    }
}
