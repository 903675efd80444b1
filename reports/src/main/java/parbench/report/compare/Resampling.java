package parbench.report.compare;

/**
 * How many bootstrap resamples a comparison drew: {@code pilot} for every row, {@code full} for the
 * {@code fullRows} rows whose verdict the pilot left open ({@link parbench.report.stats.BootstrapPretest}).
 *
 * @param pilot    resamples behind every interval first; equal to {@code full} when nothing was adaptive
 * @param full     resamples behind the rows near a decision ({@code --resamples})
 * @param fullRows rows resampled {@code full} times
 */
public record Resampling(int pilot, int full, int fullRows) {

    /** Every row resampled {@code resamples} times. */
    public static Resampling uniform(int resamples) {
        return new Resampling(resamples, resamples, 0);
    }

    /** True when some rows stopped at the pilot. */
    public boolean adaptive() {
        return pilot < full;
    }

    /** {@code 199 resamples, 2000 for the 3 rows near a decision}, or {@code 2000 resamples}. */
    public String describe() {
        if (!adaptive()) {
            return full + " resamples";
        }
        return pilot + " resamples, " + full + " for the " + fullRows + " row" + (fullRows == 1 ? "" : "s")
                + " near a decision";
    }
}
