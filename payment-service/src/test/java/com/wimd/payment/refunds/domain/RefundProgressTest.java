package com.wimd.payment.refunds.domain;

import com.wimd.payment.refunds.persistence.RefundRecord.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefundProgressTest {

    @Test
    void a_refund_the_gateway_settles_at_once_succeeds() {
        assertThat(RefundProgress.next(Status.REQUESTED, "succeeded")).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void a_pending_refund_is_not_yet_money_back() {
        assertThat(RefundProgress.next(Status.REQUESTED, "pending")).isEqualTo(Status.PENDING);
        assertThat(RefundProgress.next(Status.REQUESTED, "requires_action")).isEqualTo(Status.PENDING);
        assertThat(RefundProgress.next(Status.PENDING, "pending")).isEqualTo(Status.PENDING);
    }

    @Test
    void a_pending_refund_then_fails_or_succeeds() {
        assertThat(RefundProgress.next(Status.PENDING, "failed")).isEqualTo(Status.FAILED);
        assertThat(RefundProgress.next(Status.PENDING, "canceled")).isEqualTo(Status.FAILED);
        assertThat(RefundProgress.next(Status.PENDING, "succeeded")).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void a_succeeded_refund_does_not_go_back_to_pending_when_an_older_report_arrives_late() {
        assertThat(RefundProgress.next(Status.SUCCEEDED, "pending")).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void a_refund_the_bank_returns_after_it_succeeded_fails() {
        assertThat(RefundProgress.next(Status.SUCCEEDED, "failed")).isEqualTo(Status.FAILED);
    }

    @Test
    void a_failed_refund_stays_failed() {
        assertThat(RefundProgress.next(Status.FAILED, "succeeded")).isEqualTo(Status.FAILED);
        assertThat(RefundProgress.next(Status.FAILED, "pending")).isEqualTo(Status.FAILED);
    }

    @Test
    void an_unknown_status_is_read_as_still_pending_never_as_done() {
        assertThat(RefundProgress.reported(null)).isEqualTo(Status.PENDING);
        assertThat(RefundProgress.reported("something_new")).isEqualTo(Status.PENDING);
    }
}
