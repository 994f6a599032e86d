package dev.fleetjobs.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.fleetjobs.launcher.stack.KafkaBroker;
import dev.fleetjobs.launcher.stack.ManagedProcess;
import dev.fleetjobs.launcher.stack.RunDirectory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTests {

	@TempDir
	Path folder;

	@Test
	void runsARealBrokerFromTheJarsAndKeepsItsDataAcrossARestart() throws Exception {
		RunDirectory run = new RunDirectory(this.folder);
		KafkaBroker broker = new KafkaBroker(run, System.getProperty("java.class.path"), 19192, 19193);
		ManagedProcess process = broker.prepare().start();
		try {
			process.awaitHealthy(Duration.ofSeconds(60));
			createTopic(broker.bootstrapServers(), "launcher-test");
			assertThat(topics(broker.bootstrapServers())).contains("launcher-test");

			process.kill();
			ManagedProcess restarted = broker.prepare().start();
			restarted.awaitHealthy(Duration.ofSeconds(60));
			assertThat(topics(broker.bootstrapServers())).contains("launcher-test");
			restarted.stop(Duration.ofSeconds(20));
			assertThat(restarted.isAlive()).isFalse();
		}
		finally {
			process.kill();
		}
	}

	private static void createTopic(String bootstrap, String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(java.util.List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
	}

	private static java.util.Set<String> topics(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			return admin.listTopics().names().get();
		}
	}

}
