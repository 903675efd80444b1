package parbench.report.analysis;

import java.util.Locale;
import java.util.Optional;

/**
 * The Python interpreter a {@code py-} row ran under, as the harness records it (docs/python.md): the {@code python}
 * param is its label ({@code cpython-3.11.2}, {@code cpython-3.13.1t} for a free-threaded build with the GIL off,
 * {@code cpython-3.13.1t-gil} for one with it back on), and {@code jvmArgs} carries {@code gil=enabled|disabled}
 * (the run-time state, {@code sys._is_gil_enabled()}) and {@code Py_GIL_DISABLED=0|1} (the build). Rows of two
 * interpreters are two sets of rows: the label is part of their params, so baselines, lines and findings never pool
 * them. Runs written before the label existed have none: {@link #label()} is null and the interpreter is named
 * "Python". Immutable.
 *
 * @param label the {@code python} param, or null when the row has none
 * @param gil   whether a GIL serialised the interpreter's threads: {@code gil=} of {@code jvmArgs}, else what the
 *              label and {@code Py_GIL_DISABLED} imply; null when nothing tells
 */
public record PythonInterpreter(String label, Boolean gil) implements Comparable<PythonInterpreter> {

    /** The interpreter of {@code row}, a {@code py-} row. */
    public static PythonInterpreter of(Row row) {
        String label = row.result().param("python").orElse(null);
        Boolean gil = arg(row, "gil").map(v -> switch (v) {
            case "enabled" -> Boolean.TRUE;
            case "disabled" -> Boolean.FALSE;
            default -> null;
        }).orElse(null);
        if (gil == null && label != null) {
            // a default build always has the GIL; a free-threaded one ("t") has it off unless labelled "t-gil"
            gil = !label.endsWith("t");
        }
        if (gil == null && arg(row, "Py_GIL_DISABLED").filter("0"::equals).isPresent()) {
            gil = true;
        }
        return new PythonInterpreter(label, gil);
    }

    private static Optional<String> arg(Row row, String name) {
        return row.result().jvmArgs().stream().filter(a -> a.startsWith(name + "="))
                .map(a -> a.substring(name.length() + 1).trim()).findFirst();
    }

    /** "CPython 3.11.2", "CPython 3.13.1t" from the label; "Python" without one. */
    public String name() {
        if (label == null) {
            return "Python";
        }
        int dash = label.indexOf('-');
        if (dash < 0) {
            return label;
        }
        String implementation = label.substring(0, dash);
        String known = switch (implementation.toLowerCase(Locale.ROOT)) {
            case "cpython" -> "CPython";
            case "pypy" -> "PyPy";
            default -> implementation;
        };
        return known + " " + label.substring(dash + 1);
    }

    /** "(GIL)", "(no GIL)", or "(GIL state not recorded)". */
    public String gilText() {
        return gil == null ? "(GIL state not recorded)" : gil ? "(GIL)" : "(no GIL)";
    }

    /** "CPython 3.11.2 (GIL)": how every finding names the interpreter. */
    public String named() {
        return name() + " " + gilText();
    }

    /** Whether this interpreter ran its threads without a GIL (a free-threaded build, GIL off). */
    public boolean freeThreaded() {
        return Boolean.FALSE.equals(gil);
    }

    /** By label (an unlabelled interpreter first), then GIL state. */
    @Override
    public int compareTo(PythonInterpreter other) {
        return java.util.Comparator.comparing(PythonInterpreter::label,
                        java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder()))
                .thenComparing(PythonInterpreter::gil, java.util.Comparator.nullsFirst(
                        java.util.Comparator.<Boolean>naturalOrder()))
                .compare(this, other);
    }
}
