package dev.fleetjobs.simulator.fleet;

/**
 * One of {@code count} processes that split a fleet: it runs the devices whose fleet
 * position modulo {@code count} is {@code index}.
 */
public record Shard(int index, int count) {

	public static final Shard ALL = new Shard(0, 1);

	public Shard {
		if (count < 1 || index < 0 || index >= count) {
			throw new IllegalArgumentException(
					"A shard is i/n with n >= 1 and 0 <= i < n (0-based), e.g. 0/4 .. 3/4; got " + index + "/" + count);
		}
	}

	/** Parses {@code i/n}. */
	public static Shard parse(String text) {
		String[] parts = (text != null) ? text.trim().split("/") : new String[0];
		try {
			if (parts.length == 2) {
				return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
			}
		}
		catch (NumberFormatException ex) {
			// fall through to the clear message
		}
		throw new IllegalArgumentException("A shard is i/n (0-based), e.g. --shard=0/4; got '" + text + "'");
	}

	public boolean contains(int position) {
		return position % this.count == this.index;
	}

	@Override
	public String toString() {
		return this.index + "/" + this.count;
	}

}
