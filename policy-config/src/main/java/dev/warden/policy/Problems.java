package dev.warden.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every error of one load, so the user sees them all at once. */
final class Problems {

    private final String file;
    private final List<PolicyError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(int line, String message) {
        errors.add(new PolicyError(file, line, message));
    }

    int count() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws when anything was collected; errors sorted by line, file-wide ones (line 0) first. */
    void throwIfAny() throws PolicyException {
        if (!errors.isEmpty()) {
            List<PolicyError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(PolicyError::line));
            throw new PolicyException(sorted);
        }
    }
}
