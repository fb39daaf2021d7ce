package io.creditloop.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Stand-ins for the outside world: simulated upstream credit platforms ({@code /platforms/{platform}}) and a demo
 * enforcing agency on Kafka. Nothing here is a real platform or agency; every address is 127.0.0.1 by default.
 */
@SpringBootApplication
public class SimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SimulatorApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
