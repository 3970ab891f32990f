package dev.warden.agent.sql;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The analyses of SQL texts seen, bounded: a repeated statement (and every execution of a prepared
 * one) costs a lock-free lookup. Texts that differ only in their literals share one analysis, found
 * by their redacted form, so an application that inlines values does not parse each one from
 * scratch. When full, the cache is emptied and refills with what is in use.
 */
public final class SqlAnalyses {

    static final int MAX = 4096;

    private final ConcurrentHashMap<String, SqlAnalysis> standard = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SqlAnalysis> mysql = new ConcurrentHashMap<>();

    public SqlAnalysis of(String sql, boolean mysqlDialect) {
        ConcurrentHashMap<String, SqlAnalysis> cache = mysqlDialect ? mysql : standard;
        SqlAnalysis a = cache.get(sql);
        if (a != null) {
            return a;
        }
        String redacted = SqlText.redact(sql, mysqlDialect);
        a = cache.get(redacted);
        if (a == null) {
            a = SqlAnalyzer.analyze(sql, mysqlDialect);
            put(cache, a.detail(), a);
        }
        put(cache, sql, a);
        return a;
    }

    private static void put(ConcurrentHashMap<String, SqlAnalysis> cache, String key, SqlAnalysis a) {
        if (cache.size() >= MAX) {
            cache.clear();
        }
        cache.put(key, a);
    }
}
