package dev.warden.policy;

import java.nio.file.Path;

/**
 * How one family of actions writes its targets, and how a pattern for them is compiled. Actions
 * that share a syntax may share a rule's {@code targets}; actions that do not, may not.
 */
enum TargetSyntax {
    PATH("paths") {
        @Override
        TargetMatcher compileSpecific(String pattern, Path baseDir) {
            return PathPattern.compile(pattern, baseDir);
        }
    },
    URL("URLs") {
        @Override
        TargetMatcher compileSpecific(String pattern, Path baseDir) {
            return UrlPattern.compile(pattern);
        }
    },
    HOST_PORT("host:port addresses") {
        @Override
        TargetMatcher compileSpecific(String pattern, Path baseDir) {
            return HostPortPattern.compile(pattern);
        }
    },
    TABLE("tables") {
        @Override
        TargetMatcher compileSpecific(String pattern, Path baseDir) {
            return TablePattern.compile(pattern);
        }
    },
    JDBC_URL("JDBC URLs") {
        @Override
        TargetMatcher compileSpecific(String pattern, Path baseDir) {
            return JdbcUrlPattern.compile(pattern);
        }
    },
    MAIL("mail addresses") {
        @Override
        TargetMatcher compileSpecific(String pattern, Path baseDir) {
            return MailPattern.compile(pattern);
        }
    },
    COMMAND("command lines") {
        @Override
        TargetMatcher compileSpecific(String pattern, Path baseDir) {
            return CommandPattern.compile(pattern, baseDir);
        }
    },
    EXIT_CODE("exit codes") {
        @Override
        TargetMatcher compileSpecific(String pattern, Path baseDir) {
            return ExitCodePattern.compile(pattern);
        }
    };

    /** What the targets are, in plural, for messages: "sql.connect takes JDBC URLs". */
    final String description;

    TargetSyntax(String description) {
        this.description = description;
    }

    /**
     * Compiles one pattern ({@code ${…}} already expanded); relative paths resolve against
     * {@code baseDir}. A lone {@code *} or {@code **} matches every target in every syntax.
     *
     * @throws IllegalArgumentException saying what is wrong with the pattern
     */
    TargetMatcher compile(String pattern, Path baseDir) {
        if (pattern.equals("*") || pattern.equals("**")) {
            return TargetMatcher.ANY;
        }
        return compileSpecific(pattern, baseDir);
    }

    abstract TargetMatcher compileSpecific(String pattern, Path baseDir);
}
