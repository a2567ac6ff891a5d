package io.partnertiers.facts;

/** A what-if that would take the partner's facts out of their bounds once added to them; a 400 naming the field. */
public class InvalidWhatIfException extends RuntimeException {

    private final String field;

    public InvalidWhatIfException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field's path in the request, e.g. {@code whatIf.people[0].certifications}. */
    public String field() {
        return field;
    }
}
