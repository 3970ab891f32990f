package dev.warden.agent.sql;

import dev.warden.policy.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.UseStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Turns SQL text into its (verb, table) pairs, as policy.md's SQL paragraph defines them: the
 * writing verb for each table a statement writes — also inside a CTE ({@code WITH d AS (DELETE …)})
 * and under {@code EXPLAIN}, which PostgreSQL's {@code EXPLAIN ANALYZE} runs — and {@code SELECT}
 * for each table it only reads, found by JSqlParser's {@link TablesNamesFinder} through joins,
 * subqueries, set operations and CTE bodies (CTE names are not tables). Statements are split by
 * {@link SqlText}, not by the parser, so the boundaries are the database's.
 *
 * <p>JSqlParser's {@code CCJSqlParserUtil.parse} starts a thread per call for its time-out; the
 * parser is driven directly here. Callers cache the result ({@link SqlAnalyses}).
 */
public final class SqlAnalyzer {

    /** Writes before reads, so that a denial names the strongest action; each action's tables together. */
    private static final String[] ORDER = {"DROP", "TRUNCATE", "DELETE", "ALTER", "UPDATE", "MERGE", "INSERT",
        "CREATE", "GRANT", "REVOKE", "CALL", "SET", "OTHER", "SELECT"};

    private SqlAnalyzer() {}

    /** Analyses {@code sql} for a MySQL/MariaDB connection ({@code mysql}) or any other. */
    public static SqlAnalysis analyze(String sql, boolean mysql) {
        String redacted = SqlText.redact(sql, mysql);
        List<String> statements = SqlText.split(redacted);
        List<String> written = SqlText.splitWritten(sql, mysql);
        Pairs pairs = new Pairs();
        for (int i = 0; i < statements.size(); i++) {
            // The written statement, literals included, names the schema a SET SCHEMA 'x' switches to.
            String asWritten = written.size() == statements.size() ? written.get(i) : statements.get(i);
            analyzeOne(statements.get(i), asWritten, pairs);
        }
        if (statements.isEmpty()) {
            pairs.add("OTHER", SqlAnalysis.NO_TABLE, false);
        }
        return pairs.build(redacted);
    }

    private static void analyzeOne(String text, String asWritten, Pairs pairs) {
        String escape = JdbcEscapes.unwrap(text);
        if (escape != text) {
            analyzeOne(escape, JdbcEscapes.unwrap(asWritten), pairs);
            return;
        }
        if (TransactionControl.is(text)) {
            pairs.add("OTHER", SqlAnalysis.NO_TABLE, false);
            return;
        }
        Statement statement;
        try {
            Statements parsed = parse(text, asWritten);
            if (parsed.size() != 1) {
                // The text holds no ';' of its own: the parser reading more (or fewer) statements
                // into it than the database would is a sign it misread it.
                pairs.add("OTHER", SqlAnalysis.UNKNOWN, false);
                return;
            }
            statement = parsed.get(0);
        } catch (Exception | Error e) {
            unparsed(asWritten, pairs);
            return;
        }
        try {
            statement(statement, asWritten, pairs);
        } catch (RuntimeException misread) {
            // A parse tree shaped unlike any the analysis knows: what it added stands, and the
            // statement is also an unknown one, so it is never decided as less than it is.
            pairs.add("OTHER", SqlAnalysis.UNKNOWN, false);
        }
    }

    /**
     * Parses the redacted text; where a literal was part of the syntax ({@code VARCHAR(20)}, which
     * the parser does not take as {@code VARCHAR(?)}), the statement as written.
     */
    private static Statements parse(String redacted, String asWritten) throws Exception {
        try {
            return new CCJSqlParser(new StringProvider(redacted)).Statements();
        } catch (Exception | Error e) {
            if (asWritten.equals(redacted)) {
                throw e;
            }
            return new CCJSqlParser(new StringProvider(asWritten)).Statements();
        }
    }

    /** What the parser does not know: a schema switch it cannot parse is still a SET, anything else OTHER *. */
    private static void unparsed(String text, Pairs pairs) {
        String schema = SchemaSwitch.of(text);
        if (schema != null || SchemaSwitch.isSchemaSwitch(text)) {
            pairs.add("SET", SqlAnalysis.NO_TABLE, false);
            pairs.switchSchema(schema);
        } else {
            pairs.add("OTHER", SqlAnalysis.UNKNOWN, false);
        }
    }

