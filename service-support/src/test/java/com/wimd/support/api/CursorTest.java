package com.wimd.support.api;

import com.wimd.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    @Test
    void a_cursor_read_back_is_the_row_it_was_made_from_to_the_nanosecond() {
        Cursor cursor = new Cursor(Instant.parse("2026-12-07T10:15:30.123456789Z"), UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode(), "cursor")).isEqualTo(cursor);
    }

    @Test
    void no_cursor_is_the_first_page_and_a_made_up_one_is_a_problem_naming_its_field() {
        assertThat(Cursor.decode(null, "cursor")).isNull();
        assertThat(Cursor.decode(" ", "cursor")).isNull();
        for (String bad : new String[] {"nope", "MTIz", "%%%", "x".repeat(500)}) {
            assertThatThrownBy(() -> Cursor.decode(bad, "past_cursor")).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).field()).isEqualTo("past_cursor"));
        }
    }

    @Test
    void a_page_holds_fifty_unless_asked_and_at_most_two_hundred() {
        assertThat(Cursor.limit(null, "limit")).isEqualTo(50);
        assertThat(Cursor.limit("200", "limit")).isEqualTo(200);
        assertThatThrownBy(() -> Cursor.limit("201", "limit")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.limit("0", "limit")).isInstanceOf(ProblemException.class);
    }
}
