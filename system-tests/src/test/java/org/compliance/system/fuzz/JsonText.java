package org.compliance.system.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON values as the fuzzer writes them: unlike a JSON library, it keeps duplicate keys, writes number tokens
 * verbatim (1E+10000000 stays short), and escapes lone surrogates and controls as {@code \}{@code uXXXX} so the
 * text is well-formed JSON that carries what a strict server must refuse.
 */
sealed interface JsonText {

    String write();

    static JsonText string(String value) {
        return new Str(value);
    }

    /** A literal token: a number, {@code true}, {@code false}, {@code null} or anything else written as is. */
    static JsonText token(String literal) {
        return new Token(literal);
    }

    JsonText NULL = new Token("null");

    record Str(String value) implements JsonText {
        @Override
        public String write() {
            StringBuilder out = new StringBuilder(value.length() + 2).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        boolean lone = Character.isHighSurrogate(c)
                                ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))
                                : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
                        if (c < 0x20 || lone) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }

    record Token(String literal) implements JsonText {
        @Override
        public String write() {
            return literal;
        }
    }

    record Arr(List<JsonText> items) implements JsonText {
        @Override
        public String write() {
            return "[" + String.join(",", items.stream().map(JsonText::write).toList()) + "]";
        }
    }

    /** An object as a list of members, so that a key may come twice. */
    record Obj(List<Map.Entry<String, JsonText>> members) implements JsonText {

        Obj with(String key, JsonText value) {
            List<Map.Entry<String, JsonText>> changed = new ArrayList<>();
            boolean replaced = false;
            for (var member : members) {
                if (member.getKey().equals(key) && !replaced) {
                    changed.add(Map.entry(key, value));
                    replaced = true;
                } else {
                    changed.add(member);
                }
            }
            if (!replaced) {
                changed.add(Map.entry(key, value));
            }
            return new Obj(changed);
        }

        Obj without(String key) {
            return new Obj(members.stream().filter(m -> !m.getKey().equals(key)).toList());
        }

        Obj plus(String key, JsonText value) {
            List<Map.Entry<String, JsonText>> changed = new ArrayList<>(members);
            changed.add(Map.entry(key, value));
            return new Obj(changed);
        }

        @Override
        public String write() {
            return "{" + String.join(",", members.stream()
                    .map(m -> new Str(m.getKey()).write() + ":" + m.getValue().write()).toList()) + "}";
        }
    }
}
