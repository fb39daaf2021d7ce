package io.creditloop.identification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IdentificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentificationServiceApplication.class, args);
    }
}
