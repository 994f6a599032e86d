package dev.fleetjobs.status.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads an SDK query response (JobQueryResponse, RawQueryResponse) page by page. The SDK
 * fetches the next page by itself inside {@code next()}; this reader asks the gate before
 * each fetch it expects (when a page of {@code pageSize} items is used up and a
 * continuation token is pending) and tells it about every page that arrived, including
 * one it did not expect (the hub sent a shorter page than asked), so every page is paid
 * for from the budget. A page that failed can be fetched again without starting over.
 */
public final class SdkPages {

	private SdkPages() {
	}

	/**
	 * Reads every item of a response whose first page has arrived (and been reported to
	 * the gate), asking the gate before each further page.
	 */
	public static <T> List<T> readAll(Cursor<T> cursor, int pageSize, Gate gate) throws Exception {
		return read(cursor, pageSize, gate).items();
	}

	/**
	 * Like {@link #readAll}, and tells how many of the items came on the first page (a
	 * snapshot older than every later page).
	 */
	public static <T> Read<T> read(Cursor<T> cursor, int pageSize, Gate gate) throws Exception {
		List<T> items = new ArrayList<>();
		int firstPage = forEach(cursor, pageSize, gate, items::add);
		return new Read<>(items, firstPage);
	}

	/**
	 * Like {@link #read}, handing each item on as it comes instead of keeping them: the
	 * memory is one page's, however many pages there are.
	 * @return how many of the items came on the first page
	 */
	public static <T> int forEach(Cursor<T> cursor, int pageSize, Gate gate, Consumer<? super T> each)
			throws Exception {
		String token = cursor.continuationToken();
		int inPage = 0;
		int count = 0;
		int firstPage = -1;
		while (cursor.hasNext()) {
			boolean expected = token != null && inPage >= pageSize;
			if (expected && !gate.beforeNextPage()) {
				break;
			}
			each.accept(next(cursor, gate));
			count++;
			String now = cursor.continuationToken();
			if (expected || !Objects.equals(now, token)) {
				gate.pageReceived(expected);
				firstPage = (firstPage < 0) ? count - 1 : firstPage;
				token = now;
				inPage = 0;
			}
			inPage++;
		}
		return (firstPage < 0) ? count : firstPage;
	}

	/**
	 * The items read, in the hub's order; the first {@code firstPage} of them came on the
	 * first page.
	 */
	public record Read<T>(List<T> items, int firstPage) {

		/** The items of the first page. */
		public List<T> firstPageItems() {
			return this.items.subList(0, this.firstPage);
		}

	}

	private static <T> T next(Cursor<T> cursor, Gate gate) throws Exception {
		while (true) {
			try {
				return cursor.next();
			}
			catch (Exception ex) {
				if (!gate.retry(ex)) {
					throw ex;
				}
			}
		}
	}

	/** The part of an SDK query response this reader uses. */
	public interface Cursor<T> {

		boolean hasNext();

		T next() throws Exception;

		String continuationToken();

		/**
		 * A cursor over an SDK response's methods, e.g.
		 * {@code of(response::hasNext, response::next, response::getContinuationToken)}.
		 */
		static <T> Cursor<T> of(BooleanSupplier hasNext, Next<T> next, Supplier<String> continuationToken) {
			return new Cursor<>() {
				@Override
				public boolean hasNext() {
					return hasNext.getAsBoolean();
				}

				@Override
				public T next() throws Exception {
					return next.get();
				}

				@Override
				public String continuationToken() {
					return continuationToken.get();
				}
			};
		}

	}

	/** An SDK response's {@code next()}. */
	@FunctionalInterface
	public interface Next<T> {

		T get() throws Exception;

	}

	/** Pays for pages from the budget. */
	public interface Gate {

		/** Called before a page is fetched; false stops reading. */
		boolean beforeNextPage() throws Exception;

		/**
		 * Called when a page arrived.
		 * @param paid whether {@link #beforeNextPage()} paid for it
		 */
		void pageReceived(boolean paid);

		/**
		 * Called when fetching a page failed; true (after any wait) to fetch it again
		 * with the same continuation token, false to give up.
		 */
		default boolean retry(Exception failure) throws Exception {
			return false;
		}

	}

}
