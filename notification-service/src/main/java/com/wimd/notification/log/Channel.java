package com.wimd.notification.log;

/** How a message reaches the client. SMS is reserved in the schema; nothing sends it yet. */
public enum Channel {
    EMAIL, IN_APP, SMS
}
