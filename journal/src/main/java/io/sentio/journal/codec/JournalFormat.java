package io.sentio.journal.codec;

import java.nio.ByteOrder;

/**
 * The binary layout of every journal record: the single place that defines it.
 *
 * <p>One record is one Chronicle Queue document holding raw bytes (no Wire fields, no text).
 * Integers are little-endian; doubles are stored as their raw IEEE-754 bits, so a record
 * round-trips bit-exactly, NaN payloads included. Offsets are from the start of the record.
 * Unused bytes are zero. Text fields are 7-bit ASCII.
 *
 * <h2>Common header (every record, 16 bytes)</h2>
 * <pre>
 *  0 u8  kind            {@link RecordKind} code
 *  1 u8  format version  {@link #VERSION}
 *  2 u16 desk            (version 3 and later) the desk the record belongs to: 0 the trading desk (and every
 *                        input and control record), 1..k the shadow desks in the order the DESK
 *                        records define them; versions 1 and 2 hold 0 here (reserved), so their
 *                        records all read as desk 0's
 *  4 i32 length          of the whole record in bytes, header included, checksum not
 *  8 i64 sequence        0, 1, 2... per journal, continued across restarts of the writer
 * </pre>
 *
 * <h2>Checksum (version 2 and later)</h2>
 * The Chronicle document holds the record's {@code length} bytes followed by a u32 CRC32C
 * (java.util.zip.CRC32C) of those bytes, header and sequence included: {@link #CHECKSUM_LENGTH}
 * more bytes than the record declares. Version 1 records ({@link #UNCHECKED_VERSION}) carry no
 * checksum; readers still accept them and count them as unchecked.
 *
 * <h2>Per-symbol records (BAR_SET, SIGNALS)</h2>
 * <pre>
 * 16 i64 minute          epoch second of the minute's start
 * 24 u16 symbol count N  symbol i is the i-th symbol of the RUN_HEADER
 * 32 ... columns         each N elements in symbol order, each padded to a multiple of 8 bytes
 * </pre>
 * BAR_SET columns: flags u8 ({@link #BAR_PRESENT}, {@link #BAR_BACKFILLED}), open, high, low,
 * close, volume f64. The set is recorded as received, before forward-fill: an absent symbol
 * carries whatever values the caller held.
 * SIGNALS columns: probability p, confidence C, strength f64, signal i8 (-1 short, 0, 1 long).
 *
 * <h2>Fixed records</h2>
 * <pre>
 * CLOCK            16 i64 epoch millis of the tick                                     length 24
 * DECISION         16 i64 minute, 24 u8 {@link DecisionKind}, 26 i16 symbol (-1: all, e.g. CIRCUIT_BREAKER),
 *                  28 i32 reason code, 32 f64 strength, 40 f64 p                      length 48
 * ORDER            16 i64 minute, 24 i16 symbol, 26 u8 {@link Side}, 27 u8 {@link OrderType},
 *                  28 u8 id length, 32 i64 qty, 40 client_order_id[48]               length 88
 * FILL             16 i64 fill minute, 24 i16 symbol, 26 u8 {@link Side}, 27 u8 {@link FillStatus},
 *                  28 u8 id length, 32 i64 qty, 40 f64 price, 48 f64 commission,
 *                  56 client_order_id[48]                                            length 104
 * SKIPPED          16 i64 minute, 24 i32 missing symbol count                         length 32
 * FAILED           16 i64 minute, 24 u8 stage (pipeline handler number), 25 u8 name length,
 *                  32 exception class name[64], truncated                            length 96
 * SESSION_SUMMARY  16 i64 New York epoch day, 24 f64 equity, 32 f64 day return,
 *                  40 i32 trades                                                     length 48
 * RUN_END          16 i64 bar sets processed, 24 i64 final state hash                 length 32
 * EXEC_REPORT      16 i64 order sequence (-1: adopted position), 24 i16 symbol,
 *                  26 u8 status (core ExecutionReport code), 32 i64 cumulative filled qty,
 *                  40 f64 average price, 48 i64 venue epoch millis                  length 56
 * </pre>
 * A shadow desk's SIGNALS, DECISION, ORDER (simulated, never sent), FILL, SESSION_SUMMARY and
 * RUN_END (its own bar sets and desk state hash) carry its desk id; SKIPPED and FAILED belong to
 * desk 0, which owns the shared sync and model stages. A shadow desk's simulated orders carry
 * client order ids with the run id {@code <run id>.s<desk>}: never sent, never one desk 0 sent.
 * EXEC_REPORT is an input of a live run (the broker's word on an order, as the ring received
 * it), unlike FILL, which is the portfolio's output.
 *
 * <h2>Variable records (not on the per-bar hot path)</h2>
 * <pre>
 * STATE_SNAPSHOT   16 i64 fingerprint, 24 i32 blob length L, 32 blob[L]              length 32+L
 * DESK             (version 3 and later) one per shadow desk, after RUN_HEADER and STATE_SNAPSHOT; its header's
 *                  desk field is the desk it defines. 16 u8 name length, 20 i32 params length P,
 *                  24 name, then params JSON[P] (bytes as given)                      length 24+name+P
 * RUN_HEADER       16 i64 start epoch millis (as given), 24 i64 initial state fingerprint,
 *                  32 u8 {@link RunMode}, 36 i32 symbol count N, then from 40:
 *                  run id (u8 len, bytes), code version (u8 len, bytes),
 *                  N symbols (u8 len, bytes each), params JSON (i32 len, bytes as given),
 *                  symbols JSON (i32 len, bytes as given)
 * </pre>
 */
