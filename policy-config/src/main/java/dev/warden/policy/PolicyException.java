package dev.warden.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy that cannot be loaded, with every problem found (not just the first). */
public final class PolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<PolicyError> errors;

    public PolicyException(List<PolicyError> errors) {
        super(errors.stream().map(PolicyError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** The problems, ordered by line. */
    public List<PolicyError> errors() {
        return errors;
    }
}
