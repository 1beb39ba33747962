package com.wimd.notification.inapp.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the inbox feed writes to its log about an announcement it cannot read: the id, never the words. */
class InboxFeedLogTest {

    @Test
    void an_unreadable_announcement_is_logged_by_its_id_alone() {
        String payload = "{\"id\":\"3f1c2a9e-1111-2222-3333-444455556666\",\"user\":\"u\",\"title\":\"Your session with Dr X\","
                + "\"body\":\"call +1 416 555 0199\",\"created_at\":\"not a time\"}";
        assertThat(InboxFeed.idOf(payload)).isEqualTo("3f1c2a9e-1111-2222-3333-444455556666");
        assertThat(InboxFeed.idOf("not json at all, +1 416 555 0199")).isEqualTo("?");
        assertThat(InboxFeed.idOf(null)).isEqualTo("?");
    }
}
