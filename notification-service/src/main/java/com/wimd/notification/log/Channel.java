package com.wimd.notification.log;

/** How a message reaches the client. */
public enum Channel {
    EMAIL, IN_APP, SMS
}
