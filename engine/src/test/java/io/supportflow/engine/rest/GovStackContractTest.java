package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract validator really checks: it accepts GovStack objects and rejects ill-typed ones. */
class GovStackContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aSupportWithTheExtensionFieldsIsValid() throws Exception {
        GovStackContract.assertValid(GovStackContract.SUPPORT, json("""
                {"order_id":"o-1","callback_phone":"+91 98765 43210","descriptor":{"name":"n","images":[{"url":"https://example.org/i.png"}]},
                 "agent":{"id":"a-1","rating":"gte 4"},"state":"ASSIGNED","version":2}"""));
    }

    @Test
    void aSupportWithAWronglyTypedFieldIsInvalid() throws Exception {
        assertThat(GovStackContract.SUPPORT.validate(json("{\"order_id\":5}"))).isNotEmpty();
        assertThat(GovStackContract.SUPPORT.validate(json("{\"callback_phone\":\"call me\"}"))).isNotEmpty();
        assertThat(GovStackContract.SUPPORT.validate(json("{\"agent\":{\"person\":{\"name\":[]}}}"))).isNotEmpty();
        assertThat(GovStackContract.SUPPORT.validate(
                json("{\"descriptor\":{\"additional_desc\":{\"content_type\":\"image/png\"}}}"))).isNotEmpty();
    }

    @Test
    void theErrorSchemaComesFromTheFullContract() throws Exception {
        GovStackContract.assertValid(GovStackContract.ERROR, json("{\"code\":\"X\",\"message\":\"m\",\"paths\":\"p\"}"));
        assertThat(GovStackContract.ERROR.validate(json("{\"code\":400}"))).isNotEmpty();
    }
}
