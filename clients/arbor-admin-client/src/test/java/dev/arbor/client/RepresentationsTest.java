package dev.arbor.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.client.representations.CheckRequest;
import dev.arbor.client.representations.MemberPage;
import dev.arbor.client.representations.NewScope;
import dev.arbor.client.representations.TenancyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The representations' JSON contract, read with a mapper as strict as any a user might configure: answers of a
 * newer server with properties this client does not know still read; requests leave out what is null, because the
 * server refuses what it does not know.
 */
class RepresentationsTest {

    private final ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void anAnswerWithPropertiesOfANewerServerStillReads() throws Exception {
        MemberPage page = strict.readValue("""
                {"members": [{"userId": "u1", "username": "alice", "roles": ["owner"], "options": [],
                              "since": 1700000000000}],
                 "total": 1, "first": 0, "max": 100, "complete": true, "next": "u1"}
                """, MemberPage.class);

        assertThat(page.members()).singleElement().satisfies(member -> {
            assertThat(member.username()).isEqualTo("alice");
            assertThat(member.roles()).containsExactly("owner");
        });
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void aNestedDocumentReadsWithUnknownPropertiesAtEveryLevel() throws Exception {
        TenancyDocument document = strict.readValue("""
                {"arbor": 1, "exportedAt": 1,
                 "scopes": [{"key": "acme", "type": "account", "name": "Acme", "archived": false,
                             "children": [{"key": "ws", "type": "workspace", "name": "W", "children": []}]}],
                 "members": [{"user": "alice", "scope": "acme", "roles": ["owner"], "since": 1}]}
                """, TenancyDocument.class);

        assertThat(document.scopes().get(0).children()).extracting(TenancyDocument.ScopeNode::key)
                .containsExactly("ws");
        assertThat(document.members().get(0).options()).isNull();
    }

    @Test
    void requestsLeaveOutWhatIsNull() throws Exception {
        assertThat(strict.writeValueAsString(NewScope.root("account", "Acme", "acme")))
                .isEqualTo("{\"type\":\"account\",\"name\":\"Acme\",\"key\":\"acme\"}");
        assertThat(strict.writeValueAsString(CheckRequest.forUser("u1", "s1", "a:b:c")))
                .isEqualTo("{\"userId\":\"u1\",\"scopeId\":\"s1\",\"permission\":\"a:b:c\"}");
        assertThat(strict.writeValueAsString(new TenancyDocument(1, null, null,
                List.of(new TenancyDocument.MemberEntry("alice", "acme", List.of("owner"), null)))))
                .isEqualTo("{\"arbor\":1,\"members\":[{\"user\":\"alice\",\"scope\":\"acme\",\"roles\":[\"owner\"]}]}");
    }
}
