package dev.arbor.realmfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arbor.service.TenancyDocument;
import dev.arbor.service.TenancyException;

/** Where a realm file carries the realm's tenancy, and the document as the JSON text stored there. */
public final class RealmFiles {

    /** The realm attribute that holds the tenancy document in a realm file. */
    public static final String ATTRIBUTE = "arbor.tenancy";

    /**
     * Strict on read (an unknown field is an error, not ignored); compact on write (no nulls), keys in the order the
     * service gives them.
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private RealmFiles() {
    }

    static String write(TenancyDocument document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the tenancy document", e);
        }
    }

    /** @throws TenancyException INVALID naming the attribute when the text is no tenancy document */
    static TenancyDocument read(String text) {
        try {
            return JSON.readValue(text, TenancyDocument.class);
        } catch (JsonProcessingException e) {
            throw TenancyException.invalid(ATTRIBUTE, "The realm attribute " + ATTRIBUTE
                    + " holds no tenancy document: " + e.getOriginalMessage());
        }
    }
}
