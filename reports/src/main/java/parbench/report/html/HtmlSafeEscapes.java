package parbench.report.html;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * Jackson's standard JSON escapes plus {@code <}, {@code >} and {@code &}, so that JSON written with
 * them is safe inside an HTML {@code <script>} element: no string from an input can close the element
 * or start markup. Used by the report's and the history page's data blocks. Immutable.
 */
public final class HtmlSafeEscapes extends CharacterEscapes {
    private final int[] escapes;

    public HtmlSafeEscapes() {
        escapes = standardAsciiEscapesForJSON();
        escapes['<'] = ESCAPE_STANDARD;
        escapes['>'] = ESCAPE_STANDARD;
        escapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return null;
    }
}