    private static void statement(Statement s, String text, Pairs pairs) {
        if (s instanceof ExplainStatement && ((ExplainStatement) s).getStatement() != null) {
            statement(((ExplainStatement) s).getStatement(), text, pairs);
            return;
        }
        if (s instanceof SetStatement || s instanceof UseStatement) {
            pairs.add("SET", SqlAnalysis.NO_TABLE, false);
            String schema = SchemaSwitch.of(text);
            if (schema != null || SchemaSwitch.isSchemaSwitch(text)) {
                pairs.switchSchema(schema);
            }
            return;
        }
        if (s instanceof Execute) {
            pairs.add("CALL", SqlAnalysis.NO_TABLE, false);
            return;
        }
        Map<String, String> writes = new LinkedHashMap<>();
        String verb = writes(s, writes);
        Set<String> all;
        try {
            all = new TablesNamesFinder<Void>().getTables(s);
        } catch (RuntimeException unsupported) {
            all = null;
        }
        if (verb == null && writes.isEmpty()) {
            if (all == null) {
                pairs.add("OTHER", SqlAnalysis.UNKNOWN, false);
                return;
            }
            verb = s instanceof Select ? "SELECT" : "OTHER";
            if (all.isEmpty() || verb.equals("OTHER") && s instanceof Commit) {
                pairs.add(verb, SqlAnalysis.NO_TABLE, false);
                return;
            }
        }
        Set<String> written = new LinkedHashSet<>();
        for (Map.Entry<String, String> w : writes.entrySet()) {
            String table = TableNames.normalize(w.getKey());
            written.add(table);
            pairs.add(w.getValue(), table, TableNames.unqualified(table));
        }
        boolean any = !writes.isEmpty();
        if (all != null) {
            for (String t : inTextOrder(all, text)) {
                String table = TableNames.normalize(t);
                if (!written.contains(table)) {
                    pairs.add(verb != null && writes.isEmpty() ? verb : "SELECT", table, TableNames.unqualified(table));
                    any = true;
                }
            }
        }
        if (!any) {
            pairs.add(verb != null ? verb : "OTHER", SqlAnalysis.NO_TABLE, false);
        }
    }

