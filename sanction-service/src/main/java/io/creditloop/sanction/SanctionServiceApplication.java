package io.creditloop.sanction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Measures lists, one task per enforcing agency and measure, and the closed loop of R8. */
@SpringBootApplication
public class SanctionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SanctionServiceApplication.class, args);
    }
}
