package parbench.report.ab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A JMH option string as a user writes it on {@code ab}'s command line ({@code --base-opts '-p taskMillis=10
 * -jvmArgs "-XX:+UseSerialGC -Xmx1g"'}): split into arguments at whitespace outside single or double quotes, quotes
 * removed, as a POSIX shell would split it (no escapes, no variables). Immutable.
 *
 * @param arguments the arguments, in order
 */
public record JmhOptions(List<String> arguments) {

    public JmhOptions {
        arguments = List.copyOf(arguments);
    }

    /** Splits {@code text}; an unclosed quote is an {@link IllegalArgumentException} naming the text. */
    public static JmhOptions parse(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (char ch : text.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    current.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                inArgument = true;
            } else if (Character.isWhitespace(ch)) {
                if (inArgument) {
                    out.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(ch);
                inArgument = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in JMH options '" + text + "'");
        }
        if (inArgument) {
            out.add(current.toString());
        }
        return new JmhOptions(out);
    }

    /** The {@code -p name=values} settings, by name (a later one wins, as in JMH). */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).equals("-p")) {
                String setting = arguments.get(i + 1);
                int eq = setting.indexOf('=');
                if (eq > 0) {
                    params.put(setting.substring(0, eq), setting.substring(eq + 1));
                }
            }
        }
        return params;
    }

    /** The param names {@code this} and {@code other} set differently (or only one of them sets). */
    public Set<String> paramsDifferingFrom(JmhOptions other) {
        Map<String, String> mine = params();
        Map<String, String> theirs = other.params();
        Set<String> names = new LinkedHashSet<>(mine.keySet());
        names.addAll(theirs.keySet());
        names.removeIf(name -> Objects.equals(mine.get(name), theirs.get(name)));
        return names;
    }

    /** {@code this} followed by {@code more}. */
    public JmhOptions then(JmhOptions more) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(more.arguments);
        return new JmhOptions(all);
    }
}
