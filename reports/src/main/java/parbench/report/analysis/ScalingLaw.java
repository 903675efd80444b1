package parbench.report.analysis;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A scaling law fitted to a speedup curve {@code S(N)} (N cores, or N in flight), by least squares
 * (commons-math3's Levenberg–Marquardt):
 * <ul>
 *   <li>Amdahl's law, {@code S(N) = N / (1 + sigma (N - 1))}: a serial fraction {@code sigma} caps the speedup at
 *       {@code 1 / sigma}. G. M. Amdahl, "Validity of the single processor approach to achieving large scale
 *       computing capabilities", AFIPS Spring Joint Computer Conference, 1967.</li>
 *   <li>Gunther's Universal Scalability Law, {@code S(N) = N / (1 + sigma (N - 1) + kappa N (N - 1))}: contention
 *       {@code sigma} and coherency {@code kappa}; with {@code kappa > 0} the speedup peaks at
 *       {@code N* = sqrt((1 - sigma) / kappa)} and falls beyond. N. J. Gunther, "A Simple Capacity Model of
 *       Massively Parallel Transaction Systems", CMG Conference, 1993; "Guerrilla Capacity Planning", Springer,
 *       2007, chapters 4–6.</li>
 * </ul>
 * Intervals on the coefficients are the usual asymptotic ones of non-linear least squares: the covariance
 * {@code (J'J)^-1 s^2} at the optimum, {@code s^2} the residual variance on {@code n - k} degrees of freedom, times
 * Student's t quantile. At least {@value #MIN_POINTS} points are needed; with fewer the report says "too few core
 * counts to fit" rather than draw a line. Immutable.
 *
 * @param law           which law
 * @param sigma         contention (Amdahl's serial fraction), in [0, 1]
 * @param sigmaInterval its interval at {@link #CONFIDENCE}, or null where the fit has no degrees of freedom left
 * @param kappa         coherency, 0 for Amdahl
 * @param kappaInterval its interval, or null (always null for Amdahl)
 * @param points        how many points were fitted
 */
public record ScalingLaw(Law law, double sigma, Interval sigmaInterval, double kappa, Interval kappaInterval,
                         int points) {

    /** The two laws. */
    public enum Law { AMDAHL, USL }

    public static final int MIN_POINTS = 3;
    public static final double CONFIDENCE = 0.95;
    /** What the report says in place of a fit. */
    public static final String TOO_FEW = "too few core counts to fit";

    /** Amdahl's law fitted to {@code speedup[i]} at {@code n[i]}; empty below {@value #MIN_POINTS} points. */
    public static Optional<ScalingLaw> amdahl(double[] n, double[] speedup) {
        return fit(Law.AMDAHL, n, speedup);
    }

    /** The Universal Scalability Law fitted to {@code speedup[i]} at {@code n[i]}; empty below 3 points. */
    public static Optional<ScalingLaw> usl(double[] n, double[] speedup) {
        return fit(Law.USL, n, speedup);
    }

    /** The law's speedup at {@code n}. */
    public double speedup(double n) {
        return n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** Where the speedup peaks, {@code sqrt((1 - sigma) / kappa)}; empty where it only flattens (kappa = 0). */
    public OptionalDouble peak() {
        if (!(kappa > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.sqrt((1 - sigma) / kappa));
    }

    /** One line: coefficients with intervals and the predicted peak or ceiling. */
    public String text(String axis) {
        String s = "σ = " + coefficient(sigma, sigmaInterval);
        if (law == Law.AMDAHL) {
            return s + (sigma > 0 ? String.format(Locale.ROOT, "; ceiling 1/σ = %.3g×", 1 / sigma)
                    : "; no ceiling within the data");
        }
        s += ", κ = " + coefficient(kappa, kappaInterval);
        OptionalDouble peak = peak();
        return s + (peak.isPresent()
                ? String.format(Locale.ROOT, "; predicted peak %.3g× at %s = %.3g", speedup(peak.getAsDouble()),
                        axis, peak.getAsDouble())
                : "; no peak (κ = 0): it flattens towards " + (sigma > 0
                        ? String.format(Locale.ROOT, "%.3g×", 1 / sigma) : "linear"));
    }

    private static String coefficient(double value, Interval interval) {
        String v = String.format(Locale.ROOT, "%.3g", value);
        return interval == null ? v + " (no interval: no degrees of freedom left)"
                : v + " [" + String.format(Locale.ROOT, "%.3g", interval.low()) + ", "
                        + String.format(Locale.ROOT, "%.3g", interval.high()) + "]";
    }

    private static Optional<ScalingLaw> fit(Law law, double[] n, double[] speedup) {
        if (n.length != speedup.length) {
            throw new IllegalArgumentException(n.length + " N values for " + speedup.length + " speedups");
        }
        if (n.length < MIN_POINTS) {
            return Optional.empty();
        }
        int k = law == Law.USL ? 2 : 1;
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .model(point -> evaluate(law, n, point.toArray()))
                    .target(speedup)
                    .start(law == Law.USL ? new double[]{0.05, 1e-4} : new double[]{0.05})
                    .parameterValidator(p -> {
                        p.setEntry(0, Math.min(1, Math.max(0, p.getEntry(0))));
                        if (p.getDimension() > 1) {
                            p.setEntry(1, Math.max(0, p.getEntry(1)));
                        }
                        return p;
                    })
                    .maxEvaluations(10_000)
                    .maxIterations(10_000)
                    .lazyEvaluation(false)
                    .build());
        } catch (IllegalStateException e) { // commons-math: no convergence, too many evaluations
            return Optional.empty();
        }
        double[] p = optimum.getPoint().toArray();
        Interval[] intervals = intervals(optimum.getJacobian(), optimum.getResiduals().getNorm(), n.length, k, p);
        return Optional.of(new ScalingLaw(law, p[0], intervals[0], k > 1 ? p[1] : 0, k > 1 ? intervals[1] : null,
                n.length));
    }

    /** The model's values and Jacobian at {@code p}: {@code dS/dsigma = -N(N-1)/D^2}, {@code dS/dkappa = -N^2(N-1)/D^2}. */
    private static Pair<org.apache.commons.math3.linear.RealVector, RealMatrix> evaluate(Law law, double[] n, double[] p) {
        double sigma = p[0];
        double kappa = law == Law.USL ? p[1] : 0;
        double[] values = new double[n.length];
        double[][] jacobian = new double[n.length][law == Law.USL ? 2 : 1];
        for (int i = 0; i < n.length; i++) {
            double d = 1 + sigma * (n[i] - 1) + kappa * n[i] * (n[i] - 1);
            values[i] = n[i] / d;
            jacobian[i][0] = -n[i] * (n[i] - 1) / (d * d);
            if (law == Law.USL) {
                jacobian[i][1] = -n[i] * n[i] * (n[i] - 1) / (d * d);
            }
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }

    private static Interval[] intervals(RealMatrix jacobian, double residualNorm, int points, int k, double[] p) {
        Interval[] out = new Interval[k];
        int dof = points - k;
        if (dof <= 0) {
            return out;
        }
        RealMatrix jtj = jacobian.transpose().multiply(jacobian);
        RealMatrix covariance;
        try {
            DecompositionSolver solver = new QRDecomposition(jtj, 1e-300).getSolver();
            covariance = solver.getInverse();
        } catch (SingularMatrixException e) {
            return out;
        }
        double variance = residualNorm * residualNorm / dof;
        double t = new TDistribution(dof).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        for (int j = 0; j < k; j++) {
            double half = t * Math.sqrt(Math.max(0, covariance.getEntry(j, j) * variance));
            if (Double.isFinite(half)) {
                out[j] = new Interval(Math.max(0, p[j] - half), p[j] + half);
            }
        }
        return out;
    }
}
