package dev.warden.agent.governor;

/**
 * A query whose record waits for its result set: the rows read are part of its outcome, and
 * {@code max-rows} stops it at the row past the limit.
 */
final class JdbcResultInfo {

    final CallFrame call;
    final JdbcStatementInfo owner;
    /** 0: no limit. */
    final long maxRows;
    final String limitRule;
    final String limitTarget;
    long rows;
    /** The result set, once bound ({@code executeQuery}, or {@code getResultSet} after {@code execute}). */
    Object resultSet;
    /** The row-limit denial, thrown again by every later {@code next}. */
    String limitMessage;
    boolean recorded;

    JdbcResultInfo(CallFrame call, JdbcStatementInfo owner, long maxRows, String limitRule, String limitTarget) {
        this.call = call;
        this.owner = owner;
        this.maxRows = maxRows;
        this.limitRule = limitRule;
        this.limitTarget = limitTarget;
    }
}
