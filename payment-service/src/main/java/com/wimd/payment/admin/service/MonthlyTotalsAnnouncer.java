package com.wimd.payment.admin.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wimd.events.EventEnvelope;
import com.wimd.events.PaymentTotalsChanged;
import com.wimd.events.PaymentTotalsChanged.CurrencyTotals;
import com.wimd.payment.admin.domain.MonthlyFigures;
import com.wimd.payment.admin.persistence.AnnouncedTotals;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.payment.refunds.persistence.RefundRecord;
import com.wimd.support.db.Db;
import com.wimd.support.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * Announces a month's money figures (PaymentTotalsChanged), counted as the payments view counts them, whenever they
 * change: the current month's, and the previous one's while late news (a refund) can still change it. Each month is
 * counted with its row of {@code announced_totals} locked, so that replicas running the job at once announce a
 * change once.
 */
@ApplicationScoped
public class MonthlyTotalsAnnouncer {

    private static final Logger LOG = Logger.getLogger(MonthlyTotalsAnnouncer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<CurrencyTotals>> FIGURES = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final Clock clock;
    private final ZoneId zone;

    public MonthlyTotalsAnnouncer(Outbox outbox, Clock clock, MonthlyTotalsConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.zone = config.coachZone();
    }

    @Scheduled(every = "${payment.totals-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            announceChanges();
        } catch (RuntimeException e) {
            LOG.warnf("the monthly money figures could not be counted; next time: %s", e.getMessage());
        }
    }

    /**
     * Blocking: announces the watched months whose figures changed since they were last announced.
     *
     * @return how many months were announced
     */
    public int announceChanges() {
        int announced = 0;
        for (YearMonth month : MonthlyFigures.watched(clock.instant(), zone)) {
            if (announceIfChanged(month)) {
                announced++;
            }
        }
        return announced;
    }

    /** Blocking: counts the month, and announces its figures if they changed, in one transaction. */
    public boolean announceIfChanged(YearMonth month) {
        Instant from = MonthlyFigures.start(month, zone);
        Instant to = MonthlyFigures.start(month.plusMonths(1), zone);
        return Db.transaction(() -> Db.execute(
                        "insert into announced_totals (month, zone) values (?1, ?2) on conflict (month) do nothing",
                        month.toString(), zone.getId())
                .chain(() -> AnnouncedTotals.<AnnouncedTotals>findById(month.toString(), LockModeType.PESSIMISTIC_WRITE))
                .chain(last -> figures(from, to).chain(now -> {
                    if (!MonthlyFigures.changed(read(last.totals), now)) {
                        return Uni.createFrom().item(false);
                    }
                    Instant at = clock.instant();
                    last.zone = zone.getId();
                    last.totals = write(now);
                    last.announcedAt = at;
                    LOG.infof("the money figures of %s changed: %s", month, now);
                    return outbox.add(EventEnvelope.first(new PaymentTotalsChanged(month.toString(), zone.getId(), now, at), at))
                            .replaceWith(true);
                })));
    }

    /** The figures of the payments that succeeded from {@code from} until {@code to}, with their refunds. */
    private static Uni<List<CurrencyTotals>> figures(Instant from, Instant to) {
        return Payment.<Payment>list("status = ?1 and succeededAt >= ?2 and succeededAt < ?3", PaymentStatus.SUCCEEDED, from, to)
                .chain(payments -> (payments.isEmpty() ? Uni.createFrom().item(List.<RefundRecord>of())
                        : RefundRecord.<RefundRecord>list("paymentIntentId in ?1",
                        payments.stream().map(p -> p.paymentIntentId).toList()))
                        .map(refunds -> PaymentTotals.of(payments, refunds).stream().map(PaymentTotals.Totals::announced).toList()));
    }

    private static List<CurrencyTotals> read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, FIGURES);
        } catch (JsonProcessingException e) {
            LOG.warnf("the figures last announced are unreadable (%s): announcing again", e.getMessage());
            return null;
        }
    }

    private static String write(List<CurrencyTotals> figures) {
        try {
            return JSON.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
