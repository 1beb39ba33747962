package com.wimd.notification;

import com.wimd.infra.test.KafkaTestResource;
import com.wimd.infra.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** One real PostgreSQL, Kafka broker and SMTP server, and the WireMock OIDC provider, for every test of this module. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
