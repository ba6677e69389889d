package io.sentio.core.config;

/** The value kinds a strategy parameter can take, each with its JSON Schema type name. */
public enum ParamType {
    INT("integer"),
    LONG("integer"),
    DOUBLE("number"),
    BOOLEAN("boolean"),
    CHOICE("string"),
    INT_LIST("array"),
    DOUBLE_LIST("array");

    private final String jsonType;

    ParamType(String jsonType) {
        this.jsonType = jsonType;
    }

    public String jsonType() {
        return jsonType;
    }

    /** Integral scalars and integral list elements print their bounds without a fraction. */
    boolean integral() {
        return this == INT || this == LONG || this == INT_LIST;
    }
}
