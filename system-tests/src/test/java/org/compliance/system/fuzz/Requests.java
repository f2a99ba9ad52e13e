package org.compliance.system.fuzz;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.compliance.system.fuzz.HostileInput.Odd;
import org.compliance.system.fuzz.JsonText.Obj;

/**
 * Generates requests for an operation from its documented schema: valid ones (real ids, required fields, formats,
 * enums and bounds kept) and ones that are wrong in exactly one place, in every way issue 13 lists. Built from
 * jqwik's combinators only, so that a failing request shrinks.
 */
final class Requests {

    private static final int MAX_DEPTH = 5;

    private final Fixture fixture;

    Requests(Fixture fixture) {
        this.fixture = fixture;
    }

    /** A wrong value at one place of a document, why it is wrong, and whether every server must refuse it. */
    record Mutant(JsonText value, String why, boolean certain) {
    }

    /** The parts of a request before one of them is spoilt. */
    record Parts(String user, Map<String, String> path, List<Map.Entry<String, String>> query,
                 List<Map.Entry<String, String>> headers, Optional<JsonText> json, byte[] raw) {

        Parts withPath(Map<String, String> changed) {
            return new Parts(user, changed, query, headers, json, raw);
        }

        Parts withQuery(List<Map.Entry<String, String>> changed) {
            return new Parts(user, path, changed, headers, json, raw);
        }

        Parts withHeaders(List<Map.Entry<String, String>> changed) {
            return new Parts(user, path, query, changed, json, raw);
        }

        Parts withJson(JsonText changed) {
            return new Parts(user, path, query, headers, Optional.of(changed), raw);
        }

        Parts withUser(String changed) {
            return new Parts(changed, path, query, headers, json, raw);
        }
    }

    Arbitrary<FuzzRequest> of(ApiOperation op) {
        Arbitrary<Parts> parts = parts(op);
        boolean json = op.body().map(ApiOperation.RequestBody::json).orElse(false);
        boolean parameters = !op.in("path").isEmpty() || !op.in("query").isEmpty();
        List<Tuple2<Integer, Arbitrary<FuzzRequest>>> kinds = new ArrayList<>();
        kinds.add(Tuple.of(4, parts.map(p -> request(op, p, "valid", null, defaultType(op)))));
        if (json) {
            kinds.add(Tuple.of(5, parts.flatMap(p -> invalid(op.body().orElseThrow().schema(), "", true, 0)
                    .map(m -> request(op, p.withJson(m.value()), "body " + m.why(), m.certain() ? m.why() : null,
                            defaultType(op))))));
            kinds.add(Tuple.of(2, parts.flatMap(p -> malformedBody(op, p))));
            kinds.add(Tuple.of(1, parts.flatMap(p -> oddContentType(op, p))));
        }
        if (parameters) {
            kinds.add(Tuple.of(3, parts.flatMap(p -> oddParameter(op, p))));
        }
        if (op.versioned()) {
            kinds.add(Tuple.of(1, parts.flatMap(p -> oddIfMatch(op, p))));
        }
        if (op.readsAfter()) {
            kinds.add(Tuple.of(1, parts.flatMap(p -> oddReadAfter(op, p))));
        }
        kinds.add(Tuple.of(1, parts.flatMap(p -> badCredentials(op, p))));
        return Arbitraries.frequencyOf(kinds.toArray(Tuple2[]::new));
    }

    /** For the bounded check of bodies far past the limit: a valid start, then padding, chunked. */
    Arbitrary<FuzzRequest> oversized(ApiOperation op, int megabytes) {
        boolean json = op.body().orElseThrow().json();
        // whitespace is valid JSON until the end: a parser that does not count must read all of it
        byte[] chunk = (json ? " " : "x").repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        return parts(op).map(p -> {
            FuzzRequest base = request(op, p, "", null, defaultType(op));
            return new FuzzRequest(op, p.user(), base.target(), base.headers(),
                    RawHttp.Body.chunked(chunk, megabytes * 16), megabytes + " MiB chunked, no Content-Length",
                    "a body of " + megabytes + " MiB is past every limit");
        });
    }

