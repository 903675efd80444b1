package parbench.report.cli;

import parbench.report.compare.Thresholds;
import parbench.report.jmh.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * What counts as a change, for the commands that give verdicts on a comparison ({@code compare}, {@code history
 * check}): {@code --threshold}, {@code --thresholds FILE} and {@code --alpha}, one picocli mixin so that both read,
 * check and describe them alike.
 */
final class VerdictOptions {

    @Option(names = "--threshold", paramLabel = "PERCENT", converter = OptionConverters.Percent.class,
            description = "smallest change that counts (default: 5%%)")
    double threshold = 0.05;

    @Option(names = "--thresholds", paramLabel = "FILE",
            description = "per-benchmark thresholds, lines 'regex=percent'; first match wins, else --threshold")
    Path thresholdsFile;

    @Option(names = "--alpha", paramLabel = "P", description = "significance level, 0 < alpha < 1 (default: ${DEFAULT-VALUE})")
    double alpha = 0.01;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** {@code --alpha}, refused as a usage error outside (0, 1). */
    double alpha() {
        if (!(alpha > 0 && alpha < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--alpha must be between 0 and 1 (exclusive), found " + alpha);
        }
        return alpha;
    }

    /** The thresholds: {@code --thresholds FILE} with {@code --threshold} for what no line matches, else uniform. */
    Thresholds thresholds() throws BadInputException {
        return thresholdsFile == null ? Thresholds.uniform(threshold) : Thresholds.read(thresholdsFile, threshold);
    }
}
