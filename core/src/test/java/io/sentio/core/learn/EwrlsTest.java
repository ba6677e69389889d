package io.sentio.core.learn;

import static io.sentio.core.config.StrategyParamTable.EWRLS_LAMBDA;
import static io.sentio.core.config.StrategyParamTable.INITIAL_VARIANCE;
import static io.sentio.core.config.StrategyParamTable.MAX_TRACE;
import static io.sentio.core.config.StrategyParamTable.REGULARIZATION;
import static io.sentio.core.config.StrategyParamTable.RIDGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.sentio.core.config.OesParams;
import io.sentio.core.state.StateCodec;

class EwrlsTest {
    private static final int N = 6;

    /** DESIGN §5.3 written literally on a row-major double[][] P, for comparison. */
    private static final class Literal {
        final double[] theta = new double[N];
        final double[][] p = new double[N][N];
        final double lambda;
        final double reg;
        final double a;
        final double maxTrace;
        long updates;

        Literal(OesParams o, int h) {
            lambda = Math.max(0.98, Math.min(0.9999, o.ewrlsLambda + 0.001 * Math.log(h)));
            reg = o.regularization;
            a = Math.sqrt(N * (1 - lambda) * o.ridge);
            maxTrace = o.maxTrace;
            for (int i = 0; i < N; i++) {
                p[i][i] = o.initialVariance;
            }
        }

        void update(double[] x, double y) {
            double[] pi = new double[N];
            for (int r = 0; r < N; r++) {
                for (int c = 0; c < N; c++) {
                    pi[r] += p[r][c] * x[c];
                }
            }
            double g = lambda + reg;
            double fit = 0;
            for (int r = 0; r < N; r++) {
                g += x[r] * pi[r];
                fit += theta[r] * x[r];
            }
            double e = y - fit;
            for (int r = 0; r < N; r++) {
                theta[r] += pi[r] / g * e;
            }
            for (int r = 0; r < N; r++) {
                for (int c = 0; c < N; c++) {
                    p[r][c] = (p[r][c] - pi[r] / g * pi[c]) / lambda;
                }
            }
            for (int r = 0; r < N; r++) {
                for (int c = 0; c < r; c++) {
                    double m = (p[r][c] + p[c][r]) / 2;
                    p[r][c] = m;
                    p[c][r] = m;
                }
            }
            int i = (int) (updates % N);
            double[] pp = new double[N];
            for (int r = 0; r < N; r++) {
                pp[r] = p[r][i] * a;
            }
            double gp = 1 + a * a * p[i][i];
            double ep = 0 - a * theta[i];
            for (int r = 0; r < N; r++) {
                theta[r] += pp[r] / gp * ep;
            }
            for (int r = 0; r < N; r++) {
                for (int c = 0; c < N; c++) {
                    p[r][c] -= pp[r] / gp * pp[c];
                }
            }
            updates++;
            double tr = 0;
            for (int r = 0; r < N; r++) {
                tr += p[r][r];
            }
            if (tr > maxTrace) {
                for (int r = 0; r < N; r++) {
                    for (int c = 0; c < N; c++) {
                        p[r][c] *= maxTrace / tr;
                    }
                }
            }
        }
    }

    private static double[] randomX(Random rnd) {
        double[] x = new double[N];
        for (int i = 0; i < N - 1; i++) {
            x[i] = rnd.nextGaussian();
        }
        x[N - 1] = 1;
        return x;
    }

    private static void assertSame(Literal lit, Ewrls e, String what) {
        for (int r = 0; r < N; r++) {
            assertEquals(lit.theta[r], e.theta(r), 1e-9 * Math.max(1, Math.abs(lit.theta[r])), what + " theta " + r);
            for (int c = 0; c < N; c++) {
                assertEquals(lit.p[r][c], e.p(r, c), 1e-9 * Math.max(1e-3, Math.abs(lit.p[r][c])), what + " P " + r + "," + c);
            }
        }
    }

