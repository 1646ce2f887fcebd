package cn.zz.pipeline.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The envelope's {@code sequence}: in Java the project's version (a {@code long}), on the wire the CloudEvents
 * sequence extension's string. Written as {@value #DIGITS} decimal digits, zero-padded, so that comparing two
 * sequences as strings (the extension's order) gives the numeric order; 19 digits hold every positive {@code long}.
 * Read from that string, or from a JSON integer (envelope 1, before issue 16).
 */
public final class Sequence {

    /** Width of the written form: {@code Long.MAX_VALUE} has 19 digits. */
    public static final int DIGITS = 19;

    private Sequence() {
    }

    /** The wire form of a sequence, e.g. {@code 7} as {@code "0000000000000000007"}. */
    public static String format(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative but was " + sequence);
        }
        String digits = Long.toString(sequence); // not String.format: an import writes thousands of events
        return "0".repeat(DIGITS - digits.length()) + digits;
    }

    /**
     * The sequence of a JSON value: a string of {@value #DIGITS} digits (envelope 2) or an integer (envelope 1).
     *
     * @throws IllegalArgumentException for anything else, or a value beyond a {@code long}
     */
    public static long parse(JsonNode value) {
        if (value != null && value.isTextual()) {
            String text = value.textValue();
            if (text.length() != DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("sequence must be a string of " + DIGITS + " digits but was " + text);
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException beyondLong) {
                throw new IllegalArgumentException("sequence " + text + " is beyond a 64-bit integer");
            }
        }
        // As JSON Schema counts integers: 7.0 is one too.
        if (value != null && value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
            return value.asLong();
        }
        throw new IllegalArgumentException("sequence must be a string of " + DIGITS + " digits (or, before envelope 2,"
                + " an integer) but was " + value);
    }

    /** Writes the {@code long} component as its wire string. */
    static final class Writer extends StdSerializer<Long> {

        Writer() {
            super(Long.class);
        }

        @Override
        public void serialize(Long value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }
}
