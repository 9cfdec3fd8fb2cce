package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbor.rest.Representations.CreateScope;
import dev.arbor.rest.Representations.InviteRequest;
import dev.arbor.rest.Representations.OptionsChange;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.ErrorRepresentation;

/** Request bodies: read through a hard cap, strictly, and every bad one is a 4xx naming its place. */
class BodiesTest {

    @Test
    void readingStopsJustPastTheLimit() {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'x';
            }
        };

        assertStatus(() -> Bodies.bytes(endless), 413);
        assertThat(served.get()).isBetween((long) Bodies.MAX_BYTES + 1, (long) Bodies.MAX_BYTES + 8192);
    }

    @Test
    void theLimitCountsBytesNotCharacters() {
        String twoBytesEach = "é".repeat(Bodies.MAX_BYTES / 2 + 1);

        assertStatus(() -> Bodies.bytes(stream(twoBytesEach)), 413);
        assertThat(Bodies.bytes(stream("é".repeat(Bodies.MAX_BYTES / 2)))).hasSize(Bodies.MAX_BYTES);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        duplicate key          | {"type":"a","name":"X","name":"Y"}             |
        null attribute         | {"type":"a","name":"X","attributes":{"x":null}} | attributes.x
        null body              | null                                            |
        """)
    void badScopeBodiesAre400(String what, String body, String field) {
        ErrorRepresentation error = assertStatus(() -> Bodies.read(stream(body), CreateScope.class), 400);
        assertThat(error.getField()).as(what).isEqualTo(field);
    }

    @Test
    void nullsInListsAre400NamingTheirPlace() {
        ErrorRepresentation roles = assertStatus(() -> Bodies.read(stream("{\"email\":\"a@b.c\",\"roles\":[null]}"),
                InviteRequest.class), 400);
        ErrorRepresentation options = assertStatus(() -> Bodies.read(stream("{\"options\":[\"a\",null]}"),
                OptionsChange.class), 400);

        assertThat(roles.getField()).isEqualTo("roles[0]");
        assertThat(options.getField()).isEqualTo("options[1]");
    }

    @Test
    void duplicateKeysInYamlAndJsonDocumentsAre400() {
        assertStatus(() -> Bodies.document(stream("id: a\nid: b\n"), true), 400);
        assertStatus(() -> Bodies.document(stream("{\"id\":1,\"id\":2}"), false), 400);
    }

    @Test
    void deepNestingIs400() {
        int depth = 100_000;
        String json = "[".repeat(depth) + "]".repeat(depth);
        String yaml = "[".repeat(depth) + "]".repeat(depth);

        assertStatus(() -> Bodies.document(stream(json), false), 400);
        assertStatus(() -> Bodies.document(stream(yaml), true), 400);
        assertStatus(() -> Bodies.read(stream("{\"type\":" + json + "}"), CreateScope.class), 400);
    }

    @Test
    void ordinaryDocumentsStillRead() {
        assertThat(Bodies.document(stream("id: a\nlist: [1, {b: null}]\n"), true)).isNotNull();
        assertThat(Bodies.read(stream("{\"type\":\"a\",\"name\":\"X\",\"attributes\":{\"x\":1}}"), CreateScope.class)
                .attributes()).containsEntry("x", 1);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ErrorRepresentation assertStatus(ThrowingCallable call, int status) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        Response response = ((ApiException) thrown).getResponse();
        assertThat(response.getStatus()).as(String.valueOf(response.getEntity())).isEqualTo(status);
        return (ErrorRepresentation) response.getEntity();
    }
}
