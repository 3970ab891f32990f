package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every validation error of the loader, with its line and message. */
class ValidationErrorsTest {

    @TempDir
    Path dir;

    /** The single error the policy produces, as {@code line: message}. */
    private String error(String text) {
        List<PolicyError> errors = TestPolicies.fail(dir, text).errors();
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0).line() + ": " + errors.get(0).message();
    }

    private String rule(String... fields) {
        return policy(fields);
    }

    @Test
    void unknownWardenKeySuggestsTheNearestKey() {
        assertEquals("2: unknown key warden.audit.dri (did you mean 'warden.audit.dir'?)",
                error(policy("warden.audit.dri = /var/log")));
        assertEquals("2: unknown key warden.colour", error(policy("warden.colour = blue")));
    }

    @Test
    void keysOutsideWardenAreErrors() {
        assertEquals("2: 'mode' is not a warden key: a policy file holds only warden.* keys", error(policy("mode = monitor")));
    }

    @Test
    void unknownRuleFieldSuggestsTheNearestField() {
        String e = error(rule("warden.rule.x.actions = file.read", "warden.rule.x.effect = allow", "warden.rule.x.efect = deny"));
        assertTrue(e.startsWith("4: unknown rule field 'efect' in 'warden.rule.x.efect' (did you mean 'effect'?)"), e);
    }

    @Test
    void duplicateKeysNameBothLines() {
        assertEquals("3: duplicate key warden.mode (first given on line 2)",
                error(policy("warden.mode = enforce", "warden.mode = monitor")));
    }

    @Test
    void badRuleNames() {
        assertEquals("2: bad rule name 'a b' in 'warden.rule.a b.actions': a rule name is letters, digits, '-' and '_'",
                error(policy("warden.rule.a\\ b.actions = file.read")));
        assertEquals("2: bad rule name 'a.b' in 'warden.rule.a.b.actions': a rule name is letters, digits, '-' and '_'",
                error(policy("warden.rule.a.b.actions = file.read")));
        assertEquals("2: 'warden.rule.x' names no field: write warden.rule.<name>.<field>",
                error(policy("warden.rule.x = file.read")));
        assertEquals("2: rule name 'default' is reserved for Warden's own decisions; choose another",
                error(policy("warden.rule.default.actions = file.read")));
    }

    @Test
    void badEffectAndMissingEffect() {
        assertEquals("3: warden.rule.x.effect: 'permit' is not one of allow, deny, approve, monitor",
                error(rule("warden.rule.x.actions = file.read", "warden.rule.x.effect = permit")));
        assertEquals("2: rule 'x' has no warden.rule.x.effect (allow, deny, approve or monitor)",
                error(rule("warden.rule.x.actions = file.read")));
    }

    @Test
    void badActionSuggestsTheNearestAction() {
        assertEquals("2: warden.rule.x.actions: 'file.reed' matches no action (did you mean 'file.read'?)",
                error(rule("warden.rule.x.actions = file.read, file.reed", "warden.rule.x.effect = allow")));
        assertEquals("2: warden.rule.x.actions: 'ftp.*' matches no action",
                error(rule("warden.rule.x.actions = ftp.*", "warden.rule.x.effect = allow")));
    }

    @Test
    void aRuleWithoutActions() {
        assertEquals("3: rule 'x' has no warden.rule.x.actions",
                error(rule("", "warden.rule.x.effect = allow", "warden.rule.x.targets = /srv/**")));
    }

    @Test
    void badTargetPatternsForEachSyntax() {
        assertEquals("3: warden.rule.x.targets: URL pattern 'api.example.com/**' needs scheme://host, e.g. https://api.example.com/**",
                error(rule("warden.rule.x.actions = http.GET", "warden.rule.x.targets = api.example.com/**", "warden.rule.x.effect = allow")));
        assertEquals("3: warden.rule.x.targets: net.connect pattern 'db.internal' needs a port: host:port, or host:* for any port",
                error(rule("warden.rule.x.actions = net.connect", "warden.rule.x.targets = db.internal", "warden.rule.x.effect = allow")));
        assertEquals("3: warden.rule.x.targets: mail pattern 'example.com' is not local@domain, e.g. *@example.com",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.targets = example.com", "warden.rule.x.effect = allow")));
        assertEquals("3: warden.rule.x.except: jvm.exit pattern 'one' is not a status code (or *)",
                error(rule("warden.rule.x.actions = jvm.exit", "warden.rule.x.except = one", "warden.rule.x.effect = deny")));
        assertEquals("3: warden.rule.x.targets: prefix length /33 in '10.0.0.0/33' is too long",
                error(rule("warden.rule.x.actions = net.connect", "warden.rule.x.targets = 10.0.0.0/33:*", "warden.rule.x.effect = deny")));
    }

    @Test
    void actionsWhoseTargetSyntaxesDifferMayNotShareTargets() {
        assertEquals("3: rule 'x' gives targets for actions whose targets differ: file.read takes paths, http.GET takes URLs;"
                        + " split it into one rule per kind of target",
                error(rule("warden.rule.x.actions = file.read, http.GET", "warden.rule.x.targets = /srv/**", "warden.rule.x.effect = allow")));
        assertTrue(error(rule("warden.rule.x.actions = sql.*", "warden.rule.x.targets = public.*", "warden.rule.x.effect = deny"))
                .contains("(sql.* includes sql.connect: list the verbs, e.g. sql.SELECT, sql.INSERT)"));
        // Without targets, or with targets = *, mixing is fine.
        TestPolicies.load(dir, rule("warden.rule.x.actions = *", "warden.rule.x.effect = deny"));
        TestPolicies.load(dir, rule("warden.rule.x.actions = sql.*", "warden.rule.x.targets = *", "warden.rule.x.effect = deny"));
    }

    @Test
    void badDurationsLimitsAndHours() {
        assertEquals("2: warden.session.ttl: bad duration '5 min' (write e.g. 30s, 15m, 8h, 7d or 500ms)",
                error(policy("warden.session.ttl = 5 min")));
        assertEquals("2: warden.approval.timeout: duration '0s' must be more than zero",
                error(policy("warden.approval.timeout = 0s")));
        assertEquals("4: warden.rule.x.limit: bad limit '20 per hour' (write N/window, e.g. 20/1h or 5/1m)",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.effect = allow", "warden.rule.x.limit = 20 per hour")));
        assertEquals("2: warden.breaker.errors: bad limit '10/1y' (write N/window, e.g. 20/1h or 5/1m)",
                error(policy("warden.breaker.errors = 10/1y")));
        assertEquals("4: warden.rule.x.hours: bad hours window 'Mon-Fri 9-18': '9' is not a time HH:MM (00:00 to 23:59);"
                        + " write e.g. Mon-Fri 09:00-18:00 Europe/Berlin",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.effect = allow", "warden.rule.x.hours = Mon-Fri 9-18")));
        assertEquals("4: warden.rule.x.hours: bad hours window 'Mon-Fri 09:00-18:00 Mars/Olympus': unknown time zone"
                        + " 'Mars/Olympus' (use an id such as Europe/Berlin or UTC); write e.g. Mon-Fri 09:00-18:00 Europe/Berlin",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.effect = allow",
                        "warden.rule.x.hours = Mon-Fri 09:00-18:00 Mars/Olympus")));
        assertEquals("4: warden.rule.x.hours: bad hours window 'Fun 09:00-10:00': 'Fun' is not a day (Mon, Tue, Wed, Thu, Fri,"
                        + " Sat, Sun); write e.g. Mon-Fri 09:00-18:00 Europe/Berlin",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.effect = allow", "warden.rule.x.hours = Fun 09:00-10:00")));
    }

    @Test
    void badEnumValuesOfGlobalKeys() {
        assertEquals("2: warden.mode: 'monitr' is not one of enforce, monitor", error(policy("warden.mode = monitr")));
        assertEquals("2: warden.agent.trust: 'half' is not one of sandbox, read-only, limited-write, full",
                error(policy("warden.agent.trust = half")));
        assertEquals("2: warden.reload: 'yes' is not one of true, false", error(policy("warden.reload = yes")));
        assertEquals("2: warden.audit.mail-subject: 'full' is not one of true, false",
                error(policy("warden.audit.mail-subject = full")));
        assertEquals("2: warden.default: 'permit' is not one of allow, deny", error(policy("warden.default = permit")));
        assertEquals("2: warden.metrics.port: '70000' is not a port (1 to 65535)", error(policy("warden.metrics.port = 70000")));
        assertEquals("2: warden.approval.webhook: 'ftp://x' is not an http:// or https:// URL",
                error(policy("warden.approval.webhook = ftp://x")));
    }

    @Test
    void undefinedExpansionNamesTheLine() {
        assertEquals("3: warden.rule.x.targets: ${NO_SUCH_VAR_42} is undefined (neither a system property nor an"
                        + " environment variable of that name)",
                error(rule("warden.rule.x.actions = file.read", "warden.rule.x.targets = ${NO_SUCH_VAR_42}/**",
                        "warden.rule.x.effect = allow")));
    }

    @Test
    void anUndefinedNameInActionsIsOneErrorNotTwo() {
        assertEquals("2: warden.rule.x.actions: ${NO_SUCH_VAR_42} is undefined (neither a system property nor an"
                        + " environment variable of that name)",
                error(rule("warden.rule.x.actions = ${NO_SUCH_VAR_42}", "warden.rule.x.effect = allow")));
    }

    @Test
    void maxRowsNeedsSqlSelect() {
        assertEquals("4: max-rows applies to sql.SELECT, which rule 'x' does not name",
                error(rule("warden.rule.x.actions = sql.INSERT", "warden.rule.x.effect = allow", "warden.rule.x.max-rows = 10")));
        assertEquals("4: warden.rule.x.max-targets: '0' is not a whole number from 1 to 2147483647",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.effect = allow", "warden.rule.x.max-targets = 0")));
    }

    @Test
    void limitsOnlyOnAllowAndApproveRules() {
        assertEquals("4: limit only applies to allow and approve rules; rule 'x' is deny",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.effect = deny", "warden.rule.x.limit = 1/1m")));
    }

    @Test
    void badAfter() {
        assertEquals("4: warden.rule.x.after: bad after 'file.read' (write <action>:<target pattern>, e.g. file.read:/srv/kb/**)",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.effect = allow", "warden.rule.x.after = file.read")));
        assertEquals("4: warden.rule.x.after: URL pattern 'nohost' needs scheme://host, e.g. https://api.example.com/**",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.effect = allow", "warden.rule.x.after = http.GET:nohost")));
        assertEquals("4: warden.rule.x.after: bad after 'sql.SELECT:' (write <action>:<target pattern>, e.g. file.read:/srv/kb/**)",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.effect = allow", "warden.rule.x.after = sql.SELECT: ")));
        assertEquals("4: warden.rule.x.after: after 'sql.SELECT:a, b' names one action and one target pattern;"
                + " a list is not supported (split the rule)",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.effect = allow", "warden.rule.x.after = sql.SELECT:a, b")));
        assertEquals("4: warden.rule.x.after: 'sql.SELEKT' matches no action",
                error(rule("warden.rule.x.actions = mail.send", "warden.rule.x.effect = allow", "warden.rule.x.after = sql.SELEKT:customers")).replaceAll(" \\(.*", ""));
    }

    @Test
    void badSandboxAllow() {
        assertEquals("2: warden.sandbox.allow: 'https://': URL pattern 'https://' needs a host (and no user@)"
                        + " (entries are URLs, host:port addresses or JDBC URLs)",
                error(policy("warden.sandbox.allow = https://api.example.com/**, https://", "warden.agent.trust = sandbox")));
    }

    @Test
    void badTrust() {
        assertTrue(error(policy("warden.agent.trust = readonly")).startsWith("2: warden.agent.trust: 'readonly' is not one of"),
                error(policy("warden.agent.trust = readonly")));
    }

    @Test
    void emptyValuesAreErrors() {
        assertEquals("2: warden.agent.role has no value (remove the line to leave it unset)", error(policy("warden.agent.role =")));
    }

    @Test
    void missingAgentIdIsAFileWideError() {
        PolicyException e = TestPolicies.fail(dir, "warden.mode = enforce\n");
        assertEquals(1, e.errors().size());
        assertEquals(0, e.errors().get(0).line());
        String file = dir.resolve("warden.properties").toString();
        assertEquals(file + ": warden.agent.id is required: the agent's identity (a service account, not a person)",
                e.errors().get(0).toString());
    }

    @Test
    void everyErrorIsReportedSortedByLineAndJoinedInTheMessage() {
        PolicyException e = TestPolicies.fail(dir, "warden.mode = x\nwarden.colour = y\nwarden.rule.r.actions = nope\n");
        List<Integer> lines = e.errors().stream().map(PolicyError::line).toList();
        assertEquals(List.of(0, 1, 2, 3, 3), lines, e.getMessage());
        assertEquals(5, e.getMessage().split("\n").length);
        String file = dir.resolve("warden.properties").toString();
        assertTrue(e.getMessage().contains(file + ":1: warden.mode: 'x' is not one of enforce, monitor"), e.getMessage());
    }

    @Test
    void overrideErrorsNameTheirOrigin() {
        PolicyException e = TestPolicies.fail(dir, policy(), Overrides.of(TestPolicies.props(dir), Map.of("WARDEN_MODE", "loud")));
        assertEquals("environment WARDEN_MODE warden.mode: 'loud' is not one of enforce, monitor", e.errors().get(0).message());
        assertEquals(0, e.errors().get(0).line());
    }

    @Test
    void aMissingFileIsOneError() {
        Path missing = dir.resolve("nope.properties");
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.load(missing, Overrides.none()));
        assertEquals(List.of(new PolicyError(missing.toString(), 0, "file not found")), e.errors());
        assertEquals(missing + ": file not found", e.getMessage());
    }

    @Test
    void policyErrorToStringOmitsLineZero() {
        assertEquals("a.properties:7: bad", new PolicyError("a.properties", 7, "bad").toString());
        assertEquals("a.properties: bad", new PolicyError("a.properties", 0, "bad").toString());
    }
}
