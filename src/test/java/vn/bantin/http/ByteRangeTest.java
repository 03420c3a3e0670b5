package vn.bantin.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("HTTP Range header of media downloads")
class ByteRangeTest {

    @Test
    @DisplayName("open, closed, suffix and over-long ranges of a 1000-byte file")
    void satisfiable() {
        assertThat(ByteRange.parse(null, 1000)).isNull();
        assertThat(ByteRange.parse("bytes=100-", 1000)).isEqualTo(new ByteRange(100, 999));
        assertThat(ByteRange.parse("bytes=0-99", 1000).length()).isEqualTo(100);
        assertThat(ByteRange.parse("bytes=-10", 1000)).isEqualTo(new ByteRange(990, 999));
        assertThat(ByteRange.parse("bytes=900-5000", 1000)).isEqualTo(new ByteRange(900, 999));
    }

    @Test
    @DisplayName("ranges past the end, reversed, multiple or malformed are unsatisfiable")
    void unsatisfiable() {
        for (String h : new String[] {"bytes=1000-", "bytes=50-10", "bytes=0-1,5-6", "items=0-1", "bytes=x-",
                "bytes=5"}) {
            assertThatThrownBy(() -> ByteRange.parse(h, 1000)).as(h).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
