package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CronValidatorTest {

    @Test
    @DisplayName("valid expressions have no problem")
    void valid() {
        assertThat(CronValidator.problem("0 6 * * *")).isEmpty();
        assertThat(CronValidator.problem("30 16 * * 1-5")).isEmpty();
        assertThat(CronValidator.problem("*/15 6-21 1,15 * *")).isEmpty();
    }

    @Test
    @DisplayName("too few fields: the message names the expression, in Vietnamese and English")
    void tooFewFields() {
        assertThat(CronValidator.problem("0 6 * *")).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Biểu thức cron không hợp lệ: '0 6 * *'")
                .contains("Invalid cron expression '0 6 * *'"));
    }

    @Test
    @DisplayName("a value out of range says so")
    void outOfRange() {
        assertThat(CronValidator.problem("61 6 * * *")).hasValueSatisfying(message -> assertThat(message)
                .contains("'61 6 * * *'")
                .contains("61"));
    }

    @Test
    @DisplayName("garbage and six-field (Quartz) expressions are refused")
    void garbage() {
        assertThat(CronValidator.problem("every morning")).isPresent();
        assertThat(CronValidator.problem("0 0 6 * * ?")).isPresent();
    }

    @Test
    @DisplayName("an empty expression is refused")
    void empty() {
        assertThat(CronValidator.problem(" ")).hasValueSatisfying(message -> assertThat(message)
                .contains("trống").contains("empty"));
        assertThat(CronValidator.problem(null)).isPresent();
    }
}
