package parbench.bench.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The worker protocol's wire format: newline-delimited JSON, one frame per line, UTF-8.
 *
 * <pre>
 * parent -> worker stdin : {"index":3,"spec":{"id":"cpu","params":{"work":"1000"}},"input":4}
 * worker -> parent stdout: {"pid":4711}                                   (once, first: {@link ReadyFrame})
 *                          {"index":3,"output":-123456789}                 ({@link ResultFrame}, success)
 *                          {"index":3,"error":"java.lang.Exception: boom"} ({@link ResultFrame}, failure)
 * </pre>
 *
 * <p>Jackson never writes a raw newline inside a frame (newlines in strings are escaped), so a
 * line is a frame. A worker answers its tasks one at a time, in the order it read them. Its
 * stdout carries frames only; its logs go to stderr. It exits 0 when its stdin closes and
 * non-zero after a line that is not a {@link TaskFrame}. A parent treats a line that is not the
 * expected frame as a broken worker.
 *
 * <p>Thread-safe (a configured {@link ObjectMapper} is).
 */
public final class FrameCodec {

    /** How much of a bad line an error message quotes. */
    private static final int QUOTE_LIMIT = 200;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** One frame as one line, without the line terminator. */
    public String write(Object frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode frame " + frame, e);
        }
    }

    public TaskFrame readTask(String line) throws JsonProcessingException {
        return read(line, TaskFrame.class);
    }

    public ReadyFrame readReady(String line) throws JsonProcessingException {
        return read(line, ReadyFrame.class);
    }

    public ResultFrame readResult(String line) throws JsonProcessingException {
        return read(line, ResultFrame.class);
    }

    private <F> F read(String line, Class<F> type) throws JsonProcessingException {
        F frame = mapper.readValue(line, type);
        if (frame == null) {
            throw new JsonMappingNullException(type);
        }
        return frame;
    }

    /** A value as a JSON tree, for a frame's input or output. */
    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    /** A frame's input or output back as a value of {@code type}. */
    public <T> T fromTree(JsonNode node, Class<T> type) throws JsonProcessingException {
        return node == null ? null : mapper.treeToValue(node, type);
    }

    /** {@code line} shortened for an error message. */
    static String quote(String line) {
        return "'" + (line.length() <= QUOTE_LIMIT ? line : line.substring(0, QUOTE_LIMIT) + "...") + "'";
    }

    /** The line was the JSON literal {@code null}, which is no frame. */
    private static final class JsonMappingNullException extends JsonProcessingException {
        JsonMappingNullException(Class<?> type) {
            super("expected a " + type.getSimpleName() + " object, got null");
        }
    }
}
