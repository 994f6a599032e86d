package dev.fleetjobs.launcher.stack;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClusterIdTests {

	@Test
	void givenManyGeneratedClusterIds_whenInspected_thenNoneStartsWithADashThatTheFormatToolWouldTakeForAnOption() {
		assertThat(IntStream.range(0, 20_000).mapToObj((i) -> KafkaBroker.clusterId()))
			.allSatisfy((id) -> assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+"));
	}

}
