package com.wimd.support.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A service's part of the reconciliation report. */
public record ServiceReport(String service, Instant asOf, Map<String, List<?>> problems, Map<String, List<?>> facts) {
}
