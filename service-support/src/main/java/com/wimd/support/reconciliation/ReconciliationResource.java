package com.wimd.support.reconciliation;

import com.wimd.support.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Every service's part of the reconciliation report, for the coach and ops, on the service's own port. The
 * {@code reconcile} command puts the four together; see the README.
 */
@Path("/admin/reconciliation")
@RolesAllowed(Roles.COACH)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ReconciliationResource {

    private final Reconciliation reconciliation;

    public ReconciliationResource(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GET
    public ServiceReport report() {
        return reconciliation.report();
    }
}
