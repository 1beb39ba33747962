package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A service parked a message it could not handle (it could not be read, or its handler failed it the set number of
 * times) on its dead-letter topic: nothing more happens to it until someone fixes the cause and replays it. Any
 * service may emit it; the coach is emailed.
 *
 * @param parkedId   the parked message's id in that service (its {@code /admin/parked-messages/{id}/replay})
 * @param service    the service that parked it
 * @param topic      the topic it was read from
 * @param messageKey its Kafka key (usually the booking it concerns)
 * @param error      why it was parked
 * @param attempts   how many times it was tried
 */
public record MessageParked(UUID parkedId, String service, String topic, String messageKey, String error, int attempts,
                            Instant parkedAt) implements OperationsEvent {

    @Override
    public UUID correlationId() {
        return parkedId;
    }
}
