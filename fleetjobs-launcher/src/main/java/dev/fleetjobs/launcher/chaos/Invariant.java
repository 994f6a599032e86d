package dev.fleetjobs.launcher.chaos;

import java.util.ArrayList;
import java.util.List;

/** One invariant checked: what it says, how many things it looked at, what broke it. */
public final class Invariant {

	private final String statement;

	private int checked;

	private final List<String> violations = new ArrayList<>();

	Invariant(String statement) {
		this.statement = statement;
	}

	void check(boolean holds, String violation) {
		this.checked++;
		if (!holds) {
			this.violations.add(violation);
		}
	}

	public String statement() {
		return this.statement;
	}

	public int checked() {
		return this.checked;
	}

	public List<String> violations() {
		return List.copyOf(this.violations);
	}

	@Override
	public String toString() {
		return String.format("%s %s: %d checked, %d violations", this.violations.isEmpty() ? "OK  " : "FAIL",
				this.statement, this.checked, this.violations.size());
	}

}
