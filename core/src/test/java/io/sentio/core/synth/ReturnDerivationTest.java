package io.sentio.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sentio.core.market.MutableBar;
import org.junit.jupiter.api.Test;

class ReturnDerivationTest {
    @Test
    void shouldScaleOneMinuteReturnsByTheFactor() {
        ReturnDerivation sh = new ReturnDerivation(-0.5, 40.0);
        MutableBar src = new MutableBar();
        MutableBar out = new MutableBar();
        sh.next(src.set(60, 100, 101, 99, 100.5, 7), out);
        assertEquals(40.0, out.open, 1e-12);
        assertEquals(40.0 * (1 - 0.5 * 0.005), out.close, 1e-12);
        // inverse: the source's low is the derived high
        assertEquals(40.0 * (1 + 0.5 * 0.01), out.high, 1e-12);
        assertEquals(40.0 * (1 - 0.5 * 0.01), out.low, 1e-12);
        assertEquals(7.0, out.volume, 0.0);
        assertEquals(60, out.epochSecond);
        double prev = out.close;
        sh.next(src.set(120, 100.5, 102, 100, 101.505, 3), out);
        assertEquals(prev, out.open, 1e-12);
        assertEquals(prev * (1 - 0.5 * 0.01), out.close, 1e-12);
    }

    @Test
    void shouldNeverProduceNonPositivePrices() {
        ReturnDerivation triple = new ReturnDerivation(3.0, 10.0);
        MutableBar src = new MutableBar();
        MutableBar out = new MutableBar();
        triple.next(src.set(60, 100, 100, 100, 100, 1), out);
        triple.next(src.set(120, 100, 100, 50, 50, 1), out);
        assertEquals(ReturnDerivation.MIN_GROSS * 10.0, out.close, 1e-12);
        assertEquals(out.close, out.low, 0.0);
    }
}
