package dev.warden.bootstrap;

/**
 * Implemented, through a field Warden adds, by every JDBC connection, statement and result set
 * class that loads after Warden: where Warden keeps what it knows about the object (a connection's
 * current schema, a prepared statement's analysis, a result set's row count) without a map lookup.
 * The names cannot clash with a driver's own members.
 */
public interface JdbcState {

    Object warden$jdbc();

    void warden$jdbc(Object state);
}
