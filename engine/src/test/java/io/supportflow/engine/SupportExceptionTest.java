package io.supportflow.engine;

import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.govstack.GovStackError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SupportExceptionTest {
    private static final Map<Integer, Class<? extends SupportException>> BY_STATUS = Map.of(
            400, BadInputException.class, 403, ForbiddenException.class, 404, NotFoundException.class,
            409, ConflictException.class, 412, VersionMismatchException.class, 422, RuleRefusedException.class);

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeHasTheExceptionOfItsHttpStatus(ErrorCode code) {
        SupportException e = SupportException.of(code, "what happened. " + code.nextStep(), "agent.id");
        assertThat(e).isExactlyInstanceOf(BY_STATUS.get(code.httpStatus()));
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.httpStatus()).isEqualTo(code.httpStatus());
        assertThat(e.error()).isEqualTo(new GovStackError(code.name(), "what happened. " + code.nextStep(), "agent.id"));
    }

    @Test
    void anExplanationEndsWithTheNextStep() {
        SupportException e = SupportException.explain(ErrorCode.VERSION_MISMATCH, "order o1: stale", null);
        assertThat(e.getMessage()).isEqualTo("order o1: stale. " + ErrorCode.VERSION_MISMATCH.nextStep());
        assertThat(e.paths()).isNull();
    }
}
