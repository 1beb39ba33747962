package com.wimd.infra;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The container's mail catcher answers Mailpit's message list, so one script reads either. */
class MailCatcherServerTest {

    @Test
    void the_message_list_names_each_message_newest_first_in_mailpits_fields() throws Exception {
        MimeMessage first = message("alice@example.com", "Your call is confirmed");
        MimeMessage second = message("bob@example.com", "A \"quoted\" subject\\");

        String list = MailCatcherServer.list(new MimeMessage[] {first, second});

        assertThat(list).isEqualTo("{\"total\":2,\"messages\":["
                + "{\"ID\":\"2\",\"From\":{\"Name\":\"Coach\",\"Address\":\"coach@localhost\"},"
                + "\"To\":[{\"Name\":\"\",\"Address\":\"bob@example.com\"}],\"Subject\":\"A \\\"quoted\\\" subject\\\\\"},"
                + "{\"ID\":\"1\",\"From\":{\"Name\":\"Coach\",\"Address\":\"coach@localhost\"},"
                + "\"To\":[{\"Name\":\"\",\"Address\":\"alice@example.com\"}],\"Subject\":\"Your call is confirmed\"}]}");
    }

    @Test
    void an_empty_catcher_lists_nothing() {
        assertThat(MailCatcherServer.list(new MimeMessage[0])).isEqualTo("{\"total\":0,\"messages\":[]}");
    }

    private static MimeMessage message(String to, String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("coach@localhost", "Coach"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("hello");
        return message;
    }
}
