package dev.warden.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One governed action, such as {@code file.read} or {@code sql.DELETE}: one interned instance per
 * name, so actions compare with {@code ==} and index arrays by {@link #id()}.
 *
 * <p>The set is finite on purpose: HTTP methods and SQL verbs are the fixed lists of policy.md, so
 * a decision cache can be one array slot per action. An HTTP method outside the list has no action
 * ({@link #http} returns {@code null}); the agent decides what to do with it.
 */
public final class Action {

    private static final List<Action> ALL = new ArrayList<>();
    private static final Map<String, Action> BY_NAME = new HashMap<>();
    /** By the word after the family's dot, so the hot path looks up {@code "GET"} without building a string. */
    private static final Map<String, Action> HTTP_BY_METHOD = new HashMap<>();
    private static final Map<String, Action> SQL_BY_VERB = new HashMap<>();

    public static final Action FILE_READ = define("file.read", TargetSyntax.PATH);
    public static final Action FILE_WRITE = define("file.write", TargetSyntax.PATH);
    public static final Action FILE_DELETE = define("file.delete", TargetSyntax.PATH);

    static {
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT")) {
            HTTP_BY_METHOD.put(method, define("http." + method, TargetSyntax.URL));
        }
    }

    public static final Action NET_CONNECT = define("net.connect", TargetSyntax.HOST_PORT);

    static {
        for (String verb : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "ALTER", "DROP",
                "TRUNCATE", "GRANT", "REVOKE", "CALL", "SET", "OTHER")) {
            SQL_BY_VERB.put(verb, define("sql." + verb, TargetSyntax.TABLE));
        }
    }

    public static final Action SQL_CONNECT = define("sql.connect", TargetSyntax.JDBC_URL);
    public static final Action MAIL_SEND = define("mail.send", TargetSyntax.MAIL);
    public static final Action PROCESS_EXEC = define("process.exec", TargetSyntax.COMMAND);
    public static final Action JVM_EXIT = define("jvm.exit", TargetSyntax.EXIT_CODE);

    private static final List<Action> ALL_VIEW = Collections.unmodifiableList(ALL);

    private final String name;
    private final String family;
    private final int id;
    private final TargetSyntax syntax;

    private Action(String name, int id, TargetSyntax syntax) {
        this.name = name;
        this.family = name.substring(0, name.indexOf('.'));
        this.id = id;
        this.syntax = syntax;
    }

    private static Action define(String name, TargetSyntax syntax) {
        Action a = new Action(name, ALL.size(), syntax);
        ALL.add(a);
        BY_NAME.put(name, a);
        return a;
    }

    /** The name as written in policies and audit records: {@code file.read}, {@code http.GET}. */
    public String name() {
        return name;
    }

    /** The family: {@code file}, {@code http}, {@code sql}, {@code mail}, {@code net}, {@code process}, {@code jvm}. */
    public String family() {
        return family;
    }

    /** A dense index in {@code [0, count())}, for arrays indexed by action. */
    public int id() {
        return id;
    }

    /** How this action's targets are written and matched. */
    TargetSyntax syntax() {
        return syntax;
    }

    /** One more than the largest {@link #id()}. */
    public static int count() {
        return ALL.size();
    }

    /** Every action, in {@link #id()} order. */
    public static List<Action> all() {
        return ALL_VIEW;
    }

    /** The action of an HTTP method ({@code "GET"} → {@code http.GET}), or {@code null} if it is not one of the nine. */
    public static Action http(String method) {
        return word(HTTP_BY_METHOD, method);
    }

    /** The action of a SQL verb ({@code "SELECT"} → {@code sql.SELECT}), or {@code null} if unknown. */
    public static Action sql(String verb) {
        return word(SQL_BY_VERB, verb);
    }

    /** The action of that exact name ({@code "file.read"}), or {@code null} if unknown. */
    public static Action parse(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    private static Action word(Map<String, Action> byWord, String word) {
        if (word == null) {
            return null;
        }
        Action a = byWord.get(word);
        return a != null ? a : byWord.get(word.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name;
    }
}
