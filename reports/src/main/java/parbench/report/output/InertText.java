package parbench.report.output;

/**
 * Text from untrusted files (in CI they come from pull requests) made safe for a terminal and for
 * Markdown: every C0 control character (U+0000 to U+001F, newline and tab included), DEL and every
 * C1 control character (U+0080 to U+009F) becomes a visible escape {@code \xHH}, so no ESC
 * sequence, OSC title, clear-screen or line break in a CPU model, a JDK version, a benchmark name
 * or a file name reaches the reader's terminal or splits a line. Everything else is kept as is.
 * Stateless and thread-safe.
 */
public final class InertText {

    private InertText() {}

    /** {@code text} with its control characters escaped; null stays null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        var out = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code c} is a C0 or C1 control character or DEL. */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
