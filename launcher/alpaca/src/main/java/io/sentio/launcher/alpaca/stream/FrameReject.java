package io.sentio.launcher.alpaca.stream;

/** Why a market-data frame, or one message in it, was dropped instead of delivered. */
public enum FrameReject {
    /** Not JSON or MessagePack, truncated, trailing bytes, or not an array/object of messages. */
    MALFORMED,
    /** Over a size or nesting limit of the decoder. */
    OVERSIZED,
    /** A field sentio reads holds the wrong type: a price as a string, a type as an object, a message as a number. */
    WRONG_TYPE,
    /** A field of the right type whose value is unusable: a timestamp that is not one, a price that is not positive and finite. */
    BAD_VALUE,
    /** A message without a type, or a bar of the universe without one of t, o, h, l, c, v. */
    MISSING_FIELD,
    /** A message type sentio neither subscribes to nor knows. */
    UNKNOWN_TYPE
}
