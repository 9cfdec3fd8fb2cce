package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborApi.Answer;
import dev.arbor.testing.ArborIT;
import dev.arbor.testing.Http;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies are read through a hard limit (1,000,000 bytes, 413 beyond, announced or not) and strictly: nulls,
 * duplicate keys and very deep nesting are a 400 naming the place, never a 500, and change nothing.
 */
@ArborIT
class RequestBodyIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        null attribute           | POST  | scopes                  | {"type":"account","name":"X","attributes":{"firstPurchaseDone":null}} | attributes.firstPurchaseDone
        null attribute on update | PATCH | scopes/{acme}           | {"attributes":{"firstPurchaseDone":null}}                          | attributes.firstPurchaseDone
        null role                | POST  | scopes/{ws1}/invitations | {"email":"zed@example.test","roles":[null]}                       | roles[0]
        null option              | PUT   | scopes/{ws1}/members/{dave}/options | {"options":[null]}                                     | options[0]
        null name                | POST  | scopes                  | {"type":"account","name":null}                                     | name
        null body                | POST  | scopes                  | null                                                               |
        duplicate key            | POST  | scopes                  | {"type":"account","name":"X","name":"Y"}                           |
        null in an import        | POST  | import                  | {"arbor":1,"scopes":[null]}                                      | scopes[0]
        """)
    void nullsAndDuplicatesAre400sThatChangeNothing(String what, String method, String path, String body,
            String field, TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");
        String before = root.get("export").expect(200).toString();

        Answer answer = root.send(method, path.replace("{acme}", world.acme).replace("{ws1}", world.ws1)
                .replace("{dave}", world.id("dave")), body, "application/json");

        assertThat(answer.status()).as(what + ": " + answer.text()).isEqualTo(400);
        if (field != null) {
            assertThat(answer.json().path("field").asText()).as(what).isEqualTo(field);
        }
        assertThat(root.get("export").expect(200).toString()).isEqualTo(before);
    }

    @Test
    void deepNestingIs400(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String deep = "[".repeat(50_000) + "]".repeat(50_000);

        world.as("root").send("POST", "schema/validate", deep, "application/json").expect(400);
        world.as("root").send("POST", "schema/validate", deep, "application/yaml").expect(400);
        world.as("root").post("scopes", "{\"type\":\"account\",\"name\":" + deep + "}").expect(400);
        world.as("root").post("import", "{\"arbor\":1,\"schema\":" + deep + "}").expect(400);
    }

    @Test
    void aDuplicateKeyInAYamlSchemaIs400(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String yaml = SkyportWorld.schema("skyport") + "\nid: other\n";

        world.as("root").put("schema", yaml, "application/yaml").expect(400);
        assertThat(world.as("root").get("schema").expect(200).path("revision").asInt()).isEqualTo(1);
    }

    @Test
    void fiveMegabytesAre413AtOnceAndChangeNothing(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        ArborApi root = world.as("root");
        int before = root.get("scopes").expect(200).size();
        byte[] huge = ("{\"type\":\"account\",\"name\":\"" + "x".repeat(5_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        String token = world.app.password(world.users.get("root")).accessToken();

        long start = System.nanoTime();
        int announced = send(world, token, HttpRequest.BodyPublishers.ofByteArray(huge)).statusCode();
        int chunked = send(world, token, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .statusCode();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(announced).isEqualTo(413);
        assertThat(chunked).isEqualTo(413);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(root.get("scopes").expect(200).size()).isEqualTo(before);
    }

    @Test
    void theLimitCountsBytesNotCharacters(TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        // 600,000 characters, 1,200,000 bytes in UTF-8
        String body = "{\"type\":\"account\",\"name\":\"" + "é".repeat(600_000) + "\"}";

        assertThat(world.as("root").post("scopes", body).status()).isEqualTo(413);
    }

    private static HttpResponse<String> send(SkyportWorld world, String token, HttpRequest.BodyPublisher body) {
        return Http.send(HttpRequest.newBuilder(world.realm.uri("tenancy/scopes"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(body)
                .build());
    }
}
