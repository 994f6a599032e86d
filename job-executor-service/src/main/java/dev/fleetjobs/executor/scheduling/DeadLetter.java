package dev.fleetjobs.executor.scheduling;

/**
 * A command that could not be carried out, for {@code fleetjobs.commands.dlt}.
 *
 * @param origin where the command came from
 * @param value the command record, or the original bytes when it could not be read
 * @param errorCode a stable code, e.g. {@code ArgumentInvalid},
 * {@code JOB_DEFINITION_CONFLICT}, {@code UNPARSEABLE}
 * @param reason a readable reason
 * @param field the JSON path of the failing field, when one field is to blame
 */
public record DeadLetter(CommandOrigin origin, Object value, String errorCode, String reason, String field) {
}
