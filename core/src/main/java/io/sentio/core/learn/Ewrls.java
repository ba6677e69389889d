package io.sentio.core.learn;

import io.sentio.core.config.OesParams;
import io.sentio.core.feature.StateCodec;

/**
 * Exponentially weighted recursive least squares for one horizon, exactly in the order of
 * DESIGN §5.3: data update, symmetrization, one ridge pseudo-observation, trace guard, label scale.
 *
 * <p>P is stored column-major in a flat array ({@code q[c*n + r] = P[r][c]}), so every O(n^2)
 * loop (P x as a sum of columns, the rank-1 updates, the trace scaling) runs over contiguous
 * memory with no reduction in the inner loop, which C2 can vectorize. Only the symmetrization
 * pass touches a transposed element.
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
        for (int c = 0; c < n; c++) {
            double pc = pi[c];
            int base = c * n;
            for (int r = 0; r < n; r++) {
                q[base + r] = (q[base + r] - gain[r] * pc) * inverseLambda;
            }
        }
        symmetrize();
        ridgePseudoObservation((int) (dataUpdates % n));
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

    private void symmetrize() {
        for (int c = 1; c < n; c++) {
            for (int r = 0; r < c; r++) {
                int upper = c * n + r;
                int lower = r * n + c;
                double m = (q[upper] + q[lower]) * 0.5;
                q[upper] = m;
                q[lower] = m;
            }
        }
    }

    /** x' = a e_i, y' = 0, no forgetting or regularization; P is not symmetrized afterwards. */
    private void ridgePseudoObservation(int i) {
        double a = ridgeAmplitude;
        if (a == 0.0) {
            return;
        }
        int column = i * n;
        for (int r = 0; r < n; r++) {
            pi[r] = a * q[column + r];
        }
        double g = 1.0 + a * a * q[column + i];
        double e = 0.0 - a * theta[i];
        for (int r = 0; r < n; r++) {
            gain[r] = pi[r] / g;
            theta[r] += gain[r] * e;
        }
        for (int c = 0; c < n; c++) {
            double pc = pi[c];
            int base = c * n;
            for (int r = 0; r < n; r++) {
                q[base + r] -= gain[r] * pc;
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

    /** out = P x, accumulated column by column. */
    private void multiply(double[] xs, int off, double[] out) {
        double x0 = xs[off];
        for (int r = 0; r < n; r++) {
            out[r] = q[r] * x0;
        }
        for (int c = 1; c < n; c++) {
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
