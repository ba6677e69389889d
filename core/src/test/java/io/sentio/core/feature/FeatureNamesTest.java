package io.sentio.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeatureNamesTest {
    @Test
    void shouldListTheFortyEightDesignNamesInOrderWithMatchingIndices() {
        String design = "ret_1 ret_5 ret_10 ret_20 body range upper_wick lower_wick sma10_dev sma20_dev "
            + "sma50_dev ema10_dev ema20_dev ema50_dev ema10_50 vol_20 vol_60 atr14 bb_pctb bb_width "
            + "keltner_pos rsi14 rsi21 stoch_k stoch_d ret_60 macd macd_signal vol_regime cci20 "
            + "mfi14 vol_ratio obv_slope vwap_dev donchian_pos donchian_width doji hammer "
            + "shooting_star bull_engulf bear_engulf tod_sin tod_cos dow_sin dow_cos to_close gap bias";
        assertEquals(List.of(design.split(" ")), FeatureNames.NAMES);
        assertEquals(FeatureNames.COUNT, new HashSet<>(FeatureNames.NAMES).size());
        assertEquals("vwap_dev", FeatureNames.name(FeatureNames.VWAP_DEV));
        assertEquals("stoch_d", FeatureNames.name(FeatureNames.STOCH_D));
        assertEquals("gap", FeatureNames.name(FeatureNames.GAP));
        assertEquals("bias", FeatureNames.names()[FeatureNames.BIAS]);
    }
}
