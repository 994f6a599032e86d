package dev.fleetjobs.support.hub;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The keep-alive cache is widened unless the operator chose a size. */
class HubKeepAliveTests {

	private String saved;

	@BeforeEach
	void save() {
		this.saved = System.getProperty(HubKeepAlive.MAX_CONNECTIONS);
		System.clearProperty(HubKeepAlive.MAX_CONNECTIONS);
	}

	@AfterEach
	void restore() {
		if (this.saved != null) {
			System.setProperty(HubKeepAlive.MAX_CONNECTIONS, this.saved);
		}
		else {
			System.clearProperty(HubKeepAlive.MAX_CONNECTIONS);
		}
	}

	@Test
	void givenNoSizeSetWhenAllowedThenTheJvmKeepsThatManyConnections() {
		assertThat(HubKeepAlive.allow(32)).isEqualTo(32);
		assertThat(System.getProperty(HubKeepAlive.MAX_CONNECTIONS)).isEqualTo("32");
	}

	@Test
	void givenASizeSetOnTheCommandLineWhenAllowedThenItWins() {
		System.setProperty(HubKeepAlive.MAX_CONNECTIONS, " 8 ");
		assertThat(HubKeepAlive.allow(32)).isEqualTo(8);
		assertThat(System.getProperty(HubKeepAlive.MAX_CONNECTIONS)).isEqualTo(" 8 ");
	}

}
