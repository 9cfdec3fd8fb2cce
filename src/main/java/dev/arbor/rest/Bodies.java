package dev.arbor.rest;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Request bodies, read strictly: unknown fields, wrong types, duplicate keys, nulls inside lists and maps, very deep
 * nesting and malformed JSON are a 400 naming the field, rather than silently ignored as a lenient mapper would.
 * Every body is read from the request's stream through {@link #bytes}, which stops at {@link #MAX_BYTES}: nothing
 * larger is ever held in memory.
 */
final class Bodies {

    static final int MAX_BYTES = 1_000_000;

    /** Deeper than any schema or export document (an export nests two levels per tree level). */
    static final int MAX_DEPTH = 400;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH).build();
    private static final ObjectMapper JSON = strict(new ObjectMapper());
    private static final ObjectMapper YAML = strict(new ObjectMapper(new YAMLFactory()));

    private Bodies() {
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(CONSTRAINTS);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        // a null inside a list or map (roles: [null], attributes: {x: null}) is refused where it is, by its path
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * 413 before anything is read when the request announces a body over the limit ({@code Content-Length});
     * a body sent without a length is cut by {@link #bytes}.
     */
    static void refuseDeclaredOversize(HttpHeaders headers) {
        String length = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        try {
            if (Long.parseLong(length.strip()) > MAX_BYTES) {
                throw ApiException.tooLarge(MAX_BYTES);
            }
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(null, "Content-Length is not a number");
        }
    }

    /** The body's bytes; 413 as soon as it has more than {@link #MAX_BYTES}, without reading the rest. */
    static byte[] bytes(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = body.readNBytes(buffer, 0, Math.min(buffer.length, MAX_BYTES + 1 - read.size()))) > 0) {
                read.write(buffer, 0, n);
                if (read.size() > MAX_BYTES) {
                    throw ApiException.tooLarge(MAX_BYTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
        return read.toByteArray();
    }

    /** The body as UTF-8 text, read through {@link #bytes}. */
    static String text(InputStream body) {
        return new String(bytes(body), StandardCharsets.UTF_8);
    }

    static <T> T read(InputStream body, Class<T> type) {
        byte[] bytes = bytes(body);
        if (isBlank(bytes)) {
            throw ApiException.badRequest(null, "A JSON request body is required");
        }
        T value;
        try {
            value = JSON.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(path(e), "Unknown field '" + e.getPropertyName() + "'");
        } catch (InvalidNullException e) {
            throw ApiException.badRequest(path(e), "null is not allowed here");
        } catch (JsonParseException e) {
            throw ApiException.badRequest(null, "Malformed JSON: " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw ApiException.badRequest(path(e), "Wrong type or value: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "Unreadable body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw ApiException.badRequest(null, "A JSON object is required, not null");
        }
        return value;
    }

    /** A document already parsed into maps and lists (e.g. from YAML), read strictly into {@code type}. */
    static <T> T convert(Object document, Class<T> type) {
        try {
            return JSON.convertValue(document, type);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
                throw ApiException.badRequest(path(unknown), "Unknown field '" + unknown.getPropertyName() + "'");
            }
            if (e.getCause() instanceof InvalidNullException nulled) {
                throw ApiException.badRequest(path(nulled), "null is not allowed here");
            }
            if (e.getCause() instanceof JsonMappingException mapping) {
                throw ApiException.badRequest(path(mapping), "Wrong type or value: " + mapping.getOriginalMessage());
            }
            throw ApiException.badRequest(null, "Unreadable document: " + e.getMessage());
        }
    }

    /** A schema document as plain maps and lists, from a request body of JSON or YAML. */
    static Object document(InputStream body, boolean yaml) {
        return document(text(body), yaml);
    }

    /**
     * A schema document as plain maps and lists, from JSON or YAML text that was read through {@link #bytes} or
     * stored by this API.
     */
    static Object document(String text, boolean yaml) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(null, "A schema document is required");
        }
        try {
            return (yaml ? YAML : JSON).readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "Malformed " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
        }
    }

    /** The document as the JSON text that is stored. */
    static String json(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