    @Test
    void shouldMatchTheLiteralUpdateWithRidgePseudoObservations() {
        OesParams params = OesParams.defaults();
        for (int h : new int[] {1, 5, 10}) {
            Literal lit = new Literal(params, h);
            Ewrls e = new Ewrls(N, h, params);
            Random rnd = new Random(h);
            for (int t = 0; t < 500; t++) {
                double[] x = randomX(rnd);
                double y = 0.001 * rnd.nextGaussian() + 0.0005 * x[0];
                lit.update(x, y);
                e.update(x, 0, y);
                assertSame(lit, e, "h=" + h + " t=" + t);
            }
        }
    }

    /**
     * The P x a learn step computes ahead for the next regressor, fused into its sweep, must be
     * bitwise what a recomputation gives: a restored learner starts without it.
     */
    @Test
    void shouldGiveBitIdenticalStateWhetherOrNotTheProductPxIsComputedAhead() {
        OesParams params = OesParams.defaults();
        Ewrls ahead = new Ewrls(N, 1, params);
        StateCodec codec = new StateCodec();
        ahead.visit(codec.measuring());
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[codec.offset()]);
        Random rnd = new Random(17);
        double[] previous = randomX(rnd);
        for (int t = 0; t < 300; t++) {
            ahead.visit(codec.writingTo(buffer, 0));
            Ewrls fresh = new Ewrls(N, 1, params);
            fresh.visit(codec.readingFrom(buffer, 0));
            double[] next = randomX(rnd);
            double y = 0.001 * rnd.nextGaussian();
            ahead.prepare(previous, 0, y);
            ahead.learn(next, 0);
            double reused = ahead.quadraticForm(next);
            fresh.update(previous.clone(), 0, y);
            double recomputed = fresh.quadraticForm(next.clone());
            assertEquals(Double.doubleToRawLongBits(recomputed), Double.doubleToRawLongBits(reused), "x.Px at t=" + t);
            for (int r = 0; r < N; r++) {
                assertEquals(Double.doubleToRawLongBits(fresh.theta(r)), Double.doubleToRawLongBits(ahead.theta(r)));
                for (int c = 0; c < N; c++) {
                    assertEquals(Double.doubleToRawLongBits(fresh.p(r, c)), Double.doubleToRawLongBits(ahead.p(r, c)),
                        "P " + r + "," + c + " at t=" + t);
                }
            }
            previous = next;
        }
    }

    /**
     * Predict first, learn after: with the update only prepared (P not yet swept), the prediction
     * is bitwise the one after the full update, and x.Px from Sherman-Morrison equals the direct
     * x.P_new x to 1e-9 relative (in practice ~1e-15), trace guard binding or not.
     */
    @Test
    void shouldPredictBeforeLearningAsAfterIt() {
        for (OesParams params : new OesParams[] {OesParams.defaults(),
            OesParams.defaults().toBuilder().set(MAX_TRACE, 3).set(RIDGE, 0).conclude()}) {
            Ewrls early = new Ewrls(N, 5, params);
            Ewrls late = new Ewrls(N, 5, params);
            Random rnd = new Random(23);
            for (int t = 0; t < 400; t++) {
                double[] x = randomX(rnd);
                double[] next = randomX(rnd);
                double y = 0.002 * rnd.nextGaussian() + 0.001 * x[1];
                early.prepare(x, 0, y);
                double yhat = early.predict(next);
                double q = early.quadraticForm(next);
                early.learn(x, 0);
                late.update(x, 0, y);
                assertEquals(Double.doubleToRawLongBits(late.predict(next)), Double.doubleToRawLongBits(yhat), "yhat at t=" + t);
                double direct = late.quadraticForm(next);
                assertEquals(direct, q, 1e-9 * Math.abs(direct), "x.Px at t=" + t);
                assertEquals(late.traceCapHits(), early.traceCapHits());
                for (int r = 0; r < N; r++) {
                    for (int c = 0; c < N; c++) {
                        assertEquals(Double.doubleToRawLongBits(late.p(r, c)), Double.doubleToRawLongBits(early.p(r, c)));
                    }
                }
            }
            if (params.maxTrace == 3) {
                assertTrue(early.traceCapHits() > 0, "the trace guard must bind in the second case");
            }
        }
    }

    @Test
    void shouldScalePDownToMaxTraceAndCountIt() {
        OesParams params = OesParams.defaults().toBuilder().set(MAX_TRACE, 3).set(RIDGE, 0).conclude();
        Literal lit = new Literal(params, 5);
        Ewrls e = new Ewrls(N, 5, params);
        Random rnd = new Random(3);
        for (int t = 0; t < 200; t++) {
            double[] x = randomX(rnd);
            double y = 0.01 * rnd.nextGaussian();
            lit.update(x, y);
            e.update(x, 0, y);
            assertSame(lit, e, "t=" + t);
            assertTrue(e.trace() <= 3 * (1 + 1e-12), "trace " + e.trace());
        }
        assertTrue(e.traceCapHits() > 0);
    }

    @Test
    void shouldRecoverTheCoefficientsOfANoiselessLinearModel() {
        OesParams params = OesParams.defaults().toBuilder().set(EWRLS_LAMBDA, 0.999).set(RIDGE, 0).set(REGULARIZATION, 0)
            .set(INITIAL_VARIANCE, 1e3).conclude();
        Ewrls e = new Ewrls(N, 1, params);
        double[] truth = {0.5, -0.25, 0.125, 0, 2, 0.01};
        Random rnd = new Random(11);
        for (int t = 0; t < 300; t++) {
            double[] x = randomX(rnd);
            double y = 0;
            for (int i = 0; i < N; i++) {
                y += truth[i] * x[i];
            }
            e.update(x, 0, y);
        }
        for (int i = 0; i < N; i++) {
            assertEquals(truth[i], e.theta(i), 1e-4, "theta " + i);
        }
    }

    @Test
    void shouldShrinkThetaTowardZeroUnderTheRidge() {
        OesParams none = OesParams.defaults().toBuilder().set(RIDGE, 0).conclude();
        OesParams heavy = OesParams.defaults();
        Ewrls free = new Ewrls(N, 1, none);
        Ewrls ridged = new Ewrls(N, 1, heavy);
        Random rnd = new Random(5);
        for (int t = 0; t < 400; t++) {
            double[] x = randomX(rnd);
            double y = 0.3 * x[1];
            free.update(x, 0, y);
            ridged.update(x, 0, y);
        }
        assertEquals(0.3, free.theta(1), 0.01);
        assertTrue(Math.abs(ridged.theta(1)) < 0.1 * 0.3, "ridge 2e4 shrinks theta: " + ridged.theta(1));
    }

    @Test
    void shouldClampLambdaAndGrowItWithTheHorizon() {
        OesParams params = OesParams.defaults();
        assertEquals(0.995, new Ewrls(N, 1, params).lambda(), 1e-15);
        assertEquals(0.995 + 0.001 * Math.log(10), new Ewrls(N, 10, params).lambda(), 1e-15);
        OesParams high = params.toBuilder().set(EWRLS_LAMBDA, 0.999).conclude();
        assertEquals(0.9999, new Ewrls(N, 10, high).lambda());
        OesParams low = params.toBuilder().set(EWRLS_LAMBDA, 0.95).conclude();
        assertEquals(0.98, new Ewrls(N, 1, low).lambda());
    }

    @Test
    void shouldTrackTheLabelScaleAsAnExponentialMeanOfSquares() {
        Ewrls e = new Ewrls(N, 1, OesParams.defaults());
        assertEquals(0.0, e.labelScale());
        double[] x = randomX(new Random(1));
        e.update(x, 0, 0.1);
        assertEquals(0.1, e.labelScale(), 1e-15);
        e.update(x, 0, -0.2);
        assertEquals(Math.sqrt(0.01 + 0.01 * (0.04 - 0.01)), e.labelScale(), 1e-15);
    }
}
