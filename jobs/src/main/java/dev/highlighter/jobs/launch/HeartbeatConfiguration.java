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

/** Every job of the application gets a heartbeat and the NOOP exit code, without each job definition having to ask. */
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

    /** Static and lazy: a post-processor must not pull the job repository in before the jobs exist. */
    @Bean
    static BeanPostProcessor heartbeatOnEveryJob(ObjectProvider<JobHeartbeat> heartbeat) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
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
