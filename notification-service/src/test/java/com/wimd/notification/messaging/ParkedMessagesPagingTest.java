package com.wimd.notification.messaging;

import com.wimd.infra.test.Sql;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The parked messages come a page at a time, the next page's address in the Link header, none skipped or repeated. */
@QuarkusTest
class ParkedMessagesPagingTest {

    static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    @Test
    void seven_parked_messages_in_pages_of_three_come_in_three_pages_each_once_oldest_first() {
        String key = "paging-" + UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            // two of them parked at the same instant: the id orders them, so the page boundary neither skips nor repeats
            Sql.ofServiceUnderTest().update("insert into parked_message (id, topic, message_key, payload, headers, error, attempts, "
                    + "parked_at, dlq_partition, dlq_offset) values (?, 'BookingConfirmed', ?, '{}', '{}', 'test', 1, "
                    + "now() - make_interval(days => 400) + make_interval(secs => ?), 0, ?)",
                    UUID.randomUUID(), key, i == 3 ? 2 : i, -1_000_000L - Math.abs(key.hashCode() % 1_000_000) * 10L - i);
        }

        List<String> seen = new ArrayList<>();
        String next = "/admin/parked-messages?limit=3";
        int pages = 0;
        while (next != null && pages < 10) {
            Response page = given().auth().oauth2(TestTokens.coach("coach")).get(next).then().statusCode(200).extract().response();
            List<java.util.Map<String, Object>> rows = page.jsonPath().getList("");
            assertThat(rows).hasSizeLessThanOrEqualTo(3);
            rows.stream().filter(row -> key.equals(row.get("booking_id"))).forEach(row -> seen.add((String) row.get("id")));
            String link = page.header("Link");
            Matcher m = link == null ? null : NEXT.matcher(link);
            next = m != null && m.find() ? m.group(1).replaceFirst("^https?://[^/]+", "") : null;
            pages++;
            if (seen.size() == 7) {
                break;
            }
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void a_page_size_over_two_hundred_or_a_made_up_cursor_is_a_problem_naming_it() {
        given().auth().oauth2(TestTokens.coach("coach")).get("/admin/parked-messages?limit=201").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        given().auth().oauth2(TestTokens.coach("coach")).get("/admin/parked-messages?cursor=nope").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("cursor"));
    }
}
