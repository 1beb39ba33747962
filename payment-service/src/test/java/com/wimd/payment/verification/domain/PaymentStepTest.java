package com.wimd.payment.verification.domain;

import com.wimd.payment.verification.domain.PaymentStep.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentStepTest {

    static PaymentStep.State run(List<PaymentStep.Input> inputs, List<PaymentStep.Action> actions) {
        PaymentStep.State state = PaymentStep.State.NEW;
        for (PaymentStep.Input input : inputs) {
            PaymentStep.Decision decision = PaymentStep.next(state, input);
            state = decision.next();
            if (!(decision.action() instanceof PaymentStep.NoAction)) {
                actions.add(decision.action());
            }
        }
        return state;
    }

    static final PaymentStep.Input PAID = new PaymentStep.Verified(true);
    static final PaymentStep.Input PENDING = new PaymentStep.Verified(false);
    static final PaymentStep.Input SUCCEEDED = new PaymentStep.IntentSucceeded();
    static final PaymentStep.Input DECLINED = new PaymentStep.IntentFailed("declined");
    static final PaymentStep.Input BOOKING_FAILED = new PaymentStep.BookingAbandoned("calendar failed");

    @Test
    void a_paid_intent_is_announced_once_however_often_the_success_is_heard() {
        var actions = new java.util.ArrayList<PaymentStep.Action>();
        assertThat(run(List.of(PENDING, SUCCEEDED, SUCCEEDED, PAID), actions).status()).isEqualTo(Status.SUCCEEDED);
        assertThat(actions).containsExactly(new PaymentStep.AnnounceSuccess());
    }

    @Test
    void a_failure_after_the_success_changes_nothing() {
        var actions = new java.util.ArrayList<PaymentStep.Action>();
        assertThat(run(List.of(PENDING, SUCCEEDED, DECLINED), actions).status()).isEqualTo(Status.SUCCEEDED);
        assertThat(actions).containsExactly(new PaymentStep.AnnounceSuccess());
    }

    @Test
    void a_failed_booking_that_was_paid_gets_its_money_back_once() {
        var actions = new java.util.ArrayList<PaymentStep.Action>();
        assertThat(run(List.of(PAID, BOOKING_FAILED, BOOKING_FAILED, SUCCEEDED), actions).status()).isEqualTo(Status.REFUNDING);
        assertThat(actions).containsExactly(new PaymentStep.AnnounceSuccess(), new PaymentStep.GiveBack("calendar failed"));
    }

    @Test
    void a_booking_that_failed_before_its_payment_succeeded_is_refunded_and_never_told_of_success() {
        var actions = new java.util.ArrayList<PaymentStep.Action>();
        assertThat(run(List.of(PENDING, BOOKING_FAILED, SUCCEEDED), actions).status()).isEqualTo(Status.REFUNDING);
        assertThat(actions).containsExactly(new PaymentStep.GiveBack(PaymentStep.PAID_AFTER_BOOKING_FAILED));
    }

    @Test
    void a_booking_failed_event_that_overtakes_its_request_still_leads_to_a_refund() {
        var actions = new java.util.ArrayList<PaymentStep.Action>();
        assertThat(run(List.of(BOOKING_FAILED, PAID), actions).status()).isEqualTo(Status.REFUNDING);
        assertThat(actions).containsExactly(new PaymentStep.GiveBack(PaymentStep.PAID_AFTER_BOOKING_FAILED));
    }

    @Test
    void a_declined_payment_is_announced_and_a_later_success_on_the_same_intent_is_released_for_the_next_booking() {
        var actions = new java.util.ArrayList<PaymentStep.Action>();
        assertThat(run(List.of(PENDING, DECLINED, SUCCEEDED), actions).status()).isEqualTo(Status.FAILED);
        assertThat(actions).containsExactly(new PaymentStep.AnnounceFailure("declined"),
                new PaymentStep.Release(PaymentStep.PAID_AFTER_FAILURE));
    }

    @Test
    void a_rejected_intent_is_announced_unless_the_booking_has_already_failed() {
        var told = new java.util.ArrayList<PaymentStep.Action>();
        run(List.of(new PaymentStep.Rejected("not yours")), told);
        assertThat(told).containsExactly(new PaymentStep.AnnounceFailure("not yours"));
        var silent = new java.util.ArrayList<PaymentStep.Action>();
        assertThat(run(List.of(BOOKING_FAILED, new PaymentStep.Rejected("not yours")), silent).status()).isEqualTo(Status.FAILED);
        assertThat(silent).isEmpty();
    }

    @Test
    void an_unreachable_gateway_leaves_the_request_to_be_verified_later() {
        var actions = new java.util.ArrayList<PaymentStep.Action>();
        assertThat(run(List.of(new PaymentStep.Unverifiable("timeout"), PAID), actions).status()).isEqualTo(Status.SUCCEEDED);
        assertThat(actions).containsExactly(new PaymentStep.AnnounceSuccess());
    }
}
