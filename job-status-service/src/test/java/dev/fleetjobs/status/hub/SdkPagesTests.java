package dev.fleetjobs.status.hub;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Paging through an SDK response with a gate that pays for pages. */
class SdkPagesTests {

	@Test
	void givenThreeFullPages_whenReadAll_thenTheGatePaysForTheTwoFurtherPages() throws Exception {
		FakeCursor cursor = new FakeCursor(List.of(List.of(1, 2), List.of(3, 4), List.of(5)));
		RecordingGate gate = new RecordingGate(true);

		List<Integer> items = SdkPages.readAll(cursor, 2, gate);

		assertThat(items).containsExactly(1, 2, 3, 4, 5);
		assertThat(gate.events).containsExactly("ask", "paid", "ask", "paid");
		assertThat(cursor.fetches).isEqualTo(2);
	}

	@Test
	void givenThreePages_whenRead_thenItTellsHowManyItemsCameOnTheFirstPage() throws Exception {
		SdkPages.Read<Integer> read = SdkPages.read(new FakeCursor(List.of(List.of(1, 2), List.of(3, 4), List.of(5))),
				2, new RecordingGate(true));

		assertThat(read.items()).containsExactly(1, 2, 3, 4, 5);
		assertThat(read.firstPageItems()).containsExactly(1, 2);
	}

	@Test
	void givenAShortFirstPage_whenRead_thenOnlyItsItemsAreTheFirstPage() throws Exception {
		SdkPages.Read<Integer> read = SdkPages.read(new FakeCursor(List.of(List.of(1), List.of(2, 3))), 2,
				new RecordingGate(true));

		assertThat(read.firstPageItems()).containsExactly(1);
	}

	@Test
	void givenOnePage_whenRead_thenEveryItemIsOnTheFirstPage() throws Exception {
		SdkPages.Read<Integer> read = SdkPages.read(new FakeCursor(List.of(List.of(1, 2))), 2, new RecordingGate(true));

		assertThat(read.firstPageItems()).containsExactly(1, 2);
	}

	@Test
	void givenGateRefuses_whenReadAll_thenOnlyTheFirstPageIsReadAndNothingMoreIsFetched() throws Exception {
		FakeCursor cursor = new FakeCursor(List.of(List.of(1, 2), List.of(3)));

		List<Integer> items = SdkPages.readAll(cursor, 2, new RecordingGate(false));

		assertThat(items).containsExactly(1, 2);
		assertThat(cursor.fetches).isZero();
	}

	@Test
	void givenHubSendsAShortPage_whenReadAll_thenTheUnexpectedFetchIsReportedUnpaid() throws Exception {
		FakeCursor cursor = new FakeCursor(List.of(List.of(1), List.of(2, 3)));
		RecordingGate gate = new RecordingGate(true);

		assertThat(SdkPages.readAll(cursor, 2, gate)).containsExactly(1, 2, 3);

		assertThat(gate.events).containsExactly("unpaid");
	}

	@Test
	void givenAPageFailsOnce_whenTheGateRetries_thenItIsFetchedAgainWithoutStartingOver() throws Exception {
		FakeCursor cursor = new FakeCursor(List.of(List.of(1, 2), List.of(3, 4)));
		cursor.failNextFetch = true;
		RecordingGate gate = new RecordingGate(true);
		gate.retries = 1;

		assertThat(SdkPages.readAll(cursor, 2, gate)).containsExactly(1, 2, 3, 4);
		assertThat(gate.events).containsExactly("ask", "retry", "paid");
	}

	@Test
	void givenAPageFailsAndTheGateGivesUp_whenReadAll_thenTheFailureIsThrown() {
		FakeCursor cursor = new FakeCursor(List.of(List.of(1, 2), List.of(3)));
		cursor.failNextFetch = true;

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> SdkPages.readAll(cursor, 2, new RecordingGate(true)));
	}

	/**
	 * Pages behind continuation tokens; {@code next()} fetches when a page is used up.
	 */
	private static final class FakeCursor implements SdkPages.Cursor<Integer> {

		private final List<List<Integer>> pages;

		private int page;

		private int index;

		int fetches;

		boolean failNextFetch;

		FakeCursor(List<List<Integer>> pages) {
			this.pages = pages;
		}

		@Override
		public boolean hasNext() {
			return this.index < this.pages.get(this.page).size() || continuationToken() != null;
		}

		@Override
		public Integer next() {
			if (this.index >= this.pages.get(this.page).size()) {
				if (this.failNextFetch) {
					this.failNextFetch = false;
					throw new IllegalStateException("429");
				}
				this.page++;
				this.index = 0;
				this.fetches++;
			}
			return this.pages.get(this.page).get(this.index++);
		}

		@Override
		public String continuationToken() {
			return (this.page + 1 < this.pages.size()) ? "token-" + (this.page + 1) : null;
		}

	}

	private static final class RecordingGate implements SdkPages.Gate {

		final List<String> events = new ArrayList<>();

		private final boolean allow;

		int retries;

		RecordingGate(boolean allow) {
			this.allow = allow;
		}

		@Override
		public boolean beforeNextPage() {
			this.events.add("ask");
			return this.allow;
		}

		@Override
		public void pageReceived(boolean paid) {
			this.events.add(paid ? "paid" : "unpaid");
		}

		@Override
		public boolean retry(Exception failure) {
			if (this.retries-- > 0) {
				this.events.add("retry");
				return true;
			}
			return false;
		}

	}

}
