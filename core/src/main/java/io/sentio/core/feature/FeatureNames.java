package io.sentio.core.feature;

import java.util.List;

/** The 48 features of DESIGN §5.2: their fixed order, indices and CSV column names. */
public final class FeatureNames {
    public static final int COUNT = 48;

    public static final int RET_1 = 0;
    public static final int RET_5 = 1;
    public static final int RET_10 = 2;
    public static final int RET_20 = 3;
    public static final int BODY = 4;
    public static final int RANGE = 5;
    public static final int UPPER_WICK = 6;
    public static final int LOWER_WICK = 7;
    public static final int SMA10_DEV = 8;
    public static final int SMA20_DEV = 9;
    public static final int SMA50_DEV = 10;
    public static final int EMA10_DEV = 11;
    public static final int EMA20_DEV = 12;
    public static final int EMA50_DEV = 13;
    public static final int EMA10_50 = 14;
    public static final int VOL_20 = 15;
    public static final int VOL_60 = 16;
    public static final int ATR14 = 17;
    public static final int BB_PCTB = 18;
    public static final int BB_WIDTH = 19;
    public static final int KELTNER_POS = 20;
    public static final int RSI14 = 21;
    public static final int RSI21 = 22;
    public static final int STOCH_K = 23;
    public static final int STOCH_D = 24;
    public static final int RET_60 = 25;
    public static final int MACD = 26;
    public static final int MACD_SIGNAL = 27;
    public static final int VOL_REGIME = 28;
    public static final int CCI20 = 29;
    public static final int MFI14 = 30;
    public static final int VOL_RATIO = 31;
    public static final int OBV_SLOPE = 32;
    public static final int VWAP_DEV = 33;
    public static final int DONCHIAN_POS = 34;
    public static final int DONCHIAN_WIDTH = 35;
    public static final int DOJI = 36;
    public static final int HAMMER = 37;
    public static final int SHOOTING_STAR = 38;
    public static final int BULL_ENGULF = 39;
    public static final int BEAR_ENGULF = 40;
    public static final int TOD_SIN = 41;
    public static final int TOD_COS = 42;
    public static final int DOW_SIN = 43;
    public static final int DOW_COS = 44;
    public static final int TO_CLOSE = 45;
    public static final int GAP = 46;
    /** The constant 1; last coordinate of the regression vector, never standardized. */
    public static final int BIAS = 47;

    /** Column names in feature order (immutable). */
    public static final List<String> NAMES = List.of(
        "ret_1", "ret_5", "ret_10", "ret_20", "body", "range", "upper_wick", "lower_wick",
        "sma10_dev", "sma20_dev", "sma50_dev", "ema10_dev", "ema20_dev", "ema50_dev", "ema10_50",
        "vol_20", "vol_60", "atr14", "bb_pctb", "bb_width", "keltner_pos", "rsi14", "rsi21",
        "stoch_k", "stoch_d", "ret_60", "macd", "macd_signal", "vol_regime", "cci20", "mfi14",
        "vol_ratio", "obv_slope", "vwap_dev", "donchian_pos", "donchian_width", "doji", "hammer",
        "shooting_star", "bull_engulf", "bear_engulf", "tod_sin", "tod_cos", "dow_sin", "dow_cos",
        "to_close", "gap", "bias");

    private FeatureNames() {
    }

    public static String name(int i) {
        return NAMES.get(i);
    }

    /** A fresh copy of the names as an array. */
    public static String[] names() {
        return NAMES.toArray(new String[0]);
    }
}
