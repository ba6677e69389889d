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
 * pseudo-observation's update, which DESIGN leaves unsymmetrized, "/lambda" as a multiplication by
 * the precomputed 1/lambda, and the fused multiply-adds ({@link Math#fma}: one rounding instead of
 * two, exactly specified by IEEE 754, so deterministic on every platform) differ from a literal
 * transcription only by rounding (EwrlsTest compares with one to 1e-9). The square costs twice the
 * flops of a packed triangle but every inner loop runs over a whole row from index 0 with no
 * reduction, which JDK 17's C2 turns into vector code; it does not vectorize loops whose arrays are
 * indexed at different unknown offsets (a packed triangle, or rows of one flat array).
 *
 * <p>An update is split in two (DESIGN §3: predict first, learn after). {@link #prepare} does the
 * O(n) part the next prediction needs: theta (data update and pseudo-observation, both from P x_s
 * and one column of P), the label scale, the update count and the trace guard's decision, all from
 * the old P. {@link #quadraticForm} then gives x_t . P x_t of the updated P from one product
 * P_old x_t by Sherman-Morrison: P_new x = s ((P x - u (u.x))/lambda - v (v.x)), with s the trace
 * guard's factor. {@link #learn} applies the rank-2 update to P afterwards, off the critical path,
 * and computes P x for the next update's regressor.
 *
 * <p>P x is kept between calls and reused only when P is unchanged since and the vector is bitwise
 * the one it was computed for; every path accumulates the same terms in the same order, so a cached
 * product is bitwise what a recomputation would give and the reuse never changes a result.
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
    private final double[] px;
    private final double[] u;
    private final double[] v;
    private boolean piValid;
    /** An update prepared whose rank-2 step has not yet been applied to P (see {@link #learn}). */
    private boolean pending;
    /** Factor the trace guard applies to the pending update's P: 1, or max_trace/trace. */
    private double pendingScale;
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
        this.px = new double[n];
        this.u = new double[n];
        this.v = new double[n];
        for (int i = 0; i < n; i++) {
            p[i][i] = params.initialVariance;
        }
    }

    /** One complete data update with the regressor {@code xs[off .. off+n)} and label {@code y}. */
    void update(double[] xs, int off, double y) {
        prepare(xs, off, y);
        learn(null, 0);
    }

    /**
     * The part of a data update the next prediction needs, O(n) when P x_s was computed ahead
     * (by the previous {@link #learn}): theta, the label scale, the update count and the trace
     * guard's decision. P itself changes only in {@link #learn}, which must follow before the
     * next prepare or state walk.
     */
    void prepare(double[] xs, int off, double y) {
        if (pending) {
            learn(null, 0);
        }
        if (!piValid || !Arrays.equals(piOf, 0, n, xs, off, off + n)) {
            multiply(xs, off, pi);
        }
        double xpi = dot(xs, off, pi);
        double fit = dot(xs, off, theta);
        double g = lambda + regularization + xpi;
        double e = y - fit;
        double root = Math.sqrt(g);
        double k = e / g;
        for (int r = 0; r < n; r++) {
            theta[r] = Math.fma(pi[r], k, theta[r]);
            u[r] = pi[r] / root;
        }
        preparePseudoObservation((int) (dataUpdates % n));
        piValid = false;
        pending = true;
        pendingScale = 1.0;
        double trace = updatedTrace();
        if (trace > maxTrace) {
            pendingScale = maxTrace / trace;
            traceCapHits++;
        }
        dataUpdates++;
        double y2 = y * y;
        if (labelSeen) {
            meanSquareLabel += LABEL_SCALE_ALPHA * (y2 - meanSquareLabel);
        } else {
            meanSquareLabel = y2;
            labelSeen = true;
        }
    }

    /**
     * Applies the pending update to P (if any) and, when {@code next} is not null, computes P x for
     * the vector {@code next[off .. off+n)} that the next update will regress on.
     */
    void learn(double[] next, int off) {
        if (pending) {
            pending = false;
            sweep();
            if (pendingScale != 1.0) {
                scale(pendingScale);
            }
            piValid = false;
        }
        if (next != null && (!piValid || !Arrays.equals(piOf, 0, n, next, off, off + n))) {
            multiply(next, off, pi);
        }
    }

    /**
     * The ridge pseudo-observation x' = a e_i, y' = 0 (no forgetting, no regularization) needs
     * column i of the data-updated P; it is computed here from the old P in O(n), with exactly the
     * expression {@link #sweep()} uses for those elements. Sets v = pi'/sqrt(g') (zero without a
     * ridge) and updates theta.
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
            column[r] = Math.fma(-u[r], ui, p[r][i]) * inverseLambda;
        }
        double g = 1.0 + a * a * column[i];
        double e = 0.0 - a * theta[i];
        double root = Math.sqrt(g);
        double k = e / g;
        for (int r = 0; r < n; r++) {
            double piR = a * column[r];
            theta[r] = Math.fma(piR, k, theta[r]);
            column[r] = piR / root;
        }
    }

    /** trace of the pending update's P from its diagonal, element by element as {@link #sweep()} writes it. */
    private double updatedTrace() {
        double t = 0.0;
        for (int i = 0; i < n; i++) {
            t += Math.fma(-v[i], v[i], Math.fma(-u[i], u[i], p[i][i]) * inverseLambda);
        }
        return t;
    }

    /**
     * P = (P - u u^T)/lambda - v v^T, four contiguous rows at a time (a quarter of the loads of u
     * and v; measured faster than one or two rows, and than fusing the next P x into the sweep).
     */
    private void sweep() {
        double[][] p = this.p;
        double[] u = this.u;
        double[] v = this.v;
        double inv = inverseLambda;
        int r = 0;
        for (; r + 3 < p.length; r += 4) {
            double[] row0 = p[r];
            double[] row1 = p[r + 1];
            double[] row2 = p[r + 2];
            double[] row3 = p[r + 3];
            double u0 = -u[r];
            double u1 = -u[r + 1];
            double u2 = -u[r + 2];
            double u3 = -u[r + 3];
            double v0 = -v[r];
            double v1 = -v[r + 1];
            double v2 = -v[r + 2];
            double v3 = -v[r + 3];
            for (int c = 0; c < row0.length; c++) {
                double uc = u[c];
                double vc = v[c];
                row0[c] = Math.fma(v0, vc, Math.fma(u0, uc, row0[c]) * inv);
                row1[c] = Math.fma(v1, vc, Math.fma(u1, uc, row1[c]) * inv);
                row2[c] = Math.fma(v2, vc, Math.fma(u2, uc, row2[c]) * inv);
                row3[c] = Math.fma(v3, vc, Math.fma(u3, uc, row3[c]) * inv);
            }
        }
        for (; r < p.length; r++) {
            double[] row = p[r];
            double ur = -u[r];
            double vr = -v[r];
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.fma(vr, v[c], Math.fma(ur, u[c], row[c]) * inv);
            }
        }
    }

    private void scale(double s) {
        for (double[] row : p) {
            for (int c = 0; c < row.length; c++) {
                row[c] *= s;
            }
        }
    }

    /** out = P x for {@code xs[off .. off+n)}, kept as the product of that vector until P changes. */
    private void multiply(double[] xs, int off, double[] out) {
        product(xs, off, out);
        System.arraycopy(xs, off, piOf, 0, n);
        piValid = true;
    }

    /**
     * out = P x as a sum of rows of P (P is symmetric) weighted by x: contiguous fused
     * multiply-adds, no reduction, four rows per pass (a quarter of the loads and stores of out).
     * Each out[r] always sums its terms in the same order, so the product is a function of P and x.
     */
    private void product(double[] xs, int off, double[] out) {
        double[][] p = this.p;
        Arrays.fill(out, 0.0);
        int c = 0;
        for (; c + 3 < p.length; c += 4) {
            double x0 = xs[off + c];
            double x1 = xs[off + c + 1];
            double x2 = xs[off + c + 2];
            double x3 = xs[off + c + 3];
            double[] row0 = p[c];
            double[] row1 = p[c + 1];
            double[] row2 = p[c + 2];
            double[] row3 = p[c + 3];
            for (int r = 0; r < out.length; r++) {
                out[r] = Math.fma(row3[r], x3, Math.fma(row2[r], x2, Math.fma(row1[r], x1, Math.fma(row0[r], x0, out[r]))));
            }
        }
        for (; c < p.length; c++) {
            double xc = xs[off + c];
            double[] row = p[c];
            for (int r = 0; r < row.length; r++) {
                out[r] = Math.fma(row[r], xc, out[r]);
            }
        }
    }

    /** theta . x with theta after the last (possibly pending) update. */
    double predict(double[] x) {
        return dot(x, 0, theta);
    }

    /**
     * a[off ..) . b in four interleaved partial sums: a quarter of the dependent chain of fused
     * multiply-adds (their latency, not their count, bounds an n = 48 dot product). The order is
     * fixed, so the result is a function of the inputs.
     */
    private double dot(double[] a, int off, double[] b) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int r = 0;
        for (; r + 3 < n; r += 4) {
            s0 = Math.fma(a[off + r], b[r], s0);
            s1 = Math.fma(a[off + r + 1], b[r + 1], s1);
            s2 = Math.fma(a[off + r + 2], b[r + 2], s2);
            s3 = Math.fma(a[off + r + 3], b[r + 3], s3);
        }
        for (; r < n; r++) {
            s0 = Math.fma(a[off + r], b[r], s0);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * x . P x with the P the last update leaves: with an update pending, from one product P_old x
     * by Sherman-Morrison (see the class comment), otherwise directly (reusing P x when valid).
     */
    double quadraticForm(double[] x) {
        double[] w = px;
        if (pending) {
            product(x, 0, w);
            double ux = dot(x, 0, u);
            double vx = dot(x, 0, v);
            double inv = inverseLambda;
            double s = pendingScale;
            for (int r = 0; r < n; r++) {
                w[r] = Math.fma(-v[r], vx, Math.fma(-u[r], ux, w[r]) * inv) * s;
            }
        } else {
            if (!piValid || !Arrays.equals(piOf, 0, n, x, 0, n)) {
                multiply(x, 0, pi);
            }
            w = pi;
        }
        return dot(x, 0, w);
    }

    double trace() {
        if (pending) {
            learn(null, 0);
        }
        double t = 0.0;
        for (int i = 0; i < n; i++) {
            t += p[i][i];
        }
        return t;
    }

    double p(int r, int c) {
        if (pending) {
            learn(null, 0);
        }
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
        if (pending) {
            learn(null, 0);
        }
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
