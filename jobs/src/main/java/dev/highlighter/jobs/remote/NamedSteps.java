package dev.highlighter.jobs.remote;

import java.util.List;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepLocator;

/** Finds a worker step by its step name (Batch's BeanFactoryStepLocator looks up bean names, which differ). */
class NamedSteps implements StepLocator {

    private final List<Step> steps;

    NamedSteps(List<Step> steps) {
        this.steps = steps;
    }

    @Override
    public Step getStep(String stepName) {
        return steps.stream().filter(s -> s.getName().equals(stepName)).findFirst().orElse(null);
    }
}
