package parbench.report.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Precision and recall of {@link EDivisive#DEFAULT} on SYNTHETIC series with one known step, the figures docs/history.md
 * quotes. Each series has {@value #LENGTH} runs of value 100 with Gaussian run-to-run noise of the given coefficient
 * of variation, and (unless the step is 0) a step up by the given fraction at a position drawn uniformly from
 * [{@value #LENGTH}/4, 3·{@value #LENGTH}/4). A change point within {@value #TOLERANCE} runs of the true step is a
 * true positive; any other is a false positive. Seeded: the same numbers on every machine.
 *
 * <p>Run: {@code java -cp reports/target/test-classes:reports/target/classes:$(cat cp.txt)
 * parbench.report.history.ChangePointAccuracy} (cp.txt from {@code mvn -pl reports dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}), or
 * through {@code ChangePointAccuracyTest}, which asserts the floor the docs promise.
 */
public final class ChangePointAccuracy {

    static final int LENGTH = 60;
    static final int TOLERANCE = 2;
    static final int SERIES = 200;

    /** The outcome for one step size at one noise level. */
    record Score(double step, double noise, int series, int found, int detections, int truePositives) {

        /** True positives over all detections; 1 when nothing was detected. */
        double precision() {
            return detections == 0 ? 1.0 : (double) truePositives / detections;
        }

        /** Series whose step was found over series that had one; NaN for the no-step case. */
        double recall() {
            return step == 0 ? Double.NaN : (double) found / series;
        }

        /** Series with a (false) change point over all series: the no-step case's figure. */
        double falseAlarmRate() {
            return (double) (detections - truePositives) / series;
        }
    }

    private ChangePointAccuracy() {
    }

    static Score score(EDivisive method, double step, double noise, long seed) {
        Random random = new Random(seed);
        int found = 0;
        int detections = 0;
        int truePositives = 0;
        for (int s = 0; s < SERIES; s++) {
            int at = LENGTH / 4 + random.nextInt(LENGTH / 2);
            double[] x = new double[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                x[i] = 100 * (i >= at ? 1 + step : 1) * (1 + noise * random.nextGaussian());
            }
            List<EDivisive.Split> splits = method.changePoints(x, random.nextLong());
            boolean hit = false;
            for (EDivisive.Split split : splits) {
                detections++;
                if (step != 0 && Math.abs(split.index() - at) <= TOLERANCE && !hit) {
                    truePositives++;
                    hit = true;
                }
            }
            if (hit) {
                found++;
            }
        }
        return new Score(step, noise, SERIES, found, detections, truePositives);
    }

    static List<Score> table(EDivisive method) {
        List<Score> scores = new ArrayList<>();
        long seed = 1;
        for (double noise : new double[]{0.01, 0.02, 0.05}) {
            for (double step : new double[]{0, 0.05, 0.10, 0.20}) {
                scores.add(score(method, step, noise, seed++));
            }
        }
        return scores;
    }

    public static void main(String[] args) {
        System.out.println("| run-to-run noise (CV) | step | precision | recall | false alarms per series |");
        System.out.println("|---|---|---|---|---|");
        for (Score s : table(EDivisive.DEFAULT)) {
            System.out.println(String.format(Locale.ROOT, "| %.0f %% | %s | %s | %s | %.3f |", s.noise() * 100,
                    s.step() == 0 ? "none" : String.format(Locale.ROOT, "+%.0f %%", s.step() * 100),
                    s.step() == 0 ? "–" : String.format(Locale.ROOT, "%.2f", s.precision()),
                    s.step() == 0 ? "–" : String.format(Locale.ROOT, "%.2f", s.recall()), s.falseAlarmRate()));
        }
    }
}