    /** The finder's set has no order: tables are listed as the statement names them. */
    private static List<String> inTextOrder(Set<String> tables, String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        List<String> out = new ArrayList<>(tables);
        out.sort(java.util.Comparator.comparingInt(t -> {
            int at = lower.indexOf(t.toLowerCase(java.util.Locale.ROOT));
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return out;
    }

    /**
     * Fills {@code writes} (table as written → writing verb) and returns the verb of a statement
     * whose tables are all of one kind ({@code DROP TABLE a, b}, {@code GRANT … ON t}), else {@code null}.
     */
    private static String writes(Statement s, Map<String, String> writes) {
        if (s instanceof Select) {
            withItems(((Select) s).getWithItemsList(), writes);
            if (s instanceof PlainSelect && ((PlainSelect) s).getIntoTables() != null) {
                // SELECT … INTO t creates t (PostgreSQL, H2).
                for (Table t : ((PlainSelect) s).getIntoTables()) {
                    writes.put(t.getFullyQualifiedName(), "CREATE");
                }
            }
            return null;
        }
        if (s instanceof Insert) {
            Insert i = (Insert) s;
            withItems(i.getWithItemsList(), writes);
            if (i.getSelect() != null) {
                withItems(i.getSelect().getWithItemsList(), writes);
            }
            writes.put(i.getTable().getFullyQualifiedName(), "INSERT");
            return null;
        }
        if (s instanceof Upsert) {
            writes.put(((Upsert) s).getTable().getFullyQualifiedName(), "INSERT");
            return null;
        }
        if (s instanceof Update) {
            Update u = (Update) s;
            withItems(u.getWithItemsList(), writes);
            writes.put(u.getTable().getFullyQualifiedName(), "UPDATE");
            if (u.getStartJoins() != null) {
                // MySQL's UPDATE t1, t2 SET t2.b = … / UPDATE a JOIN b … SET b.x = … may write any
                // table it lists: each is decided as updated (PostgreSQL's UPDATE … FROM only reads).
                for (net.sf.jsqlparser.statement.select.Join j : u.getStartJoins()) {
                    if (j.getFromItem() instanceof Table) {
                        writes.put(((Table) j.getFromItem()).getFullyQualifiedName(), "UPDATE");
                    }
                }
            }
            return null;
        }
        if (s instanceof Delete) {
            Delete d = (Delete) s;
            withItems(d.getWithItemsList(), writes);
            if (d.getTables() != null && !d.getTables().isEmpty()) {
                for (Table t : d.getTables()) {
                    writes.put(t.getFullyQualifiedName(), "DELETE");
                }
            } else {
                // "DELETE /* /* */ FROM t" on a dialect that nests comments is "DELETE" and a comment:
                // the parser accepts it without a table, so it is a delete of an unknown table.
                writes.put(d.getTable() == null ? SqlAnalysis.UNKNOWN : d.getTable().getFullyQualifiedName(), "DELETE");
            }
            return null;
        }
        if (s instanceof Merge) {
            Merge m = (Merge) s;
            withItems(m.getWithItemsList(), writes);
            writes.put(m.getTable().getFullyQualifiedName(), "MERGE");
            return null;
        }
        if (s instanceof CreateTable) {
            writes.put(((CreateTable) s).getTable().getFullyQualifiedName(), "CREATE");
            return null;
        }
        if (s instanceof CreateView) {
            writes.put(((CreateView) s).getView().getFullyQualifiedName(), "CREATE");
            return null;
        }
        if (s instanceof CreateIndex) {
            writes.put(((CreateIndex) s).getTable().getFullyQualifiedName(), "CREATE");
            return null;
        }
        if (s instanceof Alter) {
            writes.put(((Alter) s).getTable().getFullyQualifiedName(), "ALTER");
            return null;
        }
        if (s instanceof Truncate) {
            Truncate t = (Truncate) s;
            if (t.getTables() != null && !t.getTables().isEmpty()) {
                for (Table table : t.getTables()) {
                    writes.put(table.getFullyQualifiedName(), "TRUNCATE");
                }
            } else {
                writes.put(t.getTable().getFullyQualifiedName(), "TRUNCATE");
            }
            return null;
        }
        if (s instanceof Drop) {
            return "DROP";
        }
        if (s instanceof Grant) {
            return "GRANT";
        }
        String name = s.getClass().getSimpleName();
        if (name.equals("Revoke")) {
            return "REVOKE";
        }
        if (name.startsWith("Create")) {
            return "CREATE";
        }
        if (name.startsWith("Alter")) {
            return "ALTER";
        }
        return null;
    }

    /** Data-modifying CTEs ({@code WITH d AS (DELETE … RETURNING …)}) write what their statement writes. */
    private static void withItems(List<WithItem<?>> items, Map<String, String> writes) {
        if (items == null) {
            return;
        }
        for (WithItem<?> item : items) {
            Object body = item.getStatement();
            if (body instanceof ParenthesedDelete) {
                writes((Statement) ((ParenthesedDelete) body).getDelete(), writes);
            } else if (body instanceof ParenthesedInsert) {
                writes((Statement) ((ParenthesedInsert) body).getInsert(), writes);
            } else if (body instanceof ParenthesedUpdate) {
                writes((Statement) ((ParenthesedUpdate) body).getUpdate(), writes);
            } else if (body instanceof Select) {
                withItems(((Select) body).getWithItemsList(), writes);
            }
        }
    }

    /** The pairs found so far, deduplicated, with the schema a SET/USE in the same string switched to. */
    private static final class Pairs {
        private final List<String> verbs = new ArrayList<>();
        private final List<String> tables = new ArrayList<>();
        private final List<Boolean> unqualified = new ArrayList<>();
        private final List<String> setInText = new ArrayList<>();
        private String currentSet;
        private boolean changesSchema;

        void add(String verb, String table, boolean unq) {
            String set = unq ? currentSet : null;
            for (int i = 0; i < verbs.size(); i++) {
                if (verbs.get(i).equals(verb) && tables.get(i).equals(table) && java.util.Objects.equals(setInText.get(i), set)) {
                    return;
                }
            }
            verbs.add(verb);
            tables.add(table);
            unqualified.add(unq);
            setInText.add(set);
        }

        void switchSchema(String schema) {
            changesSchema = true;
            if (schema != null) {
                currentSet = schema;
            }
        }

        SqlAnalysis build(String redacted) {
            int n = verbs.size();
            Action[] actions = new Action[n];
            String[] t = new String[n];
            boolean[] unq = new boolean[n];
            String[] set = new String[n];
            int k = 0;
            for (String verb : ORDER) {
                for (int i = 0; i < n; i++) {
                    if (verbs.get(i).equals(verb)) {
                        actions[k] = Action.sql(verb);
                        t[k] = tables.get(i);
                        unq[k] = unqualified.get(i);
                        set[k] = setInText.get(i);
                        k++;
                    }
                }
            }
            return new SqlAnalysis(redacted, actions, t, unq, set, changesSchema);
        }
    }
}
