package com.wimd.support.reconciliation;

import java.util.List;
import java.util.Map;

/**
 * What one capability of a service contributes to the reconciliation report: problems it can see on its own, and
 * facts the report joins with other services' (see {@code Reconcile} in deploy/local-stack). Blocking.
 */
public interface ReconciliationSource {

    /** Named lists of things that are wrong; in a healthy system each list is empty. */
    Map<String, List<?>> problems();

    /** Named lists of facts another service's report is checked against. */
    default Map<String, List<?>> facts() {
        return Map.of();
    }
}
