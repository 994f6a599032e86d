package dev.fleetjobs.executor.scheduling;

import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.executor.JobExecutorApplication;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The service with one test-only hook, run in its own JVM by the crash test: right after
 * the first {@code JobSubmitted} is written into the listener's open transaction (the hub
 * job exists, the event is on the broker but not committed, the command's offset is not
 * committed) the process halts, as {@code kill -9} would stop it: no shutdown hooks, no
 * aborted transaction, no consumer leaving its group.
 */
public final class CrashingExecutor {

	/** The exit status of the halt. */
	public static final int HALTED = 137;

	private CrashingExecutor() {
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(JobExecutorApplication.class, HaltAfterSubmitted.class).run(args);
	}

	/** Wraps the lifecycle publisher so that the process dies after one submit. */
	static final class HaltAfterSubmitted implements BeanPostProcessor, BeanFactoryAware {

		private BeanFactory beans;

		@Override
		public void setBeanFactory(BeanFactory beanFactory) {
			this.beans = beanFactory;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
			if (!(bean instanceof LifecyclePublisher publisher)) {
				return bean;
			}
			return new LifecyclePublisher() {

				@Override
				public void publish(String jobId, int partition, Object event) {
					publisher.publish(jobId, partition, event);
					if (event instanceof JobSubmitted) {
						HaltAfterSubmitted.this.beans.getBean(KafkaTemplate.class).flush();
						System.out.println("CRASH: halting after JobSubmitted for " + jobId + " was sent, "
								+ "before the transaction commits");
						System.out.flush();
						Runtime.getRuntime().halt(HALTED);
					}
				}

				@Override
				public void deadLetter(DeadLetter letter) {
					publisher.deadLetter(letter);
				}

				@Override
				public void inNewTransaction(Runnable work) {
					publisher.inNewTransaction(work);
				}

			};
		}

	}

}