public final class JournalFormat {
    /**
     * Format version written into every record. 4: version 3's layout, written by the learner
     * arithmetic with fused multiply-adds and the predict-first confidence (x'Px by Sherman-Morrison),
     * which rounds differently from earlier builds in the last bits. 3: the header's u16 at offset 2
     * names the desk (shadow desks are journaled), and DESK records define the shadow desks.
     */
    public static final byte VERSION = 4;
    /**
     * Version 4's layout (desk field, DESK records) computed by the learner arithmetic before
     * version 4: read and checked, but replay refuses it (its outputs cannot be reproduced bit for
     * bit by this build).
     */
    public static final byte PRE_FMA_VERSION = 3;
    /**
     * Records carry a CRC32C checksum, and the state hashes and fingerprints they record come from
     * the one StateCodec walk, as in versions 3 and 4; every record is desk 0's. Still read and
     * checked; replay refuses it as it does {@link #PRE_FMA_VERSION}.
     */
    public static final byte SINGLE_DESK_VERSION = 2;
    /**
     * The previous version, without checksum: still read (dump, verify, report), reported as
     * unchecked; its recorded state hashes use an older mix, so replay cannot confirm them.
     */
    public static final byte UNCHECKED_VERSION = 1;
    public static final int CHECKSUM_LENGTH = 4;
    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    public static final int KIND = 0;
    public static final int FORMAT_VERSION = 1;
    public static final int LENGTH = 4;
    public static final int DESK = 2;
    /** The desk id is a u16. */
    public static final int MAX_DESK = 0xFFFF;
    public static final int SEQUENCE = 8;
    public static final int HEADER_LENGTH = 16;

    public static final int MINUTE = 16;
    public static final int SYMBOL_COUNT = 24;
    public static final int COLUMNS = 32;
    /** Symbol count is a u16 in per-symbol records. */
    public static final int MAX_SYMBOLS = 0xFFFF;

    public static final byte BAR_PRESENT = 1;
    public static final byte BAR_BACKFILLED = 2;

    public static final int CLOCK_EPOCH_MILLIS = 16;
    public static final int CLOCK_LENGTH = 24;

