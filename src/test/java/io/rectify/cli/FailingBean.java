package io.rectify.cli;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** A bean with a defect, made only when a test asks for it: a start-up bug, not a bad setting. */
@Component
@ConditionalOnProperty("rectify.test.failing-bean")
class FailingBean {
    FailingBean() {
        throw new IllegalStateException("a defect in a bean");
    }
}
