package dev.fleetjobs.status.view;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems how many items match in all
 * @param totalPages how many pages of this size there are
 */
record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	static <T> Page<T> of(List<T> all, int page, int size) {
		int from = (int) Math.min((long) page * size, all.size());
		int to = Math.min(from + size, all.size());
		return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size(), (all.size() + size - 1) / size);
	}

}