    // ---- valid parts -------------------------------------------------------------------------------------

    private Arbitrary<Parts> parts(ApiOperation op) {
        Arbitrary<String> user = user(op);
        Arbitrary<Map<String, String>> path = combineMap(op.in("path").stream()
                .map(p -> Map.entry(p.name(), pathValue(op, p).map(Percent::encode))).toList());
        Arbitrary<List<Map.Entry<String, String>>> query = combineEntries(op.in("query").stream()
                .map(p -> Map.entry(p.name(), (p.required() ? validValue(p.schema(), p.name(), 0)
                        : validValue(p.schema(), p.name(), 0).injectNull(0.5))
                        .map(v -> v == null ? null : Percent.encode(parameterText(v))))).toList());
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (op.versioned()) {
            headers.add(Map.entry("If-Match", "\"" + FuzzRequest.CURRENT_VERSION + "\""));
        }
        Arbitrary<Optional<JsonText>> json = op.body().filter(ApiOperation.RequestBody::json)
                .map(b -> validValue(b.schema(), "body:" + op.path(), 0).map(Optional::of))
                .orElse(Arbitraries.just(Optional.empty()));
        Arbitrary<byte[]> raw = op.body().filter(b -> !b.json())
                .map(b -> Arbitraries.strings().ofMinLength(0).ofMaxLength(200)
                        .map(s -> ("activity,purpose\n" + s).getBytes(StandardCharsets.UTF_8)))
                .orElse(Arbitraries.just(null));
        return Combinators.combine(user, path, query, json, raw)
                .as((u, pa, q, j, r) -> new Parts(u, pa, q, headers, j, r));
    }

    /** Mostly a user whose role the operation names, sometimes anybody, sometimes nobody. */
    private Arbitrary<String> user(ApiOperation op) {
        List<String> allowed = Fixture.USERS.entrySet().stream().filter(u -> op.roles().contains(u.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        List<String> everybody = Fixture.USERS.keySet().stream().sorted().toList();
        return allowed.isEmpty() ? Arbitraries.of(everybody)
                : Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(allowed)), Tuple.of(1, Arbitraries.of(everybody)));
    }

