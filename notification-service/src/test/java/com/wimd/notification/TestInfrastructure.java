package com.wimd.notification;

import com.wimd.infra.test.KafkaTestResource;
import com.wimd.infra.test.PostgresTestResource;
import com.wimd.notification.sms.TwilioFakeTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * One real PostgreSQL, Kafka broker and SMTP server, the WireMock OIDC provider and the Twilio fake, for every test of
 * this module.
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
@QuarkusTestResource(TwilioFakeTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
