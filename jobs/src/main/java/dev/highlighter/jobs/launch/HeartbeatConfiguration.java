package dev.highlighter.jobs.launch;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every job of the application gets a heartbeat and the NOOP exit code, and every partition's worker
 * step a heartbeat of its own, without each definition having to ask.
 */
@Configuration(proxyBeanMethods = false)
public class HeartbeatConfiguration {

    @Bean
    Heartbeats heartbeats(DataSource dataSource, @Value("${highlighter.heartbeat.stale-after:PT60S}") Duration staleAfter) {
        return new Heartbeats(dataSource, Clock.systemUTC(), staleAfter);
    }

    @Bean
    JobHeartbeat jobHeartbeat(Heartbeats heartbeats, JobOperator operator,
                              @Value("${highlighter.heartbeat.interval:PT10S}") Duration interval,
                              @Value("${highlighter.heartbeat.shutdown-grace:PT25S}") Duration grace) {
        return new JobHeartbeat(heartbeats, operator, interval, grace);
    }

    @Bean
    StepHeartbeat stepHeartbeat(Heartbeats heartbeats,
                                @Value("${highlighter.heartbeat.interval:PT10S}") Duration interval,
                                @Value("${highlighter.heartbeat.shutdown-grace:PT25S}") Duration grace) {
        return new StepHeartbeat(heartbeats, interval, grace);
    }

    /** Static and lazy: a post-processor must not pull the job repository in before the jobs exist. */
    @Bean
    static BeanPostProcessor heartbeatOnEveryJob(ObjectProvider<JobHeartbeat> heartbeat, ObjectProvider<StepHeartbeat> stepHeartbeat) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof org.springframework.batch.core.step.AbstractStep step && step.getName().endsWith(".vod")) {
                    // a partition's worker step, local or remote (the highlights stages' naming, VodStage.worker())
                    step.registerStepExecutionListener(new org.springframework.batch.core.listener.StepExecutionListener() {
                        @Override
                        public void beforeStep(org.springframework.batch.core.step.StepExecution execution) {
                            stepHeartbeat.getObject().beforeStep(execution);
                        }

                        @Override
                        public org.springframework.batch.core.ExitStatus afterStep(org.springframework.batch.core.step.StepExecution execution) {
                            return stepHeartbeat.getObject().afterStep(execution);
                        }
                    });
                }
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(new JobExecutionListener() {
                        @Override
                        public void beforeJob(JobExecution execution) {
                            HeapWatch.reset();
                            heartbeat.getObject().beforeJob(execution);
                        }

                        @Override
                        public void afterJob(JobExecution execution) {
                            NothingToDoException.in(execution).ifPresent(noop -> execution.setExitStatus(
                                    new org.springframework.batch.core.ExitStatus(NothingToDoException.EXIT_CODE, noop.getMessage())));
                            heartbeat.getObject().afterJob(execution);
                            HeapWatch.logPeak(execution.getJobInstance().getJobName(), execution.getId());
                        }
                    });
                }
                return bean;
            }
        };
    }
}