    private Arbitrary<String> pathValue(ApiOperation op, ApiOperation.Parameter p) {
        List<String> real = fixture.pathValues(op.path(), p.name());
        Arbitrary<String> random = uuids();
        return real.isEmpty() ? random
                : Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(real)), Tuple.of(1, random));
    }

    private static Arbitrary<String> uuids() {
        return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()).toString());
    }

    /** A valid value of a schema; for fields that name something real, mostly that thing. */
    Arbitrary<JsonText> validValue(Schema<?> schema, String name, int depth) {
        List<String> real = fixture.bodyValues(name);
        Arbitrary<JsonText> bySchema = bySchema(schema, name, depth);
        return real.isEmpty() ? bySchema
                : Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(real).map(JsonText::token)), Tuple.of(1, bySchema));
    }

    private Arbitrary<JsonText> bySchema(Schema<?> schema, String name, int depth) {
        if (schema == null) {
            return Arbitraries.just(JsonText.string("x"));
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return Arbitraries.of(schema.getEnum().stream().filter(Objects::nonNull).map(String::valueOf).toList())
                    .map(JsonText::string);
        }
        String type = Schemas.type(schema);
        return switch (type) {
            case "object" -> validObject(schema, depth);
            case "array" -> {
                int min = Optional.ofNullable(schema.getMinItems()).orElse(0);
                int max = Math.max(min, Math.min(Optional.ofNullable(schema.getMaxItems()).orElse(3), min + 2));
                yield depth >= MAX_DEPTH ? Arbitraries.just(new JsonText.Arr(List.of()))
                        : validValue(schema.getItems(), name, depth + 1).list().ofMinSize(Math.max(min, depth == 0 ? 0 : min))
                        .ofMaxSize(max).map(JsonText.Arr::new);
            }
            case "integer" -> Schemas.integers(schema).map(i -> JsonText.token(String.valueOf(i)));
            case "number" -> Schemas.integers(schema).map(i -> JsonText.token(i + ".50"));
            case "boolean" -> Arbitraries.of("true", "false").map(JsonText::token);
            default -> validString(schema, name).map(JsonText::string);
        };
    }

    private Arbitrary<JsonText> validObject(Schema<?> schema, int depth) {
        Map<String, Schema> properties = Optional.<Map<String, Schema>>ofNullable(schema.getProperties()).orElse(Map.of());
        List<String> required = Optional.ofNullable(schema.getRequired()).orElse(List.of());
        if (depth >= MAX_DEPTH || properties.isEmpty()) {
            return Arbitraries.just(new Obj(List.of()));
        }
        List<Arbitrary<Map.Entry<String, JsonText>>> members = new ArrayList<>();
        properties.forEach((key, property) -> {
            Arbitrary<JsonText> value = validValue(property, key, depth + 1);
            members.add((required.contains(key) ? value : value.injectNull(0.4)).map(v -> v == null ? null : Map.entry(key, v)));
        });
        return Combinators.combine(members).as(list -> new Obj(list.stream().filter(Objects::nonNull).toList()));
    }

    private Arbitrary<String> validString(Schema<?> schema, String name) {
        String format = Optional.ofNullable(schema.getFormat()).orElse("");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        switch (format) {
            case "uuid":
                return uuids();
            case "date":
                return Arbitraries.integers().between(1, 700)
                        .map(days -> LocalDate.now().plusDays(days).toString());
            case "date-time":
                return Arbitraries.integers().between(20, 300).map(days -> now.plus(Duration.ofDays(days)).toString());
            default:
                break;
        }
        int min = Math.max(1, Optional.ofNullable(schema.getMinLength()).orElse(1));
        int max = Math.max(min, Math.min(Optional.ofNullable(schema.getMaxLength()).orElse(60), 60));
        Optional<Pattern> pattern = Schemas.pattern(schema);
        if (pattern.isPresent()) {
            List<String> matching = List.of("northwind-cloud", "contoso-models", "ab", "x1", "GBP", "A1").stream()
                    .filter(s -> pattern.get().matcher(s).matches()).toList();
            if (!matching.isEmpty()) {
                return Arbitraries.of(matching);
            }
        }
        Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').withChars('É', 'ß', '漢')
                .ofMinLength(min).ofMaxLength(max);
        List<String> awkward = HostileInput.AWKWARD_TEXT.stream().map(Odd::value)
                .filter(s -> s.length() >= min && s.length() <= max && !s.isBlank()).toList();
        return awkward.isEmpty() ? words
                : Arbitraries.frequencyOf(Tuple.of(5, words), Tuple.of(1, Arbitraries.of(awkward)));
    }

    // ---- values wrong in one place ----------------------------------------------------------------------

    /** A document valid everywhere except at one place, which is wrong in one of the ways issue 13 lists. */
    Arbitrary<Mutant> invalid(Schema<?> schema, String pointer, boolean required, int depth) {
        String type = schema == null ? "string" : Schemas.type(schema);
        List<Arbitrary<Mutant>> choices = new ArrayList<>();
        switch (type) {
            case "object" -> {
                Map<String, Schema> properties = Optional.<Map<String, Schema>>ofNullable(schema.getProperties()).orElse(Map.of());
                List<String> requiredKeys = Optional.ofNullable(schema.getRequired()).orElse(List.of());
                Arbitrary<Obj> valid = validObject(schema, depth).map(Obj.class::cast);
                choices.add(valid.map(o -> new Mutant(o.plus("unexpectedField", JsonText.string("x")),
                        "with an unknown field at " + pointer + "/unexpectedField", true)));
                choices.add(Arbitraries.just(new Mutant(new JsonText.Arr(List.of()), "an array where " + at(pointer)
                        + " is an object", true)));
                if (!properties.isEmpty() && depth < MAX_DEPTH) {
                    List<String> keys = properties.keySet().stream().sorted().toList();
                    choices.add(Combinators.combine(valid, Arbitraries.of(keys)).flatAs((o, key) ->
                            validValue(properties.get(key), key, depth + 1).map(second -> new Mutant(
                                    o.without(key).plus(key, second).plus(key, second),
                                    "with the key " + key + " twice at " + at(pointer), true))));
                    for (String key : keys) {
                        boolean keyRequired = requiredKeys.contains(key);
                        choices.add(Combinators.combine(valid, invalid(properties.get(key), pointer + "/" + key,
                                keyRequired, depth + 1)).as((o, m) -> new Mutant(o.with(key, m.value()), m.why(),
                                m.certain())));
                        if (keyRequired) {
                            choices.add(valid.map(o -> new Mutant(o.without(key), "without the required "
                                    + pointer + "/" + key, true)));
                        }
                    }
                }
            }
            case "array" -> {
                Arbitrary<JsonText> item = validValue(schema.getItems(), "", depth + 1);
                int min = Optional.ofNullable(schema.getMinItems()).orElse(0);
                choices.add(item.map(i -> new Mutant(new JsonText.Arr(java.util.Arrays.asList(i, JsonText.NULL)),
                        "a null item in " + at(pointer), true)));
                choices.add(Arbitraries.just(new Mutant(new JsonText.Arr(List.of(JsonText.NULL)),
                        "only a null item in " + at(pointer), true)));
                choices.add(Arbitraries.just(new Mutant(JsonText.string("x"), "a string where " + at(pointer)
                        + " is a list", true)));
                if (min > 0) {
                    choices.add(Arbitraries.just(new Mutant(new JsonText.Arr(List.of()), "an empty " + at(pointer), true)));
                }
                Integer max = schema.getMaxItems();
                if (max != null && max <= 200) {
                    choices.add(item.list().ofSize(max + 1).map(items -> new Mutant(new JsonText.Arr(items),
                            (max + 1) + " items in " + at(pointer) + " (at most " + max + ")", true)));
                }
                if (depth < MAX_DEPTH && schema.getItems() != null) {
                    choices.add(Combinators.combine(item, invalid(schema.getItems(), pointer + "/1", true, depth + 1))
                            .as((good, bad) -> new Mutant(new JsonText.Arr(List.of(good, bad.value())), bad.why(),
                                    bad.certain())));
                }
            }
            case "integer", "number" -> {
                choices.add(odd(HostileInput.HUGE_NUMBERS, pointer, JsonText::token, true));
                choices.add(Arbitraries.of(HostileInput.ODD_NUMBERS).map(o -> new Mutant(JsonText.token(o.value()),
                        o.why() + " at " + at(pointer), outOfBounds(schema, type, o.value()))));
                choices.add(Arbitraries.of("\"7\"", "true", "{}").map(t -> new Mutant(JsonText.token(t),
                        t + " where " + at(pointer) + " is a number", true)));
                Schemas.bounds(schema).forEach(bound -> choices.add(Arbitraries.just(new Mutant(
                        JsonText.token(bound.toPlainString()), bound.toPlainString() + " at " + at(pointer)
                        + " (out of its documented bounds)", true))));
            }
            case "boolean" -> choices.add(Arbitraries.of("\"true\"", "1", "\"maybe\"").map(t -> new Mutant(
                    JsonText.token(t), t + " where " + at(pointer) + " is a boolean", true)));
            default -> choices.addAll(invalidStrings(schema, pointer, required));
        }
        if (required) {
            choices.add(Arbitraries.just(new Mutant(JsonText.NULL, "null for the required " + at(pointer), true)));
        }
        return Arbitraries.oneOf(choices);
    }

    private List<Arbitrary<Mutant>> invalidStrings(Schema<?> schema, String pointer, boolean required) {
        String format = schema == null ? "" : Optional.ofNullable(schema.getFormat()).orElse("");
        List<Arbitrary<Mutant>> choices = new ArrayList<>();
        choices.add(odd(HostileInput.UNSTORABLE_TEXT, pointer, JsonText::string, true));
        choices.add(Arbitraries.of("12", "true", "1E+1001", "{}", "[\"x\"]").map(t -> new Mutant(JsonText.token(t),
                t + " where " + at(pointer) + " is a string", true)));
        switch (format) {
            case "date" -> choices.add(odd(HostileInput.BAD_DATES, pointer, JsonText::string, true));
            case "date-time" -> choices.add(odd(HostileInput.BAD_INSTANTS, pointer, JsonText::string, true));
            case "uuid" -> choices.add(odd(HostileInput.BAD_UUIDS, pointer, JsonText::string, true));
            default -> {
                boolean enumerated = schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty();
                if (enumerated) {
                    String first = String.valueOf(schema.getEnum().get(0));
                    choices.add(Arbitraries.of(first.toLowerCase(), "UNKNOWN_VALUE", " " + first, first + "\u0000")
                            .map(v -> new Mutant(JsonText.string(v), "\"" + FuzzRequest.visible(v) + "\" at "
                                    + at(pointer) + " (not one of its values)", true)));
                }
                choices.add(odd(HostileInput.INVISIBLE_TEXT, pointer, JsonText::string, required || enumerated));
                Optional<Pattern> pattern = Schemas.pattern(schema);
                choices.add(Arbitraries.of(HostileInput.AWKWARD_TEXT).map(o -> new Mutant(JsonText.string(o.value()),
                        o.why() + " at " + at(pointer), enumerated
                        || pattern.map(p -> !p.matcher(o.value()).matches()).orElse(false))));
                Integer max = schema == null ? null : schema.getMaxLength();
                int length = max != null ? max + 1 : 100_000;
                choices.add(Arbitraries.of('x', 'é', '漢').map(c -> new Mutant(
                        JsonText.string(String.valueOf(c).repeat(length)), length + " characters at " + at(pointer)
                        + (max != null ? " (at most " + max + ")" : " (no maximum documented)"), max != null)));
            }
        }
        return choices;
    }

    private static Arbitrary<Mutant> odd(List<Odd> odds, String pointer, Function<String, JsonText> as, boolean certain) {
        return Arbitraries.of(odds).map(o -> new Mutant(as.apply(o.value()), o.why() + " at " + at(pointer), certain));
    }

    private static boolean outOfBounds(Schema<?> schema, String type, String token) {
        BigDecimal value = new BigDecimal(token);
        if ("integer".equals(type) && value.stripTrailingZeros().scale() > 0) {
            return true;
        }
        return Schemas.outside(schema, value);
    }

    private static String at(String pointer) {
        return pointer.isEmpty() ? "the body" : pointer;
    }

    // ---- spoilt bodies, headers and parameters ----------------------------------------------------------

    private Arbitrary<FuzzRequest> malformedBody(ApiOperation op, Parts p) {
        String valid = p.json().orElseThrow().write();
        String type = defaultType(op);
        List<Arbitrary<FuzzRequest>> choices = new ArrayList<>();
        for (String garbage : List.of(" x", "{}", "]", "\u0000", " // comment", ",")) {
            choices.add(Arbitraries.just(raw(op, p, valid + garbage, "trailing " + FuzzRequest.visible(garbage)
                    + " after the JSON", "garbage after the JSON value", type)));
        }
        choices.add(Arbitraries.just(raw(op, p, "", "an empty body", "no JSON at all", type)));
        choices.add(Arbitraries.just(raw(op, p, "null", "null as the body", "null is not the document", type)));
        choices.add(Arbitraries.just(raw(op, p, valid.substring(0, valid.length() / 2), "the JSON cut in half",
                "unfinished JSON", type)));
        choices.add(Arbitraries.just(raw(op, p, "[".repeat(5000) + "]".repeat(5000), "5000 nested arrays",
                "not the document, and nested 5000 deep", type)));
        choices.add(Arbitraries.just(raw(op, p, "{\"a\":" + valid + "}", "the document one level down",
                "wrong shape", type)));
        choices.add(Arbitraries.just(raw(op, p, "\ufeff" + valid, "a byte-order mark before the JSON", null, type)));
        byte[] badUtf8 = Percent.cesu(valid.replaceFirst("\"([^\"]*)\"(\\s*[,}\\]])", "\"\ud800$1\"$2"));
        choices.add(Arbitraries.just(new FuzzRequest(op, p.user(), target(op, p), headers(p, type),
                RawHttp.Body.of(badUtf8), "a surrogate encoded as raw bytes (not UTF-8) in the JSON",
                "the body is not UTF-8")));
        return Arbitraries.oneOf(choices);
    }

    private Arbitrary<FuzzRequest> oddContentType(ApiOperation op, Parts p) {
        String valid = p.json().orElseThrow().write();
        List<Arbitrary<FuzzRequest>> choices = new ArrayList<>();
        choices.add(Arbitraries.just(raw(op, p, valid, "no Content-Type", "JSON sent without a Content-Type", null)));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/json;charset=UTF-16", "application/json; charset=ISO-8859-1", "", "*/*")) {
            choices.add(Arbitraries.just(raw(op, p, valid, "Content-Type: " + type, "JSON declared as " + type, type)));
        }
        choices.add(Arbitraries.just(new FuzzRequest(op, p.user(), target(op, p), headers(p,
                "application/json;charset=UTF-16"), RawHttp.Body.of(valid.getBytes(StandardCharsets.UTF_16)),
                "JSON encoded as UTF-16", "JSON in UTF-16")));
        choices.add(Arbitraries.just(raw(op, p, valid, "Content-Type: application/json; charset=utf-8", null,
                "application/json; charset=utf-8")));
        return Arbitraries.oneOf(choices);
    }

    private Arbitrary<FuzzRequest> oddIfMatch(ApiOperation op, Parts p) {
        List<Arbitrary<FuzzRequest>> choices = new ArrayList<>();
        choices.add(Arbitraries.just(request(op, p.withHeaders(List.of()), "without If-Match", "no If-Match",
                defaultType(op))));
        choices.add(Arbitraries.of(HostileInput.ODD_IF_MATCH).map(o -> request(op,
                p.withHeaders(List.of(Map.entry("If-Match", o.value()))), "If-Match " + o.value(),
                "If-Match is " + o.why(), defaultType(op))));
        choices.add(Arbitraries.just(request(op, p.withHeaders(List.of(Map.entry("If-Match", "*"))), "If-Match *",
                null, defaultType(op))));
        return Arbitraries.oneOf(choices);
    }

    /** A store position that is no position, or one no change answered (past the head), is refused at once. */
    private Arbitrary<FuzzRequest> oddReadAfter(ApiOperation op, Parts p) {
        return Arbitraries.of("", "-1", "01", "1.0", "1e3", "soon", "7 8", "9".repeat(19), "999999999999999999")
                .map(value -> {
                    List<Map.Entry<String, String>> headers = new ArrayList<>(p.headers());
                    headers.add(Map.entry("Read-After", value));
                    return request(op, p.withHeaders(headers), "Read-After " + FuzzRequest.visible(value),
                            "Read-After is not a position any change answered", defaultType(op));
                });
    }

    private Arbitrary<FuzzRequest> badCredentials(ApiOperation op, Parts p) {
        return Arbitraries.of("none", "Bearer not-a-token", "Basic aXJpcy5pbnZlc3RpZ2F0b3I6ZGVtbw==", "Bearer ")
                .map(auth -> {
                    FuzzRequest base = request(op, p.withUser(null), "", null, defaultType(op));
                    List<Map.Entry<String, String>> headers = new ArrayList<>(base.headers());
                    if (!auth.equals("none")) {
                        headers.add(Map.entry("Authorization", auth));
                    }
                    return new FuzzRequest(op, null, base.target(), headers, base.body(),
                            auth.equals("none") ? "no token" : "Authorization: " + auth, "no valid token");
                });
    }

    private Arbitrary<FuzzRequest> oddParameter(ApiOperation op, Parts p) {
        List<Arbitrary<FuzzRequest>> choices = new ArrayList<>();
        for (ApiOperation.Parameter parameter : op.in("path")) {
            choices.add(oddPathValue(parameter).map(o -> {
                Map<String, String> path = new LinkedHashMap<>(p.path());
                path.put(parameter.name(), o.value());
                return request(op, p.withPath(path), "path parameter " + parameter.name() + " is " + o.why(),
                        o.certain() ? parameter.name() + " is " + o.why() : null, defaultType(op));
            }));
        }
        for (ApiOperation.Parameter parameter : op.in("query")) {
            choices.add(oddQueryValue(parameter).map(o -> {
                List<Map.Entry<String, String>> query = new ArrayList<>(p.query().stream()
                        .filter(e -> e != null && !e.getKey().equals(parameter.name())).toList());
                query.add(Map.entry(parameter.name(), o.value()));
                return request(op, p.withQuery(query), "query parameter " + parameter.name() + " is " + o.why(),
                        o.certain() ? parameter.name() + " is " + o.why() : null, defaultType(op));
            }));
        }
        return Arbitraries.oneOf(choices);
    }

    /** An encoded parameter value, why it is odd, and whether it must be refused. */
    record OddParameter(String value, String why, boolean certain) {
    }

    private static Arbitrary<OddParameter> oddPathValue(ApiOperation.Parameter parameter) {
        List<Arbitrary<OddParameter>> choices = new ArrayList<>();
        choices.add(Arbitraries.of(HostileInput.UNSTORABLE_TEXT).map(o ->
                new OddParameter(Percent.encode(o.value()), o.why(), true)));
        choices.add(Arbitraries.of(HostileInput.AWKWARD_TEXT).map(o ->
                new OddParameter(Percent.encode(o.value()), o.why(), false)));
        choices.add(Arbitraries.of(
                new OddParameter("%", "a raw % (no escape)", true),
                new OddParameter("%zz", "a broken escape %zz", true),
                new OddParameter("\\", "a raw backslash", false),
                new OddParameter("%2F", "an encoded slash", false),
                new OddParameter("..", "..", false),
                new OddParameter("%C0%AE", "an overlong UTF-8 dot", true),
                new OddParameter("x".repeat(3000), "3000 characters", false),
                new OddParameter("x".repeat(20_000), "20000 characters", false)));
        return Arbitraries.oneOf(choices);
    }

    private static Arbitrary<OddParameter> oddQueryValue(ApiOperation.Parameter parameter) {
        Schema<?> schema = parameter.schema();
        String type = schema == null ? "string" : Schemas.type(schema);
        String format = schema == null || schema.getFormat() == null ? "" : schema.getFormat();
        List<Arbitrary<OddParameter>> choices = new ArrayList<>();
        choices.add(Arbitraries.of(HostileInput.UNSTORABLE_TEXT).map(o ->
                new OddParameter(Percent.encode(o.value()), o.why(), true)));
        choices.add(Arbitraries.of(
                new OddParameter("%", "a raw % (no escape)", true),
                new OddParameter("\\", "a raw backslash", false),
                new OddParameter("x".repeat(20_000), "20000 characters", !type.equals("string") || schema.getMaxLength() != null)));
        switch (type) {
            case "integer", "number" -> {
                choices.add(Arbitraries.of(HostileInput.BAD_INTEGER_PARAMETERS).map(o -> new OddParameter(
                        Percent.encode(o.value()), o.why(), !o.value().equals("-1") || Schemas.outside(schema, BigDecimal.ONE.negate()))));
                if (parameter.name().equals("page") || parameter.name().equals("size") || parameter.name().equals("position")) {
                    choices.add(Arbitraries.of(HostileInput.PAGE_OVERFLOW).map(o -> new OddParameter(o.value(), o.why(),
                            Schemas.outside(schema, new BigDecimal(o.value())))));
                }
                Schemas.bounds(schema).forEach(bound -> choices.add(Arbitraries.just(new OddParameter(
                        bound.toPlainString(), bound.toPlainString() + " (out of its documented bounds)", true))));
            }
            case "boolean" -> choices.add(Arbitraries.of(HostileInput.BAD_BOOLEANS).map(o ->
                    new OddParameter(Percent.encode(o.value()), o.why(), true)));
            default -> {
                if (format.equals("date-time")) {
                    choices.add(Arbitraries.of(HostileInput.BAD_INSTANTS).map(o ->
                            new OddParameter(Percent.encode(o.value()), o.why(), !o.value().isEmpty())));
                } else if (format.equals("date")) {
                    choices.add(Arbitraries.of(HostileInput.BAD_DATES).map(o ->
                            new OddParameter(Percent.encode(o.value()), o.why(), !o.value().isEmpty())));
                } else if (schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                    choices.add(Arbitraries.of("UNKNOWN_VALUE", "open", " ").map(v ->
                            new OddParameter(Percent.encode(v), "\"" + v + "\" (not one of its values)", true)));
                } else {
                    choices.add(Arbitraries.of(HostileInput.AWKWARD_TEXT).map(o ->
                            new OddParameter(Percent.encode(o.value()), o.why(), false)));
                    choices.add(Arbitraries.of(HostileInput.INVISIBLE_TEXT).map(o ->
                            new OddParameter(Percent.encode(o.value()), o.why(), false)));
                }
            }
        }
        return Arbitraries.oneOf(choices);
    }

    // ---- assembling -------------------------------------------------------------------------------------

    private static String defaultType(ApiOperation op) {
        return op.body().map(b -> b.json() ? "application/json" : "text/csv").orElse(null);
    }

    private static FuzzRequest request(ApiOperation op, Parts p, String variant, String mustRefuse, String type) {
        RawHttp.Body body = p.json().map(j -> RawHttp.Body.of(j.write().getBytes(StandardCharsets.UTF_8)))
                .orElse(p.raw() != null ? RawHttp.Body.of(p.raw()) : RawHttp.Body.NONE);
        return new FuzzRequest(op, p.user(), target(op, p), headers(p, body.bytes() == null ? null : type), body,
                variant, mustRefuse);
    }

    private static FuzzRequest raw(ApiOperation op, Parts p, String text, String variant, String mustRefuse, String type) {
        return new FuzzRequest(op, p.user(), target(op, p), headers(p, type),
                RawHttp.Body.of(text.getBytes(StandardCharsets.UTF_8)), variant, mustRefuse);
    }

    private static List<Map.Entry<String, String>> headers(Parts p, String contentType) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(p.headers());
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        return headers;
    }

    private static String target(ApiOperation op, Parts p) {
        String path = op.path();
        for (var value : p.path().entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        List<String> query = p.query().stream().filter(Objects::nonNull)
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    /** A parameter's text: a JSON string's content (fixture values are written JSON), anything else as written. */
    private static String parameterText(JsonText value) {
        if (value instanceof JsonText.Str s) {
            return s.value();
        }
        String written = value.write();
        return written.startsWith("\"") ? SuiteClient.read(written).asText() : written;
    }

    private static Arbitrary<Map<String, String>> combineMap(List<Map.Entry<String, Arbitrary<String>>> entries) {
        if (entries.isEmpty()) {
            return Arbitraries.just(Map.of());
        }
        return Combinators.combine(entries.stream().map(e -> e.getValue().map(v -> Map.entry(e.getKey(), v))).toList())
                .as(list -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    list.forEach(e -> map.put(e.getKey(), e.getValue()));
                    return map;
                });
    }

    private static Arbitrary<List<Map.Entry<String, String>>> combineEntries(
            List<Map.Entry<String, Arbitrary<String>>> entries) {
        if (entries.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        return Combinators.combine(entries.stream().map(e -> e.getValue()
                .map(v -> v == null ? null : Map.entry(e.getKey(), v))).toList()).as(ArrayList::new);
    }
}
