package io.sentio.core.learn;

import io.sentio.core.config.OesParams;
import io.sentio.core.feature.StateCodec;

/**
 * Exponentially weighted recursive least squares for one horizon, exactly in the order of
 * DESIGN §5.3: data update, symmetrization, one ridge pseudo-observation, trace guard, label scale.
 *
 * <p>P is stored column-major in a flat array ({@code q[c*n + r] = P[r][c]}), so P x is a sum of
 * contiguous columns with no reduction in the inner loop. The data update, the symmetrization
 * and the ridge pseudo-observation are fused into one pass over P (see {@link #sweep()}).
 *
 * <p>Interpretation: "P = (P - k pi^T)/lambda" is computed as a multiplication by the precomputed
 * 1/lambda (a division per element would cost a divider pass of n^2); results differ from a
 * literal division only in the last bit.
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
        this.q = new double[n * n];
        this.pi = new double[n];
        this.gain = new double[n];
        this.ridgeColumn = new double[n];
        this.ridgeGain = new double[n];
        for (int i = 0; i < n; i++) {
            q[i * n + i] = params.initialVariance;
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
     * column i of the data-updated, symmetrized P; that column is computed here from the old P in
     * O(n), so that {@link #sweep()} can apply all three steps in one pass. Also updates theta.
     */
    private void preparePseudoObservation(int i) {
        double a = ridgeAmplitude;
        if (a == 0.0) {
            java.util.Arrays.fill(ridgeColumn, 0.0);
            java.util.Arrays.fill(ridgeGain, 0.0);
            return;
        }
        int column = i * n;
        double gainI = gain[i];
        double piI = pi[i];
        double diagonal = 0.0;
        for (int r = 0; r < n; r++) {
            double ri = (q[column + r] - gain[r] * piI) * inverseLambda;
            double ir = (q[r * n + i] - gainI * pi[r]) * inverseLambda;
            double p2 = r == i ? ri : (ri + ir) * 0.5;
            ridgeColumn[r] = a * p2;
            if (r == i) {
                diagonal = p2;
            }
        }
        double g = 1.0 + a * a * diagonal;
        double e = 0.0 - a * theta[i];
        for (int r = 0; r < n; r++) {
            ridgeGain[r] = ridgeColumn[r] / g;
            theta[r] += ridgeGain[r] * e;
        }
    }

    /**
     * One pass over the upper triangle applying, per element pair, exactly the operations of the
     * three textbook passes: P1 = (P - k pi^T)/lambda, P2 = (P1 + P1^T)/2, P3 = P2 - k' pi'^T (the
     * last not symmetrized). Fusing them touches P once instead of three times; the transposed
     * element is a strided access, which keeps this loop scalar.
     */
    private void sweep() {
        for (int c = 0; c < n; c++) {
            int base = c * n;
            double piC = pi[c];
            double gainC = gain[c];
            double colC = ridgeColumn[c];
            double kC = ridgeGain[c];
            int lower = c;
            for (int r = 0; r < c; r++, lower += n) {
                double up = (q[base + r] - gain[r] * piC) * inverseLambda;
                double lo = (q[lower] - gainC * pi[r]) * inverseLambda;
                double m = (up + lo) * 0.5;
                q[base + r] = m - ridgeGain[r] * colC;
                q[lower] = m - kC * ridgeColumn[r];
            }
            double d = (q[base + c] - gainC * piC) * inverseLambda;
            q[base + c] = d - kC * colC;
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

    /** out = P x, accumulated four columns at a time (contiguous inner loops, few stores). */
    private void multiply(double[] xs, int off, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        int c = 0;
        for (; c + 3 < n; c += 4) {
            double x0 = xs[off + c];
            double x1 = xs[off + c + 1];
            double x2 = xs[off + c + 2];
            double x3 = xs[off + c + 3];
            int b0 = c * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int r = 0; r < n; r++) {
                out[r] += q[b0 + r] * x0 + q[b1 + r] * x1 + q[b2 + r] * x2 + q[b3 + r] * x3;
            }
        }
        for (; c < n; c++) {
            double xc = xs[off + c];
            int base = c * n;
            for (int r = 0; r < n; r++) {
                out[r] += q[base + r] * xc;
            }
        }
    }

    double predict(double[] x) {
        double s = 0.0;
        for (int r = 0; r < n; r++) {
            s += theta[r] * x[r];
        }
        return s;
    }

    /** x . P x (uses the scratch vector; P is as stored, not re-symmetrized). */
    double quadraticForm(double[] x) {
        multiply(x, 0, pi);
        double s = 0.0;
        for (int r = 0; r < n; r++) {
            s += x[r] * pi[r];
        }
        return s;
    }

    double trace() {
        double t = 0.0;
        for (int i = 0; i < n; i++) {
            t += q[i * n + i];
        }
        return t;
    }

    /** P[r][c]. */
    double p(int r, int c) {
        return q[c * n + r];
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
