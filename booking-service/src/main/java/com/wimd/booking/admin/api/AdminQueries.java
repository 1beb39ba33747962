package com.wimd.booking.admin.api;

import com.wimd.booking.appointments.api.DateTimes;
import com.wimd.booking.appointments.domain.AppointmentStatus;
import com.wimd.support.api.QueryParams;
import com.wimd.support.problem.ProblemType;
import io.quarkus.panache.common.Parameters;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

/** The coach's booking search, read from its query parameters: each one checked, a bad one named in a 400. */
final class AdminQueries {

    static final int MAX_SIZE = 100;
    static final int MAX_QUERY = 100;

    private AdminQueries() {
    }

    record Filter(String where, Parameters parameters, int page, int size) {
    }

    static Filter filter(String status, String startDate, String endDate, String q, String page, String size, ZoneId zone) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null && !status.isBlank()) {
            String name = status.trim().toUpperCase(Locale.ROOT);
            if (Arrays.stream(AppointmentStatus.values()).noneMatch(s -> s.name().equals(name))) {
                throw ProblemType.VALIDATION.at("status", "status must be one of "
                        + Arrays.toString(AppointmentStatus.values()).toLowerCase(Locale.ROOT));
            }
            where.append(" and status = :status");
            parameters.and("status", AppointmentStatus.valueOf(name));
        }
        LocalDate from = DateTimes.date(startDate, "start_date");
        LocalDate to = DateTimes.date(endDate, "end_date");
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemType.VALIDATION.at("end_date", "end_date must not be before start_date");
        }
        if (from != null) {
            where.append(" and scheduledAt >= :from");
            parameters.and("from", from.atStartOfDay(zone).toInstant());
        }
        if (to != null) {
            where.append(" and scheduledAt < :to");
            parameters.and("to", to.plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (q != null && !q.isBlank()) {
            if (q.length() > MAX_QUERY) {
                throw ProblemType.VALIDATION.at("q", "q is at most " + MAX_QUERY + " characters");
            }
            if (q.chars().anyMatch(Character::isISOControl)) {
                throw ProblemType.VALIDATION.at("q", "q must be plain text, without control characters");
            }
            String like = "%" + q.trim().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            String digits = q.replaceAll("[^0-9]", "");
            where.append(" and (lower(clientName) like :q escape '!' or lower(clientEmail) like :q escape '!'");
            parameters.and("q", like);
            if (digits.length() >= 3) {
                where.append(" or userPhone like :phone");
                parameters.and("phone", "%" + digits + "%");
            }
            where.append(")");
        }
        return new Filter(where.toString(), parameters, QueryParams.wholeNumber(page, "page", 0, 0, 1_000_000),
                QueryParams.wholeNumber(size, "size", 20, 1, MAX_SIZE));
    }
}
