package io.sentio.core.learn;

import java.util.Arrays;

import io.sentio.core.config.OesParams;
import io.sentio.core.state.StateCodec;

/**
 * Exponentially weighted recursive least squares for one horizon, in the order of DESIGN §5.3:
 * data update, symmetrization, one ridge pseudo-observation cycling through the coordinates,
 * trace guard, label scale.
 *
 * <p>P is a full n x n square, one array per row (18 KB for n = 48), kept exactly symmetric: both rank-1
 * updates are applied as P -= u u^T with u = pi/sqrt(g) (in exact arithmetic k pi^T = pi pi^T/g),
 * and u_r u_c is bitwise u_c u_r, so DESIGN's "P = (P + P^T)/2" is the identity here. The
 * pseudo-observation's update, which DESIGN leaves unsymmetrized, and "/lambda" as a
 * multiplication by the precomputed 1/lambda differ from a literal transcription only by rounding
 * (EwrlsTest compares with one to 1e-9). The square costs twice the flops of a packed triangle but
 * every inner loop runs over a whole row from index 0 with no reduction, which JDK 17's C2 turns into
 * vector code; it does not vectorize loops whose arrays are indexed at different unknown offsets
 * (a packed triangle, or rows of one flat array), so those stayed scalar and were slower.
 *
 * <p>P x is kept between calls: a data update given the next bar's vector x_t computes P x_t while
 * it sweeps P (the confidence needs x_t . P x_t right after the update), and when the next data
 * update regresses on the vector the product was computed for, with P unchanged since (horizon 1:
 * x_t is the regressor of the label at t+1), it reuses the product. Both paths accumulate the
 * same terms in the same order, so the cached product is bitwise what a recomputation would give
 * and the reuse never changes a result.
 */
final class Ewrls {
    static final double LABEL_SCALE_ALPHA = 0.01;

    private final int n;
    private final double lambda;
    private final double inverseLambda;
    private final double regularization;
    private final double ridgeAmplitude;
    private final double maxTrace;
    private final double[] theta;
    private final double[][] p;
    private final double[] pi;
    private final double[] piOf;
    private final double[] u;
    private final double[] v;
    private boolean piValid;
    private long dataUpdates;
    private long traceCapHits;
    private double meanSquareLabel;
    private boolean labelSeen;

    Ewrls(int n, int horizon, OesParams params) {
        this.n = n;
        this.lambda = Math.max(0.98, Math.min(0.9999, params.ewrlsLambda + 0.001 * Math.log(horizon)));
        this.inverseLambda = 1.0 / lambda;
        this.regularization = params.regularization;
        this.ridgeAmplitude = Math.sqrt(n * (1.0 - lambda) * params.ridge);
        this.maxTrace = params.maxTrace;
        this.theta = new double[n];
        this.p = new double[n][n];
        this.pi = new double[n];
        this.piOf = new double[n];
        this.u = new double[n];
        this.v = new double[n];
        for (int i = 0; i < n; i++) {
            p[i][i] = params.initialVariance;
        }
    }

    /** One data update with the regressor {@code xs[off .. off+n)} and label {@code y}. */
    void update(double[] xs, int off, double y) {
        update(xs, off, y, null);
    }

    /**
     * One data update, also computing P x for the vector {@code next} (when not null) with the
     * updated P, for the {@link #quadraticForm} that follows.
     */
    void update(double[] xs, int off, double y, double[] next) {
        if (!piValid || !Arrays.equals(piOf, 0, n, xs, off, off + n)) {
            multiply(xs, off, pi);
        }
        double xpi = 0.0;
        double fit = 0.0;
        for (int r = 0; r < n; r++) {
            xpi += xs[off + r] * pi[r];
            fit += theta[r] * xs[off + r];
        }
        double g = lambda + regularization + xpi;
        double e = y - fit;
        double root = Math.sqrt(g);
        for (int r = 0; r < n; r++) {
            theta[r] += pi[r] / g * e;
            u[r] = pi[r] / root;
        }
        preparePseudoObservation((int) (dataUpdates % n));
        if (next == null) {
            sweep();
            piValid = false;
        } else {
            sweepAndMultiply(next);
        }
        dataUpdates++;
        guardTrace();
        double y2 = y * y;
        if (labelSeen) {
            meanSquareLabel += LABEL_SCALE_ALPHA * (y2 - meanSquareLabel);
        } else {
            meanSquareLabel = y2;
            labelSeen = true;
        }
    }

    /**
     * The ridge pseudo-observation x' = a e_i, y' = 0 (no forgetting, no regularization) needs
     * column i of the data-updated P; it is computed here from the old P in O(n), with exactly the
     * expression {@link #sweep()} uses for those elements, so that the sweep can apply both steps
     * in one pass. Sets v = pi'/sqrt(g') (zero without a ridge) and updates theta.
     */
    private void preparePseudoObservation(int i) {
        double a = ridgeAmplitude;
        if (a == 0.0) {
            Arrays.fill(v, 0.0);
            return;
        }
        double[] column = v;
        double ui = u[i];
        for (int r = 0; r < n; r++) {
            column[r] = (p[r][i] - u[r] * ui) * inverseLambda;
        }
        double g = 1.0 + a * a * column[i];
        double e = 0.0 - a * theta[i];
        double root = Math.sqrt(g);
        for (int r = 0; r < n; r++) {
            double piR = a * column[r];
            theta[r] += piR / g * e;
            column[r] = piR / root;
        }
    }

