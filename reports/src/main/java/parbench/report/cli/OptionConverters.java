package parbench.report.cli;

import parbench.report.compare.ComparisonFormat;
import parbench.report.compare.HardwareMode;
import parbench.report.compare.Thresholds;
import parbench.report.history.ChangeFormat;
import picocli.CommandLine;

import java.util.function.Function;

/**
 * The picocli converters of every parbench command's option values, one per value type. Each delegates to the type's
 * own parser and turns its {@link IllegalArgumentException}, whose message names the bad value, into picocli's
 * conversion error: the command prints that message as its one stderr line and exits 2.
 */
final class OptionConverters {

    private OptionConverters() {
    }

    /** A converter that is the parser {@code parse}; its {@link IllegalArgumentException} is the user's mistake. */
    abstract static class Parsed<T> implements CommandLine.ITypeConverter<T> {
        private final Function<String, T> parse;

        Parsed(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public final T convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 5%} or {@code 5} into 0.05 ({@link Thresholds#percent}). */
    static final class Percent extends Parsed<Double> {
        Percent() {
            super(Thresholds::percent);
        }
    }

    /** {@code auto}, {@code same-hardware} or {@code cross-hardware} ({@link HardwareMode#parse}). */
    static final class Mode extends Parsed<HardwareMode> {
        Mode() {
            super(HardwareMode::parse);
        }
    }

    /** {@code text}, {@code markdown}, {@code json} or {@code html}: a comparison's output ({@link ComparisonFormat#parse}). */
    static final class Comparison extends Parsed<ComparisonFormat> {
        Comparison() {
            super(ComparisonFormat::parse);
        }
    }

    /** {@code text} or {@code json}: the change points' output ({@link ChangeFormat#parse}). */
    static final class Changes extends Parsed<ChangeFormat> {
        Changes() {
            super(ChangeFormat::parse);
        }
    }
}
