package io.rectify.testsupport;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Tests only: {@code --rectify.test.today=YYYY-MM-DD} fixes the application's clock at noon of that day. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("rectify.test.today")
class FixedClock {

    @Bean
    @Primary
    Clock testClock(@Value("${rectify.test.today}") String today) {
        ZoneId zone = ZoneId.systemDefault();
        return Clock.fixed(LocalDate.parse(today).atTime(12, 0).atZone(zone).toInstant(), zone);
    }
}
