package io.sentio.core.learn;

import java.util.Arrays;

import io.sentio.core.config.OesParams;
import io.sentio.core.feature.StateCodec;

/**
 * Exponentially weighted recursive least squares for one horizon, in the order of DESIGN §5.3:
 * data update, symmetrization, one ridge pseudo-observation cycling through the coordinates,
 * trace guard, label scale.
 *
 * <p>Interpretation (rounding only, not mathematics): P is kept exactly symmetric by storing and
 * updating its upper triangle, packed column by column ({@code q[c(c+1)/2 + r] = P[r][c]} for
 * r <= c: 9.4 KB for n = 48, so three horizons fit in L1 together). Both rank-1
 * updates are symmetric in exact arithmetic (k pi^T = pi pi^T/g), so DESIGN's "P = (P + P^T)/2" is
 * the identity here, and the pseudo-observation's update, which DESIGN leaves unsymmetrized, differs
 * from a full-matrix transcription only by rounding (EwrlsTest compares with one to 1e-9). This
 * halves the work and removes the transposed pass that kept the loops scalar. "/lambda" is a
 * multiplication by the precomputed 1/lambda, which also differs from a division only by rounding.
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
    private final double[] q;
    private final double[] pi;
    private final double[] gain;
    private final double[] ridgeColumn;
    private final double[] ridgeGain;
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
        this.q = new double[n * (n + 1) / 2];
        this.pi = new double[n];
        this.gain = new double[n];
        this.ridgeColumn = new double[n];
        this.ridgeGain = new double[n];
        for (int i = 0; i < n; i++) {
            q[column(i) + i] = params.initialVariance;
        }
    }

    /** One data update with the regressor {@code xs[off .. off+n)} and label {@code y}. */
    void update(double[] xs, int off, double y) {
        multiply(xs, off, pi);
        double xpi = 0.0;
        double fit = 0.0;
        for (int r = 0; r < n; r++) {
            xpi += xs[off + r] * pi[r];
            fit += theta[r] * xs[off + r];
        }
        double g = lambda + regularization + xpi;
        double e = y - fit;
        for (int r = 0; r < n; r++) {
            gain[r] = pi[r] / g;
            theta[r] += gain[r] * e;
        }
        preparePseudoObservation((int) (dataUpdates % n));
        sweep();
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
     * expressions {@link #sweep()} uses for those elements, so that the sweep can apply both steps
     * in one pass. Also updates theta.
     */
    private void preparePseudoObservation(int i) {
        double a = ridgeAmplitude;
        if (a == 0.0) {
            Arrays.fill(ridgeColumn, 0.0);
            Arrays.fill(ridgeGain, 0.0);
            return;
        }
        int column = column(i);
        double gainI = gain[i];
        double piI = pi[i];
        for (int r = 0; r <= i; r++) {
            ridgeColumn[r] = (q[column + r] - gain[r] * piI) * inverseLambda;
        }
        for (int r = i + 1; r < n; r++) {
            ridgeColumn[r] = (q[column(r) + i] - gainI * pi[r]) * inverseLambda;
        }
        double g = 1.0 + a * a * ridgeColumn[i];
        for (int r = 0; r < n; r++) {
            ridgeColumn[r] *= a;
        }
        double e = 0.0 - a * theta[i];
        for (int r = 0; r < n; r++) {
            ridgeGain[r] = ridgeColumn[r] / g;
            theta[r] += ridgeGain[r] * e;
        }
    }

    /**
     * P = (P - k pi^T)/lambda, then P -= k' pi'^T, on the upper triangle, one contiguous column
     * segment at a time (vectorizable: no transposed access, no reduction).
     */
    private void sweep() {
        for (int c = 0; c < n; c++) {
            int base = column(c);
            double piC = pi[c];
            double colC = ridgeColumn[c];
            for (int r = 0; r <= c; r++) {
                q[base + r] = (q[base + r] - gain[r] * piC) * inverseLambda - ridgeGain[r] * colC;
            }
        }
    }

    private void guardTrace() {
        double trace = trace();
        if (trace > maxTrace) {
            double s = maxTrace / trace;
            for (int k = 0; k < q.length; k++) {
                q[k] *= s;
            }
            traceCapHits++;
        }
    }

    /** out = P x from the upper triangle: an axpy per column for rows above the diagonal, a dot for the rest. */
    private void multiply(double[] xs, int off, double[] out) {
        Arrays.fill(out, 0.0);
        for (int c = 0; c < n; c++) {
            double xc = xs[off + c];
            int base = column(c);
            for (int r = 0; r < c; r++) {
                out[r] += q[base + r] * xc;
            }
            out[c] += columnDot(base, xs, off, c) + q[base + c] * xc;
        }
    }

    /** sum over r < len of q[base + r] * xs[off + r], with four accumulators (latency, not order). */
    private double columnDot(int base, double[] xs, int off, int len) {
        double d0 = 0.0;
        double d1 = 0.0;
        double d2 = 0.0;
        double d3 = 0.0;
        int r = 0;
        for (; r + 3 < len; r += 4) {
            d0 += q[base + r] * xs[off + r];
            d1 += q[base + r + 1] * xs[off + r + 1];
            d2 += q[base + r + 2] * xs[off + r + 2];
            d3 += q[base + r + 3] * xs[off + r + 3];
        }
        for (; r < len; r++) {
            d0 += q[base + r] * xs[off + r];
        }
        return (d0 + d1) + (d2 + d3);
    }

    /** Offset of column c in the packed upper triangle (rows 0..c of column c are contiguous). */
    private static int column(int c) {
        return c * (c + 1) / 2;
    }

    double predict(double[] x) {
        double s = 0.0;
        for (int r = 0; r < n; r++) {
            s += theta[r] * x[r];
        }
        return s;
    }

    /** x . P x = sum_c x_c (P_cc x_c + 2 sum_{r<c} P_rc x_r), from the upper triangle. */
    double quadraticForm(double[] x) {
        double s = 0.0;
        for (int c = 0; c < n; c++) {
            int base = column(c);
            s += x[c] * (q[base + c] * x[c] + 2.0 * columnDot(base, x, 0, c));
        }
        return s;
    }

    double trace() {
        double t = 0.0;
        for (int i = 0; i < n; i++) {
            t += q[column(i) + i];
        }
        return t;
    }

    /** P[r][c] (P is symmetric; the upper triangle is stored). */
    double p(int r, int c) {
        return r <= c ? q[column(c) + r] : q[column(r) + c];
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

    void visit(StateCodec c) {
        c.doubles(theta);
        c.doubles(q);
        dataUpdates = c.l(dataUpdates);
        traceCapHits = c.l(traceCapHits);
        meanSquareLabel = c.d(meanSquareLabel);
        labelSeen = c.b(labelSeen);
    }
}