    public static final int DECISION_MINUTE = 16;
    public static final int DECISION_KIND = 24;
    public static final int DECISION_SYMBOL = 26;
    public static final int DECISION_REASON = 28;
    public static final int DECISION_STRENGTH = 32;
    public static final int DECISION_PROBABILITY = 40;
    public static final int DECISION_LENGTH = 48;

    public static final int CLIENT_ORDER_ID_MAX = 48;

    public static final int ORDER_MINUTE = 16;
    public static final int ORDER_SYMBOL = 24;
    public static final int ORDER_SIDE = 26;
    public static final int ORDER_TYPE = 27;
    public static final int ORDER_ID_LENGTH = 28;
    public static final int ORDER_QTY = 32;
    public static final int ORDER_CLIENT_ORDER_ID = 40;
    public static final int ORDER_LENGTH = 88;

    public static final int FILL_MINUTE = 16;
    public static final int FILL_SYMBOL = 24;
    public static final int FILL_SIDE = 26;
    public static final int FILL_STATUS = 27;
    public static final int FILL_ID_LENGTH = 28;
    public static final int FILL_QTY = 32;
    public static final int FILL_PRICE = 40;
    public static final int FILL_COMMISSION = 48;
    public static final int FILL_CLIENT_ORDER_ID = 56;
    public static final int FILL_LENGTH = 104;

    public static final int SKIPPED_MINUTE = 16;
    public static final int SKIPPED_MISSING = 24;
    public static final int SKIPPED_LENGTH = 32;

    public static final int EXCEPTION_NAME_MAX = 64;
    public static final int FAILED_MINUTE = 16;
    public static final int FAILED_STAGE = 24;
    public static final int FAILED_NAME_LENGTH = 25;
    public static final int FAILED_EXCEPTION_CLASS = 32;
    public static final int FAILED_LENGTH = 96;

    public static final int SUMMARY_NY_DAY = 16;
    public static final int SUMMARY_EQUITY = 24;
    public static final int SUMMARY_DAY_RETURN = 32;
    public static final int SUMMARY_TRADES = 40;
    public static final int SUMMARY_LENGTH = 48;

    public static final int RUN_END_BAR_SETS = 16;
    public static final int RUN_END_STATE_HASH = 24;
    public static final int RUN_END_LENGTH = 32;

    public static final int REPORT_ORDER_SEQUENCE = 16;
    public static final int REPORT_SYMBOL = 24;
    public static final int REPORT_STATUS = 26;
    public static final int REPORT_FILLED_QTY = 32;
    public static final int REPORT_AVERAGE_PRICE = 40;
    public static final int REPORT_VENUE_MILLIS = 48;
    public static final int REPORT_LENGTH = 56;

    public static final int SNAPSHOT_FINGERPRINT = 16;
    public static final int SNAPSHOT_BLOB_LENGTH = 24;
    public static final int SNAPSHOT_BLOB = 32;

    public static final int DESK_NAME_LENGTH = 16;
    public static final int DESK_PARAMS_LENGTH = 20;
    public static final int DESK_VARIABLE = 24;

    public static final int RUN_START_MILLIS = 16;
    public static final int RUN_INITIAL_FINGERPRINT = 24;
    public static final int RUN_MODE = 32;
    public static final int RUN_SYMBOL_COUNT = 36;
    public static final int RUN_VARIABLE = 40;

    private JournalFormat() {
    }

    /** Whether records of this format version carry a CRC32C checksum. */
    public static boolean checksummed(int version) {
        return version == VERSION || version == PRE_FMA_VERSION || version == SINGLE_DESK_VERSION;
    }

    /** Bytes a column of {@code count} elements of {@code width} bytes takes, padded to 8. */
    public static int column(int count, int width) {
        return (count * width + 7) & ~7;
    }

    public static int barSetLength(int symbols) {
        return COLUMNS + column(symbols, 1) + 5 * column(symbols, 8);
    }

    public static int signalsLength(int symbols) {
        return COLUMNS + 3 * column(symbols, 8) + column(symbols, 1);
    }
}
