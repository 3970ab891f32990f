package dev.warden.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void idsAreDenseAndNamesInterned() {
        List<Action> all = Action.all();
        assertEquals(31, all.size(), "3 file, 9 http, net, 14 sql verbs, sql.connect, mail, process, jvm");
        assertEquals(Action.count(), all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i, all.get(i).id());
            assertSame(all.get(i), Action.parse(all.get(i).name()));
        }
    }

    @Test
    void familiesAndLookups() {
        assertEquals("file", Action.FILE_DELETE.family());
        assertEquals("net", Action.NET_CONNECT.family());
        assertEquals("sql", Action.SQL_CONNECT.family());
        assertEquals("jvm", Action.JVM_EXIT.family());
        assertEquals("http.PATCH", Action.http("PATCH").name());
        assertSame(Action.http("GET"), Action.http("get"));
        assertNull(Action.http("PROPFIND"));
        assertEquals("sql.TRUNCATE", Action.sql("TRUNCATE").name());
        assertNull(Action.sql("connect"), "sql.connect is no verb");
        assertNull(Action.sql("VACUUM"));
        assertNull(Action.parse("file.READ"));
        assertSame(Action.PROCESS_EXEC, Action.parse("process.exec"));
    }

    @Test
    void patternsExpandWithinNames() {
        assertEquals(9, ActionPatterns.expand("http.*").size());
        assertEquals(15, ActionPatterns.expand("sql.*").size(), "fourteen verbs and sql.connect");
        assertEquals(List.of(Action.FILE_READ, Action.FILE_WRITE, Action.FILE_DELETE), ActionPatterns.expand("file.*"));
        assertEquals(31, ActionPatterns.expand("*").size());
        assertEquals(List.of(Action.sql("SELECT")), ActionPatterns.expand("sql.select"));
        assertEquals(List.of(Action.http("PATCH"), Action.http("PUT"), Action.http("POST")).size(),
                ActionPatterns.expand("http.P*").size());
        assertThrows(IllegalArgumentException.class, () -> ActionPatterns.expand("file.exec"));
    }
}
