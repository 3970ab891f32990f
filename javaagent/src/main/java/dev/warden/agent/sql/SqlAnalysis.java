package dev.warden.agent.sql;

import dev.warden.policy.Action;

/**
 * What one SQL string does: its (verb, table) pairs, writes first and each action's tables together,
 * and the text with literals replaced by {@code ?}. Immutable and shared by every execution of the
 * same text; the targets qualified with a connection's schema are cached for the last schema seen.
 */
public final class SqlAnalysis {

    /** The target of a statement without a table. */
    public static final String NO_TABLE = "-";
    /** The target of a statement the parser could not understand. */
    public static final String UNKNOWN = "*";

    private final String detail;
    private final Action[] actions;
    private final String[] tables;
    /** Per entry: the schema to qualify an unqualified table with, or {@code null} when it is qualified (or no table). */
    private final boolean[] unqualified;
    /** Per entry: a schema a {@code SET}/{@code USE} earlier in the same string switched to, else {@code null}. */
    private final String[] setInText;
    private final boolean changesSchema;
    private volatile Qualified last;

    SqlAnalysis(String detail, Action[] actions, String[] tables, boolean[] unqualified, String[] setInText,
            boolean changesSchema) {
        this.detail = detail;
        this.actions = actions;
        this.tables = tables;
        this.unqualified = unqualified;
        this.setInText = setInText;
        this.changesSchema = changesSchema;
    }

    /** The SQL text with literals replaced by {@code ?}: the audit record's detail. */
    public String detail() {
        return detail;
    }

    public int size() {
        return actions.length;
    }

    public Action action(int i) {
        return actions[i];
    }

    /** The table of entry {@code i} as written (lower-cased, unquoted), {@link #NO_TABLE} or {@link #UNKNOWN}. */
    public String table(int i) {
        return tables[i];
    }

    /** Whether some table is unqualified, so that the connection's current schema is needed. */
    public boolean needsSchema() {
        for (int i = 0; i < unqualified.length; i++) {
            if (unqualified[i] && setInText[i] == null) {
                return true;
            }
        }
        return false;
    }

    /** Whether running it may change the connection's current schema ({@code SET search_path}, {@code USE}). */
    public boolean changesSchema() {
        return changesSchema;
    }

    /**
     * The targets, unqualified tables qualified with {@code schema} (lower-case; {@code null}: left
     * as written). The same array for repeated calls with the same schema: never modify it.
     */
    public String[] targets(String schema) {
        Qualified q = last;
        if (q != null && (q.schema == null ? schema == null : q.schema.equals(schema))) {
            return q.targets;
        }
        String[] t = new String[tables.length];
        for (int i = 0; i < t.length; i++) {
            String s = setInText[i] != null ? setInText[i] : schema;
            t[i] = unqualified[i] && s != null ? s + "." + tables[i] : tables[i];
        }
        last = new Qualified(schema, t);
        return t;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < actions.length; i++) {
            b.append(i == 0 ? "" : ", ").append(actions[i].name()).append(' ').append(tables[i]);
        }
        return b.toString();
    }

    private static final class Qualified {
        final String schema;
        final String[] targets;

        Qualified(String schema, String[] targets) {
            this.schema = schema;
            this.targets = targets;
        }
    }
}
