package io.rectify.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;

import io.rectify.RectifyApplication;

/**
 * One application context for the step tests of the jobs (cached by Spring's test context, so the classes that use
 * it share it): the whole application without the web, on an in-memory H2 of its own, with
 * {@link org.springframework.batch.test.JobOperatorTestUtils} to launch one step at a time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBatchTest
@SpringBootTest(classes = RectifyApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:jobsteps;MODE=MySQL;DB_CLOSE_DELAY=-1",
        "rectify.output-dir=target/job-steps/${random.uuid}/output",
        "rectify.data-dir=target/job-steps/${random.uuid}/data"})
@interface JobStepsContext {}