    /** P = (P - u u^T)/lambda - v v^T, one contiguous row at a time. */
    private void sweep() {
        double[][] p = this.p;
        double[] u = this.u;
        double[] v = this.v;
        double inv = inverseLambda;
        for (int r = 0; r < p.length; r++) {
            double[] row = p[r];
            double ur = u[r];
            double vr = v[r];
            for (int c = 0; c < row.length; c++) {
                row[c] = (row[c] - ur * u[c]) * inv - vr * v[c];
            }
        }
    }

    /** {@link #sweep()} that also accumulates pi = P x over the freshly written rows. */
    private void sweepAndMultiply(double[] x) {
        double[][] p = this.p;
        double[] u = this.u;
        double[] v = this.v;
        double[] out = pi;
        double inv = inverseLambda;
        Arrays.fill(out, 0.0);
        int r = 0;
        for (; r + 1 < p.length; r += 2) {
            double[] row0 = p[r];
            double[] row1 = p[r + 1];
            double u0 = u[r];
            double u1 = u[r + 1];
            double v0 = v[r];
            double v1 = v[r + 1];
            double x0 = x[r];
            double x1 = x[r + 1];
            for (int c = 0; c < out.length; c++) {
                double q0 = (row0[c] - u0 * u[c]) * inv - v0 * v[c];
                double q1 = (row1[c] - u1 * u[c]) * inv - v1 * v[c];
                row0[c] = q0;
                row1[c] = q1;
                out[c] = out[c] + q0 * x0 + q1 * x1;
            }
        }
        for (; r < p.length; r++) {
            double[] row = p[r];
            double ur = u[r];
            double vr = v[r];
            double xr = x[r];
            for (int c = 0; c < row.length; c++) {
                double q = (row[c] - ur * u[c]) * inv - vr * v[c];
                row[c] = q;
                out[c] += q * xr;
            }
        }
        System.arraycopy(x, 0, piOf, 0, n);
        piValid = true;
    }

    private void guardTrace() {
        double trace = trace();
        if (trace > maxTrace) {
            double s = maxTrace / trace;
            for (double[] row : p) {
                for (int c = 0; c < row.length; c++) {
                    row[c] *= s;
                }
            }
            traceCapHits++;
            piValid = false;
        }
    }

    /**
     * out = P x as a sum of rows of P (P is symmetric) weighted by x: contiguous axpys, no
     * reduction, two rows per pass (half the loads and stores of out). Each out[r] sums its terms
     * in row order, exactly as {@link #sweepAndMultiply} does.
     */
    private void multiply(double[] xs, int off, double[] out) {
        double[][] p = this.p;
        Arrays.fill(out, 0.0);
        int c = 0;
        for (; c + 1 < p.length; c += 2) {
            double x0 = xs[off + c];
            double x1 = xs[off + c + 1];
            double[] row0 = p[c];
            double[] row1 = p[c + 1];
            for (int r = 0; r < out.length; r++) {
                out[r] = out[r] + row0[r] * x0 + row1[r] * x1;
            }
        }
        for (; c < p.length; c++) {
            double xc = xs[off + c];
            double[] row = p[c];
            for (int r = 0; r < row.length; r++) {
                out[r] += row[r] * xc;
            }
        }
        System.arraycopy(xs, off, piOf, 0, n);
        piValid = true;
    }

    double predict(double[] x) {
        double s = 0.0;
        for (int r = 0; r < n; r++) {
            s += theta[r] * x[r];
        }
        return s;
    }

    /** x . P x; keeps P x for the next data update (see the class comment). */
    double quadraticForm(double[] x) {
        if (!piValid || !Arrays.equals(piOf, 0, n, x, 0, n)) {
            multiply(x, 0, pi);
        }
        double s = 0.0;
        for (int r = 0; r < n; r++) {
            s += x[r] * pi[r];
        }
        return s;
    }

    double trace() {
        double t = 0.0;
        for (int i = 0; i < n; i++) {
            t += p[i][i];
        }
        return t;
    }

    double p(int r, int c) {
        return p[r][c];
    }

    double theta(int i) {
        return theta[i];
    }

    double lambda() {
        return lambda;
    }

    /** sqrt of the exponentially weighted mean of y^2; 0 before the first label. */
    double labelScale() {
        return Math.sqrt(meanSquareLabel);
    }

    long dataUpdates() {
        return dataUpdates;
    }

    long traceCapHits() {
        return traceCapHits;
    }

    /** Visits P as its upper triangle column by column (the snapshot layout of a symmetric P). */
    void visit(StateCodec c) {
        c.doubles(theta);
        for (int col = 0; col < n; col++) {
            for (int r = 0; r <= col; r++) {
                double x = c.d(p[r][col]);
                p[r][col] = x;
                p[col][r] = x;
            }
        }
        piValid = false;
        dataUpdates = c.l(dataUpdates);
        traceCapHits = c.l(traceCapHits);
        meanSquareLabel = c.d(meanSquareLabel);
        labelSeen = c.b(labelSeen);
    }
}
