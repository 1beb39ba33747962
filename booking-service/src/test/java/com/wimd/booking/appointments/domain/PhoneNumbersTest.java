package com.wimd.booking.appointments.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @Test
    void a_local_number_is_read_in_the_default_region_and_stored_as_e164() {
        assertThat(PhoneNumbers.toE164("(416) 555-0199", "CA")).contains("+14165550199");
    }

    @Test
    void a_number_with_a_country_code_keeps_its_country() {
        assertThat(PhoneNumbers.toE164("+44 20 7946 0958", "CA")).contains("+442079460958");
    }

    @Test
    void a_seven_digit_local_number_is_not_enough_to_call() {
        assertThat(PhoneNumbers.toE164("555-0199", "CA")).isEmpty();
    }

    @Test
    void garbage_and_blanks_are_not_numbers() {
        assertThat(PhoneNumbers.toE164("call me maybe", "CA")).isEmpty();
        assertThat(PhoneNumbers.toE164("", "CA")).isEmpty();
        assertThat(PhoneNumbers.toE164(null, "CA")).isEmpty();
    }
}
