package com.zava.retail.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ManagerIdTest {

    @Test
    void parsesCanonicalUuidAndNormalisesCase() {
        ManagerId id = ManagerId.parse(" F47AC10B-58CC-4372-A567-0E02B2C3D479 ");
        assertThat(id.asText()).isEqualTo("f47ac10b-58cc-4372-a567-0e02b2c3d479");
        assertThat(id.isHeadOffice()).isFalse();
    }

    @Test
    void allZeroIdIsHeadOffice() {
        assertThat(ManagerId.parse("00000000-0000-0000-0000-000000000000").isHeadOffice()).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "1-2-3-4-5", "f47ac10b58cc4372a5670e02b2c3d479",
        "f47ac10b-58cc-4372-a567-0e02b2c3d47g", "f47ac10b-58cc-4372-a567-0e02b2c3d479'; DROP TABLE x; --",
        "{f47ac10b-58cc-4372-a567-0e02b2c3d479}"})
    void rejectsAnythingButCanonicalUuid(String text) {
        assertThatThrownBy(() -> ManagerId.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void errorMessageDoesNotEchoUnboundedInput() {
        String hostile = "x".repeat(10_000);
        assertThatThrownBy(() -> ManagerId.parse(hostile))
                .hasMessageContaining("...")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
