package org.yibaoflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * One Spring context for the whole *IT suite (same configuration = cached context). Profiles come from
 * the system property {@code yibao.it.profiles} (default {@code test,demo}); CI's PostgreSQL step runs
 * the same suite with {@code test,demo,postgres}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = ItProfiles.class)
@Import(TestClock.Config.class)
public @interface IntegrationTest {
}
